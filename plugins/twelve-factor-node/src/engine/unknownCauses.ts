import type {
  CheckDefinition,
  CheckResult,
  UnknownCause,
} from '@internal/plugin-twelve-factor-common';

/**
 * Says what an `unknown` result needs to be decided. The engine knows it
 * when it writes the result (a missing implementation, an error, cluster
 * data it could not read); otherwise it follows from what the check reads
 * and what the scan had: a check that reads the repository is waiting for
 * it when there was none, one that reads clusters when there were none,
 * and with both at hand nothing in them decides it.
 */
export function withUnknownCause(
  result: CheckResult,
  def: CheckDefinition,
  scan: { repository: boolean; clusters: boolean },
  known?: UnknownCause,
): CheckResult {
  if (result.verdict !== 'unknown' || result.needs) return result;
  let needs: UnknownCause = known ?? 'evidence';
  if (!known) {
    if (def.sources.includes('repo') && !scan.repository) needs = 'repository';
    else if (def.sources.includes('cluster') && !scan.clusters)
      needs = 'cluster';
  }
  return { ...result, needs };
}
