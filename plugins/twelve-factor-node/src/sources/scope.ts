/*
 * Monorepo members. An entity whose code lives in a folder of a larger
 * repository (its "code root", e.g. `src/cart`) is scored on that folder's
 * code and on the repository's shared material (deploy manifests, CI, compose
 * files at the root), never on the code of the other services beside it.
 *
 * The scope is computed from the paths alone; it reads no file. The engine
 * hands every fact extractor the service view (the repository without the
 * other services' folders) as `input.repo`, and the facts about code,
 * Dockerfiles and dependencies narrow it further to the code root. The one
 * exception is the Kustomize renderer: a shared tree that includes a base
 * kept in another service's folder is built with that base's YAML (and the
 * other service's objects then left out), as kustomize cannot build it
 * otherwise. No other file of another service's folder is read.
 */
import { said, type EngineDiagnostic } from '../engine/diagnostic';
import type { ScanInput } from '../engine/types';
import { basename, normalizePath, RepoSnapshot } from './RepoSnapshot';

/** How one scan sees a repository of which the entity is one member. @public */
export interface RepoScope {
  /** The entity's folder, e.g. `src/cart` (normalised, never empty). */
  codeRoot: string;
  /** Whether the repository holds the code root at all. */
  codeRootFound: boolean;
  /**
   * Folders of other services, never read: beside the code root or beside
   * one of its parent folders, holding source code, a Dockerfile, a
   * dependency manifest or a catalog file. Sorted.
   */
  otherServices: string[];
  /** The repository without the other services' folders. */
  service: RepoSnapshot;
  /**
   * The service view plus the other services' YAML files, for the Kustomize
   * renderer alone: a shared tree may include a base kept in a service's
   * folder, and cannot be built without it. Only what a kustomization
   * references is read; the objects are then scoped like any other.
   */
  manifests: RepoSnapshot;
  /** The files under the code root. */
  code: RepoSnapshot;
  /**
   * The code root plus the files directly in each of its parent folders
   * (the repository root's `go.mod`, `yarn.lock`, `.npmrc`, README…), where
   * a workspace declares and locks what its members use.
   */
  codeAndParents: RepoSnapshot;
}

/** Extensions of source code in any language: a folder holding such a file is code. */
const CODE_EXTENSIONS = new Set([
  'py',
  'js',
  'jsx',
  'ts',
  'tsx',
  'mjs',
  'cjs',
  'mts',
  'cts',
  'go',
  'java',
  'kt',
  'kts',
  'scala',
  'groovy',
  'cs',
  'fs',
  'vb',
  'rb',
  'php',
  'rs',
  'c',
  'cc',
  'cpp',
  'cxx',
  'h',
  'hpp',
  'swift',
  'dart',
  'ex',
  'exs',
  'erl',
  'clj',
  'lua',
  'pl',
]);

/** Files that make a folder a service (or library) of its own. */
const SERVICE_FILES = new Set([
  'package.json',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'pyproject.toml',
  'Pipfile',
  'setup.py',
  'Cargo.toml',
  'Gemfile',
  'composer.json',
  'mix.exs',
  'catalog-info.yaml',
  'catalog-info.yml',
]);

/**
 * What a file says about its folder: `build` for a Dockerfile, a dependency
 * manifest or a catalog file (a service's own), `code` for a source file,
 * nothing otherwise.
 */
function serviceMarker(path: string): 'build' | 'code' | undefined {
  const name = basename(path);
  if (SERVICE_FILES.has(name)) return 'build';
  if (/^requirements[\w.-]*\.txt$/i.test(name) || name.endsWith('.csproj'))
    return 'build';
  if (
    /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(name) ||
    /\.(Dockerfile|dockerfile|Containerfile)$/.test(name)
  )
    return 'build';
  const dot = name.lastIndexOf('.');
  return dot > 0 &&
    !name.endsWith('.d.ts') &&
    CODE_EXTENSIONS.has(name.slice(dot + 1))
    ? 'code'
    : undefined;
}

/** Files that make the folder directly holding them a deploy tree: a kustomization or a Helm chart. */
const DEPLOY_TREE_FILES = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
  'Chart.yaml',
]);

/** `a/b/c` → `['', 'a', 'a/b']`. */
function parentsOf(dir: string): string[] {
  const parts = dir.split('/');
  return parts.map((_p, i) => parts.slice(0, i).join('/'));
}

/** Whether a path is the folder or lies under it. */
export function isUnderFolder(path: string, dir: string): boolean {
  return (
    dir === '' ||
    path === dir ||
    (path.length > dir.length &&
      path.charCodeAt(dir.length) === 0x2f &&
      path.startsWith(dir))
  );
}

/**
 * A code root as written (`./src/cart/`, `src\cart`) in normal form, or
 * undefined for the repository root and for a path that leaves the
 * repository.
 */
export function normalizeCodeRoot(
  codeRoot: string | undefined,
): string | undefined {
  if (codeRoot === undefined) return undefined;
  const p = normalizePath(codeRoot.trim()).replace(/\/+$/, '');
  if (p === '' || p === '.') return undefined;
  if (p.split('/').some(s => s === '..' || s === '')) return undefined;
  return p;
}

