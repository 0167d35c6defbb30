import type { CheckOutcome } from '../engine/types';

const SEVERITY = ['fail', 'partial', 'unknown', 'pass'] as const;

/**
 * Combines the outcomes of judging several things (Dockerfiles, deploy
 * targets, clusters): the worst verdict wins, with the summaries of the
 * outcomes that have it, every outcome's evidence, and the first remediation.
 */
export function worstOf(outcomes: ReadonlyArray<CheckOutcome>): CheckOutcome {
  if (outcomes.length === 0) throw new Error('worstOf needs at least one outcome');
  const worst = SEVERITY.find(v => outcomes.some(o => o.verdict === v))!;
  const chosen = outcomes.filter(o => o.verdict === worst);
  const remediation = chosen.find(o => o.remediation)?.remediation;
  return {
    verdict: worst,
    summary: [...new Set(chosen.map(o => o.summary))].join('; '),
    evidence: outcomes.flatMap(o => o.evidence ?? []),
    ...(remediation ? { remediation } : {}),
    ...(worst === 'unknown' ? { reason: chosen.map(o => o.reason ?? o.summary).join('; ') } : {}),
  };
}
