/**
 * YAML reading and writing for the renderer.
 *
 * kubectl kustomize reads YAML with go-yaml v3 and prints objects after a
 * round trip through JSON, so a few plain scalars come out differently from
 * what a YAML 1.2 core-schema parser yields: `0644` is octal (420), `1_000`
 * is 1000, `0b101` is 5 and an unquoted date is a timestamp printed in
 * RFC 3339. The custom tag below reproduces go-yaml's resolution for plain
 * scalars that start like a number, so the rendered objects compare equal
 * to kubectl's output.
 *
 * Parsing is the expensive part of a render. Files are read with js-yaml
 * under a schema that resolves scalars the same way (GO_SCHEMA below), which
 * is several times faster than the `yaml` package (about 1 MB/s); whatever
 * the fast path cannot vouch for (see yaml/fastLoad.ts) is read by the
 * `yaml`-based reference parser, `parseYamlDocsReference`. Parsed files are
 * also cached per snapshot: a snapshot is immutable, and its overlays share
 * their bases.
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';
import {
  Composer,
  Document,
  isMap as isYamlMap,
  isScalar,
  LineCounter,
  Parser,
  Scalar,
  visit,
} from 'yaml';
import type { ScalarTag } from 'yaml';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import {
  boolType,
  fastLoadAll,
  floatNaNType,
  mergeType,
  nullType,
} from '../yaml/fastLoad';

/**
 * An empty YAML value (`key:` with nothing after it). It reads as null, but
 * kubectl drops such fields wherever a strategic merge patch walks, while it
 * keeps an explicit `null` or `~`; so the two must stay distinguishable until
 * the render is done (see `nullifyEmpty`).
 */
export const EMPTY_NULL: unique symbol = Symbol('empty-null');

/** null, undefined or an empty YAML value. */
export function isNullish(
  v: unknown,
): v is null | undefined | typeof EMPTY_NULL {
  return v === null || v === undefined || v === EMPTY_NULL;
}

// Builtins hoisted: these helpers are hot, and global lookups are slow in VM contexts (Jest).
const isArray = Array.isArray;
const objectKeys = Object.keys;

/** Replaces empty-value markers by null, in place; returns the value. */
export function nullifyEmpty<T>(v: T): T {
  if (isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === EMPTY_NULL) v[i] = null;
      else if (v[i] !== null && typeof v[i] === 'object') nullifyEmpty(v[i]);
    }
  } else if (v !== null && typeof v === 'object') {
    for (const k of objectKeys(v as object)) {
      const x = (v as any)[k];
      if (x === EMPTY_NULL) (v as any)[k] = null;
      else if (x !== null && typeof x === 'object') nullifyEmpty(x);
    }
  }
  return (v === EMPTY_NULL ? null : v) as T;
}

/** One YAML document of a file: its value and the 1-based line it starts on. */
export interface ParsedDoc {
  value: unknown;
  line?: number;
  /** Whether it holds empty values (EMPTY_NULL markers). */
  hasEmpty: boolean;
}

/** A parsed file: documents that parsed, and messages for those that did not. */
export interface ParsedFile {
  docs: ParsedDoc[];
  errors: string[];
}

const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT =
  /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])| )(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** go-yaml resolves `2001-12-14` to a time; JSON then prints it as RFC 3339 (nano). */
function goTimestamp(s: string): string | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, t, h, mi, se, frac, zone] = m;
  // Go accepts "Z07:00" only after a `T`; a space-separated time has no zone.
  if (
    h !== undefined &&
    ((t === undefined && zone !== undefined) ||
      (t !== undefined && zone === undefined))
  ) {
    return undefined;
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  const pad = (n: string | number, w = 2) => String(n).padStart(w, '0');
  if (h === undefined) return `${y}-${pad(month)}-${pad(day)}T00:00:00Z`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  let fraction = frac ? frac.slice(0, 9).replace(/0+$/, '') : '';
  if (fraction) fraction = `.${fraction}`;
  const tz =
    !zone || zone === 'Z' || zone === '+00:00' || zone === '-00:00'
      ? 'Z'
      : zone;
  return `${y}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(
    se,
  )}${fraction}${tz}`;
}

