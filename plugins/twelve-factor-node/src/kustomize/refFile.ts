/**
 * Files a kustomization names besides resources (patches, `configurations`,
 * replacement files): resolved against its folder and held to kustomize's
 * load restriction (in or below that folder).
 */
import type { RenderContext } from './context';
import type { Kustomization } from './kustfile';
import { isWithin, joinRepoPath } from './paths';

/** What a kustomization names a file for, as its diagnostics say it. */
export type RefFileKind =
  | 'configuration'
  | 'replacement'
  | 'patch'
  | 'generator';

/** The repository path of a file the kustomization names, or undefined after reporting why not. */
export function resolveRefFile(
  ctx: RenderContext,
  k: Kustomization,
  ref: string,
  kind: RefFileKind,
): string | undefined {
  const what = { id: `diagnostic.kustomize.file-kind.${kind}` };
  const full = joinRepoPath(k.dir, ref);
  if (full === undefined) {
    ctx.report(
      'error',
      'diagnostic.kustomize.file-outside',
      { what, ref },
      k.path,
    );
    return undefined;
  }
  if (!isWithin(full, k.dir)) {
    ctx.report(
      'error',
      'diagnostic.kustomize.file-restricted',
      { what, ref, dir: k.dir || '.' },
      k.path,
    );
    return undefined;
  }
  if (ctx.snapshot.read(full) === undefined) {
    const skipped = ctx.snapshot.file(full)?.skipped;
    ctx.report(
      'error',
      skipped
        ? 'diagnostic.kustomize.file-not-read'
        : 'diagnostic.kustomize.file-not-found',
      { what, ref, ...(skipped ? { reason: skipped } : {}) },
      k.path,
    );
    return undefined;
  }
  return full;
}
