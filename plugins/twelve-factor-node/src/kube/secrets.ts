import type { KubeObject } from './types';

/**
 * Reduces a Secret to what the product may keep: its identity, labels, type
 * and the names of its keys. Values never pass this point, and neither does
 * the last-applied-configuration annotation, which holds them too.
 * @public
 */
export function redactSecret(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret') return obj;
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
  const keys = [
    ...Object.keys(obj.data ?? {}),
    ...Object.keys(obj.stringData ?? {}),
  ].sort();
  return {
    apiVersion: obj.apiVersion,
    kind: 'Secret',
    metadata: {
      name: obj.metadata.name,
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    ...(obj.type ? { type: obj.type } : {}),
    ...(keys.length ? { dataKeys: keys } : {}),
  };
}