function goInt(plain: string): number | undefined {
  const m = GO_INT.exec(plain);
  if (!m) return undefined;
  const [, sign, body] = m;
  let big: bigint;
  if (/^0[xX]/.test(body)) big = BigInt(`0x${body.slice(2)}`);
  else if (/^0[oO]/.test(body)) big = BigInt(`0o${body.slice(2)}`);
  else if (/^0[bB]/.test(body)) big = BigInt(`0b${body.slice(2)}`);
  else if (body.length > 1 && body[0] === '0')
    big = BigInt(`0o${body.slice(1)}`);
  else big = BigInt(body);
  if (sign === '-') big = -big;
  // Beyond uint64 go-yaml falls back to float parsing; so do we.
  if (big > 18446744073709551615n || big < -9223372036854775808n)
    return undefined;
  const n = Number(big);
  return Object.is(n, -0) ? 0 : n;
}

/** go-yaml v3's resolution of a plain scalar that starts with a digit, sign or dot. */
export function resolveGoScalar(s: string): unknown {
  if (/^[0-9]/.test(s)) {
    const ts = goTimestamp(s);
    if (ts !== undefined) return ts;
  }
  const plain = s.replace(/_/g, '');
  const i = goInt(plain);
  if (i !== undefined) return i;
  if (GO_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return Object.is(f, -0) ? 0 : f;
  }
  return s;
}

/** Plain scalars that go-yaml may read as a number or a timestamp. */
const GO_NUMBER_START = /^[-+]?\.?[0-9]/;

const goNumberTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: GO_NUMBER_START,
  resolve: resolveGoScalar,
};

const parseOptions = {
  customTags: (tags: any[]) => [goNumberTag, ...tags],
  merge: true,
  uniqueKeys: true,
} as const;

/**
 * kubectl rewrites top-level annotations from their YAML *text* (kyaml's
 * GetAnnotations/SetAnnotations), so `created: 2024-01-15` stays
 * "2024-01-15" and `v: 1.0` stays "1.0". Keep that text for them.
 */
function keepAnnotationText(doc: Document.Parsed, value: unknown): void {
  const annotations = (value as any)?.metadata?.annotations;
  if (
    annotations === null ||
    typeof annotations !== 'object' ||
    Array.isArray(annotations)
  )
    return;
  const node = doc.getIn(['metadata', 'annotations'], true);
  if (!isYamlMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !(key in annotations)) continue;
    if (isScalar(pair.value) && typeof pair.value.source === 'string')
      annotations[key] = pair.value.source;
    else if (pair.value === null) annotations[key] = '';
  }
}

/**
 * Strings that go-yaml's resolution made out of other text (timestamps),
 * collected while the fast path reads one file: an annotation holding one
 * must be re-read for its text.
 */
let goRewritten: Set<string> | undefined;

const goNumberType = new Type('tag:twelve-factor/fast,go-number', {
  kind: 'scalar',
  resolve: (s: string) => GO_NUMBER_START.test(s),
  construct: (s: string) => {
    const v = resolveGoScalar(s);
    if (typeof v === 'string' && v !== s) goRewritten?.add(v);
    return v;
  },
});

/**
 * The reference parser's resolution in js-yaml terms: go-yaml's numbers and
 * timestamps first, then the YAML 1.2 core null, bool and `.inf`/`.nan`, and
 * merge keys.
 */
export const GO_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [goNumberType, nullType, boolType, floatNaNType, mergeType],
});

function containsEmpty(v: unknown): boolean {
  if (v === EMPTY_NULL) return true;
  if (isArray(v)) {
    for (let i = 0; i < v.length; i++) if (containsEmpty(v[i])) return true;
  } else if (v !== null && typeof v === 'object') {
    for (const k of objectKeys(v as object))
      if (containsEmpty((v as any)[k])) return true;
  }
  return false;
}

/**
 * Whether the top-level annotations of a document already read as their YAML
 * text (see keepAnnotationText): plain strings that no resolution rewrote.
 */
