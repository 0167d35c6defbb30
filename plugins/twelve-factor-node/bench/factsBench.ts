/*
 * Micro-benchmark of the repository fact extractors alone (no checks, no
 * Kustomize): each fact's exclusive time per generated repository.
 * Run: taskset -c 1 node plugins/twelve-factor-node/bin/bench facts [rounds]
 * FACTS=repo.ci,repo.code limits the facts that are timed.
 */
import path from 'node:path';
import { FactStore } from '../src/engine/FactStore';
import type { FactExtractor } from '../src/engine/types';
import { builtInExtractors } from '../src/facts';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { FIXTURE, generatedRepo } from './generatedRepos';

const OWN = [
  'repo.config-literals',
  'repo.addresses',
  'repo.container-build',
  'repo.code',
  'repo.ci',
  'repo.local-dev',
  'repo.dependencies',
];

const now = () => Number(process.hrtime.bigint()) / 1e6;

(async () => {
  const rounds = Number(process.argv[3] ?? 5);
  const only = process.env.FACTS ? process.env.FACTS.split(',') : OWN;
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const extractors = new Map<string, FactExtractor<unknown>>(
    builtInExtractors.map(e => [e.ref.id, e]),
  );
  const times = new Map<string, number>();
  const stack: number[] = [];
  // Exclusive time: a fact's time minus that of the facts it reads.
  for (const [id, e] of extractors) {
    const inner = e.extract.bind(e);
    extractors.set(id, {
      ref: e.ref,
      extract: ctx => {
        stack.push(0);
        const t = now();
        try {
          return inner(ctx);
        } finally {
          const el = now() - t;
          const child = stack.pop()!;
          times.set(id, (times.get(id) ?? 0) + el - child);
          if (stack.length) stack[stack.length - 1] += el;
        }
      },
    });
  }
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x' },
  } as any;
  const repos = Array.from({ length: 300 }, (_, i) =>
    generatedRepo(snapshot, i),
  );
  // find() sorts once per snapshot: pay that outside the timed facts.
  for (const r of repos) r.find(() => false);
  const run = () => {
    for (const repo of repos) {
      const store = new FactStore(extractors, { entity, repo } as any, []);
      for (const id of only) store.tryGet({ id } as any);
    }
  };
  run();
  times.clear();
  for (let r = 0; r < rounds; r++) run();
  const n = repos.length * rounds;
  const rows = [...times]
    .filter(([id]) => only.includes(id))
    .sort((a, b) => b[1] - a[1]);
  for (const [id, t] of rows) console.log(`${(t / n).toFixed(3)} ${id}`);
  console.log(`${(rows.reduce((a, [, t]) => a + t, 0) / n).toFixed(3)} total`);
})();
