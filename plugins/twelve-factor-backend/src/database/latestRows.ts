/*
 * The rows of twelve_factor_latest_results: a service's latest finding and
 * remediation line per check it does not meet, in English with the
 * engine's messages beside them, so that campaigns read in any language
 * without parsing scorecards.
 */
import {
  remediationLead,
  type CheckResult,
  type FleetMessagePart,
} from '@internal/plugin-twelve-factor-common';

/** One row as written. */
export interface LatestRow {
  entity_ref: string;
  check_id: string;
  verdict: string;
  summary: string;
  remediation: string | null;
  /** JSON of the parts; '[]' for none, so that NULL means "written before the column". */
  summary_msg: string;
  remediation_msg: string | null;
}

/** The rows of a scan's results (lower-case entity ref): met checks need no finding kept. */
export function latestRowsOf(
  entityRef: string,
  results: ReadonlyArray<CheckResult>,
): LatestRow[] {
  return results
    .filter(r => r.verdict !== 'pass')
    .map(r => {
      const lead = remediationLead(r.remediation);
      return {
        entity_ref: entityRef,
        check_id: r.checkId,
        verdict: r.verdict,
        summary: r.summary,
        remediation: lead?.text ?? null,
        summary_msg: JSON.stringify(r.summaryMsg ?? []),
        remediation_msg: lead?.textMsg ? JSON.stringify(lead.textMsg) : null,
      };
    });
}

/** Stored parts, or undefined for none, a row written before they were kept, or a value that is not parts. */
export function partsOf(json: unknown): FleetMessagePart[] | undefined {
  if (typeof json !== 'string' || !json) return undefined;
  try {
    const parts = JSON.parse(json);
    return Array.isArray(parts) &&
      parts.length > 0 &&
      parts.every(p => typeof p?.id === 'string')
      ? parts
      : undefined;
  } catch {
    return undefined;
  }
}
