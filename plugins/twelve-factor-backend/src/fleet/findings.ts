import type { FleetQuery } from '@internal/plugin-twelve-factor-common';
import type { LatestResult, ScorecardStore } from '../database/ScorecardStore';
import type { FleetIndex } from './FleetIndex';

/**
 * Each service's latest finding for the view's check, by (lower-case)
 * entity ref, for the exports of a campaign; undefined when the view has no
 * check, or one no scan has a result for.
 */
export async function checkFindings(
  store: Pick<ScorecardStore, 'latestResults'>,
  index: Pick<FleetIndex, 'checkPosition'>,
  query: FleetQuery,
): Promise<Map<string, LatestResult> | undefined> {
  if (!query.check || index.checkPosition(query.check.id) === undefined)
    return undefined;
  const rows = await store.latestResults(query.check.id, query.check.verdicts);
  return new Map(rows.map(r => [r.entityRef, r]));
}
