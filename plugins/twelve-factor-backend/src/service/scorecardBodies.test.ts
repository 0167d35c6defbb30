import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import zlib from 'node:zlib';
import {
  DatabaseScorecardStore,
  type EntityRecord,
} from '../database/ScorecardStore';
import { FleetIndex } from '../fleet/FleetIndex';
import { EntityFilter } from './entityFilter';
import { ScorecardBodies } from './scorecardBodies';

jest.setTimeout(60_000);

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;
const credentials = mockCredentials.user();

function card(name: string, at: number, overall: number): Scorecard {
  return {
    entityRef: `component:default/${name}`,
    generatedAt: new Date(at).toISOString(),
    overall,
    groups: [
      { groupId: 'twelve-factor', score: overall },
      { groupId: 'cloud-native', score: null },
    ],
    areas: [],
    results: [
      {
        checkId: 'f3-config.secrets',
        area: 'f3-config',
        verdict: overall > 50 ? 'pass' : 'fail',
        summary: `${name}: ${'a finding that compresses well. '.repeat(50)}`,
        evidence: [],
      },
    ],
    diagnostics: [],
  };
}

function record(
  name: string,
  owner: string,
  annotations: Record<string, string> = {
    'backstage.io/source-location': `url:https://example.com/${name}`,
  },
): EntityRecord {
  return {
    entityRef: `component:default/${name}`,
    owner,
    type: 'service',
    namespace: 'default',
    tags: [],
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default', annotations },
      spec: { owner, type: 'service', lifecycle: 'production' },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    },
  };
}

const decompress = (b: Buffer) => zlib.brotliDecompressSync(b).toString();

