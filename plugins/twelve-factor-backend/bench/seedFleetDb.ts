/*
 * Writes a generated fleet where a backend configured with
 * `backend.database: { client: better-sqlite3, connection: { directory: <dir> } }`
 * finds it: <dir>/twelve-factor.sqlite (the plugin's migrated database,
 * seeded) and <dir>/catalog.yaml (the matching catalog). For the browser
 * test of the fleet view.
 * Run: node -r @backstage/cli/config/nodeTransform.cjs plugins/twelve-factor-backend/bench/seedFleetDb.ts <dir> [services]
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import knexFactory from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import { seedFleet } from './seedFleet';

async function main() {
  const [dir, services = '5000'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: seedFleetDb.ts <dir> [services]');
  fs.mkdirSync(dir, { recursive: true });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'twelve-factor.sqlite') },
    useNullAsDefault: true,
  });
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@internal/plugin-twelve-factor-backend',
      'migrations',
    ),
    tableName: 'twelve_factor_knex_migrations',
  });
  const started = Date.now();
  const fleet = await seedFleet(knex, {
    services: Number(services),
    days: 90,
    now: Date.now(),
  });
  await knex.destroy();
  fs.writeFileSync(path.join(dir, 'catalog.yaml'), fleet.catalogYaml);
  console.log(
    JSON.stringify({
      services: fleet.services,
      scans: fleet.scans,
      departments: fleet.departments,
      owners: fleet.owners,
      ms: Date.now() - started,
    }),
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
