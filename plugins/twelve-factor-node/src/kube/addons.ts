import type { ClusterIndex } from './ClusterIndex';
import type { KubeObject } from './types';

/** Kinds of cluster add-on the checks care about. @public */
export type AddonKind =
  | 'log-collector'
  | 'log-backend'
  | 'prometheus'
  | 'service-mesh'
  | 'gitops'
  | 'keda'
  | 'vpa'
  | 'progressive-delivery'
  | 'external-secrets'
  | 'secrets-store-csi'
  | 'ingress-controller'
  | 'cert-manager'
  | 'otel-collector';

/** A cluster-wide component found running. @public */
export interface Addon {
  kind: AddonKind;
  /** e.g. `fluent-bit` */
  product: string;
  object: { kind: string; namespace?: string; name: string };
}

/**
 * How add-ons are recognised: a pattern over the workload's name, its
 * `app.kubernetes.io/name` / `app` / `k8s-app` labels and its images. One row
 * per product; extend here.
 */
const ADDONS: Array<{ kind: AddonKind; product: string; pattern: RegExp }> = [
  { kind: 'log-collector', product: 'fluent-bit', pattern: /fluent-?bit/ },
  { kind: 'log-collector', product: 'fluentd', pattern: /fluentd/ },
  { kind: 'log-collector', product: 'promtail', pattern: /promtail/ },
  {
    kind: 'log-collector',
    product: 'grafana-alloy',
    pattern: /(^|[/-])alloy\b|grafana\/alloy/,
  },
  {
    kind: 'log-collector',
    product: 'vector',
    pattern: /(^|[/-])vector(\b|-agent)|timberio\/vector/,
  },
  {
    kind: 'log-collector',
    product: 'azure-monitor-agent',
    pattern: /ama-logs|omsagent/,
  },
  {
    kind: 'log-collector',
    product: 'datadog-agent',
    pattern: /datadog(-agent)?/,
  },
  { kind: 'log-collector', product: 'filebeat', pattern: /filebeat/ },
  {
    kind: 'log-collector',
    product: 'cloudwatch-agent',
    pattern: /cloudwatch-agent|aws-for-fluent-bit/,
  },
  {
    kind: 'otel-collector',
    product: 'opentelemetry-collector',
    pattern: /opentelemetry-collector|otel-?collector|otelcol/,
  },
  { kind: 'log-backend', product: 'loki', pattern: /(^|[/-])loki\b/ },
  {
    kind: 'log-backend',
    product: 'elasticsearch',
    pattern: /elasticsearch|opensearch/,
  },
  {
    kind: 'prometheus',
    product: 'prometheus',
    pattern:
      /(^|[/-])prometheus(-server|-operator)?\b|prometheus-operator|kube-prometheus/,
  },
  {
    kind: 'service-mesh',
    product: 'istio',
    pattern: /istiod|istio-(ingress|pilot)/,
  },
  {
    kind: 'service-mesh',
    product: 'linkerd',
    pattern: /linkerd-(destination|identity|proxy-injector)/,
  },
  {
    kind: 'gitops',
    product: 'argo-cd',
    pattern: /argocd-(server|application-controller|repo-server)/,
  },
  {
    kind: 'gitops',
    product: 'flux',
    pattern: /(kustomize|source|helm)-controller|fluxcd/,
  },
  { kind: 'keda', product: 'keda', pattern: /keda-operator/ },
  {
    kind: 'vpa',
    product: 'vertical-pod-autoscaler',
    pattern: /vpa-(recommender|updater)/,
  },
  {
    kind: 'progressive-delivery',
    product: 'argo-rollouts',
    pattern: /argo-rollouts/,
  },
  { kind: 'progressive-delivery', product: 'flagger', pattern: /flagger/ },
  {
    kind: 'external-secrets',
    product: 'external-secrets',
    pattern: /external-secrets/,
  },
  {
    kind: 'secrets-store-csi',
    product: 'secrets-store-csi-driver',
    pattern: /secrets-store-csi|csi-secrets-store/,
  },
  {
    kind: 'ingress-controller',
    product: 'ingress-nginx',
    pattern: /ingress-nginx/,
  },
  { kind: 'cert-manager', product: 'cert-manager', pattern: /cert-manager/ },
];

function signature(o: KubeObject): string {
  const labels = o.metadata.labels ?? {};
  const containers = (o.spec?.template?.spec?.containers ?? []) as Array<{
    image?: string;
  }>;
  return [
    o.metadata.name,
    labels['app.kubernetes.io/name'],
    labels.app,
    labels['k8s-app'],
    ...containers.map(c => c.image),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

const cache = new WeakMap<ClusterIndex, Addon[]>();

/**
 * The add-ons running in a cluster, from its Deployments, DaemonSets and
 * StatefulSets. Computed once per cluster index: every entity of a fleet
 * scan shares the answer.
 * @public
 */
export function findAddons(index: ClusterIndex): Addon[] {
  let found = cache.get(index);
  if (!found) {
    found = scan(index);
    cache.set(index, found);
  }
  return found;
}

function scan(index: ClusterIndex): Addon[] {
  const out: Addon[] = [];
  const seen = new Set<string>();
  for (const kind of ['DaemonSet', 'Deployment', 'StatefulSet']) {
    for (const o of index.ofKind(kind)) {
      const sig = signature(o);
      for (const a of ADDONS) {
        if (!a.pattern.test(sig)) continue;
        const key = `${a.product}/${o.metadata.namespace}/${o.metadata.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          kind: a.kind,
          product: a.product,
          object: {
            kind: o.kind,
            namespace: o.metadata.namespace,
            name: o.metadata.name,
          },
        });
      }
    }
  }
  return out;
}
