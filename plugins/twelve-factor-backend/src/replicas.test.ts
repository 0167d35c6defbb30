/*
 * Two replicas on one PostgreSQL (issue: ready to run in production): two
 * real backend processes (src/__testUtils__/replicaBackend.ts: the catalog
 * and this plugin on backend-defaults) share a fresh database, with a fleet
 * scan every 5 seconds. Each scan's "Scored <ref>" log line says which
 * process scanned which entity and when.
 *
 * PostgreSQL only, and it fails rather than skips without one: two processes
 * cannot share an in-memory SQLite, and a proof that silently vanishes is no
 * proof. scripts/test.sh always provides PostgreSQL 15.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import knexFactory, { Knex } from 'knex';

const PG = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const TOKEN = 'replica-test-static-token-0123456789';
const EXAMPLES = ['payments-api', 'storefront-web', 'legacy-reporting'];
/** Entities of the fleet; svc-00 reads slowly (2 s), the others in 300 ms. */
const N = 12;
const ref = (i: number) =>
  `component:default/svc-${String(i).padStart(2, '0')}`;
const ALL = Array.from({ length: N }, (_, i) => ref(i));
const SLOW = ref(0);

jest.setTimeout(300_000);

interface Line {
  at: number;
  replica: string;
  message: string;
}

const lines: Line[] = [];
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls until `find` returns something, or fails saying what it waited for. */
async function until<T>(
  what: string,
  find: () => T | undefined,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

class Replica {
  readonly proc: ChildProcess;
  readonly stderr: string[] = [];
  exitCode: number | null | undefined;

  constructor(
    readonly name: string,
    readonly port: number,
    configFile: string,
  ) {
    this.proc = spawn(
      process.execPath,
      [
        '-r',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(__dirname, '__testUtils__/replicaBackend.ts'),
        '--config',
        configFile,
      ],
      {
        cwd: path.resolve(__dirname, '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
        // Not 'test': backend-defaults only runs the scheduler's janitor
        // (which frees the task of a replica that died) outside tests.
        // Production also makes the logs JSON lines.
        env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info' },
      },
    );
    readline.createInterface({ input: this.proc.stdout! }).on('line', raw => {
      let message = raw;
      try {
        message = JSON.parse(raw).message ?? raw;
      } catch {
        // Not a log line.
      }
      lines.push({ at: Date.now(), replica: name, message: String(message) });
    });
    readline
      .createInterface({ input: this.proc.stderr! })
      .on('line', l => this.stderr.push(l));
    this.proc.on('exit', code => {
      this.exitCode = code;
    });
  }

  url(p: string) {
    return `http://127.0.0.1:${this.port}/api/twelve-factor${p}`;
  }

  async ready(timeoutMs: number) {
    await until(
      `${this.name} to serve /health`,
      () => {
        if (this.exitCode !== undefined)
          throw new Error(
            `${this.name} exited with ${this.exitCode}:\n${this.stderr
              .slice(-30)
              .join('\n')}`,
          );
        return this.healthy ? true : undefined;
      },
      timeoutMs,
    );
  }

  private healthy = false;
  async pollHealth() {
    while (!this.healthy && this.exitCode === undefined) {
      try {
        this.healthy = (await fetch(this.url('/health'))).ok;
      } catch {
        // Not listening yet.
      }
      await sleep(250);
    }
  }

  refresh(entity: string) {
    const [kind, rest] = entity.split(':');
    const [ns, name] = rest.split('/');
    return fetch(this.url(`/scorecards/${kind}/${ns}/${name}/refresh`), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  }

  async stop() {
    if (this.exitCode !== undefined) return;
    this.proc.kill('SIGTERM');
    const deadline = Date.now() + 15_000;
    while (this.exitCode === undefined && Date.now() < deadline)
      await sleep(100);
    if (this.exitCode === undefined) this.proc.kill('SIGKILL');
  }
}

/** A fleet scan as the logs tell it. */
interface Run {
  replica: string;
  /** Index of its start line in `lines`. */
  startIndex: number;
  start: number;
  entities: number;
  end?: number;
  endMessage?: string;
}

function runs(): Run[] {
  const out: Run[] = [];
  lines.forEach((l, i) => {
    const started = /^Fleet scan of (\d+) entities started$/.exec(l.message);
    if (started) {
      out.push({
        replica: l.replica,
        startIndex: i,
        start: l.at,
        entities: Number(started[1]),
      });
      return;
    }
    if (/^Fleet scan: /.test(l.message)) {
      const open = [...out]
        .reverse()
        .find(r => r.replica === l.replica && r.end === undefined);
      if (open) {
        open.end = l.at;
        open.endMessage = l.message;
      }
    }
  });
  return out;
}

/** Scans as the logs tell them: who scanned which entity, started and ended when. */
function scans(from = 0, to = lines.length) {
  const out: Array<{
    replica: string;
    entity: string;
    start: number;
    end: number;
  }> = [];
  for (const l of lines.slice(from, to)) {
    const m = /^Scored (\S+): overall \S+ in (\d+) ms$/.exec(l.message);
    if (m)
      out.push({
        replica: l.replica,
        entity: m[1],
        start: l.at - Number(m[2]),
        end: l.at,
      });
  }
  return out;
}

const counts = (refs: string[]) =>
  refs.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }),
    {},
  );
