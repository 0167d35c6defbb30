import type { Scorecard } from '@internal/plugin-twelve-factor-common';

/**
 * The CLI's stable JSON shape (documented in the README). Field names here
 * are a contract: add fields, never rename or remove them.
 */
export interface JsonReport {
  entity: string;
  generatedAt: string;
  overall: number | null;
  groups: Array<{ id: string; score: number | null }>;
  areas: Array<{ id: string; group: string; score: number | null }>;
  checks: Array<{
    id: string;
    area: string;
    verdict: string;
    summary: string;
    reason?: string;
    evidence: Scorecard['results'][number]['evidence'];
    remediation?: Scorecard['results'][number]['remediation'];
    waiver?: Scorecard['results'][number]['waiver'];
    expiredWaiver?: Scorecard['results'][number]['expiredWaiver'];
  }>;
  diagnostics: Scorecard['diagnostics'];
  /** Repository vs cluster, when both were read. */
  drift?: Scorecard['drift'];
}

export function toJsonReport(card: Scorecard): JsonReport {
  return {
    entity: card.entityRef,
    generatedAt: card.generatedAt,
    overall: card.overall,
    groups: card.groups.map(g => ({ id: g.groupId, score: g.score })),
    areas: card.areas.map(a => ({
      id: a.areaId,
      group: a.group,
      score: a.score,
    })),
    checks: card.results.map(r => ({
      id: r.checkId,
      area: r.area,
      verdict: r.verdict,
      summary: r.summary,
      ...(r.reason ? { reason: r.reason } : {}),
      evidence: r.evidence,
      ...(r.remediation ? { remediation: r.remediation } : {}),
      ...(r.waiver ? { waiver: r.waiver } : {}),
      ...(r.expiredWaiver ? { expiredWaiver: r.expiredWaiver } : {}),
    })),
    diagnostics: card.diagnostics,
    ...(card.drift ? { drift: card.drift } : {}),
  };
}
