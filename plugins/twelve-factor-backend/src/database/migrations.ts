import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-twelve-factor-backend',
  'migrations',
);
const TABLE_NAME = 'twelve_factor_knex_migrations';

/**
 * What a replica may still run into when migrations are not serialised
 * (below): another replica creating knex's migration table at the same time
 * (PostgreSQL says duplicate table, duplicate object or unique violation for
 * the row type it makes for it), or holding knex's lock.
 */
function isMigrationRace(e: unknown): boolean {
  const error = e as { name?: string; code?: string };
  return (
    error?.name === 'MigrationLocked' ||
    error?.code === '42P07' ||
    error?.code === '42710' ||
    error?.code === '23505'
  );
}

async function latestWithRetries(
  db: Knex,
  attempts: number,
  delayMs: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.migrate.latest({
        directory: migrationsDir,
        tableName: TABLE_NAME,
      });
      return;
    } catch (e) {
      if (attempt >= attempts || !isMigrationRace(e)) throw e;
      await new Promise(r => setTimeout(r, delayMs * attempt));
    }
  }
}

/**
 * Runs the plugin's migrations, one replica at a time. Knex's own lock is a
 * row of a table that replicas starting together on an empty database each
 * create: one of them fails, or the table ends up with a row from each, after
 * which every start fails with "Migration table is already locked". On
 * PostgreSQL an advisory lock, held by a transaction while the migrations
 * run on another connection of the pool, makes the others wait; they then
 * find the migrations done.
 */
export async function runMigrations(
  db: Knex,
  options: { attempts?: number; delayMs?: number } = {},
): Promise<void> {
  const latest = () =>
    latestWithRetries(db, options.attempts ?? 5, options.delayMs ?? 500);
  const poolMax: number =
    (db.client as any).pool?.max ?? db.client.config.pool?.max ?? 10;
  // The lock's transaction holds one connection; the migrations need another.
  if (String(db.client.config.client) !== 'pg' || poolMax < 2) {
    await latest();
    return;
  }
  await db.transaction(async tx => {
    await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [TABLE_NAME]);
    await latest();
  });
}
