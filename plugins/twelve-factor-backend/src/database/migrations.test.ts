import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { runMigrations } from './migrations';

jest.setTimeout(120_000);

describe('runMigrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'lets replicas starting together on an empty database all start, and start again, on %p',
    async databaseId => {
      // Fresh databases, three replicas each: unserialised, about one round
      // in three fails a replica, and one in twenty-five wedges the database.
      for (let round = 0; round < 12; round++) {
        const knex = await databases.init(databaseId);
        const replicas: Knex[] = Array.from({ length: 3 }, () =>
          knexFactory(knex.client.config as Knex.Config),
        );
        await Promise.all(
          replicas.map(db => runMigrations(db, { delayMs: 100 })),
        );
        expect(await knex.schema.hasTable('twelve_factor_scan_leases')).toBe(
          true,
        );
        // Knex's lock is one row: two would fail every later start.
        expect(
          await knex('twelve_factor_knex_migrations_lock').select('is_locked'),
        ).toEqual([{ is_locked: 0 }]);
        const names: string[] = await knex(
          'twelve_factor_knex_migrations',
        ).pluck('name');
        expect(names.length).toBe(new Set(names).size);
        await runMigrations(replicas[0]);
        await Promise.all(replicas.map(db => db.destroy()));
      }
    },
  );
});
