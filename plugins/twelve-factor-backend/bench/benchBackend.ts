/*
 * What the API benchmarks share: a fresh plugin database on SQLite or
 * PostgreSQL 15 (with a knex of its own for seeding and measuring), the
 * benchmark backend (overviewBackend.ts) in a process of its own, and
 * latency percentiles.
 */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';

export const ROOT = path.resolve(__dirname, '../../..');
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseLabel(kind: DatabaseKind): string {
  return kind === 'sqlite' ? 'SQLite (better-sqlite3)' : 'PostgreSQL 15';
}

export async function freePort(): Promise<number> {
  return new Promise(resolve => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The value below which p percent of the sorted values lie. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function postgresConnection(): string {
  if (process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)
    return process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  const out = execFileSync(path.join(ROOT, 'scripts/postgres.sh'), ['start'], {
    encoding: 'utf8',
  });
  return /=(\S+)\s*$/.exec(out.trim())![1];
}

/** A fresh database for one benchmark run, as the backend and the seed see it. */
export interface BenchDatabase {
  kind: DatabaseKind;
  /** A directory of the run's own (SQLite files, catalog YAML). */
  dir: string;
  /** `backend.database` for the backend. */
  config: object;
  /** A connection to the plugin's own database. */
  pluginKnex(): Knex;
  /** The plugin's tables, before the backend starts (its own migrations then find them done). */
  migrate(): Promise<void>;
  /** Drops what the run created (PostgreSQL databases; the SQLite directory). */
  drop(): Promise<void>;
}

export function benchDatabase(kind: DatabaseKind, name: string): BenchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tf-${name}-`));
  const migrationsOf = (knex: Knex) =>
    knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-twelve-factor-backend',
        'migrations',
      ),
      tableName: 'twelve_factor_knex_migrations',
    });
  if (kind === 'sqlite') {
    const file = path.join(dir, 'twelve-factor.sqlite');
    const pluginKnex = () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: file },
        useNullAsDefault: true,
      });
    return {
      kind,
      dir,
      config: { client: 'better-sqlite3', connection: { directory: dir } },
      pluginKnex,
      async migrate() {
        const knex = pluginKnex();
        await migrationsOf(knex);
        await knex.destroy();
      },
      async drop() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const connection = postgresConnection();
  const prefix = `tf_bench_${Date.now()}_`;
  const urlOf = (database: string) => {
    // The database name in the URL: pg lets a connection string win over a separate `database`.
    const url = new URL(connection);
    url.pathname = `/${encodeURIComponent(database)}`;
    return url.toString();
  };
  const pluginKnex = () =>
    knexFactory({ client: 'pg', connection: urlOf(`${prefix}twelve-factor`) });
  const admin = () =>
    knexFactory({ client: 'pg', connection: urlOf('postgres') });
  return {
    kind,
    dir,
    config: { client: 'pg', connection, prefix },
    pluginKnex,
    async migrate() {
      const db = admin();
      await db.raw('create database ??', [`${prefix}twelve-factor`]);
      await db.destroy();
      const knex = pluginKnex();
      await migrationsOf(knex);
      await knex.destroy();
    },
    async drop() {
      const db = admin();
      const { rows } = await db.raw(
        'select datname from pg_database where datname like ?',
        [`${prefix}%`],
      );
      for (const { datname } of rows)
        await db.raw('drop database if exists ?? with (force)', [datname]);
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchBackend {
  child: ChildProcess;
  port: number;
  base: string;
  /** Permission requests the backend made so far (it writes the count within 20 ms). */
  permissionRequests(): Promise<number>;
  /**
   * Waits until the backend is idle (under 5% of a CPU for two seconds in a
   * row, at most `maxMs`): the catalog goes on processing and stitching
   * after its entities can be read. Returns how long that took.
   */
  settled(maxMs?: number): Promise<number>;
  /** CPU time the backend used so far (user and system), in ms. */
  cpuMs(): number;
  /** The backend's resident memory, in MiB. */
  rssMiB(): number;
  /** Stops the backend and waits until it exited. */
  stop(): Promise<void>;
}

/**
 * Starts overviewBackend.ts with this configuration (merged into a
 * backend on `database`, static-token auth, the plugin's schedules held
 * back so that nothing scans or syncs during the load) and waits until it
 * answers. `owners`: the groups the permission policy lets read scorecards.
 */
export async function startBenchBackend(options: {
  database: BenchDatabase;
  owners: string[];
  /** More top-level configuration (a `catalog` section runs the catalog backend). */
  config?: Record<string, unknown>;
  /** More `twelveFactor` configuration. */
  twelveFactor?: Record<string, unknown>;
}): Promise<BenchBackend> {
  const { database, owners } = options;
  const port = await freePort();
  const countFile = path.join(database.dir, 'permission-requests');
  fs.writeFileSync(countFile, '0');
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      path.join(__dirname, 'overviewBackend.ts'),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TF_BENCH_COUNT_FILE: countFile,
        TF_BENCH_OWNERS: JSON.stringify(owners),
        TF_BENCH_CONFIG: JSON.stringify({
          backend: {
            baseUrl: `http://localhost:${port}`,
            listen: { port },
            database: database.config,
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: BENCH_TOKEN, subject: 'bench' },
                },
              ],
            },
          },
          twelveFactor: {
            catalogSync: { initialDelay: { hours: 1 } },
            schedule: { initialDelay: { hours: 1 } },
            ...options.twelveFactor,
          },
          ...options.config,
        }),
      },
    },
  );
  const cpuMs = () => {
    // utime and stime, in clock ticks (100 per second), after the command's parenthesis.
    const fields = fs
      .readFileSync(`/proc/${child.pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/twelve-factor/health`)).ok)
        break;
    } catch {
      // Not listening yet.
    }
    if (i > 600 || child.exitCode !== null)
      throw new Error('the benchmark backend did not start');
    await new Promise(r => setTimeout(r, 200));
  }
  return {
    child,
    port,
    base: `http://localhost:${port}`,
    permissionRequests: async () => {
      await new Promise(r => setTimeout(r, 100));
      return Number(fs.readFileSync(countFile, 'utf8'));
    },
    cpuMs,
    settled: async (maxMs = 180_000) => {
      const started = Date.now();
      let quiet = 0;
      let last = cpuMs();
      while (quiet < 2 && Date.now() - started < maxMs) {
        await new Promise(r => setTimeout(r, 1000));
        const now = cpuMs();
        quiet = now - last < 50 ? quiet + 1 : 0;
        last = now;
      }
      return Date.now() - started;
    },
    rssMiB: () =>
      Math.round(
        Number(
          /VmRSS:\s+(\d+)/.exec(
            fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'),
          )?.[1],
        ) / 1024,
      ),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The load average of the machine, for the figures' context. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
}
