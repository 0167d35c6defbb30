import { AREAS, GROUPS } from '../catalog/areas';
import type {
  AreaGroupId,
  AreaScore,
  CheckResult,
  GroupScore,
  Scorecard,
  ScorecardSummary,
  Verdict,
} from '../types';

/**
 * The value of a decided verdict. `unknown` and `waived` have none: they
 * leave the denominator, as the check catalog prescribes.
 * @public
 */
export const VERDICT_VALUE: Readonly<Partial<Record<Verdict, number>>> = {
  pass: 1,
  partial: 0.5,
  fail: 0,
};

/** Rounds a percentage to two decimals, so that stored and sent scores are stable. */
function roundPercent(value: number): number {
  return Math.round(value * 100) / 100;
}

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Area score = sum(weight × value) / sum(weight) over the decided checks, in
 * percent; null when no check of the area was decided.
 * @public
 */
export function scoreArea(
  rows: ReadonlyArray<{ verdict: Verdict; weight: number }>,
): number | null {
  let num = 0;
  let den = 0;
  for (const row of rows) {
    const value = VERDICT_VALUE[row.verdict];
    if (value === undefined) continue;
    num += row.weight * value;
    den += row.weight;
  }
  return den === 0 ? null : roundPercent((num / den) * 100);
}

/** The mean of the decided area scores. @public */
export function averageScores(
  scores: ReadonlyArray<number | null>,
): number | null {
  const m = mean(scores.filter((s): s is number => s !== null));
  return m === null ? null : roundPercent(m);
}

function emptyCounts(): Record<Verdict, number> {
  return { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 };
}

/** The scores of a set of results. @public */
export interface ScoreSummary {
  areas: AreaScore[];
  groups: GroupScore[];
  overall: number | null;
}

/**
 * Computes area, group and overall scores from check results. The group score
 * is the mean of its areas' scores (so every area counts the same, as in the
 * by-hand report); the overall score is the mean of the two group scores.
 *
 * @param weightOf - the weight of a check id (from the check catalog,
 *   including custom checks); unknown ids weigh 1.
 * @public
 */
export function computeScores(
  results: ReadonlyArray<Pick<CheckResult, 'checkId' | 'area' | 'verdict'>>,
  weightOf: (checkId: string) => number | undefined,
): ScoreSummary {
  const byArea = new Map<string, Array<{ verdict: Verdict; weight: number }>>();
  const counts = new Map<string, Record<Verdict, number>>();
  for (const r of results) {
    const rows = byArea.get(r.area) ?? [];
    rows.push({ verdict: r.verdict, weight: weightOf(r.checkId) ?? 1 });
    byArea.set(r.area, rows);
    const c = counts.get(r.area) ?? emptyCounts();
    c[r.verdict] += 1;
    counts.set(r.area, c);
  }

  const areas: AreaScore[] = AREAS.map(area => ({
    areaId: area.id,
    group: area.group,
    score: scoreArea(byArea.get(area.id) ?? []),
    counts: counts.get(area.id) ?? emptyCounts(),
  }));

  const groups: GroupScore[] = GROUPS.map(g => ({
    groupId: g.id,
    score: averageScores(areas.filter(a => a.group === g.id).map(a => a.score)),
  }));

  return { areas, groups, overall: averageScores(groups.map(g => g.score)) };
}

/** The score of a group in a summary, or null. @public */
export function groupScore(
  summary: Pick<ScoreSummary, 'groups'>,
  group: AreaGroupId,
): number | null {
  return summary.groups.find(g => g.groupId === group)?.score ?? null;
}

/**
 * The weakest decided areas, lowest score first; ties keep report order.
 * @public
 */
export function weakestAreas(
  areas: ReadonlyArray<AreaScore>,
  count: number,
): AreaScore[] {
  return areas
    .filter(a => a.score !== null)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.score! - y.a.score! || x.i - y.i)
    .slice(0, count)
    .map(x => x.a);
}

/** A scorecard reduced to what the overview lists: scores and verdict counts, no results or evidence. @public */
export function summarizeScorecard(scorecard: Scorecard): ScorecardSummary {
  const counts = emptyCounts();
  for (const r of scorecard.results) counts[r.verdict] += 1;
  return {
    entityRef: scorecard.entityRef,
    generatedAt: scorecard.generatedAt,
    overall: scorecard.overall,
    twelveFactor: groupScore(scorecard, 'twelve-factor'),
    cloudNative: groupScore(scorecard, 'cloud-native'),
    areas: Object.fromEntries(scorecard.areas.map(a => [a.areaId, a.score])),
    counts,
  };
}
