import {
  BARE_DASH_RE,
  hasBareDash,
  hasDedentedRoot,
  hasOverIndentedBlockStart,
  hasUnsafeText,
  UNSAFE_TEXT_RE,
} from './textGuards';

/** Small random texts over the characters the guards look at, so that every branch is reached many times. */
function randomTexts(count: number, seed = 7): string[] {
  const alphabet = [
    '-',
    '-',
    ' ',
    '\t',
    '\n',
    '\r',
    '\r\n',
    '?',
    '%',
    '#',
    '[',
    '{',
    ',',
    'a',
    'b:',
    '---',
    '\u2028',
    'x',
  ];
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(rnd() * 14);
    let t = '';
    for (let j = 0; j < n; j++)
      t += alphabet[Math.floor(rnd() * alphabet.length)];
    out.push(t);
  }
  return out;
}

describe('fast-path text guards', () => {
  const samples = [
    '',
    '-',
    'a: 1\n- \n',
    'items:\n  - # comment\n',
    'items:\n  - a\n  - b\n',
    'name: cms-web-api\n',
    '%YAML 1.2\n---\na: 1',
    'a: "50%"\n',
    '--- !!map\na: 1',
    '---\na: 1\n--- # c\nb: 2',
    '--- a',
    '? complex\n: v',
    'a: [x, ? y]',
    'url: http://x/?q=1',
    'x:\r\n  -\r\n',
    'x:\u2028-\u2028',
  ];

  it('answer as their regular expressions on hand-picked texts', () => {
    for (const t of samples) {
      expect([t, hasUnsafeText(t)]).toEqual([t, UNSAFE_TEXT_RE.test(t)]);
      expect([t, hasBareDash(t)]).toEqual([t, BARE_DASH_RE.test(t)]);
    }
  });

  it('answer as their regular expressions on 50,000 random texts', () => {
    let unsafe = 0;
    let bare = 0;
    for (const t of randomTexts(50_000)) {
      const u = UNSAFE_TEXT_RE.test(t);
      const b = BARE_DASH_RE.test(t);
      if (hasUnsafeText(t) !== u)
        throw new Error(`hasUnsafeText differs on ${JSON.stringify(t)}`);
      if (hasBareDash(t) !== b)
        throw new Error(`hasBareDash differs on ${JSON.stringify(t)}`);
      unsafe += u ? 1 : 0;
      bare += b ? 1 : 0;
    }
    // The corpus reaches both answers of both guards often.
    expect(unsafe).toBeGreaterThan(1000);
    expect(bare).toBeGreaterThan(1000);
  });
});

describe('indentation guards', () => {
  it('find a line indented less than the indented first node of its document', () => {
    expect(hasDedentedRoot('  -\n- a\n')).toBe(true);
    expect(hasDedentedRoot('  a: 1\n  b: 2\n# c\n\n  c: 3\n')).toBe(false);
    expect(hasDedentedRoot('a: 1\n---\n  b: 1\nc: 2\n')).toBe(true);
    expect(hasDedentedRoot('  a: 1\n---\nb: 1\n')).toBe(false);
    expect(hasDedentedRoot('a:\n  b: 1\nc: 2\n')).toBe(false);
  });

  it('find leading empty lines of a block scalar wider than its first line', () => {
    expect(hasOverIndentedBlockStart('k: |\n    \n\n  \n   #a\n')).toBe(true);
    expect(hasOverIndentedBlockStart('k: >-\n     \n  a\n')).toBe(true);
    expect(hasOverIndentedBlockStart('k: |\n\n  a\n  \n')).toBe(false);
    expect(hasOverIndentedBlockStart('k: |2\n     \n  a\n')).toBe(false);
    expect(hasOverIndentedBlockStart('cmd: a | b\nk: x > y\n')).toBe(false);
  });
});
