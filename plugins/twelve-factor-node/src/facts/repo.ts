import { UnknownVerdictError } from '../engine/facts';
import type { ExtractionContext } from '../engine/types';
import type { RepoSnapshot } from '../sources/RepoSnapshot';

/** The scan's repository, or an `unknown` verdict for every check that needs it. */
export function requireRepo(ctx: ExtractionContext): RepoSnapshot {
  if (!ctx.input.repo) {
    throw new UnknownVerdictError(
      ctx.input.repoUnavailableReason ??
        'The repository of this entity could not be read.',
    );
  }
  return ctx.input.repo;
}
