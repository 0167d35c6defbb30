import type {
  EngineMessage,
  RemediationSnippet,
  SnippetComment,
  SnippetCommentId,
} from '@internal/plugin-twelve-factor-common';
import * as jsYaml from 'js-yaml';
import { dump } from 'js-yaml';
import { english } from './messages';

/**
 * A snippet's comment (or a generated document's sentence) said by id: its
 * `text` is what the content holds, `marker` and English (and `close`, for
 * `<!-- … -->`), so writing the content from it keeps the two the same.
 */
export function snippetComment(
  marker: string,
  id: SnippetCommentId,
  params?: EngineMessage['params'],
  close = '',
): SnippetComment {
  const text = english(id, params);
  return {
    text: `${marker ? `${marker} ` : ''}${text}${close}`,
    msg: params ? { id, params } : { id },
  };
}

/**
 * A snippet whose content is written when first read. Checks judge every
 * workload of every object set and keep one remediation (worstOf,
 * judgeSets), so most snippets they could write are never shown; writing
 * YAML for each was a good part of a scan. The content getter runs once and
 * remembers its text; the engine reads the snippet of the remediation it
 * keeps and stores it as plain data, so scorecards never hold getters.
 * Anything that reads `content` (tests, custom code) just gets the string.
 */
export function lazySnippet(
  snippet: Omit<RemediationSnippet, 'content'>,
  content: () => string,
): RemediationSnippet {
  let text: string | undefined;
  const { comments, ...rest } = snippet;
  // A getter in the literal (rather than defineProperty) keeps the object in V8's fast mode; many are made per scan.
  return {
    ...rest,
    get content() {
      return (text ??= content());
    },
    ...(comments ? { comments } : {}),
  };
}

const POD_SPEC_PATH: Record<string, string[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * A strategic-merge patch for a workload's pod spec, ready for a
 * kustomization's `patches:`. Containers are merged by name, so the patch
 * only needs the fields to add.
 */
export function podSpecPatch(
  workload: {
    apiVersion?: string;
    kind: string;
    name: string;
    namespace?: string;
  },
  podSpec: Record<string, unknown>,
): string {
  const path = POD_SPEC_PATH[workload.kind] ?? ['spec', 'template', 'spec'];
  let body: Record<string, unknown> = podSpec;
  for (let i = path.length - 1; i >= 0; i--) body = { [path[i]]: body };
  return toYaml({
    apiVersion: workload.apiVersion ?? 'apps/v1',
    kind: workload.kind,
    metadata: {
      name: workload.name,
      ...(workload.namespace ? { namespace: workload.namespace } : {}),
    },
    ...body,
  });
}

const DUMP_OPTIONS = { lineWidth: -1, noRefs: true } as const;

/**
 * YAML as kubectl users write it: exactly what js-yaml's `dump` prints with
 * DUMP_OPTIONS, which scorecards have always shown. Plain data (objects,
 * arrays, strings, numbers, booleans, null) goes through `emit` below, a
 * port of the parts of js-yaml's dumper those options reach; it skips the
 * per-node type detection that makes `dump` slow and is several times
 * faster. Anything else (a Date, a Map, a cycle…) goes to `dump` itself.
 * snippets.test.ts compares the two.
 */
export function toYaml(value: unknown): string {
  try {
    const text = emitNode(value, 0, true, true, false);
    return text === undefined ? '' : `${text}\n`;
  } catch (e) {
    if (!(e instanceof NotPlainData)) throw e;
    return dump(value, DUMP_OPTIONS);
  }
}

/** js-yaml's dump, for tests. */
export function toYamlReference(value: unknown): string {
  return dump(value, DUMP_OPTIONS);
}

// ------------------------------------------------------------------ emitter
// Names and structure follow js-yaml 4's lib/dumper.js (writeNode,
// writeBlockMapping, writeBlockSequence, writeScalar, chooseScalarStyle) with
// indent 2, no flow level, no refs, no line width, single quotes.

class NotPlainData extends Error {}

/** js-yaml's default schema's implicit resolvers, in its order: a plain string they would read as something else is quoted. */
const IMPLICIT = ['null', 'bool', 'int', 'float', 'timestamp', 'merge'].map(
  name => {
    // js-yaml exports its types at run time; @types/js-yaml does not declare them.
    const type = (
      jsYaml as unknown as {
        types: Record<string, { resolve(data: string): boolean } | undefined>;
      }
    ).types[name];
    if (!type) throw new Error(`js-yaml type ${name} not found`);
    return type;
  },
);

function isAmbiguous(s: string): boolean {
  for (let i = 0; i < IMPLICIT.length; i++)
    if (IMPLICIT[i].resolve(s)) return true;
  return false;
}

const DEPRECATED_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);
const DEPRECATED_BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;

