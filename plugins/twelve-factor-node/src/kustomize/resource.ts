/**
 * The renderer's resource: a Kubernetes object plus the bookkeeping kustomize
 * keeps in internal "build annotations" (previous ids, name prefixes and
 * suffixes, generator behaviour). We keep that bookkeeping in fields instead
 * of annotations, so it never has to be stripped from the output.
 */
import type { MessageParam } from '@internal/plugin-twelve-factor-common';
import { Gvk, gvkOf, isClusterScoped } from './gvk';
import { EMPTY_NULL } from './yaml';

// Builtins hoisted: these helpers are hot, and global lookups are slow in VM contexts (Jest).
const isArray = Array.isArray;
const objectKeys = Object.keys;
const EMPTY = EMPTY_NULL;

/** An object being rendered. Mutated in place by transformers. */
export type KObject = Record<string, any>;

/** The file (and line) an object came from. */
export interface Origin {
  path: string;
  line?: number;
}

/** A previous id, stored each time a transformer may rename a resource. */
export interface PrevId {
  kind: string;
  name: string;
  /** Effective namespace: `default` when unset, `_non_namespaceable_` for cluster-scoped kinds. */
  ns: string;
}

export type Behavior = 'unspecified' | 'create' | 'merge' | 'replace';

/** A resource in the accumulator. */
export interface Res {
  obj: KObject;
  origin: Origin;
  prev: PrevId[];
  prefixes: string[];
  suffixes: string[];
  needsHash: boolean;
  behavior: Behavior;
  /** Whether the object may hold EMPTY_NULL markers (it came from, or was patched with, YAML that had empty values). */
  mayHaveEmpty: boolean;
  /** Made by a generator (kustomize marks it with build annotations). */
  generated?: boolean;
  /** Names of the vars whose objref is this object (see vars.ts). */
  refVars?: string[];
}

/** A resource id: gvk, name, namespace (possibly empty). */
export interface ResId extends Gvk {
  name: string;
  ns: string;
}

export const DEFAULT_NAMESPACE = 'default';
export const NOT_NAMESPACEABLE = '_non_namespaceable_';

export function newRes(obj: KObject, origin: Origin): Res {
  return {
    obj,
    origin,
    prev: [],
    prefixes: [],
    suffixes: [],
    needsHash: false,
    behavior: 'unspecified',
    mayHaveEmpty: false,
  };
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  return v === undefined || v === null || v === EMPTY ? '' : String(v);
}

export function getName(obj: KObject): string {
  return str(obj.metadata?.name);
}

export function getNamespace(obj: KObject): string {
  return str(obj.metadata?.namespace);
}

/** Ensures `metadata` is a map and returns it. */
export function meta(obj: KObject): Record<string, any> {
  if (
    obj.metadata === null ||
    typeof obj.metadata !== 'object' ||
    Array.isArray(obj.metadata)
  )
    obj.metadata = {};
  return obj.metadata;
}

export function setName(obj: KObject, name: string): void {
  meta(obj).name = name;
}

/** Sets the namespace; an empty one removes the field, as kyaml does. */
export function setNamespace(obj: KObject, ns: string): void {
  const m = meta(obj);
  if (ns === '') delete m.namespace;
  else m.namespace = ns;
}

export function curId(r: Res): ResId {
  const g = gvkOf(r.obj);
  return { ...g, name: getName(r.obj), ns: getNamespace(r.obj) };
}

/** Previous ids carry the current group/version, as kyaml's PrevIds does. */
export function prevIds(r: Res): ResId[] {
  if (r.prev.length === 0) return [];
  const g = gvkOf(r.obj);
  return r.prev.map(p => ({
    group: g.group,
    version: g.version,
    kind: p.kind,
    name: p.name,
    ns: p.ns,
  }));
}

