import type { CheckDefinition, CheckResult } from '../types';

/** Roadmap priorities, as the by-hand report groups its work items. @public */
export type Priority = 'P0' | 'P1' | 'P2' | 'P3';

/**
 * The report's own grouping of its gaps. Checks not listed fall back to the
 * rule in `priorityOf`.
 */
const REPORT_PRIORITIES: Readonly<Record<string, Priority>> = {
  'f8-concurrency.hpa': 'P0',
  'cn-scalability.horizontal': 'P0',
  'cn-observability.metrics': 'P0',
  'f5-build-release-run.immutable-image': 'P0',
  'f5-build-release-run.release-versioning': 'P0',
  'cn-resilience.pdb': 'P0',
  'f11-logs.centralized': 'P1',
  'f11-logs.structured': 'P1',
  'f11-logs.aggregation': 'P1',
  'cn-observability.centralized-logging': 'P1',
  'f3-config.secret-store': 'P1',
  'cn-security.secrets-management': 'P1',
  'cn-security.network-policy': 'P1',
  'cn-resilience.circuit-breaker': 'P1',
  'f10-dev-prod-parity.staging': 'P1',
  'cn-cicd.gitops': 'P2',
  'cn-observability.tracing': 'P2',
  'cn-scalability.event-driven': 'P2',
  'f8-concurrency.worker-scaling': 'P2',
  'cn-security.image-scanning': 'P2',
  'f6-processes.shared-filesystem': 'P2',
  'cn-cicd.progressive-delivery': 'P3',
  'cn-security.tls': 'P3',
  'cn-scalability.cache': 'P3',
  'f2-dependencies.pinned': 'P3',
};

/**
 * The roadmap priority of a gap: the report's grouping where it has one;
 * otherwise emphasised checks (weight 2) come first, then failures, then
 * partial results.
 * @public
 */
export function priorityOf(
  result: Pick<CheckResult, 'checkId' | 'verdict'>,
  definition: Pick<CheckDefinition, 'weight'> | undefined,
): Priority {
  const fixed = REPORT_PRIORITIES[result.checkId];
  if (fixed) return fixed;
  if ((definition?.weight ?? 1) > 1)
    return result.verdict === 'fail' ? 'P0' : 'P1';
  return result.verdict === 'fail' ? 'P2' : 'P3';
}
