import type {
  CheckDefinition,
  CheckResult,
} from '@internal/plugin-twelve-factor-common';
import { because } from '../checks/messages';
import type { ClusterData } from '../kube/types';

/**
 * The cluster kinds each built-in check reads. When a cluster could not be
 * read at all, or one of these kinds could not be listed in it, a check that
 * would pass (or partly pass) cannot know that it does: it becomes `unknown`
 * with the reason. A `fail` stands, since the gap it found exists whatever
 * the missing data says. Checks not listed here depend on no cluster kind.
 */
export const CHECK_CLUSTER_KINDS: Readonly<
  Record<string, ReadonlyArray<string>>
> = (() => {
  const workloads = [
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'Pod',
    'Job',
    'CronJob',
  ];
  const table: Record<string, string[]> = {
    'f3-config.configmap': [...workloads, 'ConfigMap'],
    'f3-config.secrets': [...workloads, 'ConfigMap'],
    'f3-config.secret-store': [
      ...workloads,
      'SecretProviderClass',
      'ExternalSecret',
    ],
    'cn-security.secrets-management': [
      ...workloads,
      'SecretProviderClass',
      'ExternalSecret',
    ],
    'f4-backing-services.external-db': [...workloads, 'ConfigMap', 'Service'],
    'f4-backing-services.cache-separate': [...workloads, 'Service'],
    'f4-backing-services.urls-from-env': [...workloads, 'ConfigMap'],
    'f5-build-release-run.immutable-image': workloads,
    'f5-build-release-run.rollback': workloads,
    'f6-processes.stateless': [...workloads, 'PersistentVolumeClaim'],
    'f6-processes.external-sessions': ['Service', 'Ingress'],
    'f6-processes.shared-filesystem': [...workloads, 'PersistentVolumeClaim'],
    'f6-processes.independent': workloads,
    'f7-port-binding.self-binding': workloads,
    'f7-port-binding.service': [...workloads, 'Service'],
    'f7-port-binding.ingress': ['Service', 'Ingress'],
    'f8-concurrency.horizontal': [
      ...workloads,
      'HorizontalPodAutoscaler',
      'ScaledObject',
    ],
    'f8-concurrency.process-types': workloads,
    'f8-concurrency.worker-scaling': [
      ...workloads,
      'HorizontalPodAutoscaler',
      'ScaledObject',
    ],
    'f8-concurrency.hpa': [...workloads, 'HorizontalPodAutoscaler', 'Service'],
    'cn-scalability.horizontal': [
      ...workloads,
      'HorizontalPodAutoscaler',
      'Service',
    ],
    'f9-disposability.fast-startup': workloads,
    'f9-disposability.prestop-hook': workloads,
    'f9-disposability.termination-grace': workloads,
    'f11-logs.centralized': ['DaemonSet', 'Deployment', 'StatefulSet'],
    'cn-observability.centralized-logging': [
      'DaemonSet',
      'Deployment',
      'StatefulSet',
    ],
    'f11-logs.aggregation': ['DaemonSet', 'Deployment', 'StatefulSet'],
    'f12-admin-processes.migration-job': ['Job', 'CronJob', ...workloads],
    'f12-admin-processes.seed-job': ['Job', 'CronJob'],
    'f12-admin-processes.same-release': ['Job', 'CronJob', ...workloads],
    'f12-admin-processes.run-once': ['Job', 'CronJob'],
    'cn-containerization.containerized': workloads,
    'cn-containerization.security-context': workloads,
    'cn-orchestration.kubernetes': workloads,
    'cn-orchestration.deployments': workloads,
    'cn-orchestration.service-discovery': [...workloads, 'ConfigMap'],
    'cn-orchestration.rbac': [
      ...workloads,
      'ServiceAccount',
      'Role',
      'RoleBinding',
    ],
    'cn-orchestration.resources': workloads,
    'cn-orchestration.anti-affinity': workloads,
    'cn-observability.health-endpoint': workloads,
    'cn-observability.liveness': workloads,
    'cn-observability.readiness': workloads,
    'cn-observability.metrics': [
      ...workloads,
      'Service',
      'ServiceMonitor',
      'PodMonitor',
    ],
    'cn-observability.tracing': [...workloads, 'ConfigMap'],
    'cn-observability.alerting': ['PrometheusRule'],
    'cn-resilience.auto-restart': workloads,
    'cn-resilience.circuit-breaker': ['DestinationRule'],
    'cn-resilience.pdb': [...workloads, 'Service', 'PodDisruptionBudget'],
    'cn-scalability.vertical': [...workloads, 'VerticalPodAutoscaler'],
    'cn-scalability.database': [...workloads, 'Service'],
    'cn-scalability.cache': [...workloads, 'Service'],
    'cn-scalability.event-driven': [...workloads, 'ScaledObject', 'ScaledJob'],
    'cn-security.non-root': workloads,
    'cn-security.network-policy': [...workloads, 'NetworkPolicy'],
    'cn-security.tls': ['Ingress', 'PeerAuthentication'],
    'cn-security.rbac-least-privilege': [
      'Role',
      'RoleBinding',
      'ClusterRoleBinding',
    ],
    'cn-cicd.gitops': ['Application', 'Kustomization', 'HelmRelease'],
    'cn-cicd.rollback': ['Rollout', 'Canary'],
    'cn-cicd.progressive-delivery': ['Rollout', 'Canary', 'DestinationRule'],
  };
  return table;
})();

/** Custom kinds whose absence from a cluster is a fact, not a gap in the data. */
const OPTIONAL_CUSTOM = new Set([
  'SecretProviderClass',
  'ExternalSecret',
  'ServiceMonitor',
  'PodMonitor',
  'PrometheusRule',
  'ScaledObject',
  'ScaledJob',
  'Application',
  'Rollout',
  'Kustomization',
  'HelmRelease',
  'Canary',
  'PeerAuthentication',
  'DestinationRule',
  'VerticalPodAutoscaler',
]);

/**
 * Downgrades a result that the missing cluster data could contradict.
 */
export function applyClusterGaps(
  result: CheckResult,
  def: CheckDefinition,
  clusters: ReadonlyArray<ClusterData> | undefined,
): CheckResult {
  if (!clusters?.length || !def.sources.includes('cluster')) return result;
  if (result.verdict !== 'pass' && result.verdict !== 'partial') return result;
  const needed = CHECK_CLUSTER_KINDS[def.id];
  const reasons: string[] = [];
  for (const c of clusters) {
    if (c.error) {
      reasons.push(`cluster ${c.name} could not be read: ${c.error}`);
      continue;
    }
    for (const u of c.unreadableKinds ?? []) {
      if (
        needed?.includes(u.kind) &&
        !(OPTIONAL_CUSTOM.has(u.kind) && /not served/.test(u.reason))
      ) {
        reasons.push(`cluster ${c.name}: ${u.kind} ${u.reason}`);
      }
    }
  }
  if (reasons.length === 0) return result;
  // The problems are data: cluster names with what the Kubernetes API or the collector said.
  return {
    ...result,
    verdict: 'unknown',
    needs: 'cluster',
    ...because(`shared.cluster-gaps-${result.verdict}`, {
      problems: reasons.join('; '),
    }),
  };
}
