/**
 * Fixes references after renames (prefix, suffix, content hash): the
 * `nameReference` pass kustomize runs once, at the top level, after hashing.
 *
 * For each object that can refer (a Deployment naming a ConfigMap in envFrom,
 * a RoleBinding naming a ServiceAccount in subjects, ...), each referring
 * field's value is matched against the *previous* names of objects of the
 * referred kind, and replaced by the current name. Candidates are narrowed
 * like kustomize does: same namespace (service accounts and cluster-scoped
 * objects excepted), roleRef kind and group, then same prefix/suffix chain.
 */
import { errorDetail, MessageError } from '../engine/diagnostic';
import type { RenderContext } from './context';
import { NAME_REFERENCES, NameBackReference } from './defaults';
import { FieldSpec, visitFieldSpec } from './fieldspec';
import { Gvk, gvkSelected, isClusterScoped } from './gvk';
import {
  curId,
  effectiveNamespace,
  getName,
  getNamespace,
  isEmptyObject,
  isMap,
  NOT_NAMESPACEABLE,
  orgId,
  prefixesSuffixesEqual,
  prevIds,
  Res,
  ResId,
  scalarText,
} from './resource';
import { isNullish } from './yaml';

/**
 * Ids of the resources, computed once per pass: the pass rewrites referring
 * fields (serviceAccountName, roleRef, subjects, …), never an object's own
 * name, namespace or type, while select() looks at every candidate's ids for
 * every referring value.
 */
class Ids {
  private readonly cur = new Map<Res, ResId>();
  private readonly prev = new Map<Res, ResId[]>();
  curId(r: Res): ResId {
    let id = this.cur.get(r);
    if (!id) this.cur.set(r, (id = curId(r)));
    return id;
  }
  prevIds(r: Res): ResId[] {
    let ids = this.prev.get(r);
    if (!ids) this.prev.set(r, (ids = prevIds(r)));
    return ids;
  }
}

interface Candidates {
  all: Res[];
  byOriginalNs?: Map<string, Res[]>;
  byCurrentNs?: Map<string, Res[]>;
}