/** The original id: the first previous id, or the current one. */
export function orgId(r: Res): ResId {
  if (r.prev.length === 0) return curId(r);
  const g = gvkOf(r.obj);
  const p = r.prev[0];
  return {
    group: g.group,
    version: g.version,
    kind: p.kind,
    name: p.name,
    ns: p.ns,
  };
}

export function effectiveNamespace(id: ResId): string {
  if (isClusterScoped(id)) return NOT_NAMESPACEABLE;
  if (id.ns === '' || id.ns === DEFAULT_NAMESPACE) return DEFAULT_NAMESPACE;
  return id.ns;
}

export function idEquals(a: ResId, b: ResId): boolean {
  return (
    a.name === b.name &&
    a.group === b.group &&
    a.version === b.version &&
    a.kind === b.kind &&
    effectiveNamespace(a) === effectiveNamespace(b)
  );
}

/** Records the current id, before a transformer that may change it. */
export function storePreviousId(r: Res): void {
  const id = curId(r);
  r.prev.push({ kind: id.kind, name: id.name, ns: effectiveNamespace(id) });
}

/** A readable id for diagnostics, e.g. `apps/v1 Deployment web in namespace prod`, as a message. */
export function describeId(id: ResId): MessageParam {
  const gv = id.group ? `${id.group}/${id.version}` : id.version;
  // The id itself is data; only "(no name)" and "in namespace" are words.
  const object: MessageParam = id.name
    ? `${gv} ${id.kind} ${id.name}`
    : { id: 'diagnostic.kustomize.id-unnamed', params: { gv, kind: id.kind } };
  return id.ns
    ? {
        id: 'diagnostic.kustomize.id-in-namespace',
        params: { object, ns: id.ns },
      }
    : object;
}

/**
 * Whether kustomize would be carrying internal build annotations on the
 * object at this point (previous ids, prefixes, generator marks): then its
 * metadata.annotations exists, even empty, which a JSON patch can see.
 */
export function hasBuildAnnotations(r: Res): boolean {
  return (
    r.prev.length > 0 ||
    r.prefixes.length > 0 ||
    r.suffixes.length > 0 ||
    !!r.generated
  );
}

/** Whether the object is gone (deleted by a `$patch: delete`). */
export function isEmptyObject(obj: unknown): boolean {
  if (obj === null || obj === undefined) return true;
  if (typeof obj !== 'object') return false;
  return objectKeys(obj as object).length === 0;
}

/** Whether `a` ends with all of `b` (or the other way round). */
export function sameEndingSubSlice(a: string[], b: string[]): boolean {
  let shortest = a;
  let longest = b;
  if (shortest.length > longest.length) {
    shortest = b;
    longest = a;
  }
  const diff = longest.length - shortest.length;
  if (shortest.length === 0) return diff === 0;
  for (let i = shortest.length - 1; i >= 0; i--) {
    if (longest[i + diff] !== shortest[i]) return false;
  }
  return true;
}

/** kustomize's PrefixesSuffixesEquals, with its `allowEmpty` first pass. */
export function prefixesSuffixesEqual(
  r: Res,
  o: Res,
  allowEmpty: boolean,
): boolean {
  if (allowEmpty) {
    const eitherPrefixEmpty =
      r.prefixes.length === 0 || o.prefixes.length === 0;
    const eitherSuffixEmpty =
      r.suffixes.length === 0 || o.suffixes.length === 0;
    return (
      (eitherPrefixEmpty || sameEndingSubSlice(r.prefixes, o.prefixes)) &&
      (eitherSuffixEmpty || sameEndingSubSlice(r.suffixes, o.suffixes))
    );
  }
  return (
    sameEndingSubSlice(r.prefixes, o.prefixes) &&
    sameEndingSubSlice(r.suffixes, o.suffixes)
  );
}

/** Text of a scalar the way kyaml reads a node's value (maps and lists read as ""). */
export function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || v === EMPTY) return '';
  if (typeof v === 'object') return '';
  return String(v);
}

export function isMap(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !isArray(v);
}
