/**
 * Strategic merge patches, as kustomize applies them (kyaml `merge2` with
 * list-prepend semantics), on plain JS data.
 *
 * This follows kyaml's walker step for step, including its quirks, because
 * kubectl's output depends on them:
 * - maps merge key by key (fields sorted); `null` in the patch deletes;
 *   `$patch: delete|replace|merge` directives are honoured on maps;
 * - only lists with a `merge` patch strategy in the schema merge element by
 *   element; all other lists are replaced by the patch;
 * - merged lists put the patch's elements first, then the remaining
 *   destination elements, and are rebuilt with kyaml's ElementSetter, which
 *   drops empty/null elements and behaves oddly for elements that lack the
 *   merge key; multi-key lists (container ports) follow kyaml's
 *   `mergeValues`/`validateKeys` logic.
 * The destination is mutated in place (as kyaml mutates its nodes); the
 * patch is consumed (directives are stripped from it), so callers pass a copy
 * when they reuse a patch.
 */
import { MessageError } from '../../engine/diagnostic';
import { gvkOf } from '../gvk';
import { isMap, scalarText } from '../resource';
import { EMPTY_NULL, resolveGoScalar } from '../yaml';
import { schemaFor, SchemaNode } from './schema';

/** Raised for patches kustomize rejects (e.g. a map patched with a list). */
export class MergeError extends MessageError {}

/** Marker: the field is cleared from its parent. */
const CLEAR = undefined;

// Local copies: these are read in every step of the walk.
const EMPTY = EMPTY_NULL;
const isArray = Array.isArray;

type Kind = 'map' | 'seq' | 'scalar' | 0;

function kindOf(v: unknown): Kind {
  if (v === null || v === undefined || v === EMPTY) return 0;
  if (isArray(v)) return 'seq';
  if (typeof v === 'object') return 'map';
  return 'scalar';
}

function isMissingOrNull(v: unknown): boolean {
  return v === null || v === undefined || v === EMPTY;
}

/** A null the patch wrote (explicit or empty): it deletes. */
function isNullValue(v: unknown): boolean {
  return v === null || v === EMPTY;
}

function isEmptyMap(v: unknown): boolean {
  return isMap(v) && Object.keys(v).length === 0;
}

/** Text of a node as kyaml reads `YNode().Value` (maps, lists and null read as ""). */
const text = scalarText;

/** Resolves an untagged scalar written by kyaml from text (as JSON output will). */
function untaggedScalar(s: string): unknown {
  if (/^[-+.]?[0-9]/.test(s)) return resolveGoScalar(s);
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^(~|null|Null|NULL|)$/.test(s)) return null;
  return s;
}

type Directive = 'merge' | 'replace' | 'delete';

/**
 * Reads and strips a `$patch` directive from a patch map. An unknown
 * directive is an error, except where kyaml ignores it (a map added to the
 * destination keeps the unknown `$patch` key).
 */
function directive(origin: unknown, lenient = false): Directive {
  if (!isMap(origin) || !Object.prototype.hasOwnProperty.call(origin, '$patch'))
    return 'merge';
  const v = origin.$patch;
  if (v === null || v === undefined) return 'merge';
  const s = text(v);
  if (
    v !== EMPTY_NULL &&
    (s === 'delete' || s === 'replace' || s === 'merge')
  ) {
    delete origin.$patch;
    return s;
  }
  if (lenient) return 'merge';
  throw new MergeError('diagnostic.kustomize.merge.unknown-strategy', {
    strategy: String(s),
  });
}

/**
 * A list-level directive: an element that is exactly `{$patch: <directive>}`.
 * It is removed (with kyaml's ElementSetter, which also drops empty elements).
 */
function sequenceDirective(origin: unknown): Directive {
  if (!Array.isArray(origin)) return 'merge';
  const el = origin.find(e => isMap(e) && '$patch' in e);
  if (!isMap(el) || Object.keys(el).length > 1 || isMissingOrNull(el.$patch))
    return 'merge';
  const s = text(el.$patch);
  if (s !== 'delete' && s !== 'replace' && s !== 'merge')
    throw new MergeError('diagnostic.kustomize.merge.unknown-strategy', {
      strategy: String(s),
    });
  elementSetter(origin, undefined, ['$patch'], [s]);
  return s;
}

function schemaOf(
  schema: SchemaNode | undefined,
  dest: unknown,
  origin: unknown,
): SchemaNode | undefined {
  if (schema) return schema;
  // kyaml looks a schema up for any map that carries apiVersion and kind.
  for (const s of [dest, origin]) {
    if (
      isMap(s) &&
      typeof s.apiVersion === 'string' &&
      s.apiVersion &&
      typeof s.kind === 'string' &&
      s.kind
    ) {
      const found = schemaFor(gvkOf(s));
      if (found) return found;
    }
  }
  return undefined;
}

