/*
 * Where an evaluation's time goes: each fact extractor (without the facts it
 * asks for in turn) and each check (without the facts it triggers), in ms per
 * repository over 300 generated repositories of the fixture's size.
 * Run: [DUMP=1] [WARM=n] node plugins/twelve-factor-node/bin/bench attribution [count]
 * DUMP=1 scores each repository with the fixture's cluster dump; WARM scans come first, untimed.
 * Timing every call adds overhead; use it to compare, not as the throughput.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { FactStore } from '../src/engine/FactStore';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { RepoFile, RepoSnapshot } from '../src/sources/RepoSnapshot';
import { loadClusterDump } from '../src/kube/dump';
import { BENCH_ENTITY, FIXTURE, generatedFiles } from './generatedRepos';
import type { TwelveFactorCheck } from '../src/engine/types';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const times = new Map<string, number>();
/** Time spent in nested timed calls, per open call: subtracted so that each key gets its own time only. */
const nested: number[] = [];

function timed<T>(key: string, fn: () => T): T {
  nested.push(0);
  const start = now();
  try {
    return fn();
  } finally {
    const elapsed = now() - start;
    const inner = nested.pop()!;
    times.set(key, (times.get(key) ?? 0) + elapsed - inner);
    if (nested.length) nested[nested.length - 1] += elapsed;
  }
}

async function main() {
  const count = Number(process.argv[3] ?? 300);
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const entity = BENCH_ENTITY;
  const engine = createTwelveFactorEngine();
  const clusters =
    process.env.DUMP === '1'
      ? [
          loadClusterDump(
            'aks',
            fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8'),
          ).cluster,
        ]
      : undefined;
  const input = (files: RepoFile[]) => ({
    entity,
    repo: new RepoSnapshot(files),
    ...(clusters ? { clusters } : {}),
  });

  // Facts: only the call that computes one is timed; later reads are lookups.
  const get = FactStore.prototype.get;
  FactStore.prototype.get = function timedGet(this: FactStore, ref) {
    const computed = (
      this as unknown as { slots: Map<string, { done: boolean }> }
    ).slots.get(ref.id)?.done;
    return computed
      ? get.call(this, ref)
      : timed(`fact  ${ref.id}`, () => get.call(this, ref));
  } as typeof get;
  const checks = (
    engine as unknown as { implementations: Map<string, TwelveFactorCheck> }
  ).implementations;
  for (const [id, check] of checks) {
    const evaluate = check.evaluate.bind(check);
    checks.set(id, {
      ...check,
      evaluate: ctx => timed(`check ${id}`, () => evaluate(ctx)),
    });
  }

  const repos = Array.from({ length: count }, (_, i) =>
    generatedFiles(snapshot, i),
  );
  const warm = Number(process.env.WARM ?? 20);
  for (let i = 0; i < warm; i++)
    await engine.evaluate(input(generatedFiles(snapshot, 100_000 + i)));
  times.clear();
  const start = now();
  for (const files of repos) await engine.evaluate(input(files));
  const total = (now() - start) / count;

  const per = (ms: number) => (ms / count).toFixed(3).padStart(7);
  const sum = (prefix: string) =>
    [...times]
      .filter(([k]) => k.startsWith(prefix))
      .reduce((a, [, v]) => a + v, 0);
  console.log(
    `${total.toFixed(2)} ms per repository; facts ${per(
      sum('fact'),
    )} ms, checks ${per(
      sum('check'),
    )} ms, the rest (engine, scoring, snippets) ${(
      total -
      (sum('fact') + sum('check')) / count
    ).toFixed(3)} ms`,
  );
  for (const [key, ms] of [...times].sort((a, b) => b[1] - a[1]))
    console.log(`${per(ms)}  ${key}`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
