/**
 * A Kustomize renderer faithful to `kubectl kustomize` (kustomize v5.5),
 * working on an in-memory repository snapshot, with no kubectl at run time.
 *
 * It never throws on bad input: malformed YAML, missing files, references
 * outside the repository, cycles and remote bases become diagnostics (remote
 * references are also listed in `skippedRemote`), and the render goes on
 * with what it can.
 */
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import {
  basename,
  dirname,
  normalizePath,
  RepoSnapshot,
} from '../sources/RepoSnapshot';
import { KUSTOMIZATION_FILE_NAMES } from './paths';
import { RenderContext } from './context';
import { build } from './render';
import { errorDetail } from '../engine/diagnostic';

export { findDeployTargets, findKustomizationDirs } from './discover';
export { toYamlStream } from './yaml';

/** A rendered object and where it came from. @public */
export interface RenderedObject {
  object: Record<string, any>;
  /** The file (and 1-based line of the document start) the object came from; for generated ConfigMaps/Secrets the kustomization file. */
  origin: { path: string; line?: number };
}

/** The result of rendering one kustomization. @public */
export interface KustomizeRender {
  dir: string;
  objects: RenderedObject[];
  diagnostics: Diagnostic[];
  /** Remote resources and components (URLs, git repositories) that were not fetched. */
  skippedRemote: string[];
}

/**
 * Renders the kustomization in `dir` (the folder holding kustomization.yaml,
 * kustomization.yml or Kustomization), like `kubectl kustomize dir`.
 * @public
 */
export function renderKustomization(
  snapshot: RepoSnapshot,
  dir: string,
): KustomizeRender {
  // Accept `.`/`./x/` spellings and a path to the kustomization file itself.
  let d = normalizePath(dir).replace(/\/+$/, '');
  if (d === '.') d = '';
  if (KUSTOMIZATION_FILE_NAMES.includes(basename(d))) d = dirname(d);
  const ctx = new RenderContext(snapshot);
  let objects: RenderedObject[] = [];
  try {
    objects = build(ctx, d).map(r => ({ object: r.obj, origin: r.origin }));
  } catch (e) {
    // A bug in the renderer must not take the caller down; say so instead.
    ctx.report(
      'error',
      'diagnostic.kustomize.renderer-failed',
      errorDetail(e),
      d || '.',
    );
  }
  return {
    dir: d,
    objects,
    diagnostics: ctx.diagnostics,
    skippedRemote: ctx.skippedRemote,
  };
}
