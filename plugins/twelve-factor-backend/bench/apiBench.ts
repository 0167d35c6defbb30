/*
 * Benchmark of the entity scorecard GET (issue "Ready to run in
 * production"). For SQLite and PostgreSQL 15: seeds 1,000 services with
 * their stored scorecards (bench/seedFleet.ts) and their catalog, starts a
 * real backend (backend-defaults with its compression, the catalog backend,
 * the plugin, static-token auth, a permission policy limiting scorecards
 * to their owners) in a process of its own, and loads
 * GET /api/twelve-factor/scorecards/:kind/:namespace/:name with autocannon
 * at 50 concurrent clients that ask for every service in turn, with the
 * Accept-Encoding of a browser:
 * - on the catalog path, as every read was before stored bodies (the fleet
 *   index not loaded yet);
 * - from stored bodies, after one read of each service, checking the
 *   answers first (the same JSON whatever the encoding, 304 on a matching
 *   ETag, 404 for an unknown entity);
 * - then GET /health at the same concurrency, as a reference for what the
 *   machine allows at the moment.
 * Prints p50, p95 and p99, errors and non-2xx answers, the backend's CPU
 * per request, the load average, and whether p95 is under the 20 ms target.
 * Run: yarn bench:api   (BENCH_SERVICES, BENCH_DURATION, BENCH_DATABASES=sqlite,postgres)
 */
import autocannon from 'autocannon';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  BENCH_TOKEN,
  benchDatabase,
  databaseLabel,
  loadAverage,
  percentile,
  startBenchBackend,
  type BenchBackend,
  type DatabaseKind,
} from './benchBackend';
import { seedFleet } from './seedFleet';

/*
 * autocannon 9 appends every response body to a string
 * (PipelinedRequestsQueue.addBody), which it only reads for its
 * expectBody/verifyBody options. For 25 kB brotli bodies that decoding was
 * 0.3 ms of the load generator's CPU per answer, more than the backend spent
 * on it: on a two-core machine the client, not the backend, set the
 * latency. The bench checks the answers itself (checkAnswers) and counts
 * bytes apart (addByteCount), so the bodies are dropped unread.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('autocannon/lib/pipelinedRequestsQueue').prototype.addBody = () => {};

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const DAYS = 90;
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = 50;
const TARGET_P95_MS = 20;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(
  ',',
) as DatabaseKind[];
/** What Chromium sends. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** As sent (compressed when the backend compressed it). */
  raw: Buffer;
  /** Decoded. */
  text: string;
}

/** One GET with exactly these headers, and the body as sent. */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(
        url,
        { headers: { authorization: `Bearer ${BENCH_TOKEN}`, ...headers } },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            const decoded =
              encoding === 'br'
                ? zlib.brotliDecompressSync(raw)
                : encoding === 'gzip'
                ? zlib.gunzipSync(raw)
                : raw;
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              raw,
              text: decoded.toString('utf8'),
            });
          });
        },
      )
      .on('error', reject);
  });
}

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** The answers a browser, a plain client and a revalidating client get are the same scorecard. */
async function checkAnswers(base: string, url: string): Promise<string> {
  const plain = await get(url, { 'accept-encoding': 'identity' });
  check(plain.status === 200, `plain GET: HTTP ${plain.status}`);
  const card = JSON.parse(plain.text);
  check(
    Array.isArray(card.results) && card.results.length > 0,
    'a scorecard with results',
  );
  const br = await get(url, { 'accept-encoding': BROWSER_ENCODINGS });
  check(br.status === 200, `browser GET: HTTP ${br.status}`);
  check(
    br.headers['content-encoding'] === 'br',
    `browser GET compressed with br, not ${br.headers['content-encoding']}`,
  );
  check(br.text === plain.text, 'browser GET: the same JSON as a plain GET');
  const gzip = await get(url, { 'accept-encoding': 'gzip' });
  check(
    gzip.headers['content-encoding'] === 'gzip' && gzip.text === plain.text,
    'gzip-only GET: gzip, the same JSON',
  );
  const etag = br.headers.etag;
  check(!!etag, 'an ETag');
  const again = await get(url, {
    'accept-encoding': BROWSER_ENCODINGS,
    'if-none-match': etag!,
  });
  check(again.status === 304, `If-None-Match: HTTP ${again.status}, not 304`);
  const unknown = await get(
    `${base}/api/twelve-factor/scorecards/component/default/no-such-service`,
    { 'accept-encoding': BROWSER_ENCODINGS },
  );
  check(unknown.status === 404, `unknown entity: HTTP ${unknown.status}`);
  return `${(plain.raw.length / 1024).toFixed(0)} kB of JSON, ${(
    br.raw.length / 1024
  ).toFixed(1)} kB with br, ${(gzip.raw.length / 1024).toFixed(
    1,
  )} kB with gzip`;
}