function walk(
  dest: unknown,
  origin: unknown,
  schema: SchemaNode | undefined,
): unknown {
  const sch = schemaOf(schema, dest, origin);
  const kind = kindOf(!isMissingOrNull(dest) ? dest : origin);
  if (kind !== 0) {
    for (const s of [dest, origin]) {
      if (!isMissingOrNull(s) && kindOf(s) !== kind) {
        throw new MergeError('diagnostic.kustomize.merge.kind-mismatch', {
          from: kindOf(origin),
          to: kindOf(dest),
        });
      }
    }
  }
  switch (kind) {
    case 'seq':
      if (sch?.list) return walkAssociative(dest, origin, sch);
      // Lists without a merge strategy are replaced by the patch.
      if (origin === undefined) return dest;
      return isNullValue(origin) ? CLEAR : origin;
    case 'scalar':
      if (origin === undefined) return dest;
      return isNullValue(origin) ? CLEAR : origin;
    default:
      return walkMap(dest, origin, sch);
  }
}

const KEEP_NULL = Symbol('keep-null');

function visitMap(dest: unknown, origin: unknown): unknown {
  if (isMissingOrNull(dest)) {
    if (directive(origin, true) === 'delete') return CLEAR;
    // kyaml keeps an explicit null in the destination the patch does not
    // touch; an empty value (`key:`) is dropped.
    if (origin === undefined && dest === null) return KEEP_NULL;
    return isNullValue(origin) ? CLEAR : origin;
  }
  if (isNullValue(origin)) return CLEAR;
  switch (directive(origin)) {
    case 'delete':
      return CLEAR;
    case 'replace':
      return origin;
    default:
      return dest;
  }
}

function walkMap(
  dest: unknown,
  origin: unknown,
  schema: SchemaNode | undefined,
): unknown {
  const d = visitMap(dest, origin);
  if (d === KEEP_NULL) return null;
  if (!isMap(d)) return CLEAR;
  const o = isMap(origin) ? origin : undefined;
  const keys = new Set(Object.keys(d));
  if (o && o !== d) for (const k of Object.keys(o)) keys.add(k);
  for (const key of [...keys].sort()) {
    const val = walk(d[key], o ? o[key] : undefined, schema?.fields?.[key]);
    if (val === CLEAR) delete d[key];
    else d[key] = val;
  }
  return d;
}

// ---- associative lists (kyaml walk/associative_sequence.go) ----

type Values = string[];

function sameValues(a: Values, b: Values): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** ElementValuesList: per element, the text of each key ("" when absent or empty). */
function elementValuesList(list: unknown[], keys: string[]): Values[] {
  return list.map(el =>
    keys.map(k => (isMap(el) && k in el ? text(el[k]) : '')),
  );
}

/** kyaml FieldMatcher{Name, StringValue}: an empty value only requires the field to exist. */
function fieldMatches(el: unknown, name: string, value: string): boolean {
  if (isMissingOrNull(el)) return false;
  if (name === '')
    return !isMap(el) && !Array.isArray(el) && text(el) === value;
  if (!isMap(el) || !(name in el)) return false;
  return value === '' || text(el[name]) === value;
}

/** kyaml ElementSetter: replace (or delete, when element is undefined) matches, else append. */
function elementSetter(
  list: unknown[],
  element: unknown,
  keysIn: string[],
  values: string[],
): void {
  const keys = keysIn.length === 0 ? [''] : keysIn;
  const isMappingSetter =
    keys[0] !== '' && values.length > 0 && values[0] !== '';
  const out: unknown[] = [];
  let found = false;
  for (const el of list) {
    // Empty elements are not valid: they need at least an associative key.
    if (isMissingOrNull(el) || isEmptyMap(el)) continue;
    if (!isMap(el) && isMappingSetter) {
      out.push(el);
      continue;
    }
    let val = false;
    let match = true;
    for (let j = 0; j < keys.length; j++) {
      if (j < values.length) val = fieldMatches(el, keys[j], values[j]);
      if (!val) {
        match = false;
        break;
      }
    }
    if (!match) {
      if (values.length > 0) out.push(el);
      continue;
    }
    found = true;
    if (element === undefined) continue;
    out.push(element);
  }
  list.length = 0;
  for (const el of out) list.push(el);
  if (isMissingOrNull(element)) return;
  if (!found) list.push(element);
}

/** kyaml ElementMatcher: the first element whose fields equal all key values ("" must equal ""). */
function elementList(list: unknown, keys: string[], values: string[]): unknown {
  if (!Array.isArray(list)) return undefined;
  if (keys.length === 0 || keys[0] === '') {
    return list.find(el => !isMissingOrNull(el) && text(el) === values[0]);
  }
  for (const el of list) {
    if (!isMap(el)) continue;
    if (keys.every((k, i) => k in el && text(el[k]) === values[i])) return el;
  }
  return undefined;
}

function validateKeys(
  valuesList: Values[],
  values: Values,
  keys: string[],
): [string[], Values] {
  const validKeySet = new Set<string>();
  for (const vs of valuesList)
    vs.forEach((v, i) => v !== '' && validKeySet.add(keys[i]));
  if (validKeySet.size === 0) return [keys, values];
  const validKeys = keys.filter(k => validKeySet.has(k));
  const validValues = values.filter(
    (v, i) => v !== '' || validKeySet.has(keys[i]),
  );
  return [validKeys, validValues];
}

