/*
 * The fast YAML paths (js-yaml behind guards, yaml/fastLoad.ts) must read
 * exactly what the `yaml`-based reference readers read: the Kustomize
 * renderer's parser, the manifest reader, the CI parsers and single-document
 * reads. Compared on the repository's own YAML, on constructs where the two
 * parsers are known to differ, and on seeded mutations of real files (most
 * of them malformed), where the fast path must decline rather than disagree.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import {
  BLOCK_CASES,
  blockMutations,
  REAL_YAML,
} from '../__testUtils__/yamlCorpus';
import {
  parsePipeline,
  parsePipelineFast,
  parsePipelineReference,
} from '../facts/ci/parsePipelines';
import {
  readYamlObjects,
  readYamlObjectsReference,
} from '../facts/manifests/yamlObjects';
import {
  EMPTY_NULL,
  parseYamlDocs,
  parseYamlDocsFast,
  parseYamlDocsReference,
} from '../kustomize/yaml';
import { CORE_SCHEMA, fastLoadSingle } from './fastLoad';

/** Constructs where js-yaml and `yaml` differ, or where the guards must act. */
const TRICKY = [
  'a: 0644\nb: 1_000\nc: 0x1F\nd: 0o17\ne: 1e3\nf: .5\ng: -.inf\nh: .nan\ni: 2024-01-15\nj: 2001-12-14t21:59:43.10-05:00\nk: 1.0\nl: 1.2.3\nm: 0b101\nn: 99999999999999999999\no: -0\n',
  'a:\nb: ~\nc: null\nd: true\ne: yes\nf: on\ng: ""\n',
  'metadata:\n  name: x\n  annotations:\n    a: 2024-01-15\n    b: "1.0"\n    c: 1.0\n    d: true\n    e:\n    f: |\n      multi\n',
  'metadata:\n  annotations:\n    a: text\n    b: "2024-01-15"\nspec:\n  d: 2024-01-15\n',
  'base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n',
  'a: [1, 2,\n  3]\n',
  '{\n  "a": 1,\n  "b": [\n    1\n  ]\n}\n',
  'a: {b}\n',
  'a: {b, c: 1}\n',
  '- \n- a\n-\n- b\n',
  'a: "x"#c\n',
  "a: 'x'#c\n",
  'a: [1]#c\n',
  '---\na: 1\n---\n# only a comment\n---\nb: 2\n...\n',
  '--- a: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: "multi\nline"\n',
  'a: "multi\n  line"\n',
  'a: 1\na: 2\n',
  '1: a\n"1": b\n',
  'null: 1\n',
  '? a\n: 1\n',
  '[a]: 1\n',
  '{: v}\n',
  `${'k'.repeat(1030)}: 1\n`,
  'a: !!str 1\n',
  'a: &x 1\nb: *x\n',
  'a:\n\tb: 1\n',
  'a: b: c\n',
  'a: {b: }\n',
  'items:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: x\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  script: |\n    #!/bin/sh\n    echo "hi"\n',
  '\ufeffa: 1\r\nb:\r\n  - x\r\n',
];

/** Deterministic mutations of real files: insertions, deletions, re-indented lines. */
function mutations(count: number): string[] {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = [
    ' ',
    '  ',
    '\n',
    '-',
    ':',
    '#',
    '"',
    "'",
    '{',
    '}',
    '[',
    ']',
    ',',
    '\t',
    '|',
    '>',
    '0',
    '.',
    '~',
    '- ',
    ': ',
    '2024-01-02',
    '0644',
    '?',
    '!',
    '&a',
    '*a',
    '<<',
    '---\n',
    '%',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = REAL_YAML[rnd(REAL_YAML.length)].text;
    for (let j = 1 + rnd(3); j > 0; j--) {
      const pos = rnd(t.length + 1);
      const op = rnd(3);
      if (op === 0)
        t = t.slice(0, pos) + pieces[rnd(pieces.length)] + t.slice(pos);
      else if (op === 1) t = t.slice(0, pos) + t.slice(pos + 1 + rnd(3));
      else {
        const lines = t.split('\n');
        const l = rnd(lines.length);
        lines[l] =
          (rnd(2) ? ' ' : '') + lines[l].replace(/^ /, rnd(2) ? '' : ' ');
        t = lines.join('\n');
      }
    }
    out.push(t);
  }
  return out;
}

