/** A Kubernetes object as the API returns it (or a dump holds it). @public */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      kind: string;
      name: string;
      controller?: boolean;
      apiVersion?: string;
    }>;
    [key: string]: unknown;
  };
  [key: string]: any;
}

/** What one cluster gave for a scan. @public */
export interface ClusterData {
  /** Cluster name as configured (or the dump's file name). */
  name: string;
  /** Every collected object; Secrets reduced to metadata. */
  objects: KubeObject[];
  /** Set when the cluster could not be read at all: checks that need it become unknown. */
  error?: string;
  /** Kinds that could not be listed (403, timeouts), with the reason. */
  unreadableKinds?: Array<{ kind: string; reason: string }>;
  /** Custom resource kinds the cluster serves (from discovery, or CRDs in a dump). */
  installedKinds?: string[];
}

/** The identity of an object: kind, namespace and name. */
export function objectKey(o: Pick<KubeObject, 'kind' | 'metadata'>): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
