/**
 * An in-memory view of a repository: every readable text file, plus the files
 * that were skipped and why. Loading happens once per scan (from a local
 * directory or a UrlReader tree); every fact extractor then works on this
 * snapshot synchronously, which keeps evaluation fast and free of I/O.
 */

/** Why a file's content is not available. @public */
export type SkipReason =
  | 'binary'
  | 'too-large'
  | 'symlink'
  | 'outside-tree'
  | 'limit'
  /** In the folder of another service of a monorepo: never read for this entity. */
  | 'other-service';

/** A file of a repository snapshot. @public */
export interface RepoFile {
  /** Path relative to the root, with forward slashes, no leading `./`. */
  path: string;
  size: number;
  /** Text content; absent when the file was skipped. */
  text?: string;
  skipped?: SkipReason;
}

/** An immutable set of files. @public */
export class RepoSnapshot {
  private readonly files: Map<string, RepoFile>;
  private lowerNames?: Map<string, string[]>;
  /** The files in find()'s order with their basenames, sorted once: extractors call find() many times per scan. */
  private sorted?: Array<{ file: RepoFile; name: string }>;

  /**
   * The files are kept as given when their paths are already normal (they
   * must not be changed afterwards); the others are copied with the path
   * normalised.
   */
  constructor(files: Iterable<RepoFile>) {
    this.files = new Map();
    for (const f of files) {
      const path = normalizePath(f.path);
      this.files.set(path, path === f.path ? f : { ...f, path });
    }
  }

  /**
   * The files whose path passes the test, as a snapshot of their own: the
   * same file objects, so that no content is copied (or read) to make it.
   */
  subset(keep: (path: string) => boolean): RepoSnapshot {
    const files: RepoFile[] = [];
    for (const [path, file] of this.files) if (keep(path)) files.push(file);
    return new RepoSnapshot(files);
  }

  /** All paths, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  get size(): number {
    return this.files.size;
  }

  has(path: string): boolean {
    return this.files.has(normalizePath(path));
  }

  file(path: string): RepoFile | undefined {
    return this.files.get(normalizePath(path));
  }

  /** The text of a file, or undefined when absent or skipped. */
  read(path: string): string | undefined {
    return this.files.get(normalizePath(path))?.text;
  }

  /** Files whose path matches the predicate, sorted by path. */
  find(predicate: (path: string, basename: string) => boolean): RepoFile[] {
    this.sorted ??= [...this.files.values()]
      .sort((a, b) => a.path.localeCompare(b.path, 'en'))
      .map(file => ({ file, name: basename(file.path) }));
    const out: RepoFile[] = [];
    for (const { file, name } of this.sorted) {
      if (predicate(file.path, name)) out.push(file);
    }
    return out;
  }

  /** Files with the given basename (case-insensitive), sorted by path. */
  byBasename(name: string): RepoFile[] {
    if (!this.lowerNames) {
      this.lowerNames = new Map();
      for (const p of this.files.keys()) {
        const b = basename(p).toLowerCase();
        const list = this.lowerNames.get(b) ?? [];
        list.push(p);
        this.lowerNames.set(b, list);
      }
    }
    return (this.lowerNames.get(name.toLowerCase()) ?? [])
      .sort()
      .map(p => this.files.get(p)!);
  }
}

/** Normalises a repository path: forward slashes, no leading `./` or `/`. @public */
export function normalizePath(path: string): string {
  // Most paths are already normal: spare them three regular expressions (this runs on every lookup).
  const c = path.charCodeAt(0);
  if (c !== 0x2e && c !== 0x2f && !path.includes('\\')) return path;
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/** The last segment of a path. @public */
export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? path : path.slice(i + 1);
}

/** The folder of a path ('' for the root). @public */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}
