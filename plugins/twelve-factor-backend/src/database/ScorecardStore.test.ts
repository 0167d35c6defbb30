import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DatabaseScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

function card(ref: string, at: string, overall: number | null): Scorecard {
  return {
    entityRef: ref,
    generatedAt: at,
    overall,
    groups: [
      { groupId: 'twelve-factor', score: overall },
      { groupId: 'cloud-native', score: null },
    ],
    areas: [],
    results: [
      {
        checkId: 'f1-codebase.version-control',
        area: 'f1-codebase',
        verdict: 'pass',
        summary: 'ok',
        evidence: [],
      },
    ],
    diagnostics: [],
  };
}

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps history and returns the latest, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });

      expect(await store.latest('component:default/a')).toBeUndefined();
      await store.insert(
        card('component:default/a', '2026-11-20T10:00:00.000Z', 50),
        'etag-1',
      );
      await store.insert(
        card('component:default/a', '2026-11-21T10:00:00.000Z', 62.5),
      );
      await store.insert(
        card('Component:default/B', '2026-11-22T10:00:00.000Z', 10),
      );

      const latest = await store.latest('Component:Default/A');
      expect(latest?.scorecard.overall).toBe(62.5);
      expect(latest?.scorecard.results[0].verdict).toBe('pass');
      expect(latest?.sourceEtag).toBeUndefined();

      expect(await store.history('component:default/a', 10)).toEqual([
        {
          since: '2026-11-21T10:00:00.000Z',
          generatedAt: '2026-11-21T10:00:00.000Z',
          overall: 62.5,
          twelveFactor: 62.5,
          cloudNative: null,
        },
        {
          since: '2026-11-20T10:00:00.000Z',
          generatedAt: '2026-11-20T10:00:00.000Z',
          overall: 50,
          twelveFactor: 50,
          cloudNative: null,
        },
      ]);
      expect(await store.history('component:default/a', 1)).toHaveLength(1);
      expect(
        (await store.latest('component:default/b'))?.scorecard.overall,
      ).toBe(10);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the latest summary of every entity, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      expect(await store.latestSummaries()).toEqual([]);
      await store.insert(
        card('component:default/b', '2026-11-20T10:00:00.000Z', 20),
      );
      await store.insert(
        card('Component:default/A', '2026-11-21T10:00:00.000Z', 30),
      );
      // Inserted later but scanned earlier: not the latest.
      await store.insert(
        card('component:default/a', '2026-11-19T10:00:00.000Z', 99),
      );
      await store.insert(
        card('component:default/b', '2026-11-22T10:00:00.000Z', 40),
      );
      // Two scans at the same time: the one inserted last wins.
      await store.insert(
        card('component:default/c', '2026-11-23T10:00:00.000Z', 50),
      );
      await store.insert(
        card('component:default/c', '2026-11-23T10:00:00.000Z', 55),
      );

      const summaries = await store.latestSummaries();
      expect(
        summaries.map(s => [s.entityRef, s.overall, s.generatedAt]),
      ).toEqual([
        // Entities are one whatever the case of their ref; the summary keeps the ref as scanned.
        ['Component:default/A', 30, '2026-11-21T10:00:00.000Z'],
        ['component:default/b', 40, '2026-11-22T10:00:00.000Z'],
        ['component:default/c', 55, '2026-11-23T10:00:00.000Z'],
      ]);
      expect(summaries[0]).toMatchObject({
        twelveFactor: 30,
        cloudNative: null,
        counts: { pass: 1, fail: 0 },
      });
      expect(summaries[0]).not.toHaveProperty('results');
    },
  );

  it.each(databases.eachSupportedId())(
    'summarises rows stored without a summary when they are listed, once, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migrations = {
        directory: resolvePackagePath(
          '@internal/plugin-twelve-factor-backend',
          'migrations',
        ),
        tableName: 'twelve_factor_knex_migrations',
      };
      await knex.migrate.up({ ...migrations, name: '20261126000000_init.js' });
      const old = card('component:default/old', '2026-11-01T10:00:00.000Z', 42);
      // A row written by the previous version, before the summary column existed.
      await knex('twelve_factor_scorecards').insert({
        entity_ref: old.entityRef,
        generated_at: new Date(old.generatedAt),
        overall: 42,
        twelve_factor_score: 42,
        cloud_native_score: null,
        scorecard: JSON.stringify(old),
      });
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      expect(
        Number(
          (
            await knex('twelve_factor_scorecards')
              .whereNull('summary')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(1);
      const expected = {
        entityRef: 'component:default/old',
        generatedAt: '2026-11-01T10:00:00.000Z',
        overall: 42,
        twelveFactor: 42,
        cloudNative: null,
        areas: {},
        counts: { pass: 1, partial: 0, fail: 0, unknown: 0, waived: 0 },
      };
      expect(await store.latestSummaries()).toEqual([expected]);
      // Written back: the next listing reads the column.
      expect(
        Number(
          (
            await knex('twelve_factor_scorecards')
              .whereNull('summary')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(0);
      expect(await store.latestSummaries()).toEqual([expected]);
      // Stored before 'first found' was kept: the history falls back to the scan time.
      expect(await store.history('component:default/old', 10)).toEqual([
        {
          since: '2026-11-01T10:00:00.000Z',
          generatedAt: '2026-11-01T10:00:00.000Z',
          overall: 42,
          twelveFactor: 42,
          cloudNative: null,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "re-stamps the latest scan in place, and prunes old scans but never an entity's latest, on %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      await store.insert(
        card('component:default/a', '2026-01-01T10:00:00.000Z', 10),
        'etag-a1',
      );
      await store.insert(
        card('component:default/a', '2026-06-01T10:00:00.000Z', 20),
        'etag-a2',
      );
      await store.insert(
        card('component:default/old', '2026-01-02T10:00:00.000Z', 30),
      );

      await store.restamp(
        'Component:default/A',
        '2026-07-01T10:00:00.000Z',
        'etag-a3',
      );
      const latest = await store.latest('component:default/a');
      expect(latest).toEqual({
        scorecard: expect.objectContaining({
          overall: 20,
          generatedAt: '2026-07-01T10:00:00.000Z',
        }),
        sourceEtag: 'etag-a3',
      });
      // The re-stamped entry keeps when its result was first found.
      expect(
        (await store.history('component:default/a', 10)).map(h => [
          h.since,
          h.generatedAt,
          h.overall,
        ]),
      ).toEqual([
        ['2026-06-01T10:00:00.000Z', '2026-07-01T10:00:00.000Z', 20],
        ['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:00.000Z', 10],
      ]);
      expect(
        (await store.latestSummaries()).find(
          s => s.entityRef === 'component:default/a',
        )?.generatedAt,
      ).toBe('2026-07-01T10:00:00.000Z');
      await expect(
        store.restamp('component:default/none', '2026-07-01T10:00:00.000Z'),
      ).rejects.toThrow('No stored scorecard');

      // Everything before March goes, except 'old', whose only (so latest) scan is from January.
      expect(await store.prune(new Date('2026-03-01T00:00:00.000Z'))).toBe(1);
      expect(await store.history('component:default/a', 10)).toHaveLength(1);
      expect(await store.history('component:default/old', 10)).toHaveLength(1);
      expect(await store.prune(new Date('2026-03-01T00:00:00.000Z'))).toBe(0);
    },
  );
});
