/**
 * What the collector reads from every cluster: one paginated LIST per kind
 * per scan. Built-in kinds are always listed; custom kinds only when API
 * discovery shows them served (a missing CRD is a fact, not an error).
 * The RBAC manifest in deploy/rbac/clusterrole.yaml grants exactly these.
 */

/** A kind to collect. `group` '' is the core group. */
export interface CollectedKind {
  kind: string;
  group: string;
  /** Versions to try, preferred first; discovery picks the served one for custom kinds. */
  versions: string[];
  plural: string;
  namespaced: boolean;
  /** Read metadata only (Secrets): values never leave the cluster. */
  metadataOnly?: boolean;
  custom?: boolean;
}

export const BUILT_IN_KINDS: ReadonlyArray<CollectedKind> = [
  {
    kind: 'Deployment',
    group: 'apps',
    versions: ['v1'],
    plural: 'deployments',
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    group: 'apps',
    versions: ['v1'],
    plural: 'statefulsets',
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    group: 'apps',
    versions: ['v1'],
    plural: 'daemonsets',
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    group: 'apps',
    versions: ['v1'],
    plural: 'replicasets',
    namespaced: true,
  },
  {
    kind: 'Pod',
    group: '',
    versions: ['v1'],
    plural: 'pods',
    namespaced: true,
  },
  {
    kind: 'Job',
    group: 'batch',
    versions: ['v1'],
    plural: 'jobs',
    namespaced: true,
  },
  {
    kind: 'CronJob',
    group: 'batch',
    versions: ['v1'],
    plural: 'cronjobs',
    namespaced: true,
  },
  {
    kind: 'Service',
    group: '',
    versions: ['v1'],
    plural: 'services',
    namespaced: true,
  },
  {
    kind: 'Ingress',
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'ingresses',
    namespaced: true,
  },
  {
    kind: 'HorizontalPodAutoscaler',
    group: 'autoscaling',
    versions: ['v2'],
    plural: 'horizontalpodautoscalers',
    namespaced: true,
  },
  {
    kind: 'PodDisruptionBudget',
    group: 'policy',
    versions: ['v1'],
    plural: 'poddisruptionbudgets',
    namespaced: true,
  },
  {
    kind: 'NetworkPolicy',
    group: 'networking.k8s.io',
    versions: ['v1'],
    plural: 'networkpolicies',
    namespaced: true,
  },
  {
    kind: 'ConfigMap',
    group: '',
    versions: ['v1'],
    plural: 'configmaps',
    namespaced: true,
  },
  {
    kind: 'ServiceAccount',
    group: '',
    versions: ['v1'],
    plural: 'serviceaccounts',
    namespaced: true,
  },
  {
    kind: 'Role',
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    plural: 'roles',
    namespaced: true,
  },
  {
    kind: 'RoleBinding',
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    plural: 'rolebindings',
    namespaced: true,
  },
  {
    kind: 'ClusterRoleBinding',
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  {
    kind: 'PersistentVolumeClaim',
    group: '',
    versions: ['v1'],
    plural: 'persistentvolumeclaims',
    namespaced: true,
  },
  {
    kind: 'Secret',
    group: '',
    versions: ['v1'],
    plural: 'secrets',
    namespaced: true,
    metadataOnly: true,
  },
];

export const CUSTOM_KINDS: ReadonlyArray<CollectedKind> = [
  {
    kind: 'ServiceMonitor',
    group: 'monitoring.coreos.com',
    versions: ['v1'],
    plural: 'servicemonitors',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'PodMonitor',
    group: 'monitoring.coreos.com',
    versions: ['v1'],
    plural: 'podmonitors',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'PrometheusRule',
    group: 'monitoring.coreos.com',
    versions: ['v1'],
    plural: 'prometheusrules',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'ScaledObject',
    group: 'keda.sh',
    versions: ['v1alpha1'],
    plural: 'scaledobjects',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'ScaledJob',
    group: 'keda.sh',
    versions: ['v1alpha1'],
    plural: 'scaledjobs',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'Application',
    group: 'argoproj.io',
    versions: ['v1alpha1'],
    plural: 'applications',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'Rollout',
    group: 'argoproj.io',
    versions: ['v1alpha1'],
    plural: 'rollouts',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    versions: ['v1', 'v1beta2'],
    plural: 'kustomizations',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io',
    versions: ['v2', 'v2beta2', 'v2beta1'],
    plural: 'helmreleases',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'Canary',
    group: 'flagger.app',
    versions: ['v1beta1'],
    plural: 'canaries',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'SecretProviderClass',
    group: 'secrets-store.csi.x-k8s.io',
    versions: ['v1', 'v1alpha1'],
    plural: 'secretproviderclasses',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'ExternalSecret',
    group: 'external-secrets.io',
    versions: ['v1', 'v1beta1'],
    plural: 'externalsecrets',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'PeerAuthentication',
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'peerauthentications',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'DestinationRule',
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'destinationrules',
    namespaced: true,
    custom: true,
  },
  {
    kind: 'VerticalPodAutoscaler',
    group: 'autoscaling.k8s.io',
    versions: ['v1'],
    plural: 'verticalpodautoscalers',
    namespaced: true,
    custom: true,
  },
];

/** The Accept header that makes the API server return metadata only. */
export const METADATA_ONLY_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
