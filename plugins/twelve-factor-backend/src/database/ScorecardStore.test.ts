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
    'stores scorecards compressed, with their verdicts by check position and the latest findings, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      let now = 1_000;
      const store = new DatabaseScorecardStore(knex, () => now);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-twelve-factor-backend',
          'migrations',
        ),
        tableName: 'twelve_factor_knex_migrations',
      });
      const a = card('component:default/a', '2026-11-20T10:00:00.000Z', 50);
      a.results.push(
        {
          checkId: 'f3-config.secrets',
          area: 'f3-config',
          verdict: 'fail',
          summary: 'DB_PASSWORD is a literal value',
          evidence: [],
          remediation: {
            text: 'Move it into a Secret. Then rotate it.',
            docsUrl: 'x',
          },
        },
        ...Array.from({ length: 200 }, (_, i) => ({
          checkId: `custom.check-${i}`,
          area: 'f1-codebase',
          verdict: 'unknown' as const,
          summary: 'the same long sentence, repeated in every result '.repeat(
            3,
          ),
          evidence: [],
        })),
      );
      await store.insert(a);
      const row = await knex('twelve_factor_scorecards').first();
      // The body is the compressed JSON; the text column stays empty for new rows.
      expect(row.scorecard).toBe('');
      expect(row.body.length).toBeLessThan(JSON.stringify(a).length / 10);
      expect((await store.latest('component:default/a'))?.scorecard).toEqual(a);
      // One letter per check, at its position.
      const order = await store.checkOrder();
      expect(order.slice(0, 2)).toEqual([
        'f1-codebase.version-control',
        'f3-config.secrets',
      ]);
      expect(row.verdicts.slice(0, 3)).toBe('pfu');
      expect(Number(row.updated_ms)).toBe(1_000);
      // The findings a campaign lists, with the remediation's first sentence.
      expect(
        await store.latestResults('f3-config.secrets', ['fail', 'partial']),
      ).toEqual([
        {
          entityRef: 'component:default/a',
          verdict: 'fail',
          summary: 'DB_PASSWORD is a literal value',
          remediation: 'Move it into a Secret.',
        },
      ]);
      // A new scan replaces the latest findings.
      now = 2_000;
      await store.insert(
        card('component:default/a', '2026-11-21T10:00:00.000Z', 90),
      );
      expect(
        await store.latestResults('f3-config.secrets', ['fail', 'partial']),
      ).toEqual([]);
      // The older scan keeps its scores and verdicts, not its scorecard.
      const rows = await knex('twelve_factor_scorecards')
        .orderBy('id')
        .select('body', 'summary', 'verdicts');
      expect(rows[0].body).toBeNull();
      expect(rows[0].verdicts).toBe(row.verdicts);
      expect(JSON.parse(rows[0].summary).overall).toBe(50);
      expect(rows[1].body).not.toBeNull();
      // Met checks keep no finding.
      expect(
        await store.latestResults('f1-codebase.version-control', ['pass']),
      ).toEqual([]);
      // Deltas: only rows written since.
      expect((await store.scanRows(1_500)).map(r => r.summary.overall)).toEqual(
        [90],
      );
      expect((await store.scanRows()).map(r => r.summary.overall)).toEqual([
        50, 90,
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the catalog facts of services, writes only what changed, and deactivates those no longer matching, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      let now = 1_000;
      await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const store = new DatabaseScorecardStore(knex, () => now);
      const record = (name: string, owner: string) => ({
        entityRef: `component:default/${name}`,
        owner,
        namespace: 'default',
        tags: ['python'],
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name },
        },
      });
      expect(
        await store.syncEntities(
          [record('a', 'group:default/x'), record('b', 'group:default/y')],
          {
            complete: true,
          },
        ),
      ).toEqual({ written: 2, deactivated: 0 });
      now = 2_000;
      // Unchanged: nothing written. Changed owner: written. Missing: inactive.
      expect(
        await store.syncEntities([record('a', 'group:default/z')], {
          complete: true,
        }),
      ).toEqual({ written: 1, deactivated: 1 });
      const rows = await store.entityRows();
      expect(
        rows.map(r => [r.entityRef, r.owner, r.active, r.updatedMs]),
      ).toEqual(
        expect.arrayContaining([
          ['component:default/a', 'group:default/z', true, 2_000],
          ['component:default/b', 'group:default/y', false, 2_000],
        ]),
      );
      expect(
        rows.find(r => r.entityRef === 'component:default/a')?.tags,
      ).toEqual(['python']);
      expect((await store.entityRows(1_500)).length).toBe(2);
      now = 3_000;
      // Without `complete`, one record is written and nothing else changes.
      await store.syncEntities([record('b', 'group:default/y')]);
      expect(
        (await store.entityRows(2_500)).map(r => [r.entityRef, r.active]),
      ).toEqual([['component:default/b', true]]);
    },
  );

  it.each(databases.eachSupportedId())(
    'summarises rows stored before the fleet view when they are read, once, on %p',
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
      // A row written by the first version: text scorecard, no summary, no verdicts.
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
      const [row] = await store.scanRows();
      expect(row).toMatchObject({
        entityRef: 'component:default/old',
        since: Date.parse('2026-11-01T10:00:00.000Z'),
        summary: { overall: 42, counts: { pass: 1 } },
        verdicts: 'p',
      });
      // Written back: the row is parsed once.
      expect(
        await knex('twelve_factor_scorecards').first('summary', 'verdicts'),
      ).toEqual({
        summary: expect.stringContaining('"overall":42'),
        verdicts: 'p',
      });
      // Served from the text column.
      expect(
        (await store.latest('component:default/old'))?.scorecard.overall,
      ).toBe(42);
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
      // A re-stamp is a write the fleet index reads.
      expect(
        (await store.scanRows()).find(
          r =>
            r.entityRef === 'component:default/a' && r.summary.overall === 20,
        )?.at,
      ).toBe(Date.parse('2026-07-01T10:00:00.000Z'));
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
