import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { ciFilesFactRef } from '../ciFiles';
import { parsePipeline } from './parsePipelines';
import { deriveSignals } from './signals';
import type { CiFact, CiStep } from './types';
import { scopeOf } from '../../sources/scope';
import { scopeCiFact } from '../monorepo/ci';
import { withCloudDeployTargets } from './cloudDeploy';
import { withRepoCommands } from './repoCommands';
import { errorDetail, said } from '../../engine/diagnostic';

/** The repository's CI pipelines, parsed into steps and signals. @public */
export const ciFactRef = createFactRef<CiFact>({ id: 'repo.ci' });

/** @public */
export const ciExtractor: FactExtractor<CiFact> = {
  ref: ciFactRef,
  extract(ctx) {
    const { files } = ctx.facts.get(ciFilesFactRef);
    const steps: CiStep[] = [];
    const parsed: CiFact['files'] = [];
    for (const f of files) {
      try {
        const p = parsePipeline(f.path, f.system, f.text);
        steps.push(...p.steps);
        parsed.push({
          path: f.path,
          system: f.system,
          triggers: p.triggers,
          branches: p.branches,
          ...(p.paths ? { paths: p.paths } : {}),
        });
      } catch (e) {
        ctx.report({
          level: 'warning',
          source: 'ci',
          path: f.path,
          ...said('diagnostic.ci.unparsable', {
            system: f.system,
            ...errorDetail(e),
          }),
        });
        parsed.push({
          path: f.path,
          system: f.system,
          triggers: [],
          branches: [],
        });
      }
    }
    // `make <target>` and goreleaser runs: what they do is written in the repository's Makefile and .goreleaser.yaml.
    const repo = ctx.input.repo;
    const resolved = repo
      ? withRepoCommands(steps, path => repo.read(path))
      : steps;
    const fact = {
      files: parsed,
      steps: resolved,
      ...deriveSignals(resolved),
    };
    // A monorepo member: the workflows and steps of the other services are theirs.
    const scope = scopeOf(ctx.input);
    const own = scope ? scopeCiFact(fact, scope) : fact;
    // Cloud Deploy releases reach their delivery pipeline's targets: the pipeline's environments.
    return withCloudDeployTargets(
      own,
      ctx.input.repo,
      new Map(files.map(f => [f.path, f.text])),
    );
  },
};
