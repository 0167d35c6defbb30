/*
 * Benchmarks of issue "Repository analysis":
 *  1. the CLI on the example fixture, from a cold process (wall time);
 *  2. in-process evaluation of 1,000 generated repositories of the fixture's
 *     size (files renamed per service so that no two are alike), on one core.
 * Run: yarn bench:repo   (from the repository root)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { loadClusterDump } from '../src/kube/dump';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { RepoSnapshot } from '../src/sources/RepoSnapshot';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'examples/auto-builder-cms');
const CLI = path.join(ROOT, 'plugins/twelve-factor-node/bin/twelve-factor');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cliCold(runs: number) {
  const args = [CLI, 'score', '--repo', path.join(FIXTURE, 'repo'), '--cluster-dump', path.join(FIXTURE, 'cluster.yaml')];
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
    execFileSync('yarn', ['twelve-factor', 'score', '--repo', path.join(FIXTURE, 'repo'), '--cluster-dump', path.join(FIXTURE, 'cluster.yaml')], { cwd: ROOT, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - t) / 1e6;
  } catch {
    return undefined;
  }
}

/** A copy of the fixture renamed for service i: same size and shape, different names, hosts and versions. */
function generate(base: RepoSnapshot, i: number): RepoSnapshot {
  return new RepoSnapshot(
    base.paths().map(p => {
      const f = base.file(p)!;
      const text = f.text?.replace(/cms/g, `svc${i}`).replace(/0\.115\.6/g, `0.${100 + (i % 50)}.0`).replace(/auto-builder/g, `team${i % 17}`);
      return { ...f, ...(text !== undefined ? { text, size: text.length } : {}) };
    }),
  );
}

async function main() {
  const cliRuns = cliCold(5);
  const viaYarn = yarnCold();

  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const dump = loadClusterDump('aks', fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8')).cluster;
  const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'x', namespace: 'default', annotations: { 'backstage.io/kubernetes-id': 'auto-builder-cms' } }, spec: { type: 'service' } };
  const engine = createTwelveFactorEngine();
  const N = 1000;
  const repos = Array.from({ length: N }, (_, i) => generate(snapshot, i));
  const bytes = snapshot.paths().reduce((n, p) => n + (snapshot.file(p)!.size ?? 0), 0);

  // Warm-up, as a long-running backend is.
  for (let i = 0; i < 20; i++) await engine.evaluate({ entity, repo: repos[i] });

  const t0 = process.hrtime.bigint();
  for (const repo of repos) await engine.evaluate({ entity, repo });
  const repoOnlyMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const t1 = process.hrtime.bigint();
  for (const repo of repos) await engine.evaluate({ entity, repo, clusters: [dump] });
  const withClusterMs = Number(process.hrtime.bigint() - t1) / 1e6;

  const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const lines = [
    `fixture: ${snapshot.size} files, ${Math.round(bytes / 1024)} KiB`,
    `CLI cold (node bin/twelve-factor score, fixture + dump): median ${median(cliRuns).toFixed(0)} ms, min ${Math.min(...cliRuns).toFixed(0)} ms, max ${Math.max(...cliRuns).toFixed(0)} ms over ${cliRuns.length} runs`,
    `CLI cold through yarn (yarn twelve-factor score …): ${viaYarn === undefined ? 'n/a' : `${viaYarn.toFixed(0)} ms`}`,
    `in-process, ${N} generated repositories, repo only: ${repoOnlyMs.toFixed(0)} ms = ${(N / (repoOnlyMs / 1000)).toFixed(0)} repos/s`,
    `in-process, ${N} generated repositories, repo + cluster dump: ${withClusterMs.toFixed(0)} ms = ${(N / (withClusterMs / 1000)).toFixed(0)} repos/s`,
    `peak RSS after the run: ${rss} MiB`,
  ];
  console.log(lines.join('\n'));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
