/*
 * Benchmarks of issue "Repository analysis":
 *  1. the CLI on the example fixture, from a cold process (wall time);
 *  2. in-process evaluation of 1,000 generated repositories of the fixture's
 *     size (files renamed per service so that no two are alike), in one
 *     thread, measured twice in a child process: free, and pinned to one CPU
 *     with taskset (then V8's GC and compiler threads share that CPU too).
 * Run: yarn bench:repo   (from the repository root)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { loadClusterDump } from '../src/kube/dump';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { RepoFile, RepoSnapshot } from '../src/sources/RepoSnapshot';
import { BENCH_ENTITY, FIXTURE, generatedFiles } from './generatedRepos';
import type { ClusterData } from '../src/kube/types';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'plugins/twelve-factor-node/bin/twelve-factor');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cliCold(runs: number) {
  const args = [
    CLI,
    'score',
    '--repo',
    path.join(FIXTURE, 'repo'),
    '--cluster-dump',
    path.join(FIXTURE, 'cluster.yaml'),
  ];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
  }
  return times;
}

function yarnCold(): number | undefined {
  try {
    const t = process.hrtime.bigint();
    execFileSync(
      'yarn',
      [
        'twelve-factor',
        'score',
        '--repo',
        path.join(FIXTURE, 'repo'),
        '--cluster-dump',
        path.join(FIXTURE, 'cluster.yaml'),
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
    return Number(process.hrtime.bigint() - t) / 1e6;
  } catch {
    return undefined;
  }
}

/** The in-process measurement, run in a child process so that it can be pinned to one CPU. */
async function inProcess(): Promise<void> {
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const dump = loadClusterDump(
    'aks',
    fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8'),
  ).cluster;
  const entity = BENCH_ENTITY;
  const engine = createTwelveFactorEngine();
  const N = 1000;
  // The files of each generated repository; its snapshot is built inside the timed loop, as the
  // backend builds one per scan and drops it afterwards (per-snapshot caches go with it).
  const repoFiles = Array.from({ length: N }, (_, i) =>
    generatedFiles(snapshot, i),
  );

  const run = async (files: RepoFile[][], clusters?: ClusterData[]) => {
    const t = process.hrtime.bigint();
    for (const f of files)
      await engine.evaluate({
        entity,
        repo: new RepoSnapshot(f),
        ...(clusters ? { clusters } : {}),
      });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  // A fresh process: a short warm-up, then the first 1,000 scans, while V8 still compiles the engine's hot code.
  await run(repoFiles.slice(0, 20));
  const firstRepoOnlyMs = await run(repoFiles);
  const firstWithClusterMs = await run(repoFiles, [dump]);
  // Steady state, as in a backend that has scored a fleet before: after scans of other generated
  // repositories, 1,000 more, none sharing a service name with those already scanned.
  const others = Array.from({ length: N }, (_, i) =>
    generatedFiles(snapshot, N + i),
  );
  await run(others);
  await run(others, [dump]);
  const steady = (from: number) =>
    Array.from({ length: N }, (_, i) => generatedFiles(snapshot, from + i));
  const repoOnlyMs = await run(steady(2 * N));
  const withClusterMs = await run(steady(3 * N), [dump]);
  const result = {
    firstRepoOnlyMs,
    firstWithClusterMs,
    repoOnlyMs,
    withClusterMs,
    n: N,
    rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs the in-process measurement in a child, optionally pinned to CPU 0 with taskset. */
function measure(pinned: boolean):
  | {
      firstRepoOnlyMs: number;
      firstWithClusterMs: number;
      repoOnlyMs: number;
      withClusterMs: number;
      n: number;
      rssMiB: number;
    }
  | undefined {
  const args = [
    ...process.execArgv,
    __filename.replace(/repoBench\.ts$/, '../bin/bench'),
    'repo',
    '--in-process',
  ];
  const cmd = pinned ? 'taskset' : process.execPath;
  const argv = pinned ? ['-c', '0', process.execPath, ...args] : args;
  const r = spawnSync(cmd, argv, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error || r.status !== 0) {
    if (pinned) return undefined; // no taskset on this machine
    throw new Error(`in-process benchmark failed: ${r.stderr || r.error}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function main() {
  if (process.argv.includes('--in-process')) {
    await inProcess();
    return;
  }
  const cliRuns = cliCold(5);
  const viaYarn = yarnCold();
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const bytes = snapshot
    .paths()
    .reduce((n, p) => n + (snapshot.file(p)!.size ?? 0), 0);
  const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
  const lines = [
    `fixture: ${snapshot.size} files, ${Math.round(bytes / 1024)} KiB`,
    `CLI cold (node bin/twelve-factor score, fixture + dump): median ${median(
      cliRuns,
    ).toFixed(0)} ms, min ${Math.min(...cliRuns).toFixed(0)} ms, max ${Math.max(
      ...cliRuns,
    ).toFixed(0)} ms over ${cliRuns.length} runs`,
    `CLI cold through yarn (yarn twelve-factor score …): ${
      viaYarn === undefined ? 'n/a' : `${viaYarn.toFixed(0)} ms`
    }`,
  ];
  for (const pinned of [false, true]) {
    const m = measure(pinned);
    const where = pinned
      ? 'one CPU (taskset -c 0: evaluation, GC and JIT threads share it)'
      : 'one thread (GC and JIT threads free to use other CPUs)';
    if (!m) {
      lines.push(`in-process on ${where}: n/a (taskset not available)`);
      continue;
    }
    lines.push(
      `in-process on ${where}, ${m.n} generated repositories:`,
      `  steady state (after 1,000 scans of other repositories): repo only ${m.repoOnlyMs.toFixed(
        0,
      )} ms = ${rate(
        m.n,
        m.repoOnlyMs,
      )} repos/s; repo + cluster dump ${m.withClusterMs.toFixed(0)} ms = ${rate(
        m.n,
        m.withClusterMs,
      )} repos/s`,
      `  first 1,000 scans of a fresh process (20-scan warm-up): repo only ${m.firstRepoOnlyMs.toFixed(
        0,
      )} ms = ${rate(
        m.n,
        m.firstRepoOnlyMs,
      )} repos/s; repo + cluster dump ${m.firstWithClusterMs.toFixed(
        0,
      )} ms = ${rate(m.n, m.firstWithClusterMs)} repos/s`,
      `  RSS after the run: ${m.rssMiB} MiB`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
