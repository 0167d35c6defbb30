import type {
  AreaDefinition,
  ScorecardOverviewItem,
} from '@internal/plugin-twelve-factor-common';

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
}

/** One owner's services. */
export interface OwnerStat {
  /** The owner's entity ref; '' for services without one. */
  owner: string;
  services: number;
  /** Mean overall score of the owner's scored services. */
  mean: number | null;
  /** Sum of the owner's 'not met' results. */
  fail: number;
}

/**
 * Compares two scores, lower first; a missing score compares as `missing`
 * (1: after every score, -1: before), so that callers can keep services
 * without a score last whichever way a table sorts.
 */
export function compareScores(
  x: number | null,
  y: number | null,
  missing: 1 | -1 = 1,
): number {
  if (x === null) return y === null ? 0 : missing;
  if (y === null) return -missing;
  return x - y;
}

/** Sorts by mean, lowest first, undecided last; equal means keep their order (the sort is stable). */
function byMean<T extends { mean: number | null }>(list: T[]): T[] {
  return list.sort((a, b) => compareScores(a.mean, b.mean));
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
  /** Owners from the weakest mean up, then those with no scored service, in ref order among equals. */
  owners: OwnerStat[];
}

export function overviewStats(
  items: ReadonlyArray<ScorecardOverviewItem>,
  areas: ReadonlyArray<AreaDefinition>,
): OverviewStats {
  const bands: Record<Band, number> = { good: 0, fair: 0, poor: 0, none: 0 };
  for (const i of items) bands[bandOf(i.overall)] += 1;
  const areaStats = areas.map(area => {
    const scores = items.map(i => i.areas[area.id] ?? null);
    const decided = scores.filter((s): s is number => s !== null);
    return {
      area,
      mean: meanOf(scores),
      below50: decided.filter(s => s < 50).length,
    };
  });
  const byOwner = new Map<string, ScorecardOverviewItem[]>();
  for (const i of items) {
    const own = byOwner.get(i.owner ?? '');
    if (own) own.push(i);
    else byOwner.set(i.owner ?? '', [i]);
  }
  const owners = [...byOwner.keys()].sort().map(owner => {
    const own = byOwner.get(owner)!;
    return {
      owner,
      services: own.length,
      mean: meanOf(own.map(i => i.overall)),
      fail: own.reduce((n, i) => n + i.counts.fail, 0),
    };
  });
  return {
    services: items.length,
    overall: meanOf(items.map(i => i.overall)),
    twelveFactor: meanOf(items.map(i => i.twelveFactor)),
    cloudNative: meanOf(items.map(i => i.cloudNative)),
    bands,
    areas: byMean(areaStats),
    owners: byMean(owners),
  };
}

/** The service's weakest decided area, if any. */
export function weakestAreaOf(
  item: ScorecardOverviewItem,
  areas: ReadonlyArray<AreaDefinition>,
): { area: AreaDefinition; score: number } | undefined {
  let best: { area: AreaDefinition; score: number } | undefined;
  for (const area of areas) {
    const score = item.areas[area.id];
    if (score === null || score === undefined) continue;
    if (!best || score < best.score) best = { area, score };
  }
  return best;
}
