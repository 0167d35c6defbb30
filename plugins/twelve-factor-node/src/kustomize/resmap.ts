/**
 * Operations on the accumulated resource list (kustomize's ResMap): append
 * with id-conflict detection, and lookups by current or previous ids.
 */
import type { RenderContext } from './context';
import {
  curId,
  describeId,
  effectiveNamespace,
  idEquals,
  isEmptyObject,
  prevIds,
  Res,
  ResId,
} from './resource';

/** A string equal for ids that kustomize considers equal. */
export function idKey(id: ResId): string {
  return `${id.group}|${id.version}|${id.kind}|${id.name}|${effectiveNamespace(
    id,
  )}`;
}

/** Appends a resource unless one with the same current id is already there. */
export function appendResource(
  ctx: RenderContext,
  list: Res[],
  res: Res,
  path?: string,
): boolean {
  const id = curId(res);
  if (list.some(r => idEquals(curId(r), id))) {
    ctx.report(
      'error',
      'diagnostic.kustomize.resource-repeated',
      { object: describeId(id) },
      path ?? res.origin.path,
    );
    return false;
  }
  list.push(res);
  return true;
}

/** The id keys of a list, for appendAll. */
export function idKeysOf(list: Res[]): Set<string> {
  return new Set(list.map(r => idKey(curId(r))));
}

/**
 * Appends resources, reporting (and skipping) id conflicts. `keys` holds the
 * list's id keys and is kept up to date, so that a caller appending several
 * times, with nothing renaming resources in between, computes them once.
 */
export function appendAll(
  ctx: RenderContext,
  list: Res[],
  items: Res[],
  path?: string,
  keys: Set<string> = idKeysOf(list),
): void {
  for (const res of items) {
    const id = curId(res);
    const key = idKey(id);
    if (keys.has(key)) {
      ctx.report(
        'error',
        'diagnostic.kustomize.resource-repeated',
        { object: describeId(id) },
        path ?? res.origin.path,
      );
      continue;
    }
    keys.add(key);
    list.push(res);
  }
}

/** Whether any of the resource's ids (previous or current) satisfies the predicate. */
export function anyId(r: Res, pred: (id: ResId) => boolean): boolean {
  if (pred(curId(r))) return true;
  for (const id of prevIds(r)) if (pred(id)) return true;
  return false;
}

/** Resources that have, or once had, the given id. */
export function matchingByAnyId(list: Res[], id: ResId): Res[] {
  return list.filter(
    r => !isEmptyObject(r.obj) && anyId(r, x => idEquals(x, id)),
  );
}