// The line reader's edge cases and mutations too: the fast path tries it first.
const CORPUS = [
  ...REAL_YAML.map(r => r.text),
  ...TRICKY,
  ...mutations(1500),
  ...BLOCK_CASES,
  ...blockMutations(1500, 23),
];

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('fast YAML reading', () => {
  it('parses like the reference for the Kustomize renderer (values, lines, empty markers, errors)', () => {
    const mismatches = CORPUS.filter(
      t => !isDeepStrictEqual(parseYamlDocs(t), parseYamlDocsReference(t)),
    );
    expect(mismatches).toEqual([]);
  });

  it('reads manifests like the reference', () => {
    const mismatches = CORPUS.filter(
      t =>
        !isDeepStrictEqual(
          readYamlObjects('m.yaml', t),
          readYamlObjectsReference('m.yaml', t),
        ),
    );
    expect(mismatches).toEqual([]);
  });

  it('reads single documents like yaml.parse', () => {
    const mismatches = CORPUS.filter(t => {
      const fast = outcome(() => {
        const f = fastLoadSingle(t, {
          schema: CORE_SCHEMA,
          duplicateKeys: 'error',
        });
        return f ? f.value : parse(t);
      });
      return !isDeepStrictEqual(
        fast,
        outcome(() => parse(t)),
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('parses CI definitions like the reference (steps, lines, errors)', () => {
    const ci = [
      'on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n      -\n        name: multi\n        run: |\n          a\n          b\n      - run: echo hi\n        with: {a: 1, b: [1]}\n  deploy:\n    uses: ./.github/workflows/x.yml\n  123: {steps: [{run: x}]}\n',
      'jobs:\n  a:\n    steps:\n    - checkout\n    - run: x\n    -\n    - run: y\n',
      'stages: [build]\n.tpl:\n  script: [echo tpl]\nbuild:\n  extends: .tpl\n  only: [main]\n  environment: {name: prod}\n"quoted job":\n  script: x\n',
      'trigger:\n  branches:\n    include: [main]\nstages:\n- stage: A\n  jobs:\n  - job: J\n    steps:\n    - script: echo\n    - task: Docker@2\n      inputs: {command: build}\n',
      'version: 2.1\njobs:\n  build:\n    steps:\n      - checkout\n      - run:\n          name: t\n          command: make test\n',
      'jobs:\n  a: &a\n    steps: [{run: x}]\n  b: *a\n',
      ...REAL_YAML.filter(r =>
        /workflows|gitlab|azure|circleci/.test(r.name),
      ).map(r => r.text),
    ];
    const systems = [
      'github-actions',
      'gitlab-ci',
      'azure-pipelines',
      'circleci',
    ] as const;
    const mismatches: string[] = [];
    for (const text of [...ci, ...CORPUS.slice(0, 400)]) {
      for (const system of systems) {
        if (
          !isDeepStrictEqual(
            outcome(() => parsePipeline('ci.yml', system, text)),
            outcome(() => parsePipelineReference('ci.yml', system, text)),
          )
        )
          mismatches.push(`${system}: ${text}`);
      }
    }
    expect(mismatches).toEqual([]);
    // The fast path is taken for ordinary definitions (else it would be correct but slow).
    expect(parsePipelineFast('ci.yml', 'github-actions', ci[0])).toBeDefined();
  });

  it('takes the fast path for ordinary manifests and kustomizations', () => {
    const plain = REAL_YAML.filter(r =>
      /examples\/auto-builder-cms\/repo\/kubernetes/.test(r.name),
    );
    expect(plain.length).toBeGreaterThan(5);
    expect(
      plain.filter(r => !parseYamlDocsFast(r.text)).map(r => r.name),
    ).toEqual([]);
  });

  it('marks empty values, which kubectl treats apart from null', () => {
    const parsed = parseYamlDocs('a:\nb: null\nc:\n  - x\nd: {e: }\n');
    expect(parsed.docs[0]).toEqual({
      value: { a: EMPTY_NULL, b: null, c: ['x'], d: { e: EMPTY_NULL } },
      line: 1,
      hasEmpty: true,
    });
  });
});
