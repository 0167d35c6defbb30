/** Bounds on what a scan reads from a repository. @public */
export interface RepoLimits {
  /** Files larger than this are listed but not read (manifests excepted). */
  maxFileBytes: number;
  /**
   * The same bound for manifests (YAML and JSON files, kustomization files):
   * rendered install bundles and CRDs are often several MB, and a render
   * without them is wrong, not merely smaller.
   */
  maxManifestBytes: number;
  /** Reading stops after this many files; the rest are reported. */
  maxFiles: number;
  /** Folder names never descended into. */
  skipDirs: ReadonlyArray<string>;
}

/** Defaults sized for service repositories. @public */
export const DEFAULT_REPO_LIMITS: RepoLimits = {
  maxFileBytes: 1024 * 1024,
  maxManifestBytes: 8 * 1024 * 1024,
  maxFiles: 20_000,
  skipDirs: [
    '.git',
    'node_modules',
    'vendor',
    '.venv',
    'venv',
    '__pycache__',
    'dist',
    'build',
    'target',
    '.terraform',
  ],
};

/**
 * Folders that usually hold build output (`build/`, `target/`, `dist/`):
 * their code is not read, but deploy material kept there is
 * (`build/Dockerfile`, Go's `build/package/Dockerfile`, manifests, scripts).
 */
export const OUTPUT_DIRS: ReadonlySet<string> = new Set([
  'build',
  'target',
  'dist',
]);

/** Whether a file under an output folder is deploy material, read all the same. */
export function isDeployMaterial(path: string): boolean {
  return /(^|\/)(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.(ya?ml|sh)$|(^|\/)Kustomization$/.test(
    path,
  );
}

const MANIFEST = /(\.ya?ml|\.json|(^|\/)Kustomization)$/i;

/** The size limit for a file: manifests have their own. @public */
export function maxBytesFor(path: string, limits: RepoLimits): number {
  return MANIFEST.test(path) ? limits.maxManifestBytes : limits.maxFileBytes;
}

/** Whether a buffer looks binary: a NUL byte in its first 8 KiB, as git decides. @public */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