function group(list: Res[], ns: (r: Res) => string): Map<string, Res[]> {
  const m = new Map<string, Res[]>();
  for (const r of list) {
    const k = ns(r);
    if (k === NOT_NAMESPACEABLE) continue;
    const l = m.get(k);
    if (l) l.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Objects the referrer may refer to: same namespace, cluster-scoped, or a RoleBinding's subject namespaces. */
function subsetReferencedBy(list: Res[], referrer: Res, ids: Ids): Res[] {
  const refId = ids.curId(referrer);
  if (isClusterScoped(refId)) return list;
  const rbNamespaces = new Set<string>();
  if (refId.kind === 'RoleBinding' && Array.isArray(referrer.obj.subjects)) {
    for (const s of referrer.obj.subjects) {
      if (
        isMap(s) &&
        s.namespace !== undefined &&
        s.kind === 'ServiceAccount' &&
        typeof s.namespace === 'string'
      ) {
        rbNamespaces.add(s.namespace);
      }
    }
  }
  const refNs = effectiveNamespace(refId);
  return list.filter(r => {
    const id = ids.curId(r);
    if (isClusterScoped(id)) return true;
    if (effectiveNamespace(id) === refNs) return true;
    return rbNamespaces.has(getNamespace(r.obj));
  });
}

class Referral {
  constructor(
    private readonly referrer: Res,
    private readonly target: Partial<Gvk>,
    private readonly fs: FieldSpec,
    private readonly candidates: Candidates,
    private readonly ids: Ids,
  ) {}

  private roleRefGvk(): Partial<Gvk> | undefined {
    if (!this.fs.path.endsWith('roleRef/name')) return undefined;
    const rr = this.referrer.obj.roleRef;
    if (!isMap(rr) || rr.apiGroup === undefined || rr.kind === undefined)
      return undefined;
    return { group: scalarText(rr.apiGroup), kind: scalarText(rr.kind) };
  }

  /** kustomize's selectReferral: sieve the candidates until one (or several identical) remain. */
  select(
    oldName: string,
    candidates: Res[],
    sameFn: (rs: Res[]) => boolean,
  ): Res | undefined {
    const ids = this.ids;
    let c = candidates.filter(r =>
      ids.prevIds(r).some(id => id.name === oldName),
    );
    c = c.filter(r => ids.prevIds(r).some(id => gvkSelected(id, this.target)));
    const roleRef = this.roleRefGvk();
    if (roleRef)
      c = c.filter(r => ids.prevIds(r).some(id => gvkSelected(id, roleRef)));
    const refId = ids.curId(this.referrer);
    if (!isClusterScoped(refId)) {
      const refNs = effectiveNamespace(refId);
      c = c.filter(r => {
        const id = ids.curId(r);
        return (
          isClusterScoped(id) ||
          r.obj.kind === 'ServiceAccount' ||
          effectiveNamespace(id) === refNs
        );
      });
    }
    if (c.length === 1) return c[0];
    c = c.filter(r => prefixesSuffixesEqual(r, this.referrer, true));
    if (c.length === 1) return c[0];
    c = c.filter(r => prefixesSuffixesEqual(r, this.referrer, false));
    if (c.length === 1) return c[0];
    if (c.length === 0) return undefined;
    if (sameFn(c)) return c[0];
    throw new MessageError('diagnostic.kustomize.name-reference-ambiguous', {
      name: oldName,
    });
  }

  setScalar(parent: any, key: string | number): void {
    const old = parent[key];
    if (isNullish(old) || typeof old === 'object') return;
    const oldName = scalarText(old);
    const referral = this.select(oldName, this.candidates.all, rs =>
      rs.every(r => getName(r.obj) === getName(rs[0].obj)),
    );
    if (!referral) return;
    const name = getName(referral.obj);
    if (name !== oldName) parent[key] = name;
  }

  setMapping(node: Record<string, any>): void {
    if (!('name' in node))
      throw new MessageError('diagnostic.kustomize.name-reference-no-name');
    let candidates = this.candidates.all;
    if ('namespace' in node) {
      const ns = scalarText(node.namespace);
      this.candidates.byOriginalNs ??= group(this.candidates.all, r =>
        effectiveNamespace(orgId(r)),
      );
      this.candidates.byCurrentNs ??= group(this.candidates.all, r =>
        effectiveNamespace(curId(r)),
      );
      candidates =
        this.candidates.byOriginalNs.get(ns) ??
        this.candidates.byCurrentNs.get(ns) ??
        [];
    }
    const oldName = scalarText(node.name);
    const referral = this.select(oldName, candidates, rs =>
      rs.every(
        r =>
          getName(r.obj) === getName(rs[0].obj) &&
          getNamespace(r.obj) === getNamespace(rs[0].obj),
      ),
    );
    if (!referral) return;
    const name = getName(referral.obj);
    const ns = getNamespace(referral.obj);
    if (name === oldName && ns === '') return;
    node.name = name;
    if (ns !== '') node.namespace = ns;
  }

  set(parent: any, key: string | number): void {
    const v = parent[key];
    if (isNullish(v)) return;
    if (Array.isArray(v)) {
      v.forEach((el, i) => {
        if (isMap(el)) this.setMapping(el);
        else if (!isNullish(el)) this.setScalar(v, i);
      });
    } else if (isMap(v)) {
      this.setMapping(v);
    } else {
      this.setScalar(parent, key);
    }
  }
}

type ReferrersByKind = Map<
  string,
  Array<{ target: Partial<Gvk>; fs: FieldSpec }>
>;

/**
 * Referring field specs by referrer kind (every built-in spec names one; a
 * custom one from `configurations` may not, and is listed under '').
 */
const referrersIndex = new WeakMap<NameBackReference[], ReferrersByKind>();
function referrersByKind(refs: NameBackReference[]): ReferrersByKind {
  let index = referrersIndex.get(refs);
  if (index) return index;
  index = new Map();
  for (const backRef of refs) {
    for (const fs of backRef.referrers) {
      const l = index.get(fs.kind ?? '') ?? [];
      l.push({ target: backRef.target, fs });
      index.set(fs.kind ?? '', l);
    }
  }
  referrersIndex.set(refs, index);
  return index;
}

export function fixNameReferences(
  ctx: RenderContext,
  list: Res[],
  where: string,
  refs: NameBackReference[] = NAME_REFERENCES,
): void {
  const byKind = referrersByKind(refs);
  const anyKind = byKind.get('');
  const live = list.filter(r => !isEmptyObject(r.obj));
  const ids = new Ids();
  for (const referrer of live) {
    const org = orgId(referrer);
    let candidates: Candidates | undefined;
    const ofKind = byKind.get(org.kind);
    const specs = anyKind ? [...(ofKind ?? []), ...anyKind] : ofKind;
    if (!specs) continue;
    for (const { target, fs } of specs) {
      if (!gvkSelected(org, fs)) continue;
      candidates ??= { all: subsetReferencedBy(live, referrer, ids) };
      const referral = new Referral(referrer, target, fs, candidates, ids);
      try {
        // kustomize overrides the spec's gvk with the referrer's, so only the path matters here
        // (any gvk matches a path-only spec: pass the one at hand rather than have it recomputed).
        visitFieldSpec(
          referrer.obj,
          { path: fs.path },
          undefined,
          (parent, key) => referral.set(parent, key),
          org,
        );
      } catch (e) {
        ctx.report(
          'error',
          'diagnostic.kustomize.name-reference-failed',
          {
            field: fs.path,
            kind: String(referrer.obj.kind),
            name: String(getName(referrer.obj)),
            ...errorDetail(e),
          },
          where,
        );
      }
    }
  }
}
