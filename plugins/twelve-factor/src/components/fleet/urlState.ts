import {
  type FleetQuery,
  fleetQueryToParams,
  parseFleetQuery,
} from '@internal/plugin-twelve-factor-common';
import type { FleetGrouping, FleetPeriod } from '../../api/TwelveFactorApi';

/** The fleet page's views. */
export type FleetViewName = 'heatmap' | 'rollups' | 'campaign' | 'trend';

export const FLEET_VIEWS: ReadonlyArray<FleetViewName> = [
  'heatmap',
  'rollups',
  'campaign',
  'trend',
];

export const FLEET_PERIODS: ReadonlyArray<FleetPeriod> = [30, 90, 365];

const GROUPINGS: ReadonlyArray<FleetGrouping> = ['owner', 'system', 'domain'];

/**
 * Everything that makes a view of the fleet, as the page's address holds it:
 * the fleet query in its one text form (parseFleetQuery / fleetQueryToParams)
 * plus the page's own parameters `view`, `by` (rollups) and `days` (trend and
 * campaign). Paging stays out of the address: the heatmap loads pages as it
 * scrolls.
 */
export interface FleetUrlState {
  view: FleetViewName;
  query: FleetQuery;
  /** The rollups' dimension. */
  by: FleetGrouping;
  days: FleetPeriod;
}

export const DEFAULT_STATE: FleetUrlState = {
  view: 'heatmap',
  query: {},
  by: 'owner',
  days: 90,
};

/**
 * Reads the page's state from its search parameters. A query the common
 * parser refuses gives the empty query and the parser's message, so that the
 * page can say what was wrong with the link.
 */
export function readFleetUrlState(
  params: URLSearchParams,
  defaults: FleetUrlState = DEFAULT_STATE,
): {
  state: FleetUrlState;
  error?: string;
} {
  const view = params.get('view');
  const by = params.get('by');
  const days = Number(params.get('days'));
  let query: FleetQuery = {};
  let error: string | undefined;
  try {
    query = parseFleetQuery(params);
  } catch (e) {
    error = (e as Error).message;
  }
  delete query.offset;
  delete query.limit;
  return {
    state: {
      view: (FLEET_VIEWS as string[]).includes(view ?? '')
        ? (view as FleetViewName)
        : defaults.view,
      by: (GROUPINGS as string[]).includes(by ?? '')
        ? (by as FleetGrouping)
        : defaults.by,
      days: (FLEET_PERIODS as number[]).includes(days)
        ? (days as FleetPeriod)
        : defaults.days,
      query,
    },
    error,
  };
}

/** Writes the page's state as search parameters; defaults are left out. */
export function writeFleetUrlState(
  state: FleetUrlState,
  defaults: FleetUrlState = DEFAULT_STATE,
): URLSearchParams {
  const { offset: _o, limit: _l, ...query } = state.query;
  const params = fleetQueryToParams(query);
  if (state.view !== defaults.view) params.set('view', state.view);
  if (state.by !== defaults.by) params.set('by', state.by);
  if (state.days !== defaults.days) params.set('days', String(state.days));
  return params;
}

/** Whether the query narrows the fleet (beyond `within`, grouping and order). */
export function isFiltered(query: FleetQuery): boolean {
  const {
    within: _w,
    groupBy: _g,
    sort: _s,
    order: _o,
    offset: _off,
    limit: _l,
    ...filters
  } = query;
  return Object.values(filters).some(v =>
    Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '',
  );
}
