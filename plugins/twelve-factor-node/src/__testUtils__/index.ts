import type { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { loadClusterDump } from '../kube/dump';
import type { ClusterData } from '../kube/types';
import { RepoSnapshot } from '../sources/RepoSnapshot';

/** A snapshot from inline files. */
export function snapshotOf(files: Record<string, string>): RepoSnapshot {
  return new RepoSnapshot(
    Object.entries(files).map(([p, text]) => ({
      path: p,
      size: text.length,
      text,
    })),
  );
}

/** A service Component entity, mapped to clusters by `backstage.io/kubernetes-id: <name>`. */
export function serviceEntity(name = 'svc'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:team' },
  };
}

/** A cluster from inline YAML (a List or a stream of objects), Secrets redacted as in production. */
export function clusterOf(name: string, yaml: string): ClusterData {
  return loadClusterDump(name, yaml).cluster;
}

/** The repository root of this monorepo, for the examples. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * Runs the default engine on inline files (and optional clusters) and returns
 * one check's result. Objects in clusters need the label
 * `backstage.io/kubernetes-id: svc` to belong to the default entity.
 */
export async function evaluateCheck(
  files: Record<string, string> | undefined,
  checkId: string,
  options: { clusters?: ClusterData[]; entity?: Entity } = {},
) {
  const engine = createTwelveFactorEngine();
  const card = await engine.evaluate({
    entity: options.entity ?? serviceEntity(),
    ...(files
      ? { repo: snapshotOf(files) }
      : { repoUnavailableReason: 'no repository in this test' }),
    ...(options.clusters ? { clusters: options.clusters } : {}),
  });
  const result = card.results.find(r => r.checkId === checkId);
  if (!result) throw new Error(`no result for ${checkId}`);
  return { result, scorecard: card };
}
