/*
 * YAML texts for the fast-reader tests: the repository's real YAML files,
 * the line reader's edge cases, and seeded mutations of both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './index';

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The examples' and the Kustomize fixtures' YAML files. */
export const REAL_YAML = [
  ...yamlFiles(path.join(REPO_ROOT, 'examples')),
  ...yamlFiles(
    path.join(
      REPO_ROOT,
      'plugins/twelve-factor-node/src/kustomize/__fixtures__',
    ),
  ),
].map(f => ({
  name: path.relative(REPO_ROOT, f),
  text: fs.readFileSync(f, 'utf8'),
}));

/** The subset's edges: literal blocks, same-column sequences, compact mappings, quoting, markers, empty values. */
export const BLOCK_CASES = [
  'a: 1\nb: x\n',
  'a:\n- 1\n- 2\nb: 3\n',
  'a:\n  - x: 1\n    y:\n    - z\n    w: 2\n  - v\n',
  '- a\n- b: 1\n  c: 2\n-   d: 3\n    e: 4\n',
  'k: |\n  line 1\n\n  line 3\n\n\nnext: 1\n',
  'k: |-\n  a\n   b\n  c\n\nnext: 1\n',
  'k: |+\n  a\n\n\nnext: 1\n',
  'k: |\n    deep\n  shallow\n',
  'k: |\n  a\n      \n  b\n',
  'k: |\n  a\n',
  'k: |\n  a',
  'k: |\n  a\n  ',
  'k: |\n\n  a\n',
  'k: |\n    \n  a\n',
  'k: |\nnext: 1\n',
  'k: |\n',
  'k: |2\n   a\n',
  'k: | # c\n  a\n',
  'k: >\n  a\n  b\n',
  '- |\n  a\n- b\n',
  '- |\n a\n',
  '- k: |\n    a\n  l: 1\n',
  'a: |\n  x\n# c\nb: 1\n',
  'a: |\n  x\n  # not a comment\nb: 1\n',
  "a: 'it''s'\nb: \"q\"\nc: ''\nd: \"\"\ne: 'x' # c\nf: \"y\"#c\n",
  'a: "esc\\n"\n',
  "a: 'open\n",
  'a: x # comment\nb: #\nc: x#y\nd: http://h:80/p\ne: a:b\nf: a: b\ng: a:\n',
  'a: [] \nb: {}\nc: [ ]\nd: [1]\ne: {} # c\n',
  'a: ~\nb: null\nc: true\nd: 0644\ne: 1_000\nf: 2024-01-15\ng: .inf\nh: -1\ni: --x\nj: -\nk: "0644"\n',
  'a:\nb:\n  c:\nd: 1\n',
  '80: http\n',
  'true: 1\n',
  '<<: 1\n',
  'a: <<\n',
  '"q": 1\n',
  'a : 1\n',
  'a: 1\na: 2\n',
  '__proto__: 1\n',
  'a:\n  b: 1\n c: 2\n',
  'a: 1\n  b: 2\n',
  'a: multi\n  line\n',
  '  a: 1\n',
  'just a scalar\n',
  '- - a\n',
  '-\n- a\n',
  '- # c\n  a\n',
  '-a: 1\n',
  'a: &x 1\n',
  'a: *x\n',
  'a: !t 1\n',
  'a: @x\n',
  'a: `x\n',
  'a: ? x\n',
  '? a\n: 1\n',
  'a: [1, 2]\n',
  '---\na: 1\n---\nb: 2\n',
  '---\n---\na: 1\n---\n',
  '# c\n---\n',
  'a: 1\n---',
  '--- \na: 1\n',
  '--- # c\na: 1\n',
  '...\n',
  '%YAML 1.2\n---\na: 1\n',
  '',
  '\n\n# only\n',
  'a: 1\r\n',
  'a:\tb\n',
  '\ufeffa: 1\n',
  'a: caf\u00e9 \uc11c\ube44\uc2a4\n# \ud55c\uad6d\uc5b4 \uc8fc\uc11d\nb: \ud83d\ude00\n',
  'a: \u0085\n',
  `${'k'.repeat(1030)}: 1\n`,
  'a:\n  - b\n  -\n',
  'list:\n- a\n- b\nkey: c\n',
  'a:\n  - x\n  y: 1\n',
];

/** Deterministic mutations of real files and of the cases above. */
export function blockMutations(count: number, seed0: number): string[] {
  let seed = seed0;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = [
    ' ',
    '  ',
    '\n',
    '\n\n',
    '-',
    '- ',
    ':',
    ': ',
    '#',
    ' #',
    '"',
    "'",
    "''",
    '{}',
    '[]',
    '{',
    '[',
    ',',
    '|',
    '|-',
    '|+',
    '>',
    '0',
    '~',
    '2024-01-02',
    '0644',
    '<<',
    '---\n',
    'k: ',
    '\n  ',
    '\n- ',
    'x: |\n  y\n',
    '\\',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = [...REAL_YAML.map(r => r.text), ...BLOCK_CASES][
      rnd(REAL_YAML.length + BLOCK_CASES.length)
    ];
    for (let j = 1 + rnd(3); j > 0; j--) {
      const pos = rnd(t.length + 1);
      const op = rnd(4);
      if (op === 0)
        t = t.slice(0, pos) + pieces[rnd(pieces.length)] + t.slice(pos);
      else if (op === 1) t = t.slice(0, pos) + t.slice(pos + 1 + rnd(3));
      else if (op === 2) {
        const lines = t.split('\n');
        const l = rnd(lines.length);
        lines[l] = rnd(2) ? ` ${lines[l]}` : lines[l].replace(/^ {1,2}/, '');
        t = lines.join('\n');
      } else {
        const lines = t.split('\n');
        const l = rnd(lines.length);
        lines.splice(rnd(lines.length), 0, lines[l]);
        t = lines.join('\n');
      }
    }
    out.push(t);
  }
  return out;
}
