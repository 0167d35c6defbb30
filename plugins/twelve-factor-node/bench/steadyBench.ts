/*
 * One steady-state measurement for A/B runs and CPU profiles: WARM scans of
 * other generated repositories, then N timed scans (snapshots built inside the loop).
 * Run: WARM=1000 N=1000 taskset -c 0 node [--cpu-prof] plugins/twelve-factor-node/bin/bench steady
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { loadClusterDump } from '../src/kube/dump';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { RepoSnapshot } from '../src/sources/RepoSnapshot';
import { BENCH_ENTITY, FIXTURE, generatedFiles } from './generatedRepos';

(async () => {
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const clusters =
    process.env.DUMP === '1'
      ? [
          loadClusterDump(
            'aks',
            fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8'),
          ).cluster,
        ]
      : undefined;
  const entity = BENCH_ENTITY;
  const engine = createTwelveFactorEngine();
  const warm = Number(process.env.WARM ?? 1000);
  const n = Number(process.env.N ?? 1000);
  for (let i = 0; i < warm; i++)
    await engine.evaluate({
      entity,
      repo: new RepoSnapshot(generatedFiles(snapshot, 100_000 + i)),
      ...(clusters ? { clusters } : {}),
    });
  const files = Array.from({ length: n }, (_, i) =>
    generatedFiles(snapshot, i),
  );
  const t = process.hrtime.bigint();
  for (const f of files)
    await engine.evaluate({
      entity,
      repo: new RepoSnapshot(f),
      ...(clusters ? { clusters } : {}),
    });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(
    `ms/repo ${(ms / n).toFixed(2)} repos/s ${(n / (ms / 1000)).toFixed(0)}`,
  );
})();
