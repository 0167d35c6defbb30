/**
 * The `replicas:` transformer: sets spec.replicas on workloads whose current
 * or any previous name matches (so a base name still works after a prefix).
 */
import type { RenderContext } from '../context';
import { REPLICA_FIELDS } from '../defaults';
import { FieldSpec, visitFieldSpec } from '../fieldspec';
import { gvkSelected } from '../gvk';
import type { ReplicaSpec } from '../kustfile';
import { anyId } from '../resmap';
import { isEmptyObject, Res } from '../resource';

export function applyReplicas(
  ctx: RenderContext,
  list: Res[],
  replicas: ReplicaSpec[],
  where: string,
  fieldSpecs: FieldSpec[] = REPLICA_FIELDS,
): void {
  for (const spec of replicas) {
    let found = false;
    for (const fs of fieldSpecs) {
      for (const r of list) {
        if (isEmptyObject(r.obj)) continue;
        if (!anyId(r, id => id.name === spec.name && gvkSelected(id, fs)))
          continue;
        found = true;
        visitFieldSpec(r.obj, fs, 'scalar', (parent, key) => {
          parent[key] = spec.count;
        });
      }
    }
    if (!found)
      ctx.report(
        'warning',
        'diagnostic.kustomize.replicas-no-target',
        { name: spec.name },
        where,
      );
  }
}
