/**
 * The part of the Kubernetes OpenAPI schema a strategic merge needs: which
 * lists merge element by element (x-kubernetes-patch-strategy: merge) and by
 * which keys (x-kubernetes-list-map-keys, else x-kubernetes-patch-merge-key).
 *
 * kyaml only merges lists it has a schema for; every other list (atomic
 * lists, unknown fields, custom resources) is replaced by the patch. So the
 * schema only has to describe paths that lead to merge lists. Like kyaml, it
 * covers the built-in types of Kubernetes 1.21 (its embedded OpenAPI).
 */
import type { Gvk } from '../gvk';

/** A node of the merge schema. */
export interface SchemaNode {
  fields?: Record<string, SchemaNode>;
  /** Present when the node is a list with patch strategy `merge`. */
  list?: { keys: string[]; elem?: SchemaNode };
}

const mergeList = (keys: string[], elem?: SchemaNode): SchemaNode => ({
  list: { keys, elem },
});

const objectMeta: SchemaNode = {
  fields: { finalizers: mergeList([]), ownerReferences: mergeList(['uid']) },
};

const container: SchemaNode = {
  fields: {
    ports: mergeList(['containerPort', 'protocol']),
    env: mergeList(['name']),
    volumeMounts: mergeList(['mountPath']),
    volumeDevices: mergeList(['devicePath']),
  },
};

const podSpec: SchemaNode = {
  fields: {
    volumes: mergeList(['name']),
    initContainers: mergeList(['name'], container),
    containers: mergeList(['name'], container),
    ephemeralContainers: mergeList(['name'], container),
    imagePullSecrets: mergeList(['name']),
    hostAliases: mergeList(['ip']),
    topologySpreadConstraints: mergeList(['topologyKey', 'whenUnsatisfiable']),
  },
};

const podTemplateSpec: SchemaNode = {
  fields: { metadata: objectMeta, spec: podSpec },
};
const conditions = mergeList(['type']);

const withMeta = (fields: Record<string, SchemaNode> = {}): SchemaNode => ({
  fields: { metadata: objectMeta, ...fields },
});
const templated = (extraStatus = true): SchemaNode =>
  withMeta({
    spec: { fields: { template: podTemplateSpec } },
    ...(extraStatus ? { status: { fields: { conditions } } } : {}),
  });

const jobSpec: SchemaNode = { fields: { template: podTemplateSpec } };
const cronJob = withMeta({
  spec: {
    fields: {
      jobTemplate: { fields: { metadata: objectMeta, spec: jobSpec } },
    },
  },
});
const webhookConfig = withMeta({ webhooks: mergeList(['name']) });

/** Schemas by `group/version|kind` for the 1.21 built-in types. */
const SCHEMAS = new Map<string, SchemaNode>();

function add(
  gvs: string[],
  kinds: string[],
  schema: SchemaNode = withMeta(),
): void {
  for (const gv of gvs)
    for (const kind of kinds) SCHEMAS.set(`${gv}|${kind}`, schema);
}

add(
  ['v1'],
  ['Pod'],
  withMeta({ spec: podSpec, status: { fields: { conditions } } }),
);
add(['v1'], ['PodTemplate'], withMeta({ template: podTemplateSpec }));
add(['v1'], ['ReplicationController'], templated());
add(
  ['v1'],
  ['Service'],
  withMeta({
    spec: { fields: { ports: mergeList(['port', 'protocol']) } },
    status: { fields: { conditions } },
  }),
);
add(['v1'], ['ServiceAccount'], withMeta({ secrets: mergeList(['name']) }));
add(
  ['v1'],
  ['Node'],
  withMeta({
    spec: { fields: { podCIDRs: mergeList([]) } },
    status: { fields: { conditions, addresses: mergeList(['type']) } },
  }),
);
add(
  ['v1'],
  ['Namespace', 'PersistentVolumeClaim'],
  withMeta({ status: { fields: { conditions } } }),
);
add(
  ['v1'],
  [
    'Binding',
    'ComponentStatus',
    'ConfigMap',
    'Endpoints',
    'Event',
    'LimitRange',
    'PersistentVolume',
    'ResourceQuota',
    'Secret',
  ],
);
add(
  ['apps/v1'],
  ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  templated(),
);
add(['apps/v1'], ['ControllerRevision']);
add(['batch/v1'], ['Job'], withMeta({ spec: jobSpec }));
add(['batch/v1', 'batch/v1beta1'], ['CronJob'], cronJob);
add(
  ['admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1beta1'],
  ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  webhookConfig,
);
add(
  ['apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'],
  ['CustomResourceDefinition'],
);
add(
  ['apiregistration.k8s.io/v1', 'apiregistration.k8s.io/v1beta1'],
  ['APIService'],
);
add(
  ['authentication.k8s.io/v1', 'authentication.k8s.io/v1beta1'],
  ['TokenReview'],
);
add(
  ['authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1'],
  [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
  ],
);
add(['autoscaling/v1'], ['HorizontalPodAutoscaler', 'Scale']);
add(
  ['autoscaling/v2beta1', 'autoscaling/v2beta2'],
  ['HorizontalPodAutoscaler'],
);
add(
  ['certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1'],
  ['CertificateSigningRequest'],
);
add(['coordination.k8s.io/v1', 'coordination.k8s.io/v1beta1'], ['Lease']);
add(['discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1'], ['EndpointSlice']);
add(['events.k8s.io/v1', 'events.k8s.io/v1beta1'], ['Event']);
add(['extensions/v1beta1'], ['Ingress']);
add(
  ['flowcontrol.apiserver.k8s.io/v1beta1'],
  ['FlowSchema', 'PriorityLevelConfiguration'],
);
add(['networking.k8s.io/v1'], ['Ingress', 'IngressClass', 'NetworkPolicy']);
add(['networking.k8s.io/v1beta1'], ['Ingress', 'IngressClass']);
add(['node.k8s.io/v1', 'node.k8s.io/v1beta1'], ['RuntimeClass']);
add(['policy/v1'], ['PodDisruptionBudget']);
add(['policy/v1beta1'], ['PodDisruptionBudget', 'PodSecurityPolicy']);
add(
  ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1'],
  ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
);
add(['scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1'], ['PriorityClass']);
add(['storage.k8s.io/v1'], ['CSIDriver', 'StorageClass', 'VolumeAttachment']);
add(
  ['storage.k8s.io/v1'],
  ['CSINode'],
  withMeta({ spec: { fields: { drivers: mergeList(['name']) } } }),
);
add(
  ['storage.k8s.io/v1beta1'],
  ['CSIDriver', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment'],
);
add(
  ['storage.k8s.io/v1beta1'],
  ['CSINode'],
  withMeta({ spec: { fields: { drivers: mergeList(['name']) } } }),
);

/** The merge schema of a type, if kyaml knows it. */
export function schemaFor(
  g: Pick<Gvk, 'group' | 'version' | 'kind'>,
): SchemaNode | undefined {
  const gv = g.group ? `${g.group}/${g.version}` : g.version;
  return SCHEMAS.get(`${gv}|${g.kind}`);
}
