/*
 * Generated repositories of the fixture's size for the benchmarks: the
 * fixture's files with the service name, team and versions changed per
 * index, so that no two repositories share their text.
 */
import path from 'node:path';
import { RepoFile, RepoSnapshot } from '../src/sources/RepoSnapshot';

/** The example service the generated repositories copy (its `repo/` and `cluster.yaml`). */
export const FIXTURE = path.resolve(
  __dirname,
  '../../../examples/auto-builder-cms',
);

/** The entity the benchmarks score: its kubernetes-id maps it to the fixture's cluster objects. */
export const BENCH_ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'x',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'auto-builder-cms' },
  },
  spec: { type: 'service' },
};

/** The files of generated repository `i`. */
export function generatedFiles(base: RepoSnapshot, i: number): RepoFile[] {
  return base.paths().map(p => {
    const f = base.file(p)!;
    const text = f.text
      ?.replace(/cms/g, `svc${i}`)
      .replace(/0\.115\.6/g, `0.${100 + (i % 50)}.0`)
      .replace(/auto-builder/g, `team${i % 17}`);
    return { ...f, ...(text !== undefined ? { text, size: text.length } : {}) };
  });
}

/** Generated repository `i` as a snapshot. */
export function generatedRepo(base: RepoSnapshot, i: number): RepoSnapshot {
  return new RepoSnapshot(generatedFiles(base, i));
}
