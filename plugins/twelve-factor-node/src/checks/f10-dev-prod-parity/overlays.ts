import type { DeployTarget } from '../../facts/manifests/types';
import { dirname } from '../../sources/RepoSnapshot';

/** Files a target renders from outside its own folder: its base(s). */
export function baseFiles(t: DeployTarget): Set<string> {
  const out = new Set<string>();
  const own = `${t.id}/`;
  for (const o of t.objects) {
    const path = 'path' in o.origin ? o.origin.path : undefined;
    if (path && !path.startsWith(own)) out.add(path);
  }
  return out;
}

/** The folder holding the files several targets share (`kubernetes/base`), if they share any. */
export function sharedBase(
  targets: ReadonlyArray<DeployTarget>,
): string | undefined {
  if (targets.length < 2) return undefined;
  const [first, ...rest] = targets.map(baseFiles);
  const shared = [...first].filter(f => rest.every(r => r.has(f)));
  if (shared.length === 0) return undefined;
  const dirs = shared.map(dirname);
  let common = dirs[0].split('/');
  for (const d of dirs.slice(1)) {
    const parts = d.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}

/** A relative path from one repository folder to another. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}
