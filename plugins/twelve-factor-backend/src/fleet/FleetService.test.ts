import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Scorecard, Verdict } from '@internal/plugin-twelve-factor-common';
import { twelveFactorScorecardReadPermission } from '@internal/plugin-twelve-factor-common';
import {
  DatabaseScorecardStore,
  type EntityRecord,
} from '../database/ScorecardStore';
import { fleetCsv, fleetReport } from './exports';
import { FleetIndex } from './FleetIndex';
import { FleetService } from './FleetService';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00Z');

interface Spec {
  name: string;
  owner: string;
  system?: string;
  domain?: string;
  tags?: string[];
  lifecycle?: string;
  /** Scans: [days ago first found, overall, f3-config score, secrets verdict]. */
  scans: Array<[number, number, number | null, Verdict]>;
}

const SERVICES: Spec[] = [
  {
    name: 'api',
    owner: 'group:default/payments',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    tags: ['python'],
    lifecycle: 'production',
    scans: [
      [60, 40, 20, 'fail'],
      [10, 70, 60, 'partial'],
    ],
  },
  {
    name: 'web',
    owner: 'group:default/payments',
    system: 'system:default/shop',
    domain: 'domain:default/commerce',
    tags: ['node'],
    lifecycle: 'production',
    scans: [[30, 90, 100, 'pass']],
  },
  {
    name: 'ledger',
    owner: 'group:default/ledger-team',
    system: 'system:default/books',
    tags: ['java', 'python'],
    lifecycle: 'experimental',
    scans: [
      [80, 30, 0, 'fail'],
      [5, 45, 10, 'fail'],
    ],
  },
  {
    name: 'search',
    owner: 'group:default/platform',
    scans: [[20, 85, null, 'unknown']],
  },
  // Matches, never scanned yet.
  { name: 'fresh', owner: 'group:default/platform', scans: [] },
];

function card(spec: Spec, at: number, scan: Spec['scans'][number]): Scorecard {
  const [, overall, f3, secrets] = scan;
  return {
    entityRef: `component:default/${spec.name}`,
    generatedAt: new Date(at).toISOString(),
    overall,
    groups: [
      { groupId: 'twelve-factor', score: overall },
      { groupId: 'cloud-native', score: overall },
    ],
    areas: [
      {
        areaId: 'f3-config',
        group: 'twelve-factor',
        score: f3,
        counts: { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 },
      },
    ],
    results: [
      {
        checkId: 'f3-config.secrets',
        area: 'f3-config',
        verdict: secrets,
        summary: `${spec.name}: secrets ${secrets}`,
        evidence: [],
        remediation: {
          text: `Fix ${spec.name}. More text.`,
          docsUrl: 'x',
        },
      },
    ],
    diagnostics: [],
  };
}

function record(spec: Spec): EntityRecord {
  return {
    entityRef: `component:default/${spec.name}`,
    owner: spec.owner,
    ...(spec.system ? { system: spec.system } : {}),
    ...(spec.domain ? { domain: spec.domain } : {}),
    ...(spec.lifecycle ? { lifecycle: spec.lifecycle } : {}),
    type: 'service',
    namespace: 'default',
    tags: spec.tags ?? [],
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: spec.name, namespace: 'default' },
      spec: { owner: spec.owner, type: 'service' },
      relations: [{ type: 'ownedBy', targetRef: spec.owner }],
    },
  };
}