const indents: string[] = [];
function nextLine(level: number): string {
  return (indents[level] ??= `\n${' '.repeat(2 * level)}`);
}

/** writeNode: the text of a value, or undefined for what js-yaml leaves out (undefined). */
function emitNode(
  value: unknown,
  level: number,
  block: boolean,
  compact: boolean,
  isKey: boolean,
): string | undefined {
  switch (typeof value) {
    case 'string':
      return emitScalar(value, level, isKey, block);
    case 'number':
      return emitNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return undefined;
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value))
        return value.length !== 0
          ? emitBlockSequence(value, level, compact)
          : '[]';
      if (Object.prototype.toString.call(value) !== '[object Object]')
        throw new NotPlainData();
      return Object.keys(value).length !== 0
        ? emitBlockMapping(value as Record<string, unknown>, level, compact)
        : '{}';
    default:
      throw new NotPlainData();
  }
}

/** The int type's decimal and the float type's lowercase representation. */
function emitNumber(n: number): string {
  if (n % 1 === 0 && !Object.is(n, -0)) return n.toString(10);
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Object.is(n, -0)) return '-0.0';
  const res = n.toString(10);
  return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace('e', '.e') : res;
}

function emitBlockMapping(
  object: Record<string, unknown>,
  level: number,
  compact: boolean,
): string {
  let result = '';
  for (const key of Object.keys(object)) {
    let pair = !compact || result !== '' ? nextLine(level) : '';
    const keyText = emitScalar(key, level + 1, true, true);
    const explicit = keyText.length > 1024;
    if (explicit) pair += keyText.charCodeAt(0) === LF ? '?' : '? ';
    pair += keyText;
    if (explicit) pair += nextLine(level);
    const valueText = emitNode(object[key], level + 1, true, explicit, false);
    if (valueText === undefined) continue;
    pair += valueText.charCodeAt(0) === LF ? ':' : ': ';
    result += pair + valueText;
  }
  return result || '{}';
}

function emitBlockSequence(
  list: ReadonlyArray<unknown>,
  level: number,
  compact: boolean,
): string {
  let result = '';
  for (let i = 0; i < list.length; i++) {
    // An undefined item is written as null.
    const text = emitNode(list[i], level + 1, true, true, false) ?? 'null';
    if (!compact || result !== '') result += nextLine(level);
    result += text.charCodeAt(0) === LF ? '-' : '- ';
    result += text;
  }
  return result || '[]';
}

const LF = 0x0a;
const STYLE_PLAIN = 1;
const STYLE_SINGLE = 2;
const STYLE_LITERAL = 3;
const STYLE_DOUBLE = 5;

/**
 * Rendered single-line scalars, per context: snippets repeat the same keys
 * and many values, and choosing a style is most of the emitter's work. A
 * scalar's text depends only on the string and whether it is a key, except
 * for block literals (multi-line values), whose indentation depends on the
 * level and which are not cached. Bounded, as the strings come from repositories.
 */
const keyTexts = new Map<string, string>();
const valueTexts = new Map<string, string>();
const MAX_CACHED = 4096;

function emitScalar(
  s: string,
  level: number,
  isKey: boolean,
  inBlock: boolean,
): string {
  // Every scalar is written in block context here (flow style only ever prints empty collections).
  const cache = !inBlock ? undefined : isKey ? keyTexts : valueTexts;
  const hit = cache?.get(s);
  if (hit !== undefined) return hit;
  const text = renderScalar(s, level, isKey, inBlock);
  if (cache && (isKey || !s.includes('\n'))) {
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(s, text);
  }
  return text;
}

/**
 * Names, images, paths: a letter, then letters, digits and `_./-`. For these
 * chooseScalarStyle's character checks all pass (printable, plain-safe, no
 * `: ` or ` #`, no line break), so only the ambiguity test decides between
 * plain and single quotes, and there is no quote to escape.
 */
const SIMPLE = /^[A-Za-z][\w./-]*$/;

function renderScalar(
  s: string,
  level: number,
  isKey: boolean,
  inBlock: boolean,
): string {
  if (SIMPLE.test(s))
    return DEPRECATED_BOOLEANS.has(s) || isAmbiguous(s) ? `'${s}'` : s;
  if (s.length === 0) return "''";
  if (DEPRECATED_BOOLEANS.has(s) || DEPRECATED_BASE60.test(s)) return `'${s}'`;
  switch (scalarStyle(s, isKey, inBlock)) {
    case STYLE_PLAIN:
      return s;
    case STYLE_SINGLE:
      return `'${s.replace(/'/g, "''")}'`;
    case STYLE_LITERAL:
      return `|${blockHeader(s)}${dropEndingNewline(
        indentString(s, 2 * Math.max(1, level)),
      )}`;
    default:
      return `"${escapeString(s)}"`;
  }
}

