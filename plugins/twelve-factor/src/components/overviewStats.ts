import type { AreaDefinition, ScorecardSummary } from '@internal/plugin-twelve-factor-common';

/** Score bands the overview counts services in. */
export type Band = 'good' | 'fair' | 'poor' | 'none';

/** ≥ 80 good, ≥ 50 fair, below poor; none: no decided check. */
export function bandOf(score: number | null): Band {
  if (score === null) return 'none';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

/** The mean of the scores that are not null, or null when none is. */
export function meanOf(scores: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const s of scores) {
    if (s === null) continue;
    sum += s;
    n += 1;
  }
  return n ? sum / n : null;
}

/** One area across the organisation. */
export interface AreaStat {
  area: AreaDefinition;
  /** Mean over the services where the area was decided. */
  mean: number | null;
  /** Services whose area score is below 50. */
  below50: number;
  /** Services where the area was decided. */
  decided: number;
}

/** The organisation's figures for the overview page. */
export interface OverviewStats {
  services: number;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
  bands: Record<Band, number>;
  /** Areas from the weakest mean up; areas no service decided come last. */
  areas: AreaStat[];
}

export function overviewStats(items: ReadonlyArray<ScorecardSummary>, areas: ReadonlyArray<AreaDefinition>): OverviewStats {
  const bands: Record<Band, number> = { good: 0, fair: 0, poor: 0, none: 0 };
  for (const i of items) bands[bandOf(i.overall)] += 1;
  const areaStats = areas.map((area, index) => {
    const scores = items.map(i => i.areas[area.id] ?? null);
    const decided = scores.filter((s): s is number => s !== null);
    return { index, stat: { area, mean: meanOf(scores), below50: decided.filter(s => s < 50).length, decided: decided.length } };
  });
  areaStats.sort((a, b) => {
    if (a.stat.mean === null || b.stat.mean === null) return (a.stat.mean === null ? 1 : 0) - (b.stat.mean === null ? 1 : 0) || a.index - b.index;
    return a.stat.mean - b.stat.mean || a.index - b.index;
  });
  return {
    services: items.length,
    overall: meanOf(items.map(i => i.overall)),
    twelveFactor: meanOf(items.map(i => i.twelveFactor)),
    cloudNative: meanOf(items.map(i => i.cloudNative)),
    bands,
    areas: areaStats.map(a => a.stat),
  };
}

/** The service's weakest decided area, if any. */
export function weakestAreaOf(item: ScorecardSummary, areas: ReadonlyArray<AreaDefinition>): { area: AreaDefinition; score: number } | undefined {
  let best: { area: AreaDefinition; score: number } | undefined;
  for (const area of areas) {
    const score = item.areas[area.id];
    if (score === null || score === undefined) continue;
    if (!best || score < best.score) best = { area, score };
  }
  return best;
}
