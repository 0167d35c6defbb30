/** Bounds on what a scan reads from a repository. @public */
export interface RepoLimits {
  /** Files larger than this are listed but not read. */
  maxFileBytes: number;
  /** Reading stops after this many files; the rest are reported. */
  maxFiles: number;
  /** Folder names never descended into. */
  skipDirs: ReadonlyArray<string>;
}

/** Defaults sized for service repositories. @public */
export const DEFAULT_REPO_LIMITS: RepoLimits = {
  maxFileBytes: 1024 * 1024,
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

/** Whether a buffer looks binary: a NUL byte in its first 8 KiB, as git decides. @public */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}
