/** A language ecosystem whose dependency manifests the engine reads. @public */
export type Ecosystem =
  | 'python'
  | 'node'
  | 'go'
  | 'java'
  | 'dotnet'
  | 'rust'
  | 'ruby'
  | 'php';

/** One direct dependency as declared. @public */
export interface DeclaredDependency {
  name: string;
  /** The version constraint as written ('' when none). */
  spec: string;
  /** Whether the constraint names exactly one version. */
  pinned: boolean;
  /** 1-based line in the manifest, when known. */
  line?: number;
  /** Development-only dependency (devDependencies, dev-packages, test scope…). */
  dev?: boolean;
}

/** A parsed dependency manifest. @public */
export interface DependencyManifest {
  ecosystem: Ecosystem;
  path: string;
  dependencies: DeclaredDependency[];
}

/** Everything known about a repository's dependencies. @public */
export interface DependenciesFact {
  manifests: DependencyManifest[];
  /** Committed lock files, by path. */
  lockFiles: Array<{ ecosystem: Ecosystem; path: string }>;
  /** Committed files that configure a package index (pip.conf, .npmrc, …). */
  indexConfigs: Array<{ ecosystem: Ecosystem; path: string; urls: string[] }>;
}
