/**
 * The `namespace:` transformer. Namespaced objects get metadata.namespace
 * (cluster-scoped kinds keep whatever they had); role binding subjects named
 * `default` get the namespace (kustomize's "default subjects only" mode;
 * subjects referring to service accounts in the build are fixed later by the
 * name-reference pass); a Namespace object is renamed to the namespace; and a
 * few fields (APIService and CRD webhook services) are set by field spec.
 */
import type { RenderContext } from '../context';
import { NAMESPACE_FIELDS } from '../defaults';
import { FieldSpec, visitFieldSpec } from '../fieldspec';
import { gvkOf, isClusterScoped } from '../gvk';
import { idKey } from '../resmap';
import {
  curId,
  describeId,
  isEmptyObject,
  isMap,
  meta,
  Res,
  scalarText,
  storePreviousId,
} from '../resource';

export function applyNamespace(
  ctx: RenderContext,
  list: Res[],
  namespace: string,
  where: string,
  fieldSpecs: FieldSpec[] = NAMESPACE_FIELDS,
): void {
  if (!namespace) return;
  const setNamespaceField = (parent: any, key: string | number) => {
    parent[key] = namespace;
  };
  for (const r of list) {
    if (isEmptyObject(r.obj)) continue;
    storePreviousId(r);
    const g = gvkOf(r.obj);
    if (!isClusterScoped(g)) meta(r.obj).namespace = namespace;
    if (g.kind === 'RoleBinding' || g.kind === 'ClusterRoleBinding') {
      const subjects = r.obj.subjects;
      if (Array.isArray(subjects)) {
        for (const s of subjects)
          if (isMap(s) && scalarText(s.name) === 'default')
            s.namespace = namespace;
      }
    }
    for (const fs of fieldSpecs) {
      visitFieldSpec(r.obj, fs, 'scalar', setNamespaceField, g);
    }
  }
  const seen = new Set<string>();
  for (const r of list) {
    if (isEmptyObject(r.obj)) continue;
    const id = curId(r);
    const key = idKey(id);
    if (seen.has(key))
      ctx.report(
        'error',
        'diagnostic.kustomize.namespace-collision',
        { object: describeId(id) },
        where,
      );
    seen.add(key);
  }
}