describe('ScorecardBodies', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setup(
    databaseId: Parameters<typeof databases.init>[0],
    options: {
      decide?: (permission: string) => PolicyDecision;
      maxBytes?: number;
    } = {},
  ) {
    const knex = await databases.init(databaseId);
    const clock = { now: NOW };
    const now = () => clock.now;
    await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    // Rows are written at the test's time, which the index compares.
    const store = new DatabaseScorecardStore(knex, now);
    await store.syncEntities([
      record('svc', 'group:default/team-a'),
      record('other', 'group:default/team-b'),
      // Stored, but with nothing to read: not scored under the default filter.
      record('bare', 'group:default/team-a', {}),
      record('never-scanned', 'group:default/team-a'),
    ]);
    for (const name of ['svc', 'other', 'bare'])
      await store.insert(card(name, NOW - HOUR, 40));
    const authorizeConditional = jest.fn(async (reqs: any[]) =>
      reqs.map(r =>
        (options.decide ?? (() => ({ result: AuthorizeResult.ALLOW })))(
          r.permission.name,
        ),
      ),
    );
    // The index refreshes only when told: what another replica wrote shows when it does.
    const index = new FleetIndex(store, { refreshIntervalMs: HOUR, now });
    await index.refresh();
    const stale: string[] = [];
    const bodies = new ScorecardBodies({
      store,
      index,
      permissions: mockServices.permissions.mock({
        authorizeConditional: authorizeConditional as any,
      }),
      filter: new EntityFilter([{ kind: ['component'] }], true, () => false),
      maxAgeMs: 2 * HOUR,
      onStale: ref => stale.push(ref),
      now,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    });
    store.onWrite(ref => bodies.written(ref));
    const latestRaw = jest.spyOn(store, 'latestRaw');
    // Another replica: its writes reach this one through the database only.
    const replica = new DatabaseScorecardStore(knex, now);
    return {
      store,
      replica,
      index,
      bodies,
      clock,
      stale,
      latestRaw,
      authorizeConditional,
    };
  }

  it.each(databases.eachSupportedId())(
    'serves what a plain read serves, compressed once, from one permission request, on %p',
    async databaseId => {
      const { store, bodies, latestRaw, authorizeConditional } = await setup(
        databaseId,
      );
      const body = await bodies.latest('component:default/svc', credentials);
      // What the route sent before: res.json of the store's scorecard.
      const plain = JSON.stringify(
        (await store.latest('component:default/svc'))!.scorecard,
      );
      expect(decompress(body!.br)).toBe(plain);
      expect(body!.etag).toMatch(/^W\/"[\w-]{27}"$/);
      // Never restamped: the stored bytes themselves.
      const row = await store.latestRaw('component:default/svc');
      expect(body!.br.equals(row!.body!)).toBe(true);

      latestRaw.mockClear();
      authorizeConditional.mockClear();
      const again = await Promise.all(
        [1, 2, 3].map(() =>
          bodies.latest('Component:default/SVC', credentials),
        ),
      );
      expect(again.every(b => b === body)).toBe(true);
      expect(latestRaw).not.toHaveBeenCalled();
      expect(authorizeConditional).toHaveBeenCalledTimes(3);
      expect(authorizeConditional.mock.calls[0][0]).toEqual([
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
        {
          permission: expect.objectContaining({
            name: 'twelve-factor.scorecard.read',
          }),
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'serves a new scan or a restamp through this store at once, and one through another replica once the index has seen it, on %p',
    async databaseId => {
      const { store, replica, index, bodies, clock, latestRaw } = await setup(
        databaseId,
      );
      const ref = 'component:default/svc';
      const first = await bodies.latest(ref, credentials);

      clock.now += 1000;
      await store.restamp(ref, new Date(clock.now).toISOString());
      const restamped = await bodies.latest(ref, credentials);
      expect(JSON.parse(decompress(restamped!.br))).toEqual({
        ...JSON.parse(decompress(first!.br)),
        generatedAt: new Date(clock.now).toISOString(),
      });
      expect(restamped!.etag).not.toBe(first!.etag);

      clock.now += 1000;
      await store.insert(card('svc', clock.now, 90));
      const scanned = await bodies.latest(ref, credentials);
      expect(JSON.parse(decompress(scanned!.br)).overall).toBe(90);

      // Concurrent reads of a new body share one query.
      clock.now += 1000;
      await replica.insert(card('svc', clock.now, 75));
      expect(
        JSON.parse(decompress((await bodies.latest(ref, credentials))!.br))
          .overall,
      ).toBe(90);
      clock.now += 1000;
      await index.refresh({ force: true });
      latestRaw.mockClear();
      const seen = await Promise.all(
        [1, 2, 3].map(() => bodies.latest(ref, credentials)),
      );
      expect(seen.map(b => JSON.parse(decompress(b!.br)).overall)).toEqual([
        75, 75, 75,
      ]);
      expect(latestRaw).toHaveBeenCalledTimes(1);
      expect(JSON.parse(decompress(seen[0]!.br))).toEqual(
        (await store.latest(ref))!.scorecard,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves to the catalog what the stored entity cannot decide, on %p',
    async databaseId => {
      let decision: (permission: string) => PolicyDecision = () => ({
        result: AuthorizeResult.ALLOW,
      });
      const { bodies } = await setup(databaseId, {
        decide: p => decision(p),
      });
      const read = (name: string) =>
        bodies.latest(`component:default/${name}`, credentials);

      // Not stored, not scored under the filter, never scanned.
      expect(await read('nope')).toBeUndefined();
      expect(await read('bare')).toBeUndefined();
      expect(await read('never-scanned')).toBeUndefined();
      expect(await read('svc')).toBeDefined();

      const conditional =
        (conditions: any) =>
        (permission: string): PolicyDecision =>
          permission === 'twelve-factor.scorecard.read'
            ? createCatalogConditionalDecision(
                { name: permission } as any,
                conditions,
              )
            : { result: AuthorizeResult.ALLOW };

      // Ownership, as the fleet view applies it: the owner's service only.
      decision = conditional(
        catalogConditions.isEntityOwner({ claims: ['group:default/team-a'] }),
      );
      expect(await read('svc')).toBeDefined();
      expect(await read('other')).toBeUndefined();

      // A condition on a kept spec field is decided here; on one the store
      // does not keep, it is not (the stored copy would pass "not gold").
      decision = conditional(
        catalogConditions.hasSpec({ key: 'lifecycle', value: 'production' }),
      );
      expect(await read('svc')).toBeDefined();
      decision = conditional({
        not: catalogConditions.hasSpec({ key: 'profile', value: 'gold' }),
      });
      expect(await read('svc')).toBeUndefined();

      // A denial is the catalog's to explain (404 or 403), never decided here.
      decision = p =>
        p === 'catalog.entity.read'
          ? { result: AuthorizeResult.DENY }
          : { result: AuthorizeResult.ALLOW };
      expect(await read('svc')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'queues a stale scorecard for a new scan and keeps the bodies within their budget, on %p',
    async databaseId => {
      const { bodies, clock, stale, latestRaw } = await setup(databaseId, {
        maxBytes: 1,
      });
      await bodies.latest('component:default/svc', credentials);
      expect(stale).toEqual([]);
      clock.now += 2 * HOUR;
      await bodies.latest('component:default/svc', credentials);
      expect(stale).toEqual(['component:default/svc']);

      // One byte allowed: no body is kept, every read reads again.
      latestRaw.mockClear();
      await bodies.latest('component:default/other', credentials);
      await bodies.latest('component:default/other', credentials);
      expect(latestRaw).toHaveBeenCalledTimes(2);
    },
  );
});
