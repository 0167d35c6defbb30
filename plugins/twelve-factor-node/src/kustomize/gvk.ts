/**
 * Group/version/kind arithmetic as kustomize (kyaml `resid`) does it.
 *
 * Whether a type is cluster-scoped comes from the OpenAPI document kyaml
 * embeds (Kubernetes 1.21, without alpha groups). A type missing from it,
 * e.g. any custom resource or an API added after 1.21, counts as namespaced:
 * kustomize gives it a namespace, and so must we.
 */

/** A group/version/kind. Empty strings mean "unset". */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const apiVersionCache = new Map<string, [string, string]>();

/** Splits an apiVersion into group and version (`v1` has no group). */
export function parseApiVersion(apiVersion: string): [string, string] {
  let r = apiVersionCache.get(apiVersion);
  if (r) return r;
  const i = apiVersion.indexOf('/');
  if (i > -1) r = [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
  else if (apiVersion === 'builtin') r = [apiVersion, ''];
  else r = ['', apiVersion];
  if (apiVersionCache.size < 10000) apiVersionCache.set(apiVersion, r);
  return r;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** The gvk of an object. */
export function gvkOf(obj: Record<string, any>): Gvk {
  const [group, version] = parseApiVersion(str(obj.apiVersion));
  return { group, version, kind: str(obj.kind) };
}

/** Whether `x` is selected by a (partial) selector: empty fields match anything. */
export function gvkSelected(x: Gvk, sel: Partial<Gvk> | undefined): boolean {
  if (!sel) return true;
  if (sel.group && x.group !== sel.group) return false;
  if (sel.version && x.version !== sel.version) return false;
  if (sel.kind && x.kind !== sel.kind) return false;
  return true;
}

export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** kyaml's legacy, stable string for a gvk, used for ordering. */
export function gvkSortString(g: Gvk): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}

const CLUSTER_SCOPED: Record<string, string[]> = {
  // group/version -> kinds
  v1: ['ComponentStatus', 'Namespace', 'Node', 'PersistentVolume'],
  'admissionregistration.k8s.io/v1': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
  ],
  'admissionregistration.k8s.io/v1beta1': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
  ],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiextensions.k8s.io/v1beta1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'apiregistration.k8s.io/v1beta1': ['APIService'],
  'authentication.k8s.io/v1': ['TokenReview'],
  'authentication.k8s.io/v1beta1': ['TokenReview'],
  'authorization.k8s.io/v1': [
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
  'authorization.k8s.io/v1beta1': [
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
  'flowcontrol.apiserver.k8s.io/v1beta1': [
    'FlowSchema',
    'PriorityLevelConfiguration',
  ],
  'networking.k8s.io/v1': ['IngressClass'],
  'networking.k8s.io/v1beta1': ['IngressClass'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'node.k8s.io/v1beta1': ['RuntimeClass'],
  'policy/v1beta1': ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding'],
  'rbac.authorization.k8s.io/v1beta1': ['ClusterRole', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'scheduling.k8s.io/v1beta1': ['PriorityClass'],
  'storage.k8s.io/v1': [
    'CSIDriver',
    'CSINode',
    'StorageClass',
    'VolumeAttachment',
  ],
  'storage.k8s.io/v1beta1': [
    'CSIDriver',
    'CSINode',
    'StorageClass',
    'VolumeAttachment',
  ],
};

/** kind -> group -> versions; looked up without building strings (this is hot). */
const clusterScoped = new Map<string, Map<string, Set<string>>>();
for (const [gv, kinds] of Object.entries(CLUSTER_SCOPED)) {
  const [group, version] = parseApiVersion(gv);
  for (const kind of kinds) {
    const byGroup = clusterScoped.get(kind) ?? new Map<string, Set<string>>();
    const versions = byGroup.get(group) ?? new Set<string>();
    versions.add(version);
    byGroup.set(group, versions);
    clusterScoped.set(kind, byGroup);
  }
}

/** Whether the gvk is certainly cluster-scoped per kyaml's OpenAPI data. */
export function isClusterScoped(g: Gvk): boolean {
  return clusterScoped.get(g.kind)?.get(g.group)?.has(g.version) ?? false;
}
