/**
 * Kustomize's built-in transformer configuration (api/internal/konfig/
 * builtinpluginconsts, as shipped in kustomize v5.5 / kubectl 1.32): which
 * fields hold labels, annotations, namespaces, names, images and replica
 * counts, and which fields refer to other objects by name.
 */
import type { FieldSpec } from './fieldspec';
import type { Gvk } from './gvk';

const fs = (
  path: string,
  kind?: string,
  group?: string,
  version?: string,
  create?: boolean,
): FieldSpec => ({
  path,
  ...(kind ? { kind } : {}),
  ...(group ? { group } : {}),
  ...(version ? { version } : {}),
  ...(create ? { create } : {}),
});

/** Labels on objects and on the pod templates they stamp out. */
const METADATA_LABELS: FieldSpec[] = [
  fs('metadata/labels', undefined, undefined, undefined, true),
  fs(
    'spec/template/metadata/labels',
    'ReplicationController',
    undefined,
    'v1',
    true,
  ),
  fs('spec/template/metadata/labels', 'Deployment', undefined, undefined, true),
  fs('spec/template/metadata/labels', 'ReplicaSet', undefined, undefined, true),
  fs('spec/template/metadata/labels', 'DaemonSet', undefined, undefined, true),
  fs('spec/template/metadata/labels', 'StatefulSet', 'apps', undefined, true),
  fs(
    'spec/volumeClaimTemplates[]/metadata/labels',
    'StatefulSet',
    'apps',
    undefined,
    true,
  ),
  fs('spec/template/metadata/labels', 'Job', 'batch', undefined, true),
  fs('spec/jobTemplate/metadata/labels', 'CronJob', 'batch', undefined, true),
  fs(
    'spec/jobTemplate/spec/template/metadata/labels',
    'CronJob',
    'batch',
    undefined,
    true,
  ),
];

/** `labels: - includeTemplates: true` adds these to metadata/labels. */
export const TEMPLATE_LABELS: FieldSpec[] = METADATA_LABELS.slice(1);

const affinity = (kind: string): FieldSpec[] => [
  fs(
    'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    kind,
    'apps',
  ),
  fs(
    'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    kind,
    'apps',
  ),
  fs(
    'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
    kind,
    'apps',
  ),
  fs(
    'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
    kind,
    'apps',
  ),
  fs(
    'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
    kind,
    'apps',
  ),
];

/** commonLabels and `labels: - includeSelectors: true`: metadata plus selectors. */
export const COMMON_LABELS: FieldSpec[] = [
  fs('spec/selector', 'Service', undefined, 'v1', true),
  fs('spec/selector', 'ReplicationController', undefined, 'v1', true),
  fs('spec/selector/matchLabels', 'Deployment', undefined, undefined, true),
  ...affinity('Deployment'),
  fs('spec/selector/matchLabels', 'ReplicaSet', undefined, undefined, true),
  fs('spec/selector/matchLabels', 'DaemonSet', undefined, undefined, true),
  fs('spec/selector/matchLabels', 'StatefulSet', 'apps', undefined, true),
  fs(
    'spec/volumeClaimTemplates[]/metadata/labels',
    'StatefulSet',
    'apps',
    undefined,
    true,
  ),
  ...affinity('StatefulSet'),
  fs('spec/selector/matchLabels', 'Job', 'batch'),
  fs('spec/jobTemplate/spec/selector/matchLabels', 'CronJob', 'batch'),
  fs('spec/selector/matchLabels', 'PodDisruptionBudget', 'policy'),
  fs('spec/podSelector/matchLabels', 'NetworkPolicy', 'networking.k8s.io'),
  fs(
    'spec/ingress/from/podSelector/matchLabels',
    'NetworkPolicy',
    'networking.k8s.io',
  ),
  fs(
    'spec/egress/to/podSelector/matchLabels',
    'NetworkPolicy',
    'networking.k8s.io',
  ),
  ...METADATA_LABELS,
];

export const METADATA_LABELS_ONLY: FieldSpec[] = [METADATA_LABELS[0]];

