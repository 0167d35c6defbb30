/*
 * Benchmark of the fleet view (issue: "proven at 5,000 services"). For
 * SQLite and PostgreSQL 15: starts a real backend (backend-defaults, the
 * plugin, static-token auth) on a fresh database, seeds 5,000 services with
 * 90 days of history through the store's tables (bench/seedFleet.ts), then
 * loads the fleet API with autocannon at 20 concurrent clients. Prints:
 * - the database size and the bytes per stored scan;
 * - p50 and p95 of the first page unfiltered, an owner filter, a campaign
 *   for one check and the 90-day trend (target: p95 under 100 ms);
 * - the permission requests made per fleet page (conditional decisions on
 *   ownership, applied to every service in memory).
 * Run: yarn bench:overview   (BENCH_SERVICES, BENCH_DURATION, BENCH_DATABASES=sqlite,postgres)
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import {
  BENCH_TOKEN as TOKEN,
  benchDatabase,
  databaseLabel,
  percentile,
  startBenchBackend,
  type DatabaseKind,
} from './benchBackend';
import { seedFleet } from './seedFleet';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 5000);
const DAYS = 90;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(
  ',',
) as DatabaseKind[];

async function load(
  url: string,
): Promise<{ p50: number; p95: number; requests: number; errors: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: { authorization: `Bearer ${TOKEN}` },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests: latencies.length,
    errors: result.non2xx + result.errors,
  };
}

async function run(kind: DatabaseKind) {
  const database = benchDatabase(kind, 'overview');
  const dir = database.dir;
  let size: (db: Knex) => Promise<{ total: number; scans: number }>;
  if (kind === 'sqlite') {
    size = async db => {
      await db.raw('PRAGMA wal_checkpoint(TRUNCATE)');
      const total = fs
        .readdirSync(dir)
        .filter(f => f.startsWith('twelve-factor.sqlite'))
        .reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
      const [row] = await db.raw(
        "select sum(pgsize) as bytes from dbstat where name like 'twelve_factor_scorecards%' or name like 'sqlite_autoindex_twelve_factor_scorecards%'",
      );
      return { total, scans: Number(row.bytes) };
    };
  } else {
    size = async db => {
      const [t] = (
        await db.raw('select pg_database_size(current_database()) as bytes')
      ).rows;
      const [s] = (
        await db.raw(
          "select pg_total_relation_size('twelve_factor_scorecards') as bytes",
        )
      ).rows;
      return { total: Number(t.bytes), scans: Number(s.bytes) };
    };
  }
  const owners = Array.from(
    { length: 64 },
    (_, i) => `group:default/team-${String(i).padStart(2, '0')}`,
  );
  // No catalog here: the sync and the fleet scan must not run during the load.
  const backend = await startBenchBackend({ database, owners });
  const permissionRequests = backend.permissionRequests;

  // The backend ran the migrations; seed the plugin's own database.
  const db = database.pluginKnex();
  const now = Date.now();
  let t = Date.now();
  const seeded = await seedFleet(db, { services: SERVICES, days: DAYS, now });
  const seedMs = Date.now() - t;
  const { total, scans } = await size(db);

  const base = `${backend.base}/api/twelve-factor`;
  t = Date.now();
  const first = await fetch(`${base}/fleet?limit=100`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const firstBody = await first.json();
  const coldMs = Date.now() - t;
  if (first.status !== 200 || firstBody.total !== SERVICES)
    throw new Error(
      `first page: HTTP ${first.status}, total ${firstBody.total}`,
    );

  console.log(`\n== ${databaseLabel(kind)}`);
  console.log(
    `seeded ${seeded.services} services, ${
      seeded.scans
    } scans over ${DAYS} days in ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `database: ${(total / 1048576).toFixed(1)} MiB; scorecards table ${(
      scans / 1048576
    ).toFixed(1)} MiB = ${Math.round(
      scans / seeded.scans,
    )} bytes per stored scan (the latest of each service keeps its compressed scorecard, older scans their scores and verdicts)`,
  );
  console.log(`first request (loads the fleet index): ${coldMs} ms`);

  const scenarios: Array<[string, string]> = [
    ['first page, unfiltered', '/fleet?limit=100'],
    ['owner filter', '/fleet?owner=group:default/team-07&limit=100'],
    [
      'campaign for one check (with its 90-day count)',
      '/fleet/campaigns/f3-config.secrets',
    ],
    ['90-day trend', '/fleet/trend?days=90'],
  ];
  for (const [label, url] of scenarios) {
    // The first answer is computed; the load then measures answers reused until the fleet changes.
    const computeStarted = Date.now();
    const body = await (
      await fetch(`${base}${url}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).text();
    const computedMs = Date.now() - computeStarted;
    const r = await load(`${base}${url}`);
    console.log(
      `${label.padEnd(48)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95
        .toFixed(1)
        .padStart(6)} ms  (${r.requests} requests, ${r.errors} errors, ${(
        body.length / 1024
      ).toFixed(0)} kB each; first answer computed in ${computedMs} ms) ${
        r.p95 < 100 ? 'under' : 'OVER'
      } the 100 ms target`,
    );
  }
  // Counted on sequential pages once the load's last answers are out, so that no answer is in flight.
  await new Promise(r => setTimeout(r, 2000));
  const before = await permissionRequests();
  const pages = 20;
  for (let i = 0; i < pages; i++) {
    const res = await fetch(`${base}/fleet?limit=100&offset=${i * 100}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await res.json();
  }
  const asked = (await permissionRequests()) - before;
  console.log(
    `permission requests per fleet page: ${
      asked / pages
    } (${asked} for ${pages} pages of ${SERVICES} services)`,
  );
  console.log(`backend RSS after the load: ${backend.rssMiB()} MiB`);
  await db.destroy();
  await backend.stop();
  await database.drop();
}

async function main() {
  console.log(
    `fleet view benchmark: ${SERVICES} services, ${DAYS} days of history, ${CONNECTIONS} clients, ${DURATION} s per scenario`,
  );
  for (const kind of DATABASES) await run(kind);
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
