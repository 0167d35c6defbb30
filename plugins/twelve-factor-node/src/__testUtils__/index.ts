import type { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { RepoSnapshot } from '../sources/RepoSnapshot';

/** A snapshot from inline files. */
export function snapshotOf(files: Record<string, string>): RepoSnapshot {
  return new RepoSnapshot(Object.entries(files).map(([p, text]) => ({ path: p, size: text.length, text })));
}

/** A service Component entity. */
export function serviceEntity(name = 'svc'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:team' },
  };
}

/** The repository root of this monorepo, for the examples. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Runs the default engine on inline files and returns one check's result. */
export async function evaluateCheck(files: Record<string, string>, checkId: string) {
  const engine = createTwelveFactorEngine();
  const card = await engine.evaluate({ entity: serviceEntity(), repo: snapshotOf(files) });
  const result = card.results.find(r => r.checkId === checkId);
  if (!result) throw new Error(`no result for ${checkId}`);
  return { result, scorecard: card };
}
