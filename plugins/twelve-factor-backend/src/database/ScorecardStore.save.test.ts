import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import knexFactory, { Knex } from 'knex';
import { DatabaseScorecardStore, SaveBasis } from './ScorecardStore';

jest.setTimeout(60_000);

function card(ref: string, at: number, overall: number): Scorecard {
  return {
    entityRef: ref,
    generatedAt: new Date(at).toISOString(),
    overall,
    groups: [{ groupId: 'twelve-factor', score: overall }],
    areas: [],
    results: [
      {
        checkId: 'f1-codebase.version-control',
        area: 'f1-codebase',
        verdict: overall > 50 ? 'pass' : 'fail',
        summary: 'ok',
        evidence: [],
      },
    ],
    diagnostics: [],
  };
}

const sameAs = (mine: Scorecard) => (latest: Scorecard) =>
  latest.overall === mine.overall;

const T0 = Date.parse('2026-12-01T10:00:00.000Z');

describe('DatabaseScorecardStore.save', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'inserts a changed result, re-stamps an unchanged one, and ignores one older than the latest, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const ref = 'component:default/a';
      const first = card(ref, T0, 40);
      expect(
        await store.save(first, { sourceEtag: 'e1', sameAs: sameAs(first) }),
      ).toBe('inserted');
      const basis = (await store.latest(ref))!.scorecard.generatedAt;
      const again = card(ref, T0 + 1000, 40);
      expect(
        await store.save(again, {
          sourceEtag: 'e2',
          basis: { generatedAt: basis, same: true },
          sameAs: sameAs(again),
        }),
      ).toBe('restamped');
      expect(await store.latest(ref)).toMatchObject({
        scorecard: { generatedAt: again.generatedAt },
        sourceEtag: 'e2',
      });
      const changed = card(ref, T0 + 2000, 80);
      expect(
        await store.save(changed, {
          basis: { generatedAt: again.generatedAt, same: false },
          sameAs: sameAs(changed),
        }),
      ).toBe('inserted');
      const late = card(ref, T0 + 1500, 10);
      expect(
        await store.save(late, {
          basis: { generatedAt: again.generatedAt, same: false },
          sameAs: sameAs(late),
        }),
      ).toBe('superseded');
      expect(
        (await store.history(ref, 10)).map(h => [h.overall, h.since]),
      ).toEqual([
        [80, changed.generatedAt],
        [40, first.generatedAt],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'never stores one result twice when two replicas save it at once, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const a = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      // On PostgreSQL the second replica has its own pool, as a second process would.
      const otherKnex = String(knex.client.config.client).includes('sqlite')
        ? knex
        : knexFactory(knex.client.config as Knex.Config);
      const b = new DatabaseScorecardStore(otherKnex);
      const rounds = 15;
      const outcomes: string[] = [];
      for (let i = 0; i < rounds; i++) {
        const ref = `component:default/svc-${i}`;
        // Half the entities had a result before, half are scanned for the first time.
        let basis: SaveBasis | undefined;
        if (i % 2) {
          await a.insert(card(ref, T0, 10));
          basis = { generatedAt: new Date(T0).toISOString(), same: false };
        }
        // Both replicas scanned the entity and found the same new result.
        const mine = card(ref, T0 + 1000, 70);
        const theirs = card(ref, T0 + 1001, 70);
        outcomes.push(
          ...(await Promise.all([
            a.save(mine, { ...(basis ? { basis } : {}), sameAs: sameAs(mine) }),
            b.save(theirs, {
              ...(basis ? { basis } : {}),
              sameAs: sameAs(theirs),
            }),
          ])),
        );
        const rows = await knex('twelve_factor_scorecards')
          .where({ entity_ref: ref })
          .orderBy('id')
          .select('overall', 'generated_at');
        expect(rows.map(r => r.overall)).toEqual(i % 2 ? [10, 70] : [70]);
        expect(new Date(rows[rows.length - 1].generated_at).toISOString()).toBe(
          theirs.generatedAt,
        );
      }
      expect(outcomes.filter(o => o === 'inserted')).toHaveLength(rounds);
      if (otherKnex !== knex) await otherKnex.destroy();
    },
  );
});
