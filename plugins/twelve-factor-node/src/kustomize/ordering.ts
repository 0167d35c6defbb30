/**
 * Output order. kubectl kustomize (kustomize v5) sorts with the "legacy"
 * order unless the kustomization's sortOptions say `fifo`: kinds in a fixed
 * first-list come first in that order (Namespace, ..., ConfigMap, Secret,
 * Service, ..., Deployment, StatefulSet, CronJob, PodDisruptionBudget),
 * webhook configurations last, everything else in between; ties are broken
 * by `group_version_kind` and then by `gvk|namespace|name` strings, where an
 * empty group, version or namespace sorts as `~G`, `~V`, `~X` (after letters).
 */
import { ORDER_FIRST, ORDER_LAST } from './defaults';
import { gvkSortString } from './gvk';
import type { SortOptions } from './kustfile';
import { curId, Res } from './resource';

export function sortResources(list: Res[], options?: SortOptions): Res[] {
  if (options?.order === 'fifo') return list;
  const first = options?.orderFirst ?? ORDER_FIRST;
  const last = options?.orderLast ?? ORDER_LAST;
  const rank = new Map<string, number>();
  first.forEach((k, i) => rank.set(k, -first.length + i));
  last.forEach((k, i) => rank.set(k, 1 + i));
  const keyed = list.map(r => {
    const id = curId(r);
    const gvk = gvkSortString(id);
    return {
      r,
      rank: rank.get(id.kind) ?? 0,
      gvk,
      id: `${gvk}|${id.ns || '~X'}|${id.name || '~N'}`,
    };
  });
  keyed.sort((a, b) => {
    if (a.gvk !== b.gvk) {
      if (a.rank !== b.rank) return a.rank - b.rank;
      return a.gvk < b.gvk ? -1 : 1;
    }
    if (a.id === b.id) return 0;
    return a.id < b.id ? -1 : 1;
  });
  return keyed.map(k => k.r);
}