export const COMMON_ANNOTATIONS: FieldSpec[] = [
  fs('metadata/annotations', undefined, undefined, undefined, true),
  fs(
    'spec/template/metadata/annotations',
    'ReplicationController',
    undefined,
    'v1',
    true,
  ),
  fs(
    'spec/template/metadata/annotations',
    'Deployment',
    undefined,
    undefined,
    true,
  ),
  fs(
    'spec/template/metadata/annotations',
    'ReplicaSet',
    undefined,
    undefined,
    true,
  ),
  fs(
    'spec/template/metadata/annotations',
    'DaemonSet',
    undefined,
    undefined,
    true,
  ),
  fs(
    'spec/template/metadata/annotations',
    'StatefulSet',
    undefined,
    undefined,
    true,
  ),
  fs('spec/template/metadata/annotations', 'Job', 'batch', undefined, true),
  fs(
    'spec/jobTemplate/metadata/annotations',
    'CronJob',
    'batch',
    undefined,
    true,
  ),
  fs(
    'spec/jobTemplate/spec/template/metadata/annotations',
    'CronJob',
    'batch',
    undefined,
    true,
  ),
];

/**
 * Namespace fields besides metadata/namespace (which the transformer sets
 * itself, skipping cluster-scoped kinds) and role binding subjects (also
 * hard-coded: only subjects named `default`).
 */
export const NAMESPACE_FIELDS: FieldSpec[] = [
  fs('metadata/name', 'Namespace', undefined, undefined, true),
  fs(
    'spec/service/namespace',
    'APIService',
    'apiregistration.k8s.io',
    undefined,
    true,
  ),
  fs(
    'spec/conversion/webhook/clientConfig/service/namespace',
    'CustomResourceDefinition',
    'apiextensions.k8s.io',
  ),
];

export const NAME_PREFIX_FIELDS: FieldSpec[] = [fs('metadata/name')];
export const NAME_SUFFIX_FIELDS: FieldSpec[] = [fs('metadata/name')];

export const IMAGE_FIELDS: FieldSpec[] = [
  fs('spec/containers[]/image', undefined, undefined, undefined, true),
  fs('spec/initContainers[]/image', undefined, undefined, undefined, true),
  fs(
    'spec/template/spec/containers[]/image',
    undefined,
    undefined,
    undefined,
    true,
  ),
  fs(
    'spec/template/spec/initContainers[]/image',
    undefined,
    undefined,
    undefined,
    true,
  ),
];

export const REPLICA_FIELDS: FieldSpec[] = [
  fs('spec/replicas', 'Deployment', undefined, undefined, true),
  fs('spec/replicas', 'ReplicationController', undefined, undefined, true),
  fs('spec/replicas', 'ReplicaSet', undefined, undefined, true),
  fs('spec/replicas', 'StatefulSet', undefined, undefined, true),
];

/** A referral target kind and the fields (of other kinds) that name it. */
export interface NameBackReference {
  target: Partial<Gvk>;
  referrers: FieldSpec[];
}

const WORKLOADS_WITH_TEMPLATE = [
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Job',
];

function podRefs(pathsInPodSpec: string[]): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const p of pathsInPodSpec)
    out.push(fs(`spec/${p}`, 'Pod', undefined, 'v1'));
  for (const p of pathsInPodSpec)
    out.push(fs(`template/spec/${p}`, 'PodTemplate'));
  for (const k of WORKLOADS_WITH_TEMPLATE)
    for (const p of pathsInPodSpec) out.push(fs(`spec/template/spec/${p}`, k));
  return out;
}

const CONFIGMAP_IN_POD = [
  'volumes/configMap/name',
  'containers/env/valueFrom/configMapKeyRef/name',
  'initContainers/env/valueFrom/configMapKeyRef/name',
  'containers/envFrom/configMapRef/name',
  'initContainers/envFrom/configMapRef/name',
  'volumes/projected/sources/configMap/name',
];
const SECRET_IN_POD = [
  'volumes/secret/secretName',
  'containers/env/valueFrom/secretKeyRef/name',
  'initContainers/env/valueFrom/secretKeyRef/name',
  'containers/envFrom/secretRef/name',
  'initContainers/envFrom/secretRef/name',
  'imagePullSecrets/name',
  'volumes/projected/sources/secret/name',
];

const cronJob = (p: string) =>
  fs(`spec/jobTemplate/spec/template/spec/${p}`, 'CronJob');
const templated = (p: string, kinds: string[]) =>
  kinds.map(k => fs(`spec/template/spec/${p}`, k));

