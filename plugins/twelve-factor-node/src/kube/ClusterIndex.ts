import type { ClusterData, KubeObject } from './types';

/**
 * An in-memory index of one cluster's objects, built once per collection and
 * shared by every entity scored against it: by kind, by namespace and by
 * label pair, so mapping an entity costs a few lookups instead of a pass over
 * every object.
 * @public
 */
export class ClusterIndex {
  private static readonly cache = new WeakMap<ClusterData, ClusterIndex>();

  /** The index of a cluster's data, built on first use. */
  static of(cluster: ClusterData): ClusterIndex {
    let idx = ClusterIndex.cache.get(cluster);
    if (!idx) {
      idx = new ClusterIndex(cluster.objects);
      ClusterIndex.cache.set(cluster, idx);
    }
    return idx;
  }

  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly byLabel = new Map<string, KubeObject[]>();
  private readonly byKindNs = new Map<string, KubeObject[]>();
  private readonly byKey = new Map<string, KubeObject>();

  constructor(readonly objects: ReadonlyArray<KubeObject>) {
    for (const o of objects) {
      push(this.byKind, o.kind, o);
      push(this.byKindNs, `${o.kind}/${o.metadata.namespace ?? ''}`, o);
      this.byKey.set(
        `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`,
        o,
      );
      for (const [k, v] of Object.entries(o.metadata.labels ?? {}))
        push(this.byLabel, `${k}=${v}`, o);
    }
  }

  ofKind(kind: string): ReadonlyArray<KubeObject> {
    return this.byKind.get(kind) ?? [];
  }

  ofKindIn(
    kind: string,
    namespace: string | undefined,
  ): ReadonlyArray<KubeObject> {
    return this.byKindNs.get(`${kind}/${namespace ?? ''}`) ?? [];
  }

  withLabel(key: string, value: string): ReadonlyArray<KubeObject> {
    return this.byLabel.get(`${key}=${value}`) ?? [];
  }

  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.byKey.get(`${kind}/${namespace ?? ''}/${name}`);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
