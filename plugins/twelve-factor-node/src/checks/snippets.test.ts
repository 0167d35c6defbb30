import { serviceEntity } from '../__testUtils__';
import { TwelveFactorEngine } from '../engine/TwelveFactorEngine';
import { lazySnippet, podSpecPatch, toYaml, toYamlReference } from './snippets';

/** Strings every YAML emitter has to think about: types in disguise, indicators, quotes, breaks, non-printables. */
const STRINGS = [
  '',
  ' ',
  'a',
  'web',
  'true',
  'True',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '~',
  'null',
  'NULL',
  '<<',
  '1',
  '01',
  '0644',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1.0',
  '.5',
  '1e3',
  '-1',
  '+1',
  '.inf',
  '-.inf',
  '.nan',
  '1:30',
  '190:20:30',
  '2024-01-15',
  '2001-12-14t21:59:43.10-05:00',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#a',
  '-a',
  '- a',
  '?a',
  ':a',
  'a:',
  'a ',
  ' a',
  'a\tb',
  'a\nb',
  'a\nb\n',
  'a\n\n',
  '\n',
  ' \na',
  'x\r\ny',
  '"q"',
  "it's",
  '[a]',
  '{a}',
  'a,b',
  '@x',
  '`x`',
  '%x',
  '&x',
  '*x',
  '!x',
  '|x',
  '>x',
  '=x',
  'é',
  '日本',
  '😀',
  '\u0000',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  'k'.repeat(1030),
  'http://x:80/y#z',
  'registry.example.com/svc:1.2.0',
  '${VAR}',
  '{{ .Values.x }}',
  '*',
  'svc-web-api',
  'a_b.c/d-e',
];

function randomValues(count: number): unknown[] {
  let seed = 3;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const value = (depth: number): unknown => {
    switch (rnd(depth > 3 ? 5 : 8)) {
      case 0:
      case 1:
        return STRINGS[rnd(STRINGS.length)];
      case 2:
        return [0, 1, -1, 1.5, -0, 1e21, 1e-7, NaN, Infinity, -Infinity][
          rnd(10)
        ];
      case 3:
        return [true, false, null, undefined][rnd(4)];
      case 4:
        return STRINGS[rnd(STRINGS.length)] + STRINGS[rnd(STRINGS.length)];
      case 5:
      case 6: {
        const o: Record<string, unknown> = {};
        for (let i = rnd(4); i > 0; i--)
          o[STRINGS[rnd(STRINGS.length)] || `k${i}`] = value(depth + 1);
        return o;
      }
      default:
        return Array.from({ length: rnd(4) }, () => value(depth + 1));
    }
  };
  return Array.from({ length: count }, () => value(0));
}

describe('toYaml', () => {
  it("prints exactly what js-yaml's dump prints", () => {
    const values = [
      ...STRINGS.flatMap(s => [
        s,
        { [s]: s },
        [s, { a: [s] }],
        { a: { b: [{ c: s, d: [s, s] }] } },
      ]),
      ...randomValues(20_000),
      {
        empty: {},
        list: [],
        nested: [[1, [2]], { a: [] }],
        undef: [undefined, null],
      },
    ];
    const mismatches = values.filter(v => toYaml(v) !== toYamlReference(v));
    expect(mismatches).toEqual([]);
  });

  it('leaves what is not plain data to js-yaml', () => {
    for (const v of [new Date(0), { d: new Date(0) }, Object.create(null)])
      expect(toYaml(v)).toBe(toYamlReference(v));
    expect(() => toYaml({ f: () => 1 })).toThrow();
  });

  it('writes the patches the checks use', () => {
    expect(
      podSpecPatch(
        { kind: 'Deployment', name: 'web', namespace: 'prod' },
        { containers: [{ name: 'web', env: [{ name: 'A', value: '0644' }] }] },
      ),
    ).toBe(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: A\n              value: '0644'\n",
    );
  });
});

describe('lazySnippet', () => {
  it('writes the content on first read, once, as an enumerable field', () => {
    let writes = 0;
    const snippet = lazySnippet({ language: 'yaml', action: 'create' }, () => {
      writes++;
      return 'a: 1\n';
    });
    expect(writes).toBe(0);
    expect(snippet).toEqual({
      language: 'yaml',
      action: 'create',
      content: 'a: 1\n',
    });
    expect(snippet.content).toBe('a: 1\n');
    expect(JSON.parse(JSON.stringify(snippet))).toEqual({
      language: 'yaml',
      action: 'create',
      content: 'a: 1\n',
    });
    expect(writes).toBe(1);
  });

  it('is written only for the remediation the engine keeps, and stored as plain data', async () => {
    const written: string[] = [];
    const snippet = (name: string) =>
      lazySnippet({ language: 'yaml', action: 'create' }, () => {
        written.push(name);
        return `${name}: true\n`;
      });
    const kept = snippet('kept');
    snippet('discarded');
    const engine = new TwelveFactorEngine({
      extractors: [],
      checks: [
        {
          id: 'f1-codebase.version-control',
          evaluate: () => ({
            verdict: 'fail',
            summary: 'x',
            remediation: { text: 'fix', snippet: kept },
          }),
        },
      ],
    });
    const card = await engine.evaluate({ entity: serviceEntity() });
    const remediation = card.results.find(
      r => r.checkId === 'f1-codebase.version-control',
    )!.remediation!;
    expect(written).toEqual(['kept']);
    expect(remediation.snippet).toEqual({
      language: 'yaml',
      action: 'create',
      content: 'kept: true\n',
    });
    expect(
      Object.getOwnPropertyDescriptor(remediation.snippet, 'content'),
    ).toHaveProperty('value', 'kept: true\n');
  });

  it('fails the check, as an eager snippet would, when the content cannot be written', async () => {
    const engine = new TwelveFactorEngine({
      extractors: [],
      checks: [
        {
          id: 'f1-codebase.version-control',
          evaluate: () => ({
            verdict: 'fail',
            summary: 'x',
            remediation: {
              text: 'fix',
              snippet: lazySnippet(
                { language: 'yaml', action: 'create' },
                () => {
                  throw new Error('boom');
                },
              ),
            },
          }),
        },
      ],
    });
    const card = await engine.evaluate({ entity: serviceEntity() });
    expect(
      card.results.find(r => r.checkId === 'f1-codebase.version-control'),
    ).toMatchObject({ verdict: 'unknown', summary: 'Check failed' });
  });
});