function annotationsAreText(
  value: unknown,
  rewritten: ReadonlySet<string>,
): boolean {
  const annotations = (value as any)?.metadata?.annotations;
  if (
    annotations === null ||
    typeof annotations !== 'object' ||
    isArray(annotations)
  )
    return true;
  for (const k of objectKeys(annotations)) {
    const v = annotations[k];
    if (typeof v !== 'string' || rewritten.has(v)) return false;
  }
  return true;
}

/** The fast path of parseYamlDocs, or undefined when the reference parser must read the text. Exported for tests. */
export function parseYamlDocsFast(text: string): ParsedFile | undefined {
  const rewritten = new Set<string>();
  goRewritten = rewritten;
  let loaded;
  try {
    loaded = fastLoadAll(text, {
      schema: GO_SCHEMA,
      duplicateKeys: 'error',
      emptyValue: EMPTY_NULL,
    });
  } finally {
    goRewritten = undefined;
  }
  if (!loaded) return undefined;
  const docs: ParsedDoc[] = [];
  for (const d of loaded.docs) {
    if (!annotationsAreText(d.value, rewritten)) return undefined;
    docs.push({
      value: d.value,
      line: d.line,
      hasEmpty: containsEmpty(d.value),
    });
  }
  return { docs, errors: [] };
}

/** Parses a (multi-document) YAML text. Never throws. */
export function parseYamlDocs(text: string): ParsedFile {
  return parseYamlDocsFast(text) ?? parseYamlDocsReference(text);
}

/**
 * The reference parser, with the `yaml` package: every construct, and
 * per-document error messages. Used where the fast path declines.
 */
export function parseYamlDocsReference(
  text: string,
  eofBlockScalar = false,
  annotationText = true,
): ParsedFile {
  const docs: ParsedDoc[] = [];
  const errors: string[] = [];
  try {
    const lineCounter = new LineCounter();
    const parser = new Parser(lineCounter.addNewLine);
    const composer = new Composer(parseOptions as any);
    for (const doc of composer.compose(parser.parse(text), true)) {
      if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line =
          e.linePos?.[0]?.line ??
          (e.pos ? lineCounter.linePos(e.pos[0]).line : undefined);
        errors.push(
          `${e.message.split('\n')[0]}${
            line !== undefined && !/at line/.test(e.message)
              ? ` (line ${line})`
              : ''
          }`,
        );
        continue;
      }
      const contents = doc.contents as any;
      if (contents === null || contents === undefined) continue;
      let hasEmpty = false;
      visit(doc, {
        Scalar(key, node) {
          if (key !== 'key' && node.value === null && node.source === '') {
            node.value = EMPTY_NULL;
            hasEmpty = true;
          }
          if (
            eofBlockScalar &&
            (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') &&
            node.range?.[1] === text.length &&
            typeof node.value === 'string' &&
            node.value.endsWith('\n')
          )
            node.value = node.value.slice(0, -1);
        },
      });
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 10000 });
      } catch (err) {
        errors.push((err as Error).message);
        continue;
      }
      const line = contents.range
        ? lineCounter.linePos(contents.range[0]).line
        : undefined;
      if (annotationText) keepAnnotationText(doc, value);
      docs.push({ value, line, hasEmpty });
    }
  } catch (err) {
    errors.push((err as Error).message);
  }
  return { docs, errors };
}

/**
 * go-yaml (kustomize's parser) ends a block scalar that runs to the end of a
 * text without a final newline without one; YAML 1.2 parsers add it. Such
 * texts (last line indented, no newline after it) go to the reference parser,
 * told to drop that newline.
 */
