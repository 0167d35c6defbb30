/**
 * Files a kustomization names besides resources (patches, `configurations`,
 * replacement files): resolved against its folder and held to kustomize's
 * load restriction (in or below that folder).
 */
import type { RenderContext } from './context';
import type { Kustomization } from './kustfile';
import { isWithin, joinRepoPath } from './paths';

/** The repository path of a file the kustomization names, or undefined after reporting why not. */
export function resolveRefFile(
  ctx: RenderContext,
  k: Kustomization,
  ref: string,
  what: string,
): string | undefined {
  const full = joinRepoPath(k.dir, ref);
  if (full === undefined) {
    ctx.report('error', `${what} '${ref}' is outside the repository`, k.path);
    return undefined;
  }
  if (!isWithin(full, k.dir)) {
    ctx.report(
      'error',
      `${what} '${ref}' is not in or below '${
        k.dir || '.'
      }' (kustomize load restriction)`,
      k.path,
    );
    return undefined;
  }
  if (ctx.snapshot.read(full) === undefined) {
    const skipped = ctx.snapshot.file(full)?.skipped;
    ctx.report(
      'error',
      skipped
        ? `${what} '${ref}' was not read (${skipped})`
        : `${what} '${ref}' not found`,
      k.path,
    );
    return undefined;
  }
  return full;
}