export const NAME_REFERENCES: NameBackReference[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map(
    kind => ({
      target: { kind },
      referrers: [fs('spec/scaleTargetRef/name', 'HorizontalPodAutoscaler')],
    }),
  ),
  {
    target: { kind: 'ConfigMap', version: 'v1' },
    referrers: [
      ...podRefs(CONFIGMAP_IN_POD),
      cronJob('volumes/configMap/name'),
      cronJob('volumes/projected/sources/configMap/name'),
      cronJob('containers/env/valueFrom/configMapKeyRef/name'),
      cronJob('initContainers/env/valueFrom/configMapKeyRef/name'),
      cronJob('containers/envFrom/configMapRef/name'),
      cronJob('initContainers/envFrom/configMapRef/name'),
      fs('spec/configSource/configMap', 'Node'),
      fs('rules/resourceNames', 'Role'),
      fs('rules/resourceNames', 'ClusterRole'),
      fs(
        'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap',
        'Ingress',
      ),
    ],
  },
  {
    target: { kind: 'Secret', version: 'v1' },
    referrers: [
      ...podRefs(SECRET_IN_POD),
      cronJob('volumes/secret/secretName'),
      cronJob('volumes/projected/sources/secret/name'),
      cronJob('containers/env/valueFrom/secretKeyRef/name'),
      cronJob('initContainers/env/valueFrom/secretKeyRef/name'),
      cronJob('containers/envFrom/secretRef/name'),
      cronJob('initContainers/envFrom/secretRef/name'),
      cronJob('imagePullSecrets/name'),
      fs('spec/tls/secretName', 'Ingress'),
      fs('metadata/annotations/ingress.kubernetes.io\\/auth-secret', 'Ingress'),
      fs(
        'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret',
        'Ingress',
      ),
      fs(
        'metadata/annotations/nginx.ingress.kubernetes.io\\/auth-tls-secret',
        'Ingress',
      ),
      fs('imagePullSecrets/name', 'ServiceAccount'),
      fs('parameters/secretName', 'StorageClass'),
      fs('parameters/adminSecretName', 'StorageClass'),
      fs('parameters/userSecretName', 'StorageClass'),
      fs('parameters/secretRef', 'StorageClass'),
      fs('rules/resourceNames', 'Role'),
      fs('rules/resourceNames', 'ClusterRole'),
      fs(
        'spec/template/spec/containers/env/valueFrom/secretKeyRef/name',
        'Service',
        'serving.knative.dev',
        'v1',
      ),
      fs('spec/azureFile/secretName', 'PersistentVolume'),
    ],
  },
  {
    target: { kind: 'Service', version: 'v1' },
    referrers: [
      fs('spec/serviceName', 'StatefulSet', 'apps'),
      fs('spec/rules/http/paths/backend/serviceName', 'Ingress'),
      fs('spec/backend/serviceName', 'Ingress'),
      fs('spec/rules/http/paths/backend/service/name', 'Ingress'),
      fs('spec/defaultBackend/service/name', 'Ingress'),
      fs('spec/service/name', 'APIService', 'apiregistration.k8s.io'),
      fs(
        'webhooks/clientConfig/service',
        'ValidatingWebhookConfiguration',
        'admissionregistration.k8s.io',
      ),
      fs(
        'webhooks/clientConfig/service',
        'MutatingWebhookConfiguration',
        'admissionregistration.k8s.io',
      ),
    ],
  },
  {
    target: { kind: 'Role', group: 'rbac.authorization.k8s.io' },
    referrers: [fs('roleRef/name', 'RoleBinding', 'rbac.authorization.k8s.io')],
  },
  {
    target: { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io' },
    referrers: [
      fs('roleRef/name', 'RoleBinding', 'rbac.authorization.k8s.io'),
      fs('roleRef/name', 'ClusterRoleBinding', 'rbac.authorization.k8s.io'),
    ],
  },
  {
    target: { kind: 'ServiceAccount', version: 'v1' },
    referrers: [
      fs('subjects', 'RoleBinding', 'rbac.authorization.k8s.io'),
      fs('subjects', 'ClusterRoleBinding', 'rbac.authorization.k8s.io'),
      fs('spec/serviceAccountName', 'Pod'),
      fs('spec/template/spec/serviceAccountName', 'StatefulSet'),
      fs('spec/template/spec/serviceAccountName', 'Deployment'),
      fs('spec/template/spec/serviceAccountName', 'ReplicationController'),
      fs('spec/jobTemplate/spec/template/spec/serviceAccountName', 'CronJob'),
      fs('spec/template/spec/serviceAccountName', 'Job'),
      fs('spec/template/spec/serviceAccountName', 'DaemonSet'),
    ],
  },
  {
    target: { kind: 'PersistentVolumeClaim', version: 'v1' },
    referrers: [
      fs('spec/volumes/persistentVolumeClaim/claimName', 'Pod'),
      ...templated('volumes/persistentVolumeClaim/claimName', [
        'StatefulSet',
        'Deployment',
        'ReplicationController',
      ]),
      cronJob('volumes/persistentVolumeClaim/claimName'),
      ...templated('volumes/persistentVolumeClaim/claimName', [
        'Job',
        'DaemonSet',
      ]),
    ],
  },
  {
    target: { kind: 'PersistentVolume', version: 'v1' },
    referrers: [
      fs('spec/volumeName', 'PersistentVolumeClaim'),
      fs('rules/resourceNames', 'ClusterRole'),
    ],
  },
  {
    target: { kind: 'StorageClass', version: 'v1', group: 'storage.k8s.io' },
    referrers: [
      fs('spec/storageClassName', 'PersistentVolume'),
      fs('spec/storageClassName', 'PersistentVolumeClaim'),
      fs('spec/volumeClaimTemplates/spec/storageClassName', 'StatefulSet'),
    ],
  },
  {
    target: {
      kind: 'PriorityClass',
      version: 'v1',
      group: 'scheduling.k8s.io',
    },
    referrers: [
      fs('spec/priorityClassName', 'Pod'),
      ...templated('priorityClassName', [
        'StatefulSet',
        'Deployment',
        'ReplicationController',
      ]),
      cronJob('priorityClassName'),
      ...templated('priorityClassName', ['Job', 'DaemonSet']),
    ],
  },
  {
    // kustomize's own config spells the group with a version, so this never
    // matches; kept for fidelity.
    target: {
      kind: 'IngressClass',
      version: 'v1',
      group: 'networking.k8s.io/v1',
    },
    referrers: [fs('spec/ingressClassName', 'Ingress')],
  },
];

/** Kinds the legacy sort puts first and last, in kustomize's fixed order. */
export const ORDER_FIRST = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
export const ORDER_LAST = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

/** Where `$(VAR)` references are expanded (kustomize's varReference). */
function varRefsInPodSpec(kind: string, podSpec: string): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const c of ['containers', 'initContainers'])
    for (const f of ['args', 'command', 'env/value', 'volumeMounts/mountPath'])
      out.push(fs(`${podSpec}/${c}/${f}`, kind));
  return out;
}