/**
 * The folders of the other services of a repository, from its paths: the
 * folders beside the code root or beside one of its parent folders that hold
 * source code, a Dockerfile, a dependency manifest or a catalog file (dot
 * folders such as .github never do; a folder that is a Kustomize tree or a
 * Helm chart needs a Dockerfile, a dependency manifest or a catalog file, as
 * its source files are deploy helpers). Also whether any path lies under
 * the code root.
 * @public
 */
export function otherServiceFolders(
  paths: Iterable<string>,
  codeRoot: string,
): { folders: string[]; codeRootFound: boolean } {
  const parents = parentsOf(codeRoot);
  const deepestFirst = [...parents].reverse();
  // Folders beside the code root or beside a parent of it, and what they hold.
  const siblings = new Map<
    string,
    { build: boolean; code: boolean; deployTree: boolean }
  >();
  let codeRootFound = false;
  for (const path of paths) {
    if (isUnderFolder(path, codeRoot)) {
      codeRootFound = true;
      continue;
    }
    for (const parent of deepestFirst) {
      if (!isUnderFolder(path, parent)) continue;
      const rest = parent === '' ? path : path.slice(parent.length + 1);
      const slash = rest.indexOf('/');
      if (slash === -1) break; // a file directly in a parent folder: shared
      const segment = rest.slice(0, slash);
      // CI and tool folders (.github, .gitlab, .devcontainer…) are never a service of their own.
      if (segment.startsWith('.')) break;
      const folder = parent === '' ? segment : `${parent}/${segment}`;
      let seen = siblings.get(folder);
      if (!seen) {
        seen = { build: false, code: false, deployTree: false };
        siblings.set(folder, seen);
      }
      const marker = serviceMarker(path);
      if (marker === 'build') seen.build = true;
      else if (marker === 'code') seen.code = true;
      else if (
        path.length === folder.length + 1 + basename(path).length &&
        DEPLOY_TREE_FILES.has(basename(path))
      )
        seen.deployTree = true;
      break;
    }
  }
  return {
    // A Kustomize tree or a Helm chart is shared deploy configuration: its helper scripts make no service of it.
    folders: [...siblings]
      .filter(([, s]) => s.build || (s.code && !s.deployTree))
      .map(([folder]) => folder)
      .sort(),
    codeRootFound,
  };
}

/** YAML and `Kustomization` files: what a Kustomize tree can include from another folder. */
export function isManifestFile(path: string): boolean {
  return /\.ya?ml$/i.test(path) || basename(path) === 'Kustomization';
}

/** Whether a path lies in one of the folders. */
export function inOneOf(path: string, folders: ReadonlyArray<string>): boolean {
  return folders.some(f => isUnderFolder(path, f));
}

/** The scope of one repository for one code root, from its paths alone. */
export function scopeRepo(repo: RepoSnapshot, codeRoot: string): RepoScope {
  const { folders: otherServices, codeRootFound } = otherServiceFolders(
    repo.paths(),
    codeRoot,
  );
  const parentSet = new Set(parentsOf(codeRoot));
  return {
    codeRoot,
    codeRootFound,
    otherServices,
    service: repo.subset(p => !inOneOf(p, otherServices)),
    manifests: repo.subset(
      p => !inOneOf(p, otherServices) || isManifestFile(p),
    ),
    code: repo.subset(p => isUnderFolder(p, codeRoot)),
    codeAndParents: repo.subset(
      p => isUnderFolder(p, codeRoot) || parentSet.has(dirOf(p)),
    ),
  };
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

/** The scope of each scoped scan input (the input the engine hands its facts). */
const scopes = new WeakMap<ScanInput, RepoScope>();

/**
 * The input the facts see: for a monorepo member (`codeRoot` set and the
 * repository read), `repo` becomes the service view and the scope is kept
 * for scopeOf(). Other inputs are returned as they are.
 */
export function scopeScanInput(input: ScanInput): {
  input: ScanInput;
  scope?: RepoScope;
} {
  const codeRoot = normalizeCodeRoot(input.codeRoot);
  if (!codeRoot || !input.repo) return { input };
  const scope = scopeRepo(input.repo, codeRoot);
  const scoped: ScanInput = { ...input, repo: scope.service };
  scopes.set(scoped, scope);
  return { input: scoped, scope };
}

/** The scope of a scan, when the entity is a monorepo member. @public */
export function scopeOf(input: ScanInput): RepoScope | undefined {
  return scopes.get(input);
}

/** What a scan of a monorepo member tells the reader about its scope. */
export function scopeDiagnostics(scope: RepoScope): EngineDiagnostic[] {
  if (!scope.codeRootFound)
    return [
      {
        level: 'warning',
        source: 'repo',
        path: scope.codeRoot,
        ...said('diagnostic.repo.code-root-missing', {
          folder: scope.codeRoot,
        }),
      },
    ];
  const others = scope.otherServices;
  return [
    {
      level: 'info',
      source: 'repo',
      path: scope.codeRoot,
      ...(others.length
        ? said('diagnostic.repo.monorepo-member-others', {
            folder: scope.codeRoot,
            n: others.length,
            folders: `${others
              .slice(0, 5)
              .map(f => `${f}/`)
              .join(', ')}${others.length > 5 ? ', …' : ''}`,
          })
        : said('diagnostic.repo.monorepo-member', { folder: scope.codeRoot })),
    },
  ];
}
