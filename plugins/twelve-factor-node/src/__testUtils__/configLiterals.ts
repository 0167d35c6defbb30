import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { builtInExtractors } from '../facts';
import { configLiteralsExtractor } from '../facts/configLiterals';
import { loadClusterDump } from '../kube/dump';
import type { ClusterData } from '../kube/types';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { REPO_ROOT, serviceEntity, snapshotOf } from '.';

/**
 * The default engine plus the config-literals fact while facts/index.ts does
 * not register it yet (afterwards this is the default engine).
 */
export function engineWithConfigLiterals() {
  const registered = builtInExtractors.some(
    e => e.ref.id === configLiteralsExtractor.ref.id,
  );
  return createTwelveFactorEngine(
    registered ? {} : { customExtractors: [configLiteralsExtractor] },
  );
}

/** Like evaluateCheck, on the engine above. */
export async function evaluateCheckWithConfig(
  files: Record<string, string> | undefined,
  checkId: string,
  options: { clusters?: ClusterData[]; entity?: Entity } = {},
) {
  const card = await engineWithConfigLiterals().evaluate({
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

/**
 * kube/dump.ts skips a `List` whose metadata has no name (as `kubectl get -o yaml`
 * prints it); until that is fixed, hand it the items as a stream.
 */
function asStream(text: string): string {
  const doc = parse(text, { maxAliasCount: 10_000 });
  return doc?.kind === 'List' && Array.isArray(doc.items)
    ? doc.items.map((i: unknown) => stringify(i)).join('---\n')
    : text;
}

const cards = new Map<
  string,
  Promise<{
    card: Awaited<
      ReturnType<ReturnType<typeof createTwelveFactorEngine>['evaluate']>
    >;
    expected: Record<string, string>;
  }>
>();

/** Scores one of examples/<name> (repo and, when present, cluster.yaml) once per test run. */
export function scoreExample(name: string) {
  if (!cards.has(name)) {
    cards.set(
      name,
      (async () => {
        const dir = path.join(REPO_ROOT, 'examples', name);
        const { snapshot } = await loadLocalRepo(path.join(dir, 'repo'));
        const entity = parse(
          fs.readFileSync(path.join(dir, 'repo/catalog-info.yaml'), 'utf8'),
        );
        const clusterFile = path.join(dir, 'cluster.yaml');
        const clusters = fs.existsSync(clusterFile)
          ? [
              loadClusterDump(
                `${name}-cluster`,
                asStream(fs.readFileSync(clusterFile, 'utf8')),
              ).cluster,
            ]
          : undefined;
        const card = await engineWithConfigLiterals().evaluate(
          { entity, repo: snapshot, ...(clusters ? { clusters } : {}) },
          { now: new Date('2026-11-26T00:00:00Z') },
        );
        const expected = parse(
          fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8'),
        ).verdicts;
        return { card, expected };
      })(),
    );
  }
  return cards.get(name)!;
}
