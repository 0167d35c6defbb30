/*
 * The fleet's questions, answered from the in-memory index: which services
 * match a filter, the facets and averages of that set, one sorted page,
 * rollups per owner, system or domain, and scores over time.
 */
import { parseEntityRef } from '@backstage/catalog-model';
import {
  AREAS,
  bandOf,
  FLEET_DIMENSIONS,
  SCORE_BANDS,
  VERDICTS,
  type FleetDimension,
  type FleetFacet,
  type FleetItem,
  type FleetPage,
  type FleetQuery,
  type FleetRollup,
  type FleetSummary,
  type ScoreBand,
  type TrendPoint,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import type { ScanRow } from '../database/ScorecardStore';
import { verdictAt } from '../database/verdictCodes';
import type { IndexedService } from './FleetIndex';
import type { Visibility } from './visibility';

/** The default page size. */
export const DEFAULT_LIMIT = 100;

/** What restricts the set before the query's own filters. */
export interface Scope {
  visible: Visibility;
  /** The refs of `within` (a group with its child groups, a system, a domain), lower case. */
  within?: { dimension: 'owner' | 'system' | 'domain'; refs: Set<string> };
  /** The position of the query's check in the verdict letters. */
  checkPosition?: number;
}

function valuesOf(s: IndexedService, d: FleetDimension): string[] {
  const info = s.info;
  if (d === 'tag') return info.tags;
  const v = info[d];
  return v ? [v] : [];
}

function lower(values: ReadonlyArray<string> | undefined) {
  return values
    ? new Set(values.map(v => v.toLocaleLowerCase('en-US')))
    : undefined;
}

/** The band of a service, `none` until its first scan. */
export function bandOfService(s: IndexedService): ScoreBand {
  return bandOf(s.latest?.summary.overall ?? null);
}

type Test = (s: IndexedService) => boolean;

/** One test per filter, keyed by what it filters, so that each facet can leave its own out. */
function filterTests(query: FleetQuery, scope: Scope): Map<string, Test> {
  const tests = new Map<string, Test>();
  tests.set('visible', s => scope.visible(s.info.entity));
  if (scope.within) {
    const { dimension, refs } = scope.within;
    tests.set('within', s => {
      const v = s.info[dimension];
      return !!v && refs.has(v.toLocaleLowerCase('en-US'));
    });
  }
  for (const d of FLEET_DIMENSIONS) {
    const wanted = lower(query[d]);
    if (!wanted) continue;
    tests.set(d, s =>
      valuesOf(s, d).some(v => wanted.has(v.toLocaleLowerCase('en-US'))),
    );
  }
  if (query.band) {
    const bands = new Set(query.band);
    tests.set('band', s => bands.has(bandOfService(s)));
  }
  if (query.areaBelow) {
    const { area, score } = query.areaBelow;
    tests.set('areaBelow', s => {
      const v = s.latest?.summary.areas[area];
      return v !== undefined && v !== null && v < score;
    });
  }
  if (query.check) {
    const verdicts = new Set<Verdict>(query.check.verdicts);
    const at = scope.checkPosition;
    tests.set('check', s => {
      if (at === undefined || !s.latest) return false;
      const v = verdictAt(s.latest.verdicts, at);
      return !!v && verdicts.has(v);
    });
  }
  if (query.q) {
    const words = query.q.toLocaleLowerCase('en-US').split(/\s+/);
    tests.set('q', s => {
      const text = `${s.info.entityRef} ${
        s.info.title ?? ''
      }`.toLocaleLowerCase('en-US');
      return words.every(w => text.includes(w));
    });
  }
  return tests;
}

function passes(s: IndexedService, tests: Map<string, Test>, except?: string) {
  for (const [key, test] of tests) if (key !== except && !test(s)) return false;
  return true;
}

/** The services matching a query. */
export function selectServices(
  services: ReadonlyArray<IndexedService>,
  query: FleetQuery,
  scope: Scope,
): IndexedService[] {
  const tests = filterTests(query, scope);
  return services.filter(s => passes(s, tests));
}

/** Counts per value of every dimension and band; each facet ignores its own filter, as search facets do. */
export function facetsOf(
  services: ReadonlyArray<IndexedService>,
  query: FleetQuery,
  scope: Scope,
): FleetPage['facets'] {
  const tests = filterTests(query, scope);
  const out = {} as FleetPage['facets'];
  for (const d of [...FLEET_DIMENSIONS, 'band' as const]) {
    const counts = new Map<string, number>();
    for (const s of services) {
      if (!passes(s, tests, d)) continue;
      const values = d === 'band' ? [bandOfService(s)] : valuesOf(s, d);
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[d] = [...counts]
      .map(([value, count]): FleetFacet => ({ value, count }))
      .sort(
        d === 'band'
          ? (a, b) =>
              SCORE_BANDS.indexOf(a.value as ScoreBand) -
              SCORE_BANDS.indexOf(b.value as ScoreBand)
          : (a, b) => b.count - a.count || a.value.localeCompare(b.value),
      );
  }
  return out;
}

function emptyCounts(): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<
    Verdict,
    number
  >;
}

function mean(sum: number, n: number): number | null {
  return n ? Math.round((sum / n) * 100) / 100 : null;
}

/** Averages, bands and verdict counts over a set of services. */
export function summaryOf(
  services: ReadonlyArray<IndexedService>,
): FleetSummary {
  let scored = 0;
  const sums = { overall: [0, 0], twelveFactor: [0, 0], cloudNative: [0, 0] };
  const areaSums = new Map<string, [number, number]>();
  const bands = Object.fromEntries(SCORE_BANDS.map(b => [b, 0])) as Record<
    ScoreBand,
    number
  >;
  const counts = emptyCounts();
  for (const s of services) {
    bands[bandOfService(s)]++;
    const sum = s.latest?.summary;
    if (!sum) continue;
    scored++;
    for (const key of ['overall', 'twelveFactor', 'cloudNative'] as const) {
      const v = sum[key];
      if (v !== null) {
        sums[key][0] += v;
        sums[key][1]++;
      }
    }
    for (const [area, v] of Object.entries(sum.areas)) {
      if (v === null) continue;
      const a = areaSums.get(area) ?? [0, 0];
      a[0] += v;
      a[1]++;
      areaSums.set(area, a);
    }
    for (const v of VERDICTS) counts[v] += sum.counts[v] ?? 0;
  }
  const areas: Record<string, number | null> = {};
  for (const a of AREAS) {
    const x = areaSums.get(a.id);
    areas[a.id] = x ? mean(x[0], x[1]) : null;
  }
  // Custom checks may add areas of their own.
  for (const [id, x] of areaSums)
    if (!(id in areas)) areas[id] = mean(x[0], x[1]);
  return {
    services: services.length,
    scored,
    overall: mean(sums.overall[0], sums.overall[1]),
    twelveFactor: mean(sums.twelveFactor[0], sums.twelveFactor[1]),
    cloudNative: mean(sums.cloudNative[0], sums.cloudNative[1]),
    areas,
    bands,
    counts,
  };
}

/** A service as a row of the fleet view. */
export function itemOf(s: IndexedService): FleetItem {
  const { entity: _entity, active: _active, updatedMs: _u, ...info } = s.info;
  const sum = s.latest?.summary;
  return {
    ...info,
    status: s.latest ? 'scored' : 'queued',
    ...(s.latest ? { generatedAt: new Date(s.latest.at).toISOString() } : {}),
    overall: sum?.overall ?? null,
    twelveFactor: sum?.twelveFactor ?? null,
    cloudNative: sum?.cloudNative ?? null,
    band: bandOfService(s),
    areas: sum?.areas ?? {},
    counts: sum?.counts ?? emptyCounts(),
  };
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** The value a service sorts by: numbers (missing: null) or text. */
function sortValue(
  s: IndexedService,
  sort: NonNullable<FleetQuery['sort']>,
): number | string | null {
  const sum = s.latest?.summary;
  if (sort === 'name') return nameOf(s.info.entityRef);
  if (sort === 'owner') return s.info.owner ?? null;
  if (sort === 'generatedAt') return s.latest?.at ?? null;
  if (sort === 'fail') return sum ? sum.counts.fail : null;
  if (sort === 'unknown') return sum ? sum.counts.unknown : null;
  if (sort.startsWith('area:')) return sum?.areas[sort.slice(5)] ?? null;
  return sum?.[sort as 'overall' | 'twelveFactor' | 'cloudNative'] ?? null;
}

function compareValues(
  a: number | string | null,
  b: number | string | null,
): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b));
}

