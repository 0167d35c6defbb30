/*
 * The fleet view's contract: what the platform team filters, groups and
 * sorts the scored services by, and what the backend answers. The query
 * has one text form (URL search parameters), shared by the page's address,
 * the client and the backend, so that any view can be shared as a link.
 */
import type { Verdict } from './types';
import type { MessagePart } from './i18n/engineMessages';

/** Score bands: ≥ 80 good, ≥ 50 fair, below poor; none: nothing decided yet. @public */
export type ScoreBand = 'good' | 'fair' | 'poor' | 'none';

/** Every band, best first. @public */
export const SCORE_BANDS: ReadonlyArray<ScoreBand> = [
  'good',
  'fair',
  'poor',
  'none',
];

/** The band of an overall score. @public */
export function bandOf(score: number | null | undefined): ScoreBand {
  if (score === null || score === undefined) return 'none';
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

/** What the fleet view knows of a service from the catalog. @public */
export interface FleetEntityInfo {
  /** `component:default/x` */
  entityRef: string;
  title?: string;
  /** `group:default/team` */
  owner?: string;
  /** `system:default/x` */
  system?: string;
  /** The system's domain, `domain:default/x`. */
  domain?: string;
  lifecycle?: string;
  type?: string;
  namespace: string;
  tags: string[];
}

/** One service of the fleet: its catalog facts and its latest scores. @public */
export interface FleetItem extends FleetEntityInfo {
  /** scored: a scorecard is stored; queued: the service matches and waits for its first scan. */
  status: 'scored' | 'queued';
  /** ISO time of the latest scan. */
  generatedAt?: string;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
  band: ScoreBand;
  /** Score per area id (null: no check of the area decided). */
  areas: Record<string, number | null>;
  /** Results per verdict. */
  counts: Record<Verdict, number>;
}

/** The dimensions the fleet is filtered and grouped by. @public */
export type FleetDimension =
  | 'owner'
  | 'system'
  | 'domain'
  | 'lifecycle'
  | 'type'
  | 'tag'
  | 'namespace';

/** Every dimension, in the order the page shows its filters. @public */
export const FLEET_DIMENSIONS: ReadonlyArray<FleetDimension> = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'type',
  'tag',
  'namespace',
];

/** What the fleet can be sorted by: a column, or `area:<id>`. @public */
export type FleetSort =
  | 'name'
  | 'owner'
  | 'overall'
  | 'twelveFactor'
  | 'cloudNative'
  | 'fail'
  | 'unknown'
  | 'generatedAt'
  | `area:${string}`;

