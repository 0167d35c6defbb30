import type {
  CheckResult,
  DriftItem,
  DriftTarget,
} from '@internal/plugin-twelve-factor-common';
import { noted } from '../checks/messages';

/** Which checks a drift item bears on. */
function checksFor(item: DriftItem): string[] {
  const field = item.field ?? '';
  if (field.startsWith('image'))
    return [
      'f5-build-release-run.immutable-image',
      'f5-build-release-run.rollback',
    ];
  if (field === 'replicas') return ['f8-concurrency.horizontal'];
  if (field.startsWith('livenessProbe'))
    return ['cn-observability.liveness', 'cn-resilience.auto-restart'];
  if (field.startsWith('readinessProbe')) return ['cn-observability.readiness'];
  if (field.startsWith('resources'))
    return ['cn-orchestration.resources', 'cn-scalability.vertical'];
  if (item.kind === 'HorizontalPodAutoscaler')
    return ['f8-concurrency.hpa', 'cn-scalability.horizontal'];
  if (item.kind === 'PodDisruptionBudget') return ['cn-resilience.pdb'];
  if (item.kind === 'NetworkPolicy') return ['cn-security.network-policy'];
  if (item.kind === 'ServiceMonitor') return ['cn-observability.metrics'];
  if (item.kind === 'PrometheusRule') return ['cn-observability.alerting'];
  if (item.kind === 'ScaledObject')
    return ['cn-scalability.event-driven', 'f8-concurrency.worker-scaling'];
  if (item.kind === 'Ingress') return ['f7-port-binding.ingress'];
  if (item.kind === 'Service') return ['f7-port-binding.service'];
  if (item.type !== 'changed') return ['cn-orchestration.kubernetes'];
  return [];
}

function describe(item: DriftItem, t: DriftTarget) {
  const where = {
    target: t.target,
    cluster: t.cluster,
    namespace: t.namespace,
  };
  switch (item.type) {
    case 'missing':
      return noted('shared.drift-missing-note', where);
    case 'undeclared':
      return noted('shared.drift-undeclared-note', where);
    default:
      return noted('shared.drift-changed-note', {
        ...where,
        field: String(item.field),
        declared: String(item.declared),
        live: String(item.live),
      });
  }
}

/** Adds each drift item as evidence on the checks it bears on. */
export function addDriftEvidence(
  results: CheckResult[],
  drift: ReadonlyArray<DriftTarget>,
): CheckResult[] {
  const extra = new Map<string, CheckResult['evidence']>();
  for (const t of drift) {
    for (const item of t.items) {
      for (const id of checksFor(item)) {
        const list = extra.get(id) ?? [];
        list.push({
          type: 'cluster-object',
          cluster: t.cluster,
          namespace: t.namespace,
          kind: item.kind,
          name: item.name,
          ...(item.field ? { fieldPath: item.field } : {}),
          ...describe(item, t),
        });
        extra.set(id, list);
      }
    }
  }
  if (extra.size === 0) return results;
  return results.map(r =>
    extra.has(r.checkId)
      ? { ...r, evidence: [...r.evidence, ...extra.get(r.checkId)!] }
      : r,
  );
}
