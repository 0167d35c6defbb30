import type { DeclaredDependency } from './types';
import { lineOf } from './lines';

/**
 * Whether an npm version spec names one version. Local protocols (workspace:,
 * file:, link:) are part of the repo and count as pinned; git URLs only with
 * a full commit hash.
 */
export function isNpmPinned(spec: string): boolean {
  let s = spec.trim();
  if (s.startsWith('npm:')) s = s.slice(s.lastIndexOf('@') + 1);
  if (/^(workspace|file|link|portal|patch):/.test(s)) return true;
  if (/^(git|git\+\w+|github|https?):|\//.test(s))
    return /#[0-9a-f]{40}$/.test(s);
  return /^[=v]?\d+\.\d+\.\d+(-[\w.]+)?(\+[\w.]+)?$/.test(s);
}

/** Parses package.json dependencies, devDependencies and optionalDependencies. */
export function parsePackageJson(text: string): DeclaredDependency[] {
  const doc = JSON.parse(text);
  const out: DeclaredDependency[] = [];
  const add = (
    deps: Record<string, string> | undefined,
    dev: boolean,
    key: string,
  ) => {
    const sectionStart = text.indexOf(`"${key}"`);
    for (const [name, spec] of Object.entries(deps ?? {})) {
      out.push({
        name,
        spec: String(spec),
        pinned: isNpmPinned(String(spec)),
        line: lineOf(text, `"${name}"`, Math.max(0, sectionStart)),
        dev,
      });
    }
  };
  add(doc.dependencies, false, 'dependencies');
  add(doc.optionalDependencies, false, 'optionalDependencies');
  add(doc.devDependencies, true, 'devDependencies');
  return out;
}
