/*
 * The line reader must give exactly what js-yaml behind its guards gives
 * (jsYamlLoadAll), or decline. fastLoad.test.ts separately compares the
 * whole fast path, this reader included, with the `yaml` reference.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Schema } from 'js-yaml';
import {
  BLOCK_CASES,
  blockMutations,
  REAL_YAML,
} from '../__testUtils__/yamlCorpus';
import {
  EMPTY_NULL,
  GO_SCHEMA,
  parseYamlDocsReference,
} from '../kustomize/yaml';
import { readBlockYaml } from './blockReader';
import { CORE_SCHEMA, jsYamlLoadAll } from './fastLoad';

/** The two ways the product reads YAML without node positions: manifests and single files (core), and Kustomize (go). */
const SCHEMAS: Array<[string, Schema, unknown]> = [
  ['core', CORE_SCHEMA, null],
  ['go (Kustomize)', GO_SCHEMA, EMPTY_NULL],
];

/**
 * Texts where the line reader answers and disagrees with js-yaml behind its
 * guards; where those decline, the Kustomize path is compared with its
 * `yaml`-based reference (the core path's readers are compared with theirs,
 * end to end, in fastLoad.test.ts, on the same cases).
 */
function disagreements(texts: string[], schema: Schema, emptyValue: unknown) {
  let answered = 0;
  const bad: Array<{ text: string; block: unknown; reference: unknown }> = [];
  for (const text of texts) {
    const block = readBlockYaml(text, { schema, emptyValue });
    if (!block) continue;
    answered++;
    let reference: unknown = jsYamlLoadAll(text, {
      schema,
      duplicateKeys: 'error',
      emptyValue: emptyValue ?? undefined,
    })?.docs;
    if (reference === undefined && schema === GO_SCHEMA) {
      const parsed = parseYamlDocsReference(text);
      reference = parsed.errors.length
        ? parsed
        : parsed.docs.map(d => ({ value: d.value, line: d.line }));
    }
    if (reference !== undefined && !isDeepStrictEqual(block, reference))
      bad.push({ text, block, reference });
  }
  return { answered, bad };
}

describe('readBlockYaml', () => {
  it.each(SCHEMAS)(
    'reads real files and edge cases as js-yaml does, or declines (%s schema)',
    (_name, schema, emptyValue) => {
      const { answered, bad } = disagreements(
        [...REAL_YAML.map(r => r.text), ...BLOCK_CASES],
        schema,
        emptyValue,
      );
      expect(bad).toEqual([]);
      expect(answered).toBeGreaterThan(REAL_YAML.length / 2);
    },
  );

  it.each(SCHEMAS)(
    'agrees with js-yaml on seeded mutations, or declines (%s schema)',
    (_name, schema, emptyValue) => {
      const texts = blockMutations(4000, 11);
      const { answered, bad } = disagreements(texts, schema, emptyValue);
      expect(bad.slice(0, 3)).toEqual([]);
      // Not a vacuous pass: a good share of the mutations stays inside the subset.
      expect(answered).toBeGreaterThan(texts.length / 5);
    },
  );

  it('reads the example service manifests and kustomizations itself', () => {
    const manifests = REAL_YAML.filter(r =>
      /examples\/auto-builder-cms\/repo\/kubernetes\//.test(r.name),
    );
    expect(manifests.length).toBeGreaterThan(10);
    expect(
      manifests
        .filter(
          r =>
            !readBlockYaml(r.text, {
              schema: GO_SCHEMA,
              emptyValue: EMPTY_NULL,
            }),
        )
        .map(r => r.name),
    ).toEqual([]);
  });

  it('reads one-line flow collections', () => {
    expect(
      readBlockYaml(
        'a: {cpu: 100m, n: 2}\nb: ["sh", \'-c\', x y]\nc: {command: ["ping"]}\nd: [ ]\n',
        { schema: CORE_SCHEMA, emptyValue: null },
      ),
    ).toEqual([
      {
        value: {
          a: { cpu: '100m', n: 2 },
          b: ['sh', '-c', 'x y'],
          c: { command: ['ping'] },
          d: [],
        },
        line: 1,
      },
    ]);
  });

  it('reads literal blocks, same-column sequences, compact mappings and empty values', () => {
    expect(
      readBlockYaml('a:\n- x: |\n    l1\n\n    l2\n  y:\nb: |-\n  t\n---\n', {
        schema: CORE_SCHEMA,
        emptyValue: EMPTY_NULL,
      }),
    ).toEqual([
      { value: { a: [{ x: 'l1\n\nl2\n', y: EMPTY_NULL }], b: 't' }, line: 1 },
      { value: EMPTY_NULL, line: 9 },
    ]);
  });

  it('declines what is outside the subset', () => {
    for (const text of [
      'a: &x 1\n',
      'a: [1, {b: }]\n',
      'a: [a: b]\n',
      'a: [1,\n  2]\n',
      'a: [1, 2,]\n',
      'k: >\n  a\n',
      'a: "e\\n"\n',
      '"q": 1\n',
      'a: 1\na: 2\n',
      'a:\tb\n',
      '-\n',
      'x\n',
      '80: http\n',
    ]) {
      expect(
        readBlockYaml(text, { schema: CORE_SCHEMA, emptyValue: null }),
      ).toBeUndefined();
    }
  });
});