const GROUPS = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'finance', namespace: 'default' },
    spec: { type: 'department', children: ['payments', 'ledger-team'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

describe('the fleet view', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    decide: () => any = () => ({ result: AuthorizeResult.ALLOW }),
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    await store.syncEntities(SERVICES.map(record), { complete: true });
    for (const spec of SERVICES)
      for (const scan of spec.scans)
        await store.insert(card(spec, NOW - scan[0] * DAY, scan));
    const authorizeConditional = jest.fn(async (reqs: any[]) =>
      reqs.map(decide),
    );
    const index = new FleetIndex(store, { now: () => NOW });
    const fleet = new FleetService({
      index,
      store,
      permissions: mockServices.permissions.mock({
        authorizeConditional: authorizeConditional as any,
      }),
      catalog: catalogServiceMock({ entities: GROUPS }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: () => NOW,
    });
    return { knex, store, index, fleet, authorizeConditional };
  }

  const user = mockCredentials.user();

  it.each(databases.eachSupportedId())(
    'pages, filters, sorts and counts facets on the server with one permission request, on %p',
    async databaseId => {
      const { fleet, authorizeConditional } = await setup(databaseId);
      const all = await fleet.page({}, user);
      expect(all.total).toBe(5);
      expect(authorizeConditional).toHaveBeenCalledTimes(1);
      expect(all.items.map(i => i.entityRef)).toEqual([
        'component:default/api',
        'component:default/fresh',
        'component:default/ledger',
        'component:default/search',
        'component:default/web',
      ]);
      expect(all.items.find(i => i.entityRef.endsWith('fresh'))).toMatchObject({
        status: 'queued',
        band: 'none',
        overall: null,
      });
      // Latest scan: api 70, web 90, ledger 45, search 85.
      expect(all.summary).toMatchObject({
        services: 5,
        scored: 4,
        overall: (70 + 90 + 45 + 85) / 4,
        bands: { good: 2, fair: 1, poor: 1, none: 1 },
      });
      expect(all.facets.owner).toEqual([
        { value: 'group:default/payments', count: 2 },
        { value: 'group:default/platform', count: 2 },
        { value: 'group:default/ledger-team', count: 1 },
      ]);
      expect(all.facets.tag).toEqual([
        { value: 'python', count: 2 },
        { value: 'java', count: 1 },
        { value: 'node', count: 1 },
      ]);

      // A filter, and each facet still counts the values its own filter hides.
      const payments = await fleet.page(
        { owner: ['group:default/payments'] },
        user,
      );
      expect(payments.items.map(i => i.entityRef)).toEqual([
        'component:default/api',
        'component:default/web',
      ]);
      expect(payments.facets.owner).toHaveLength(3);
      expect(payments.facets.band).toEqual([
        { value: 'good', count: 1 },
        { value: 'fair', count: 1 },
      ]);

      // Area below a score: undecided areas do not count.
      expect(
        (
          await fleet.page(
            { areaBelow: { area: 'f3-config', score: 50 } },
            user,
          )
        ).items.map(i => i.entityRef),
      ).toEqual(['component:default/ledger']);
      // A check's verdict.
      expect(
        (
          await fleet.page(
            {
              check: { id: 'f3-config.secrets', verdicts: ['fail', 'partial'] },
            },
            user,
          )
        ).items.map(i => i.entityRef),
      ).toEqual(['component:default/api', 'component:default/ledger']);
      // Sorted by an area, missing scores last in both directions; paged.
      const byArea = await fleet.page(
        { sort: 'area:f3-config', order: 'desc', limit: 2, offset: 0 },
        user,
      );
      expect(byArea.items.map(i => i.areas['f3-config'])).toEqual([100, 60]);
      expect(byArea.total).toBe(5);
      const last = await fleet.page(
        { sort: 'area:f3-config', order: 'asc', offset: 3 },
        user,
      );
      expect(last.items.map(i => i.entityRef)).toEqual([
        'component:default/fresh',
        'component:default/search',
      ]);
      // Grouped by system first (services without one last), then sorted.
      expect(
        (
          await fleet.page(
            { groupBy: 'system', sort: 'overall', order: 'desc' },
            user,
          )
        ).items.map(i => [i.system ?? '', i.overall]),
      ).toEqual([
        ['system:default/books', 45],
        ['system:default/shop', 90],
        ['system:default/shop', 70],
        ['', 85],
        ['', null],
      ]);
      expect(
        (await fleet.page({ q: 'led' }, user)).items.map(i => i.entityRef),
      ).toEqual(['component:default/ledger']);
      // One permission request per page, whatever the fleet size.
      expect(authorizeConditional).toHaveBeenCalledTimes(8);
    },
  );

  it.each(databases.eachSupportedId())(
    'applies conditional decisions to every service in memory, with the catalog rules, on %p',
    async databaseId => {
      const { fleet, authorizeConditional } = await setup(databaseId, () =>
        createCatalogConditionalDecision(
          twelveFactorScorecardReadPermission,
          catalogConditions.isEntityOwner({
            claims: ['group:default/payments'],
          }),
        ),
      );
      const page = await fleet.page({}, user);
      expect(page.items.map(i => i.entityRef)).toEqual([
        'component:default/api',
        'component:default/web',
      ]);
      expect(page.facets.owner).toEqual([
        { value: 'group:default/payments', count: 2 },
      ]);
      // Both permissions asked in one request.
      expect(authorizeConditional).toHaveBeenCalledTimes(1);
      expect(
        authorizeConditional.mock.calls[0][0].map(
          (r: any) => r.permission.name,
        ),
      ).toEqual(['catalog.entity.read', 'twelve-factor.scorecard.read']);
    },
  );

  it.each(databases.eachSupportedId())(
    'reuses an answer only for a caller who sees the same services, and never across a change of the fleet, on %p',
    async databaseId => {
      let owner: string | undefined;
      const { fleet, store, index } = await setup(databaseId, () =>
        owner
          ? createCatalogConditionalDecision(
              twelveFactorScorecardReadPermission,
              catalogConditions.isEntityOwner({ claims: [owner] }),
            )
          : { result: AuthorizeResult.ALLOW },
      );
      expect((await fleet.page({}, user)).total).toBe(5);
      owner = 'group:default/platform';
      expect((await fleet.page({}, user)).total).toBe(2);
      owner = undefined;
      expect((await fleet.page({}, user)).total).toBe(5);
      // A new scan changes the answer to the same question.
      const before = (await fleet.page({}, user)).items.find(i =>
        i.entityRef.endsWith('/fresh'),
      );
      expect(before?.status).toBe('queued');
      await store.insert(card(SERVICES[4], NOW - 1000, [0, 77, 50, 'pass']));
      await index.refresh({ force: true });
      const after = (await fleet.page({}, user)).items.find(i =>
        i.entityRef.endsWith('/fresh'),
      );
      expect(after).toMatchObject({ status: 'scored', overall: 77 });
    },
  );

  it.each(databases.eachSupportedId())(
    'shows nothing to a caller denied, on %p',
    async databaseId => {
      const { fleet } = await setup(databaseId, () => ({
        result: AuthorizeResult.DENY,
      }));
      expect((await fleet.page({}, user)).total).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'limits a view to a group and its child groups, a system or a domain; leaves inactive services out, on %p',
    async databaseId => {
      const { fleet, store, index } = await setup(databaseId);
      const refs = async (within: string) =>
        (await fleet.page({ within }, user)).items.map(i =>
          i.entityRef.replace('component:default/', ''),
        );
      expect(await refs('group:default/finance')).toEqual([
        'api',
        'ledger',
        'web',
      ]);
      expect(await refs('group:default/payments')).toEqual(['api', 'web']);
      expect(await refs('system:default/books')).toEqual(['ledger']);
      expect(await refs('domain:default/commerce')).toEqual(['api', 'web']);

      // The catalog sync no longer finds 'ledger': it leaves the view, its history stays.
      await store.syncEntities(
        SERVICES.filter(s => s.name !== 'ledger').map(record),
        { complete: true },
      );
      await index.refresh({ force: true });
      expect(await refs('group:default/finance')).toEqual(['api', 'web']);
      expect(await store.history('component:default/ledger', 10)).toHaveLength(
        2,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'rolls up by owner, draws the trend from the validity periods, and lists a campaign by owner, on %p',
    async databaseId => {
      const { fleet, authorizeConditional } = await setup(databaseId);
      const rollups = await fleet.rollups('owner', {}, user);
      expect(rollups.items.map(r => [r.key, r.services, r.overall])).toEqual([
        ['group:default/ledger-team', 1, 45],
        ['group:default/payments', 2, 80],
        ['group:default/platform', 2, 85],
      ]);
      expect(rollups.items[0].weakestAreas).toEqual([
        { area: 'f3-config', score: 10 },
      ]);

      const trend = await fleet.trend(90, 'owner', {}, user);
      expect(trend.points).toHaveLength(90);
      const at = (daysAgo: number) =>
        trend.points[trend.points.length - 1 - daysAgo];
      // 70 days ago only ledger (30) had been scanned.
      expect(at(70)).toMatchObject({ services: 1, overall: 30 });
      // 40 days ago: ledger 30, api 40.
      expect(at(40)).toMatchObject({ services: 2, overall: 35 });
      // Today: 70, 90, 45, 85.
      expect(at(0)).toMatchObject({ services: 4, overall: 72.5 });
      expect(trend.groups?.map(g => g.key)).toEqual([
        'group:default/payments',
        'group:default/platform',
        'group:default/ledger-team',
      ]);

      const campaign = await fleet.campaign(
        'f3-config.secrets',
        ['fail', 'partial'],
        90,
        {},
        user,
      );
      expect(campaign.total).toBe(2);
      // Rollups, trend and campaign: one permission request each.
      expect(authorizeConditional).toHaveBeenCalledTimes(3);
      expect(campaign.owners).toEqual([
        {
          owner: 'group:default/ledger-team',
          count: 1,
          services: [
            expect.objectContaining({
              entityRef: 'component:default/ledger',
              verdict: 'fail',
              summary: 'ledger: secrets fail',
              remediation: 'Fix ledger.',
            }),
          ],
        },
        {
          owner: 'group:default/payments',
          count: 1,
          services: [
            expect.objectContaining({
              entityRef: 'component:default/api',
              verdict: 'partial',
            }),
          ],
        },
      ]);
      const day = (d: number) => campaign.trend[campaign.trend.length - 1 - d];
      // 40 days ago: ledger and api failing; today: ledger failing, api partial, web passing.
      expect(day(40)).toMatchObject({ fail: 2, partial: 0, pass: 0 });
      expect(day(0)).toMatchObject({ fail: 1, partial: 1, pass: 1 });
      await expect(
        fleet.campaign('nope.check', ['fail'], 90, {}, user),
      ).rejects.toThrow(/No scan has a result for check 'nope.check'/);
    },
  );

  it.each(databases.eachSupportedId())(
    'exports every matching service as CSV and an aggregated report in English and Korean, on %p',
    async databaseId => {
      const { fleet, index } = await setup(databaseId);
      const services = await fleet.services({ sort: 'overall' }, user);
      const csv = fleetCsv(services);
      const lines = csv.trim().split('\n');
      expect(lines).toHaveLength(6);
      expect(lines[0]).toMatch(/^entityRef,title,owner,system,domain/);
      expect(lines[1]).toMatch(
        /^component:default\/ledger,,group:default\/ledger-team/,
      );
      const report = (lang: 'en' | 'ko') =>
        fleetReport(services, {
          lang,
          query: { owner: ['group:default/payments'] },
          checkOrder: index.checkOrder(),
          definitions: [
            {
              id: 'f3-config.secrets',
              area: 'f3-config',
              title: 'Secrets in Secrets',
              weight: 2,
              sources: ['repo'],
              criteria: {},
              docsUrl: 'x',
            },
          ],
          now: new Date(NOW),
        });
      const en = report('en');
      expect(en).toContain('# Twelve-Factor and cloud-native fleet report');
      expect(en).toContain('View: owner: group:default/payments');
      expect(en).toMatch(
        /### P0: do now\n\n\| Check \| Not met \| Partly met \| Owners \(services\) \|\n\|---\|---\|---\|---\|\n\| Secrets in Secrets \(`f3-config.secrets`\) \| 1 \| 1 \| group:default\/ledger-team \(1\), group:default\/payments \(1\) \|/,
      );
      const ko = report('ko');
      expect(ko).toContain('# 12요소 및 클라우드 네이티브 전사 평가 보고서');
      expect(ko).toContain('### P0: 즉시');
      expect(ko).toContain('| 담당 | 서비스 | 종합 | 미충족 결과 |');
    },
  );
});