async function waitForCatalog(backend: BenchBackend): Promise<void> {
  for (let i = 0; ; i++) {
    const res = await fetch(
      `${backend.base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      { headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
    );
    if (res.ok && (await res.json()).totalItems >= SERVICES) return;
    if (i > 1500 || backend.child.exitCode !== null)
      throw new Error('the catalog did not ingest the fleet');
    await new Promise(r => setTimeout(r, 200));
  }
}

interface Measured {
  p95: number;
  met: boolean;
}

/** Loads these paths in turn at CONNECTIONS concurrent clients for DURATION seconds, and prints the figures. */
async function measure(
  backend: BenchBackend,
  label: string,
  paths: string[],
): Promise<Measured> {
  const loadBefore = loadAverage();
  const backendCpuBefore = backend.cpuMs();
  const ownCpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: backend.base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers: {
          authorization: `Bearer ${BENCH_TOKEN}`,
          accept: 'application/json',
          'accept-encoding': BROWSER_ENCODINGS,
        },
        requests: [
          {
            method: 'GET',
            setupRequest: req => ({
              ...req,
              path: paths[next++ % paths.length],
            }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  const backendCpu = backend.cpuMs() - backendCpuBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  latencies.sort((a, b) => a - b);
  const p95 = percentile(latencies, 95);
  const failures = result.errors + result.timeouts + result.non2xx;
  console.log(
    `${label}: ${CONNECTIONS} connections, ${DURATION} s, ${
      latencies.length
    } requests (${Math.round(latencies.length / DURATION)}/s, ${(
      result.throughput.total /
      latencies.length /
      1024
    ).toFixed(1)} kB each)`,
  );
  console.log(
    `  p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${p95.toFixed(
      1,
    )} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${latencies[
      latencies.length - 1
    ].toFixed(1)} ms; errors ${result.errors}, timeouts ${
      result.timeouts
    }, non-2xx ${result.non2xx}`,
  );
  console.log(
    `  backend CPU ${(backendCpu / latencies.length).toFixed(
      2,
    )} ms per request (${Math.round(
      backendCpu / (DURATION * 10),
    )}% of a core), autocannon ${Math.round(
      (ownCpu.user + ownCpu.system) / (DURATION * 10_000),
    )}% of a core; load average ${loadBefore} before, ${loadAverage()} after; backend RSS ${backend.rssMiB()} MiB`,
  );
  return { p95, met: p95 < TARGET_P95_MS && failures === 0 };
}

async function run(kind: DatabaseKind) {
  const database = benchDatabase(kind, 'api');
  let backend: BenchBackend | undefined;
  try {
    await database.migrate();
    const db = database.pluginKnex();
    let t = Date.now();
    const fleet = await seedFleet(db, {
      services: SERVICES,
      days: DAYS,
      now: Date.now(),
    });
    const stored = Number(
      (
        await db('twelve_factor_scorecards')
          .whereNotNull('body')
          .count({ n: '*' })
      )[0].n,
    );
    await db.destroy();
    const seedMs = Date.now() - t;
    const catalogFile = path.join(database.dir, 'catalog.yaml');
    fs.writeFileSync(catalogFile, fleet.catalogYaml);

    t = Date.now();
    backend = await startBenchBackend({
      database,
      owners: fleet.owners,
      config: {
        catalog: {
          rules: [
            { allow: ['Component', 'System', 'Domain', 'Group', 'Location'] },
          ],
          locations: [{ type: 'file', target: catalogFile }],
        },
      },
      // The seeded scorecards are hours old: reading them must not queue scans during the load.
      twelveFactor: { maxAge: { days: 1 } },
    });
    await waitForCatalog(backend);
    const startMs = Date.now() - t;
    const settleMs = await backend.settled();

    console.log(`\n== ${databaseLabel(kind)}`);
    console.log(
      `${stored} stored scorecards (${
        fleet.scans
      } scans over ${DAYS} days) seeded in ${(seedMs / 1000).toFixed(
        1,
      )} s; backend started and catalog ingested in ${(startMs / 1000).toFixed(
        1,
      )} s, idle ${(settleMs / 1000).toFixed(0)} s later`,
    );
    const paths = Array.from(
      { length: SERVICES },
      (_, i) =>
        `/api/twelve-factor/scorecards/component/default/svc-${String(
          i,
        ).padStart(4, '0')}`,
    );
    // Before the fleet index is loaded, every GET takes the catalog path:
    // the entity read from the catalog with the caller's credentials, the
    // scorecard decompressed, parsed, serialised and compressed again.
    const before = await measure(backend, 'catalog path (as before)', paths);

    // The catalog sync loads the fleet index 5 s after start; held back here, the fleet view loads it.
    const fleetPage = await fetch(
      `${backend.base}/api/twelve-factor/fleet?limit=1`,
      { headers: { authorization: `Bearer ${BENCH_TOKEN}` } },
    );
    check(fleetPage.ok, `fleet page: HTTP ${fleetPage.status}`);

    // Every service once, one at a time: the first read of each, which compresses its body.
    const first: number[] = [];
    const permissionsBefore = await backend.permissionRequests();
    for (const p of paths) {
      const started = performance.now();
      const res = await get(`${backend.base}${p}`, {
        'accept-encoding': BROWSER_ENCODINGS,
      });
      first.push(performance.now() - started);
      check(res.status === 200, `${p}: HTTP ${res.status} ${res.text}`);
    }
    const permissionsPerGet =
      ((await backend.permissionRequests()) - permissionsBefore) / paths.length;
    first.sort((a, b) => a - b);
    console.log(
      `answers checked (br = plain = gzip JSON, 304 on ETag, 404 unknown): ${await checkAnswers(
        backend.base,
        `${backend.base}${paths[0]}`,
      )}`,
    );
    console.log(
      `first read of each service, one client: p50 ${percentile(
        first,
        50,
      ).toFixed(1)} ms, p95 ${percentile(first, 95).toFixed(
        1,
      )} ms; ${permissionsPerGet} permission request per GET`,
    );

    const after = await measure(backend, 'stored bodies', paths);
    // The same load on the plugin's health route: what the machine and the
    // backend's middleware allow at this moment, whatever the route does.
    await measure(backend, 'reference: GET /health', [
      '/api/twelve-factor/health',
    ]);
    console.log(
      `target p95 < ${TARGET_P95_MS} ms with no errors: ${
        after.met ? 'MET' : 'NOT MET'
      } (p95 ${after.p95.toFixed(1)} ms; ${before.p95.toFixed(
        1,
      )} ms on the catalog path)`,
    );
  } finally {
    await backend?.stop();
    await database.drop();
  }
}

async function main() {
  console.log(
    `entity scorecard GET benchmark: ${SERVICES} services, ${CONNECTIONS} clients, ${DURATION} s; load average ${loadAverage()}`,
  );
  for (const kind of DATABASES) await run(kind);
  process.exit(0);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