function isPrintable(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa1 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isNsCharOrWhitespace(c: number): boolean {
  return isPrintable(c) && c !== 0xfeff && c !== 0x0d && c !== LF;
}

function isPlainSafe(c: number, prev: number, inBlock: boolean): boolean {
  const nsOrWhite = isNsCharOrWhitespace(c);
  const nsChar = nsOrWhite && !isWhitespace(c);
  return (
    ((inBlock
      ? nsOrWhite
      : nsOrWhite &&
        c !== 0x2c &&
        c !== 0x5b &&
        c !== 0x5d &&
        c !== 0x7b &&
        c !== 0x7d) &&
      c !== 0x23 &&
      !(prev === 0x3a && !nsChar)) ||
    (isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === 0x23) ||
    (prev === 0x3a && nsChar)
  );
}

/** Indicators and the like, which a plain scalar may not start with (`-?:,[]{}#&*!|=>'"%@\``). */
const NOT_PLAIN_FIRST = new Set([
  0x2d, 0x3f, 0x3a, 0x2c, 0x5b, 0x5d, 0x7b, 0x7d, 0x23, 0x26, 0x2a, 0x21, 0x7c,
  0x3d, 0x3e, 0x27, 0x22, 0x25, 0x40, 0x60,
]);

function isPlainSafeFirst(c: number): boolean {
  return (
    isPrintable(c) &&
    c !== 0xfeff &&
    !isWhitespace(c) &&
    !NOT_PLAIN_FIRST.has(c)
  );
}

function isPlainSafeLast(c: number): boolean {
  return !isWhitespace(c) && c !== 0x3a;
}

function codePointAt(s: string, pos: number): number {
  const first = s.charCodeAt(pos);
  if (first >= 0xd800 && first <= 0xdbff && pos + 1 < s.length) {
    const second = s.charCodeAt(pos + 1);
    if (second >= 0xdc00 && second <= 0xdfff)
      return (first - 0xd800) * 0x400 + second - 0xdc00 + 0x10000;
  }
  return first;
}

/** chooseScalarStyle without line width (no folding) or forced quotes; keys are single-line only. */
function scalarStyle(
  s: string,
  singleLineOnly: boolean,
  inBlock: boolean,
): number {
  let plain =
    isPlainSafeFirst(codePointAt(s, 0)) &&
    isPlainSafeLast(codePointAt(s, s.length - 1));
  let hasLineBreak = false;
  let prev = -1;
  let c = 0;
  for (let i = 0; i < s.length; c >= 0x10000 ? (i += 2) : i++) {
    c = codePointAt(s, i);
    if (!singleLineOnly && c === LF) hasLineBreak = true;
    else if (!isPrintable(c)) return STYLE_DOUBLE;
    plain = plain && isPlainSafe(c, prev, inBlock);
    prev = c;
  }
  if (!hasLineBreak)
    return plain && !isAmbiguous(s) ? STYLE_PLAIN : STYLE_SINGLE;
  return STYLE_LITERAL;
}

function blockHeader(s: string): string {
  const indentIndicator = /^\n* /.test(s) ? '2' : '';
  const clip = s[s.length - 1] === '\n';
  const keep = clip && (s[s.length - 2] === '\n' || s === '\n');
  return `${indentIndicator}${keep ? '+' : clip ? '' : '-'}\n`;
}

function dropEndingNewline(s: string): string {
  return s[s.length - 1] === '\n' ? s.slice(0, -1) : s;
}

/** Indents every line; empty lines stay empty. */
function indentString(s: string, spaces: number): string {
  const ind = ' '.repeat(spaces);
  let result = '';
  let position = 0;
  while (position < s.length) {
    const next = s.indexOf('\n', position);
    const line = next === -1 ? s.slice(position) : s.slice(position, next + 1);
    position = next === -1 ? s.length : next + 1;
    if (line.length && line !== '\n') result += ind;
    result += line;
  }
  return result;
}

const ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
};

function escapeString(s: string): string {
  let result = '';
  let c = 0;
  for (let i = 0; i < s.length; c >= 0x10000 ? (i += 2) : i++) {
    c = codePointAt(s, i);
    const escape = ESCAPES[c];
    if (!escape && isPrintable(c)) {
      result += s[i];
      if (c >= 0x10000) result += s[i + 1];
    } else {
      result += escape ?? encodeHex(c);
    }
  }
  return result;
}

function encodeHex(c: number): string {
  const hex = c.toString(16).toUpperCase();
  const [handle, width] =
    c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${handle}${'0'.repeat(width - hex.length)}${hex}`;
}