/**
 * Sorts in place: by group first when asked (services without one last),
 * then by the sort column; missing values last in both directions, ties by
 * name so that pages are stable.
 */
export function sortServices(
  services: IndexedService[],
  query: FleetQuery,
): IndexedService[] {
  const sort = query.sort ?? 'name';
  const direction = query.order === 'desc' ? -1 : 1;
  const keyed = services.map(s => ({
    s,
    group: query.groupBy ? s.info[query.groupBy] ?? null : null,
    value: sortValue(s, sort),
    name: nameOf(s.info.entityRef),
  }));
  keyed.sort((x, y) => {
    if (query.groupBy) {
      const g = compareValues(x.group, y.group);
      if (g) return g;
    }
    if (x.value === null || y.value === null) {
      const missing = compareValues(x.value, y.value);
      if (missing) return missing;
    } else {
      const c = compareValues(x.value, y.value) * direction;
      if (c) return c;
    }
    return (
      x.name.localeCompare(y.name) ||
      x.s.info.entityRef.localeCompare(y.s.info.entityRef)
    );
  });
  keyed.forEach((k, i) => (services[i] = k.s));
  return services;
}

/** One page of the fleet, with the facets and averages of the whole filter. */
export function fleetPage(
  all: ReadonlyArray<IndexedService>,
  query: FleetQuery,
  scope: Scope,
): FleetPage {
  const matching = sortServices(selectServices(all, query, scope), query);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  return {
    items: matching.slice(offset, offset + limit).map(itemOf),
    total: matching.length,
    offset,
    limit,
    summary: summaryOf(matching),
    facets: facetsOf(all, query, scope),
  };
}

