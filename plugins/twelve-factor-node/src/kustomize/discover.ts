/**
 * Finding kustomizations in a repository, and the ones worth rendering on
 * their own: those no other kustomization includes.
 */
import { dirname, RepoSnapshot } from '../sources/RepoSnapshot';
import { RenderContext } from './context';
import { loadKustomization } from './kustfile';
import { KUSTOMIZATION_FILE_NAMES, joinRepoPath } from './paths';

/**
 * Folders holding a kustomization file, sorted. A folder with several (which
 * kustomize refuses) is listed too, so that rendering it reports the problem.
 */
export function findKustomizationDirs(snapshot: RepoSnapshot): string[] {
  const names = new Set(KUSTOMIZATION_FILE_NAMES);
  const dirs = new Set<string>();
  for (const f of snapshot.find((_p, name) => names.has(name)))
    dirs.add(dirname(f.path));
  return [...dirs].sort();
}

/**
 * Kustomization folders that no other kustomization references as a
 * resource, base or component, sorted. Components themselves are fragments,
 * not deployable on their own, so they are never targets.
 */
export function findDeployTargets(snapshot: RepoSnapshot): string[] {
  const dirs = findKustomizationDirs(snapshot);
  const known = new Set(dirs);
  const referenced = new Set<string>();
  const components = new Set<string>();
  // Reading kustomizations here may report problems; renders report them again.
  const ctx = new RenderContext(snapshot);
  for (const dir of dirs) {
    const k = loadKustomization(ctx, dir);
    if (!k) continue;
    if (k.kind === 'Component') components.add(dir);
    for (const ref of [...k.resources, ...k.components]) {
      const full = joinRepoPath(dir, ref);
      if (full !== undefined && full !== dir && known.has(full))
        referenced.add(full);
    }
  }
  return dirs.filter(d => !referenced.has(d) && !components.has(d));
}
