/*
 * Test helpers: a fleet of made-up services and an in-memory stand-in for the
 * fleet endpoints (filter, group, sort, page, facets, summary), so that tests
 * of the page check what it asks for and what it shows of the answer.
 */
import {
  AREAS,
  bandOf,
  FLEET_DIMENSIONS,
  SCORE_BANDS,
  type FleetFacet,
  type FleetItem,
  type FleetPage,
  type FleetQuery,
  type FleetRollups,
  type FleetSummary,
  type ScoreBand,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorApi } from '../../api/TwelveFactorApi';

/** A deterministic score from 0 to 100 for service i and area j. */
function scoreOf(i: number, j: number): number {
  return (i * 37 + j * 53 + ((i * j) % 17)) % 101;
}

/** n services: svc-0000…, 12 owners, 40 systems in 4 domains; every 50th has no score yet. */
export function makeFleet(n: number): FleetItem[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const queued = i % 50 === 49;
    const areas: Record<string, number | null> = {};
    AREAS.forEach((a, j) => {
      areas[a.id] = queued || (i + j) % 23 === 0 ? null : scoreOf(i, j);
    });
    const decided = Object.values(areas).filter((s): s is number => s !== null);
    const overall = decided.length
      ? Math.round((decided.reduce((x, y) => x + y, 0) / decided.length) * 10) /
        10
      : null;
    const system = i % 40;
    return {
      entityRef: `component:default/${name}`,
      namespace: 'default',
      owner: i % 97 === 0 ? undefined : `group:default/team-${i % 12}`,
      system: `system:default/sys-${system}`,
      domain: `domain:default/dom-${system % 4}`,
      lifecycle: i % 3 === 0 ? 'experimental' : 'production',
      type: 'service',
      tags: i % 2 ? ['python'] : ['java'],
      status: queued ? 'queued' : 'scored',
      generatedAt: queued ? undefined : '2026-11-26T10:00:00.000Z',
      overall,
      twelveFactor: overall,
      cloudNative: overall,
      band: bandOf(overall),
      areas,
      counts: {
        pass: 60,
        partial: 10,
        fail: queued ? 0 : i % 13,
        unknown: 5,
        waived: 0,
      },
    };
  });
}

function matches(item: FleetItem, q: FleetQuery): boolean {
  for (const d of FLEET_DIMENSIONS) {
    const wanted = q[d];
    if (!wanted?.length) continue;
    const have: string[] =
      d === 'tag' ? item.tags : [(item as any)[d] ?? ''].filter(Boolean);
    if (!wanted.some(w => have.includes(w))) return false;
  }
  if (q.band?.length && !q.band.includes(item.band)) return false;
  if (q.q && !item.entityRef.includes(q.q)) return false;
  if (q.areaBelow) {
    const s = item.areas[q.areaBelow.area];
    if (s === null || s === undefined || s >= q.areaBelow.score) return false;
  }
  if (q.within) {
    const [kind] = q.within.split(':');
    const field = kind === 'group' ? 'owner' : (kind as 'system' | 'domain');
    if (item[field] !== q.within) return false;
  }
  return true;
}

function valueOf(item: FleetItem, sort: string): number | string | null {
  if (sort === 'name') return item.entityRef;
  if (sort === 'owner') return item.owner ?? '';
  if (sort === 'fail') return item.counts.fail;
  if (sort.startsWith('area:')) return item.areas[sort.slice(5)] ?? null;
  return (item as any)[sort] ?? null;
}

function compare(a: number | string | null, b: number | string | null) {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function mean(values: Array<number | null>): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? v.reduce((x, y) => x + y, 0) / v.length : null;
}

export function summarise(items: FleetItem[]): FleetSummary {
  const bands = Object.fromEntries(SCORE_BANDS.map(b => [b, 0])) as Record<
    ScoreBand,
    number
  >;
  for (const i of items) bands[i.band] += 1;
  return {
    services: items.length,
    scored: items.filter(i => i.status === 'scored').length,
    overall: mean(items.map(i => i.overall)),
    twelveFactor: mean(items.map(i => i.twelveFactor)),
    cloudNative: mean(items.map(i => i.cloudNative)),
    areas: Object.fromEntries(
      AREAS.map(a => [a.id, mean(items.map(i => i.areas[a.id] ?? null))]),
    ),
    bands,
    counts: {
      pass: 0,
      partial: 0,
      fail: items.reduce((n, i) => n + i.counts.fail, 0),
      unknown: items.reduce((n, i) => n + i.counts.unknown, 0),
      waived: 0,
    },
  };
}

function facetsOf(items: FleetItem[]): FleetPage['facets'] {
  const count = (values: string[]): FleetFacet[] => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m.entries()]
      .map(([value, c]) => ({ value, count: c }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const pick = (f: (i: FleetItem) => string | undefined) =>
    count(items.map(f).filter((v): v is string => !!v));
  return {
    owner: pick(i => i.owner),
    system: pick(i => i.system),
    domain: pick(i => i.domain),
    lifecycle: pick(i => i.lifecycle),
    type: pick(i => i.type),
    tag: count(items.flatMap(i => i.tags)),
    namespace: pick(i => i.namespace),
    band: pick(i => i.band),
  };
}

/** What GET /fleet would answer for a query over these items. */
export function answerFleet(items: FleetItem[], q: FleetQuery): FleetPage {
  const matching = items.filter(i => matches(i, q));
  const sorted = [...matching];
  if (q.sort) {
    const dir = q.order === 'desc' ? -1 : 1;
    sorted.sort((a, b) => {
      const x = valueOf(a, q.sort!);
      const y = valueOf(b, q.sort!);
      // Services without a value last, either way.
      if (x === null || y === null) return compare(x, y);
      return dir * compare(x, y);
    });
  }
  if (q.groupBy) {
    const g = q.groupBy;
    sorted.sort((a, b) => (a[g] ?? '').localeCompare(b[g] ?? ''));
  }
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 100;
  return {
    items: sorted.slice(offset, offset + limit),
    total: matching.length,
    offset,
    limit,
    summary: summarise(matching),
    facets: facetsOf(matching),
  };
}

/** What GET /fleet/rollups would answer. */
export function answerRollups(
  items: FleetItem[],
  by: 'owner' | 'system' | 'domain',
  q: FleetQuery,
): FleetRollups {
  const groups = new Map<string, FleetItem[]>();
  for (const i of items.filter(x => matches(x, q))) {
    const key = i[by] ?? '';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return {
    by,
    items: [...groups.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, own]) => {
        const summary = summarise(own);
        return {
          key,
          ...summary,
          weakestAreas: Object.entries(summary.areas)
            .filter((e): e is [string, number] => e[1] !== null)
            .sort((x, y) => x[1] - y[1])
            .slice(0, 3)
            .map(([area, score]) => ({ area, score })),
        };
      }),
  };
}

/** A fake TwelveFactorApi over the items, with jest mocks to assert on. */
export function fakeFleetApi(
  items: FleetItem[],
  overrides: { [K in keyof TwelveFactorApi]?: jest.Mock } = {},
) {
  const base = {
    getFleet: jest.fn(async (q: FleetQuery) => answerFleet(items, q)),
    getRollups: jest.fn(
      async (by: 'owner' | 'system' | 'domain', q: FleetQuery) =>
        answerRollups(items, by, q),
    ),
    getCampaign: jest.fn(),
    getTrend: jest.fn(),
    downloadExport: jest.fn(
      async () => new Blob(['x'], { type: 'text/plain' }),
    ),
    getCheckCatalog: jest.fn(),
  };
  return { ...base, ...overrides } as typeof base & typeof overrides;
}