const once = Object.fromEntries(ALL.map(r => [r, 1]));

describe('two replicas on one PostgreSQL', () => {
  const prefix = `tf_replicas_${Date.now()}_`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-replicas-'));
  const replicas: Replica[] = [];
  let db: Knex | undefined;

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await db?.destroy();
    if (PG) {
      const admin = knexFactory({ client: 'pg', connection: PG });
      const names = await admin('pg_database')
        .where('datname', 'like', `${prefix}%`)
        .pluck('datname');
      for (const name of names)
        await admin.raw('drop database ?? with (force)', [name]);
      await admin.destroy();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('scan each entity once per interval, share on-demand scans, and lose nothing when one dies mid-scan', async () => {
    if (!PG)
      throw new Error(
        'This test needs PostgreSQL 15: eval "$(scripts/postgres.sh start)" sets BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      );
    const catalogFile = path.join(dir, 'catalog.yaml');
    fs.writeFileSync(
      catalogFile,
      ALL.map((r, i) =>
        JSON.stringify({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: r.split('/')[1],
            annotations: {
              'backstage.io/source-location': `url:https://scm.test/${
                i === 0 ? 2000 : 300
              }/${EXAMPLES[i % EXAMPLES.length]}/`,
            },
          },
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        }),
      ).join('\n---\n'),
    );
    const ports = [await freePort(), await freePort()];
    const config = (port: number) => ({
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'pg', connection: PG, prefix },
        auth: {
          externalAccess: [
            { type: 'static', options: { token: TOKEN, subject: 'replicas' } },
          ],
        },
      },
      catalog: {
        rules: [{ allow: ['Component'] }],
        locations: [{ type: 'file', target: catalogFile }],
      },
      twelveFactor: {
        schedule: {
          frequency: { seconds: 5 },
          // A dead replica's fleet scan is given up after this (and the
          // scheduler's janitor, once a minute); well above a scan's 3 s.
          timeout: { seconds: 15 },
          initialDelay: { seconds: 2 },
        },
        // Its own task queues never-scanned services; here only fleet scans and refreshes scan.
        catalogSync: { initialDelay: { hours: 1 }, frequency: { hours: 1 } },
        scanLease: { ttl: { seconds: 6 } },
      },
    });
    const configFiles = ports.map((port, i) => {
      const file = path.join(dir, `app-config.${i}.json`);
      fs.writeFileSync(file, JSON.stringify(config(port)));
      return file;
    });

    // The first replica creates the databases and runs the migrations; the
    // second starts once it serves: the catalog's migrations fail a replica
    // starting at the same instant on an empty database about two times in
    // three (see the README; this plugin serialises its own).
    const started = Date.now();
    const a = new Replica('a', ports[0], configFiles[0]);
    replicas.push(a);
    void a.pollHealth();
    await a.ready(120_000);
    const b = new Replica('b', ports[1], configFiles[1]);
    replicas.push(b);
    void b.pollHealth();
    await b.ready(120_000);
    const bothUp = Date.now();

    // 1. Several intervals: each fleet scan covers every entity, once, and
    // no other scan happens in its interval; scans never overlap.
    const afterStart = lines.length;
    const complete = () =>
      runs().filter(
        r =>
          r.startIndex >= afterStart && r.entities === N && r.end !== undefined,
      );
    await until(
      'four complete fleet scans with both replicas up',
      () => (complete().length >= 4 ? true : undefined),
      90_000,
    );
    const all = runs().filter(r => r.startIndex >= afterStart);
    for (let i = 1; i < all.length; i++) {
      // The scheduler's lock: one fleet scan at a time across the replicas.
      expect(all[i - 1].end).toBeDefined();
      expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end!);
    }
    const observed = complete();
    const intervals = observed.map(run => {
      const next = all.find(r => r.start > run.start);
      const inInterval = scans(run.startIndex, next?.startIndex);
      expect(run.endMessage).toBe(
        `Fleet scan: ${N} entities scored, 0 failed, in ${
          /in (\d+) ms$/.exec(run.endMessage!)![1]
        } ms`,
      );
      expect(counts(inInterval.map(s => s.entity))).toEqual(once);
      expect(new Set(inInterval.map(s => s.replica))).toEqual(
        new Set([run.replica]),
      );
      return {
        replica: run.replica,
        scans: inInterval.length,
        durationMs: run.end! - run.start,
        intervalMs: next ? next.start - run.start : undefined,
      };
    });

    // 2. A refresh of the same entity on both replicas at once is one scan:
    // the second waits for the first and serves its result. Sent right
    // after a fleet scan ended, so that none is scanning the entity.
    const ended = runs().filter(r => r.end !== undefined).length;
    await until(
      'a fleet scan to end',
      () =>
        runs().filter(r => r.end !== undefined).length > ended
          ? true
          : undefined,
      30_000,
    );
    const mark = lines.length;
    const t0 = Date.now();
    const responses = await Promise.all([a.refresh(SLOW), b.refresh(SLOW)]);
    const t1 = Date.now();
    expect(responses.map(r => r.status)).toEqual([200, 200]);
    const cards = await Promise.all(responses.map(r => r.json()));
    expect(cards[0].entityRef).toBe(SLOW);
    expect(cards[1].generatedAt).toBe(cards[0].generatedAt);
    // Log lines may trail the HTTP answers a little.
    await sleep(500);
    const refreshScans = scans(mark).filter(
      s => s.entity === SLOW && s.start <= t1 && s.end >= t0 - 50,
    );
    expect(refreshScans).toHaveLength(1);
    const served = lines
      .slice(mark)
      .filter(l =>
        l.message.startsWith(
          `${SLOW} was scanned by another replica meanwhile`,
        ),
      );
    expect(served.length).toBeGreaterThanOrEqual(1);
    const refreshMs = t1 - t0;

    // 3. Kill the replica running a fleet scan once it has scored an entity.
    const beforeKill = lines.length;
    const victimRun = await until(
      'a fleet scan to start',
      () => runs().find(r => r.startIndex >= beforeKill && r.entities === N),
      30_000,
    );
    const victim = victimRun.replica === 'a' ? a : b;
    const survivor = victim === a ? b : a;
    await until(
      `${victim.name} to score its first entity of the fleet scan`,
      () =>
        scans(victimRun.startIndex).some(s => s.replica === victim.name)
          ? true
          : undefined,
      30_000,
    );
    victim.proc.kill('SIGKILL');
    const killedAt = Date.now();
    await until(
      `${victim.name} to exit`,
      () => (victim.exitCode !== undefined ? true : undefined),
      10_000,
    );
    const killIndex = lines.length;
    const scoredBeforeKill = scans(victimRun.startIndex, killIndex).filter(
      s => s.replica === victim.name,
    ).length;
    // Mid-scan: some entities scored, others not, and the scan never ended.
    expect(scoredBeforeKill).toBeGreaterThanOrEqual(1);
    expect(scoredBeforeKill).toBeLessThan(N);
    expect(runs().find(r => r.startIndex === victimRun.startIndex)?.end).toBe(
      undefined,
    );

    // The survivor's next fleet scan scans every entity.
    const recovery = await until(
      `${survivor.name} to run the next fleet scan to its end`,
      () =>
        runs().find(
          r =>
            r.startIndex >= killIndex &&
            r.replica === survivor.name &&
            r.end !== undefined,
        ),
      150_000,
    );
    expect(recovery.entities).toBe(N);
    expect(recovery.endMessage).toMatch(
      new RegExp(`^Fleet scan: ${N} entities scored, 0 failed`),
    );
    const recovered = scans(recovery.startIndex).filter(
      s => s.end <= recovery.end!,
    );
    expect(counts(recovered.map(s => s.entity))).toEqual(once);

    // 4. The history: one row per entity and result, never the same twice.
    const url = new URL(PG);
    url.pathname = `/${prefix}twelve-factor`;
    db = knexFactory({ client: 'pg', connection: url.toString() });
    const rows = await db('twelve_factor_scorecards')
      .orderBy('id')
      .select('entity_ref', 'generated_at', 'verdicts', 'summary');
    const byEntity = new Map<string, string[]>();
    for (const row of rows) {
      const results = byEntity.get(row.entity_ref) ?? [];
      results.push(`${row.verdicts} ${row.summary}`);
      byEntity.set(row.entity_ref, results);
    }
    expect([...byEntity.keys()].sort()).toEqual(ALL);
    for (const results of byEntity.values()) {
      // Consecutive rows differ: a scan that found the same result moved the row's time.
      for (let i = 1; i < results.length; i++)
        expect(results[i]).not.toBe(results[i - 1]);
    }
    const sameTime = await db('twelve_factor_scorecards')
      .select('entity_ref', 'generated_at')
      .count({ n: '*' })
      .groupBy('entity_ref', 'generated_at')
      .havingRaw('count(*) > 1');
    expect(sameTime).toEqual([]);

    // The figures, for whoever reads the run.
    console.log(
      JSON.stringify(
        {
          startupMs: bothUp - started,
          intervals,
          refresh: {
            scans: refreshScans.length,
            byReplica: refreshScans[0].replica,
            servedBy: served.map(l => l.replica),
            ms: refreshMs,
          },
          kill: {
            victim: victim.name,
            scoredBeforeKill,
            recoveryStartMs: recovery.start - killedAt,
            recoveryScanMs: recovery.end! - recovery.start,
          },
          historyRows: rows.length,
          totalMs: Date.now() - started,
        },
        null,
        1,
      ),
    );
  });
});