function matchValues(a: Values, b: Values): [boolean, Values] {
  if (a.length !== b.length) return [false, []];
  let common = false;
  const res: Values = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      common = true;
      res.push(a[i]);
      continue;
    }
    if (a[i] !== '' && b[i] !== '') return [false, []];
    res.push(a[i] !== '' ? a[i] : b[i]);
  }
  return [common, res];
}

/** Values that differ only where one side is empty are the same element (ports with and without protocol). */
function mergeValues(valuesList: Values[]): Values[] {
  for (let i = 0; i < valuesList.length; i++) {
    const v1 = valuesList[i];
    for (let j = 0; j < valuesList.length; j++) {
      const [matched, merged] = matchValues(v1, valuesList[j]);
      if (matched) {
        valuesList[i] = merged;
        valuesList[j] = merged;
      }
    }
  }
  return valuesList;
}

function getKeyValue(el: unknown, key: string): unknown {
  return isMap(el) && key in el ? el[key] : undefined;
}

/** kyaml appendListNode (prepend direction: dst is the patch-ordered list). */
function appendListNode(
  dst: unknown[],
  src: unknown[],
  keys: string[],
): unknown[] {
  for (const el of [...src]) {
    if (keys[0] === '') {
      elementSetter(dst, el, [''], [text(el)]);
      continue;
    }
    const v: string[] = [];
    for (const key of keys) {
      const value = getKeyValue(el, key);
      if (value === undefined) {
        // kyaml appends elements lacking a key straight away (and still runs the setter below).
        dst.push(el);
        continue;
      }
      v.push(text(value));
    }
    if (keys.length > 1) elementSetter(dst, undefined, keys, v);
    elementSetter(dst, el, keys, v);
  }
  return dst;
}

function walkAssociative(
  dest: unknown,
  origin: unknown,
  schema: SchemaNode,
): unknown {
  // VisitList for associative lists
  let d: unknown;
  if (isMissingOrNull(dest)) {
    if (isMissingOrNull(origin)) return CLEAR;
    d = origin;
  } else if (isNullValue(origin)) {
    return CLEAR;
  } else {
    const dir = sequenceDirective(origin);
    if (dir === 'delete') return CLEAR;
    d = dir === 'replace' ? origin : dest;
  }
  const destList = d as unknown[];
  const originList = Array.isArray(origin) ? origin : undefined;
  const keys = schema.list!.keys;
  const elem = schema.list!.elem;

  // Patch elements first, then the destination's (list-prepend merge).
  const sources = originList ? [originList, destList] : [destList];
  let valuesList: Values[] = [];
  let elementKeys = keys;
  if (keys.length > 0) {
    for (const src of sources) {
      for (const vs of elementValuesList(src, keys)) {
        if (vs.length === 0 || valuesList.some(s => sameValues(s, vs)))
          continue;
        valuesList.push(vs);
      }
    }
  }
  if (valuesList.length === 0 && keys.length === 0) {
    // A list of primitives merged as a set (e.g. finalizers).
    const seen = new Set<string>();
    for (const src of sources) {
      for (const el of src) {
        const t = text(el);
        if (seen.has(t)) continue;
        seen.add(t);
        valuesList.push([t]);
      }
    }
    elementKeys = [''];
  }

  const items: unknown[] = [];
  if (elementKeys.length > 1) valuesList = mergeValues(valuesList);
  let validKeys: string[] = elementKeys;
  let validValues: Values = [];
  for (const values of valuesList) {
    if (values.length === 0) continue;
    [validKeys, validValues] = validateKeys(valuesList, values, elementKeys);
    const [lk, lv] = validateKeys([validValues], validValues, validKeys);
    const val = walk(
      elementList(destList, lk, lv),
      originList ? elementList(originList, lk, lv) : undefined,
      elem,
    );
    let exit = false;
    for (let i = 0; i < validKeys.length; i++) {
      if (isMissingOrNull(val) || isEmptyMap(val)) {
        elementSetter(destList, undefined, validKeys, validValues);
        exit = true;
      } else if (
        isMap(val) &&
        !(validKeys[i] in val) &&
        validValues[i] !== '' &&
        validKeys[i] !== ''
      ) {
        val[validKeys[i]] = untaggedScalar(validValues[i]);
      }
    }
    if (exit) continue;
    elementSetter(items, val, validKeys, validValues);
  }
  if (valuesList.length > 0) return appendListNode(items, destList, validKeys);
  return destList;
}

/**
 * Merges a patch into an object. Returns the merged object (usually `target`
 * itself, mutated), or undefined when the patch deletes the object.
 * Throws MergeError for patches kustomize rejects.
 */
export function strategicMerge(
  target: Record<string, any>,
  patch: Record<string, any>,
): Record<string, any> | undefined {
  const out = walk(target, patch, undefined);
  return isMap(out) ? out : undefined;
}
