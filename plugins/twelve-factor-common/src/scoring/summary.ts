import { VERDICTS, type Scorecard, type ScorecardSummary, type Verdict } from '../types';

/** A scorecard reduced to what the overview lists: scores and verdict counts, no results or evidence. @public */
export function summarizeScorecard(scorecard: Scorecard): ScorecardSummary {
  const group = (id: string) => scorecard.groups.find(g => g.groupId === id)?.score ?? null;
  const counts = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<Verdict, number>;
  for (const r of scorecard.results) counts[r.verdict] += 1;
  return {
    entityRef: scorecard.entityRef,
    generatedAt: scorecard.generatedAt,
    overall: scorecard.overall,
    twelveFactor: group('twelve-factor'),
    cloudNative: group('cloud-native'),
    areas: Object.fromEntries(scorecard.areas.map(a => [a.areaId, a.score])),
    counts,
  };
}