const BLOCK_SCALAR_HEADER = /(?:^|[\s:?-])[|>][-+1-9]{0,2}[ \t]*(?:#[^\n]*)?\n/;

function parseKustomizeYaml(text: string): ParsedFile {
  if (
    text.length > 0 &&
    text.charCodeAt(text.length - 1) !== 10 &&
    BLOCK_SCALAR_HEADER.test(text) &&
    /\n[ \t]+[^\n]*\S[^\n]*$/.test(text.slice(-4096))
  )
    return parseYamlDocsReference(text, true);
  return parseYamlDocs(text);
}

/**
 * A text read with annotation values as YAML values, not as their text: a
 * strategic merge patch applied as is (not through kustomize's
 * SetAnnotations) deletes an annotation with `null`.
 */
export function parseYamlDocsRawAnnotations(text: string): ParsedFile {
  return parseYamlDocsReference(
    text,
    text.length > 0 && text.charCodeAt(text.length - 1) !== 10,
    false,
  );
}

/** Parsed files per snapshot; parsed values are never mutated (callers clone). */
const cache = new WeakMap<RepoSnapshot, Map<string, ParsedFile>>();

/** The parsed documents of a snapshot file, or undefined when it has no text. */
export function readYamlFile(
  snapshot: RepoSnapshot,
  path: string,
): ParsedFile | undefined {
  let files = cache.get(snapshot);
  if (!files) {
    files = new Map();
    cache.set(snapshot, files);
  }
  const hit = files.get(path);
  if (hit) return hit;
  const text = snapshot.read(path);
  if (text === undefined) return undefined;
  const parsed = parseKustomizeYaml(text);
  files.set(path, parsed);
  return parsed;
}

const inlineCache = new WeakMap<RepoSnapshot, Map<string, ParsedFile>>();

/** Parses inline YAML (e.g. a patch written in a kustomization), cached per snapshot. */
export function parseInlineYaml(
  snapshot: RepoSnapshot,
  text: string,
): ParsedFile {
  let texts = inlineCache.get(snapshot);
  if (!texts) {
    texts = new Map();
    inlineCache.set(snapshot, texts);
  }
  let parsed = texts.get(text);
  if (!parsed) {
    parsed = parseKustomizeYaml(text);
    texts.set(text, parsed);
  }
  return parsed;
}

/**
 * A deep copy of plain data (objects, arrays, scalars). Faster than
 * structuredClone for parsed YAML, and it also breaks the sharing that YAML
 * aliases create, which in-place transformations must not see.
 */
export function cloneDeep<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (isArray(v)) {
    const a = new Array(v.length);
    for (let i = 0; i < v.length; i++) a[i] = cloneDeep(v[i]);
    return a as unknown as T;
  }
  const o: Record<string, unknown> = {};
  const keys = objectKeys(v as object);
  for (let i = 0; i < keys.length; i++)
    o[keys[i]] = cloneDeep((v as any)[keys[i]]);
  return o as T;
}

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort())
      o[k] = sortKeysDeep((v as any)[k]);
    return o;
  }
  return v;
}

/** Strings a YAML 1.1 reader would take for another type; go-yaml v2 double-quotes these. */
const NON_STRING_TEST = new RegExp(
  `^(?:${[
    '~|null|Null|NULL|',
    'y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF',
    '[-+]?0b[01_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+',
    '[-+]?(?:[0-9][0-9_]*)?\\.[0-9.]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\\.[0-9]*)?[eE][-+]?[0-9]+',
    '[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)',
    '\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt ].*)?',
  ]
    .map(p => `(?:${p})`)
    .join('|')})$`,
);

/**
 * Prints objects the way `kubectl kustomize` does: keys sorted (its output
 * goes through a JSON map), block sequences not indented under their key,
 * strings that would read as another type in double quotes, other strings
 * that need quoting in single quotes, documents separated by `---`.
 */
export function toYamlStream(objects: Record<string, any>[]): string {
  return objects
    .map(o => {
      const doc = new Document(sortKeysDeep(o), { version: '1.1' });
      visit(doc, {
        Scalar(_key, node: Scalar) {
          if (
            typeof node.value === 'string' &&
            !node.value.includes('\n') &&
            NON_STRING_TEST.test(node.value)
          ) {
            node.type = Scalar.QUOTE_DOUBLE;
          }
        },
      });
      return doc.toString({
        indentSeq: false,
        lineWidth: 0,
        singleQuote: true,
      });
    })
    .join('---\n');
}
