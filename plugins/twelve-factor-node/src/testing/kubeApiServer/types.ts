/**
 * Shapes shared by the test Kubernetes API server's modules. Objects are kept
 * as plain JSON (what a dump or the wire carries); nothing here is typed per
 * kind because the server must serve any kind, CRDs included.
 */

/** One Kubernetes object as it appears in a dump or on the wire. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [field: string]: unknown;
}

export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  [field: string]: unknown;
}

/** A resource type as discovery describes it (one group/version/plural). */
export interface ResourceType {
  /** API group; '' for the core group served under /api/v1. */
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, the path segment: `deployments`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  /** `<Kind>List` for built-ins, `spec.names.listKind` for CRDs. */
  listKind: string;
  shortNames?: string[];
  categories?: string[];
  /**
   * Custom resources are served as unstructured objects, and the real API
   * server keeps apiVersion/kind on list items for them (it strips them for
   * built-in kinds). We mirror that difference.
   */
  custom: boolean;
}

/** `apps/v1` for group `apps`, `v1` for the core group. */
export function groupVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Splits an apiVersion into group and version (`v1` → core group ''). */
export function parseApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}
