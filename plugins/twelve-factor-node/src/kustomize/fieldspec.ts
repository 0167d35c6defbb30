/**
 * Kustomize "field specs": a gvk filter plus a slash-separated path that
 * walks maps by key and lists element by element (`containers[]` only marks a
 * list). Transformers use them to find the fields they set; with `create`,
 * missing maps along the way are created.
 */
import { Gvk, gvkOf } from './gvk';
import type { KObject } from './resource';
import { isNullish } from './yaml';

export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

/** What to create at the end of the path when it is missing. */
export type CreateKind = 'map' | 'scalar' | undefined;

/** Receives the container and key (or index) of each field the path reaches. */
export type FieldVisitor = (parent: any, key: string | number) => void;

interface Segment {
  name: string;
  /** `containers[]`: a list; never created. */
  isSeq: boolean;
}

const splitCache = new Map<string, Segment[]>();
const isArray = Array.isArray;

/** Splits a field-spec path on `/`, honouring `\\/` escapes in map keys. */
export function splitPath(path: string): Segment[] {
  const hit = splitCache.get(path);
  if (hit) return hit;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    const last = parts.length - 1;
    if (last >= 0 && parts[last].endsWith('\\'))
      parts[last] = `${parts[last].slice(0, -1)}/${part}`;
    else parts.push(part);
  }
  const res = parts.map(p =>
    p.endsWith('[]')
      ? { name: p.slice(0, -2), isSeq: true }
      : { name: p, isSeq: false },
  );
  splitCache.set(path, res);
  return res;
}

/** Whether a field spec applies to a gvk (the object's current one). */
export function fieldSpecMatches(fs: FieldSpec, g: Gvk): boolean {
  if (fs.kind && fs.kind !== g.kind) return false;
  if (fs.group && fs.group !== g.group) return false;
  if (fs.version && fs.version !== g.version) return false;
  return true;
}

interface Walk {
  path: Segment[];
  create: boolean;
  createKind: CreateKind;
  visit: FieldVisitor;
  /** The first path that ran into a scalar where a map or list was expected. */
  notContainer?: string;
}

function isContainer(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/** Walks from `node` (a map or list reached at path index i). */
function step(w: Walk, node: any, i: number): void {
  if (isArray(node)) {
    for (const el of node) {
      if (isNullish(el)) continue;
      if (isContainer(el)) step(w, el, i);
      else
        w.notContainer ??= w.path
          .slice(0, i)
          .map(s => s.name)
          .join('/');
    }
    return;
  }
  const { name, isSeq } = w.path[i];
  const last = i === w.path.length - 1;
  let value = node[name];
  if (isNullish(value)) {
    // A null field is treated like a missing one: created when asked, else left alone.
    if (!w.create || isSeq) return;
    if (last) {
      if (w.createKind === 'map') node[name] = {};
      w.visit(node, name);
      return;
    }
    value = node[name] = {};
  }
  if (last) {
    w.visit(node, name);
    return;
  }
  if (isContainer(value)) step(w, value, i + 1);
  else
    w.notContainer ??= w.path
      .slice(0, i + 1)
      .map(s => s.name)
      .join('/');
}

/**
 * Visits every field a field spec reaches in an object. Returns the path
 * where it ran into a scalar where a map or list was expected (kustomize
 * fails the build there; we report and carry on). Pass the object's gvk when
 * applying many specs to one object.
 */
export function visitFieldSpec(
  obj: KObject,
  fs: FieldSpec,
  createKind: CreateKind,
  visit: FieldVisitor,
  gvk: Gvk = gvkOf(obj),
): string | undefined {
  if (!fieldSpecMatches(fs, gvk)) return undefined;
  const w: Walk = {
    path: splitPath(fs.path),
    create: !!fs.create && createKind !== undefined,
    createKind,
    visit,
  };
  step(w, obj, 0);
  return w.notContainer;
}
