/*
 * The CI of a monorepo member. The repository's pipelines are shared, but a
 * workflow that only runs for another service's folder (its `paths:`
 * filters), or a step that works only in another service's folder (its
 * build context, Dockerfile, working directory or command names that folder
 * and not the entity's), is that service's and not the entity's. What is left
 * is read as the entity's pipeline: its builds, tests, scanners and deploys.
 */
import type { RepoScope } from '../../sources/scope';
import { deriveSignals } from '../ci/signals';
import type { CiFact, CiStep } from '../ci/types';
import { inFolders, mentionsFolder, patternFolder } from './paths';

/** Whether a workflow's path filters all point into other services' folders. */
function onlyOtherServices(
  paths: ReadonlyArray<string> | undefined,
  scope: RepoScope,
): boolean {
  if (!paths?.length || scope.otherServices.length === 0) return false;
  return paths.every(p => inFolders(patternFolder(p), scope.otherServices));
}

/** The texts of a step that may name folders. */
function stepTexts(step: CiStep): string[] {
  const texts = [step.run ?? '', step.workingDirectory ?? ''];
  for (const v of Object.values(step.with ?? {})) texts.push(v);
  return texts.filter(Boolean);
}

/** Whether a step works in another service's folder only. */
export function isOtherServicesStep(step: CiStep, scope: RepoScope): boolean {
  if (scope.otherServices.length === 0) return false;
  const texts = stepTexts(step);
  const names = (folder: string) => texts.some(t => mentionsFolder(t, folder));
  return scope.otherServices.some(names) && !names(scope.codeRoot);
}

/** The entity's share of the repository's CI. */
export function scopeCiFact(fact: CiFact, scope: RepoScope): CiFact {
  const dropped = new Set(
    fact.files.filter(f => onlyOtherServices(f.paths, scope)).map(f => f.path),
  );
  const steps = fact.steps.filter(
    s => !dropped.has(s.path) && !isOtherServicesStep(s, scope),
  );
  if (dropped.size === 0 && steps.length === fact.steps.length) return fact;
  return {
    files: fact.files.filter(f => !dropped.has(f.path)),
    steps,
    ...deriveSignals(steps),
  };
}