export const VAR_REFERENCES: FieldSpec[] = [
  ...varRefsInPodSpec('CronJob', 'spec/jobTemplate/spec/template/spec'),
  // Sic: kustomize's CronJob entry misses the pod template's `spec`.
  fs('spec/jobTemplate/spec/template/volumes/nfs/server', 'CronJob'),
  ...varRefsInPodSpec('DaemonSet', 'spec/template/spec'),
  fs('spec/template/spec/volumes/nfs/server', 'DaemonSet'),
  ...varRefsInPodSpec('Deployment', 'spec/template/spec'),
  fs('spec/template/spec/volumes/nfs/server', 'Deployment'),
  fs('spec/template/metadata/annotations', 'Deployment'),
  fs('spec/rules/host', 'Ingress'),
  fs('spec/tls/hosts', 'Ingress'),
  fs('spec/tls/secretName', 'Ingress'),
  ...varRefsInPodSpec('Job', 'spec/template/spec'),
  fs('spec/template/spec/volumes/nfs/server', 'Job'),
  ...varRefsInPodSpec('Pod', 'spec'),
  fs('spec/volumes/nfs/server', 'Pod'),
  ...varRefsInPodSpec('ReplicaSet', 'spec/template/spec'),
  fs('spec/template/spec/volumes/nfs/server', 'ReplicaSet'),
  fs('spec/ports/port', 'Service'),
  fs('spec/ports/targetPort', 'Service'),
  ...varRefsInPodSpec('StatefulSet', 'spec/template/spec'),
  fs('spec/volumeClaimTemplates/spec/nfs/server', 'StatefulSet'),
  fs('spec/nfs/server', 'PersistentVolume'),
  fs('metadata/labels'),
  fs('metadata/annotations'),
];
