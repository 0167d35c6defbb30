import {
  bandOf,
  SCORE_BANDS,
  ScoreBand,
} from '@internal/plugin-twelve-factor-common';
import type { IndexedService } from '../fleet/FleetIndex';

/** The scores a scorecard has, as the `score_group` attribute names them. */
export const SCORE_GROUPS = [
  'overall',
  'twelve-factor',
  'cloud-native',
] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];

/** Owner attribute value of services without an owner. */
export const NO_OWNER = 'none';

/** One average of the `twelve_factor.group.score` gauge. */
export interface GroupScore {
  /** The owning group's entity ref; absent when owner attributes are off. */
  owner?: string;
  scoreGroup: ScoreGroup;
  /** Mean of the services' scores, 0–100. */
  average: number;
  services: number;
}

/** What the fleet gauges report at one collection. */
export interface FleetGauges {
  /** Active services per score band, every band present (zero included). */
  bands: Record<ScoreBand, number>;
  scores: GroupScore[];
}

function scoreOf(s: IndexedService, group: ScoreGroup): number | null {
  const summary = s.latest?.summary;
  if (!summary) return null;
  if (group === 'overall') return summary.overall;
  return group === 'twelve-factor' ? summary.twelveFactor : summary.cloudNative;
}

/**
 * The gauges of the fleet: services per band, and the average scores per
 * owning group (or of the whole fleet). Averages leave out services with no
 * decided score, as the fleet view does; an owner with none gets no series
 * rather than a misleading zero.
 */
export function fleetGauges(
  services: ReadonlyArray<IndexedService>,
  options: { ownerAttributes: boolean },
): FleetGauges {
  const bands = Object.fromEntries(SCORE_BANDS.map(b => [b, 0])) as Record<
    ScoreBand,
    number
  >;
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of services) {
    bands[bandOf(s.latest?.summary.overall ?? null)]++;
    const owner = options.ownerAttributes ? s.info.owner ?? NO_OWNER : '';
    for (const group of SCORE_GROUPS) {
      const score = scoreOf(s, group);
      if (score === null || score === undefined) continue;
      const key = JSON.stringify([owner, group]);
      const acc = sums.get(key) ?? { sum: 0, n: 0 };
      acc.sum += score;
      acc.n++;
      sums.set(key, acc);
    }
  }
  const scores: GroupScore[] = [];
  for (const [key, { sum, n }] of sums) {
    const [owner, scoreGroup] = JSON.parse(key) as [string, ScoreGroup];
    scores.push({
      ...(options.ownerAttributes ? { owner } : {}),
      scoreGroup,
      average: sum / n,
      services: n,
    });
  }
  return { bands, scores };
}