/** Rollups of a set of services by owner, system or domain, the weakest first. */
export function rollupsOf(
  services: ReadonlyArray<IndexedService>,
  by: 'owner' | 'system' | 'domain',
): FleetRollup[] {
  const groups = new Map<string, IndexedService[]>();
  for (const s of services) {
    const key = s.info[by] ?? '';
    const list = groups.get(key) ?? [];
    list.push(s);
    groups.set(key, list);
  }
  return [...groups]
    .map(([key, list]): FleetRollup => {
      const summary = summaryOf(list);
      const weakestAreas = Object.entries(summary.areas)
        .filter((e): e is [string, number] => e[1] !== null)
        .sort((a, b) => a[1] - b[1])
        .slice(0, 3)
        .map(([area, score]) => ({ area, score }));
      return { key, ...summary, weakestAreas };
    })
    .sort(
      (a, b) =>
        compareValues(a.overall, b.overall) || a.key.localeCompare(b.key),
    );
}

const DAY_MS = 86_400_000;

/** The end of each of the last `days` days (UTC), oldest first. */
export function dayEnds(days: number, now: number): number[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const out: number[] = [];
  for (let i = days - 1; i >= 0; i--)
    out.push(Math.min(now, today - i * DAY_MS + DAY_MS - 1));
  return out;
}

/**
 * For each day, the scan of a service whose result held then: the last one
 * first found at or before the day's end. Scans are sorted by `since`, and
 * so are the days, so one walk serves all days.
 */
export function forEachDay(
  s: IndexedService,
  ends: ReadonlyArray<number>,
  visit: (day: number, scan: ScanRow) => void,
): void {
  let i = -1;
  for (let d = 0; d < ends.length; d++) {
    while (i + 1 < s.scans.length && s.scans[i + 1].since <= ends[d]) i++;
    if (i >= 0) visit(d, s.scans[i]);
  }
}

/** Mean scores per day of a set of services. */
export function trendOf(
  services: ReadonlyArray<IndexedService>,
  ends: ReadonlyArray<number>,
): TrendPoint[] {
  const acc = ends.map(() => ({ n: 0, o: [0, 0], t: [0, 0], c: [0, 0] }));
  const add = (sum: number[], v: number | null) => {
    if (v === null) return;
    sum[0] += v;
    sum[1]++;
  };
  for (const s of services) {
    forEachDay(s, ends, (d, scan) => {
      const a = acc[d];
      a.n++;
      add(a.o, scan.summary.overall);
      add(a.t, scan.summary.twelveFactor);
      add(a.c, scan.summary.cloudNative);
    });
  }
  return acc.map((a, d) => ({
    date: new Date(ends[d]).toISOString().slice(0, 10),
    services: a.n,
    overall: mean(a.o[0], a.o[1]),
    twelveFactor: mean(a.t[0], a.t[1]),
    cloudNative: mean(a.c[0], a.c[1]),
  }));
}
