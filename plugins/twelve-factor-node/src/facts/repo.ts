import { UnknownVerdictError } from '../engine/facts';
import { unknownBecause } from '../engine/unknownReason';
import type { ExtractionContext } from '../engine/types';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import { scopeOf } from '../sources/scope';

/**
 * The scan's repository, or an `unknown` verdict for every check that needs
 * it. For a monorepo member this is the service view: the repository without
 * the other services' folders.
 */
export function requireRepo(ctx: ExtractionContext): RepoSnapshot {
  if (!ctx.input.repo) {
    if (ctx.input.repoUnavailableReason)
      throw new UnknownVerdictError(
        ctx.input.repoUnavailableReason,
        ctx.input.repoUnavailableReasonMsg,
      );
    throw unknownBecause('unknown.repo-unreadable');
  }
  return ctx.input.repo;
}

/**
 * The entity's code: the repository, or for a monorepo member the files
 * under its code root only (with `parents`, also the files directly in the
 * code root's parent folders, where a workspace keeps its lock file).
 */
export function requireCodeRepo(
  ctx: ExtractionContext,
  options: { parents?: boolean } = {},
): RepoSnapshot {
  const repo = requireRepo(ctx);
  const scope = scopeOf(ctx.input);
  if (!scope) return repo;
  if (!scope.codeRootFound)
    throw unknownBecause('unknown.folder-not-in-repo', {
      folder: scope.codeRoot,
    });
  return options.parents ? scope.codeAndParents : scope.code;
}