/** A filtered, sorted, paged view of the fleet. @public */
export interface FleetQuery {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  type?: string[];
  tag?: string[];
  namespace?: string[];
  band?: ScoreBand[];
  /** Services with this area's score below `score` (undecided areas do not count). */
  areaBelow?: { area: string; score: number };
  /** Services whose result of this check has one of these verdicts. */
  check?: { id: string; verdicts: Verdict[] };
  /** Words of the name or title. */
  q?: string;
  /**
   * Only the services of this Group (its own and its child groups'), System
   * (its components) or Domain (its systems' components).
   */
  within?: string;
  /** Rows come grouped by this dimension first (the heatmap's groups), then sorted by `sort`. */
  groupBy?: 'owner' | 'system' | 'domain';
  sort?: FleetSort;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** How many matching services have one value of a dimension. @public */
export interface FleetFacet {
  value: string;
  count: number;
}

/** Averages over a set of services. @public */
export interface FleetSummary {
  /** Services matching the filter, scored or queued. */
  services: number;
  scored: number;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
  /** Mean score per area over the services where it was decided. */
  areas: Record<string, number | null>;
  bands: Record<ScoreBand, number>;
  /** Results per verdict, summed. */
  counts: Record<Verdict, number>;
}

/** One page of the fleet, with the facets and averages of the whole filter. @public */
export interface FleetPage {
  items: FleetItem[];
  total: number;
  offset: number;
  limit: number;
  summary: FleetSummary;
  /** Counts per value of each dimension and band, for the current filter. */
  facets: Record<FleetDimension | 'band', FleetFacet[]>;
}

/** The services of one owner, system or domain. @public */
export interface FleetRollup extends FleetSummary {
  /** The group's key: an entity ref, or '' for services without one. */
  key: string;
  /** The areas from the weakest up (the three lowest means). */
  weakestAreas: Array<{ area: string; score: number }>;
}

/** Rollups of the filtered fleet by one dimension. @public */
export interface FleetRollups {
  by: 'owner' | 'system' | 'domain';
  items: FleetRollup[];
}

/**
 * A sentence the engine wrote, by message id, as the fleet API sends it
 * beside the English: a MessagePart (its parameters data, nested messages
 * or lists). Render it with renderParts, localized or useEngineText.
 * @public
 */
export type FleetMessagePart = MessagePart;

/** One service in a campaign: its own finding and remediation for the check. @public */
export interface CampaignService {
  entityRef: string;
  title?: string;
  verdict: Verdict;
  summary: string;
  /** The finding as messages, for other languages (absent for scans stored before they were kept). */
  summaryMsg?: FleetMessagePart[];
  /** The remediation's first sentence, for the list sent to owners. */
  remediation?: string;
  /** The messages that say it (render with localizedLead). */
  remediationMsg?: FleetMessagePart[];
}

/**
 * Services a campaign lists per owner unless asked for more (`perOwner`):
 * the owners and their counts come first, an owner's list on demand, and
 * the CSV export of the campaign has every one. @public
 */
export const CAMPAIGN_SERVICES_PER_OWNER = 3;

/** The most services a campaign lists per owner when asked. @public */
export const CAMPAIGN_MAX_PER_OWNER = 500;

/** How many services had each verdict of the check on one day. @public */
export interface CampaignPoint {
  date: string;
  fail: number;
  partial: number;
  pass: number;
}

/** A check across the fleet: who fails it, grouped by owner, and the count over time. @public */
export interface FleetCampaign {
  checkId: string;
  /** The verdicts listed (fail and partial unless asked otherwise). */
  verdicts: Verdict[];
  total: number;
  /**
   * Per owner, the most first: how many services, and the first of them by
   * name (`perOwner` of them, CAMPAIGN_SERVICES_PER_OWNER unless asked; the
   * CSV export of the campaign lists them all).
   */
  owners: Array<{ owner: string; count: number; services: CampaignService[] }>;
  /** Daily counts over the trend period (90 days unless asked otherwise). */
  trend: CampaignPoint[];
}

/** The mean scores of a set of services on one day. @public */
export interface TrendPoint {
  date: string;
  services: number;
  overall: number | null;
  twelveFactor: number | null;
  cloudNative: number | null;
}

/** Scores over time, for the whole filter and per group. @public */
export interface FleetTrend {
  days: number;
  points: TrendPoint[];
  /** Per owner, system or domain when asked for (`groupBy`), the largest first. */
  groups?: Array<{ key: string; points: TrendPoint[] }>;
}

/** Whether a scorecard exists or is on its way (the answer to a GET before the first scan). @public */
export interface ScorecardPending {
  entityRef: string;
  status: 'queued' | 'scanning';
  /** Why there is no scorecard yet, for the tab. */
  message: string;
}

const LIST_KEYS = [...FLEET_DIMENSIONS, 'band'] as const;
const VERDICT_WORDS = new Set<string>([
  'pass',
  'partial',
  'fail',
  'unknown',
  'waived',
]);

/** Thrown for a query that cannot be read; its message says which parameter. @public */
export class FleetQueryError extends Error {
  name = 'FleetQueryError';
}

function list(params: URLSearchParams, key: string): string[] | undefined {
  const values = params
    .getAll(key)
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

function integer(
  params: URLSearchParams,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new FleetQueryError(
      `${key} must be a whole number from ${min} to ${max}, not '${raw}'`,
    );
  return Number(raw);
}

/** The largest page the API serves. @public */
export const FLEET_MAX_LIMIT = 500;

/** Reads a fleet query from URL search parameters; throws FleetQueryError for a bad one. @public */
export function parseFleetQuery(params: URLSearchParams | string): FleetQuery {
  const p = typeof params === 'string' ? new URLSearchParams(params) : params;
  const query: FleetQuery = {};
  for (const key of LIST_KEYS) {
    const values = list(p, key);
    if (!values) continue;
    if (key === 'band') {
      const bad = values.find(v => !(SCORE_BANDS as string[]).includes(v));
      if (bad)
        throw new FleetQueryError(
          `band must be one of ${SCORE_BANDS.join(', ')}, not '${bad}'`,
        );
      query.band = values as ScoreBand[];
    } else query[key] = values;
  }
  const areaBelow = p.get('areaBelow');
  if (areaBelow) {
    const m = /^([\w-]+):(\d{1,3}(?:\.\d+)?)$/.exec(areaBelow);
    if (!m || Number(m[2]) > 100)
      throw new FleetQueryError(
        `areaBelow must be <area>:<score from 0 to 100>, not '${areaBelow}'`,
      );
    query.areaBelow = { area: m[1], score: Number(m[2]) };
  }
  const check = p.get('check');
  if (check) {
    if (!/^[\w-]+\.[\w.-]+$/.test(check))
      throw new FleetQueryError(`check must be a check id, not '${check}'`);
    const verdicts = list(p, 'verdict') ?? ['fail', 'partial'];
    const bad = verdicts.find(v => !VERDICT_WORDS.has(v));
    if (bad) throw new FleetQueryError(`'${bad}' is not a verdict`);
    query.check = { id: check, verdicts: verdicts as Verdict[] };
  }
  const q = p.get('q')?.trim();
  if (q) query.q = q;
  const within = p.get('within');
  if (within) {
    if (!/^(group|system|domain):[\w.~-]+\/[\w.~-]+$/i.test(within))
      throw new FleetQueryError(
        `within must be a group, system or domain ref, not '${within}'`,
      );
    query.within = within.toLocaleLowerCase('en-US');
  }
  const groupBy = p.get('groupBy');
  if (groupBy) {
    if (groupBy !== 'owner' && groupBy !== 'system' && groupBy !== 'domain')
      throw new FleetQueryError(
        `groupBy must be owner, system or domain, not '${groupBy}'`,
      );
    query.groupBy = groupBy;
  }
  const sort = p.get('sort');
  if (sort) {
    if (
      !/^(name|owner|overall|twelveFactor|cloudNative|fail|unknown|generatedAt|area:[\w-]+)$/.test(
        sort,
      )
    )
      throw new FleetQueryError(`cannot sort by '${sort}'`);
    query.sort = sort as FleetSort;
  }
  const order = p.get('order');
  if (order) {
    if (order !== 'asc' && order !== 'desc')
      throw new FleetQueryError(`order must be asc or desc, not '${order}'`);
    query.order = order;
  }
  const offset = integer(p, 'offset', 0, 1_000_000);
  if (offset !== undefined) query.offset = offset;
  const limit = integer(p, 'limit', 1, FLEET_MAX_LIMIT);
  if (limit !== undefined) query.limit = limit;
  return query;
}

/** Writes a fleet query as URL search parameters (the inverse of parseFleetQuery). @public */
export function fleetQueryToParams(query: FleetQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of LIST_KEYS) {
    for (const v of query[key] ?? []) p.append(key, v);
  }
  if (query.areaBelow)
    p.set('areaBelow', `${query.areaBelow.area}:${query.areaBelow.score}`);
  if (query.check) {
    p.set('check', query.check.id);
    p.set('verdict', query.check.verdicts.join(','));
  }
  if (query.q) p.set('q', query.q);
  if (query.within) p.set('within', query.within);
  if (query.groupBy) p.set('groupBy', query.groupBy);
  if (query.sort) p.set('sort', query.sort);
  if (query.order) p.set('order', query.order);
  if (query.offset !== undefined) p.set('offset', String(query.offset));
  if (query.limit !== undefined) p.set('limit', String(query.limit));
  return p;
}
