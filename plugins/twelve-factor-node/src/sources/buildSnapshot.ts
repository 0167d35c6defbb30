import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { normalizePath, RepoFile, RepoSnapshot } from './RepoSnapshot';
import { inOneOf, isManifestFile } from './scope';
import { errorDetail, said, type EngineDiagnostic } from '../engine/diagnostic';
import {
  DEFAULT_REPO_LIMITS,
  isDeployMaterial,
  looksBinary,
  maxBytesFor,
  OUTPUT_DIRS,
  RepoLimits,
} from './limits';

/** A file offered by a source (local directory, UrlReader tree). @public */
export interface SourceEntry {
  path: string;
  /** Size when known before reading; lets huge files be skipped unread. */
  size?: number;
  symlink?: boolean;
  content(): Promise<Buffer>;
}

/**
 * Applies the repository limits to a stream of files and builds the
 * snapshot: skipped folders, a path that escapes the tree, symlinks, the
 * file count, the size limit and binaries all become skipped entries and
 * diagnostics, never errors.
 * @public
 */
export async function buildSnapshot(
  entries: AsyncIterable<SourceEntry> | Iterable<SourceEntry>,
  limits: Partial<RepoLimits> = {},
  options: {
    /**
     * The folders of the other services of a monorepo (see
     * otherServiceFolders): their files are listed but never read (nor
     * counted against the limits), except YAML manifests, which a shared
     * Kustomize tree may include (see RepoScope.manifests).
     */
    otherServices?: ReadonlyArray<string>;
  } = {},
): Promise<{ snapshot: RepoSnapshot; diagnostics: Diagnostic[] }> {
  const lim = { ...DEFAULT_REPO_LIMITS, ...limits };
  const skipDirs = new Set(lim.skipDirs);
  const files: RepoFile[] = [];
  const diagnostics: EngineDiagnostic[] = [];
  let read = 0;
  let limitReported = false;
  for await (const entry of entries) {
    const path = normalizePath(entry.path);
    const segments = path.split('/');
    if (segments.some(s => s === '..') || path === '') {
      diagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.path-escapes'),
        path: entry.path,
      });
      continue;
    }
    const skippedBy = segments.slice(0, -1).filter(s => skipDirs.has(s));
    if (
      skippedBy.length &&
      !(skippedBy.every(s => OUTPUT_DIRS.has(s)) && isDeployMaterial(path))
    )
      continue;
    if (
      options.otherServices?.length &&
      inOneOf(path, options.otherServices) &&
      !isManifestFile(path)
    ) {
      files.push({ path, size: entry.size ?? 0, skipped: 'other-service' });
      continue;
    }
    if (entry.symlink) {
      // A symlink can point anywhere on the backend host; following it would
      // let a repository read files outside itself.
      files.push({ path, size: 0, skipped: 'symlink' });
      diagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.symlink'),
        path,
      });
      continue;
    }
    if (read >= lim.maxFiles) {
      if (!limitReported) {
        diagnostics.push({
          level: 'warning',
          source: 'repo',
          ...said('diagnostic.repo.file-limit', { limit: lim.maxFiles }),
        });
        limitReported = true;
      }
      files.push({ path, size: entry.size ?? 0, skipped: 'limit' });
      continue;
    }
    read++;
    const maxBytes = maxBytesFor(path, lim);
    if (entry.size !== undefined && entry.size > maxBytes) {
      diagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.too-large', {
          size: entry.size,
          limit: maxBytes,
        }),
        path,
      });
      files.push({ path, size: entry.size, skipped: 'too-large' });
      continue;
    }
    let buf: Buffer;
    try {
      buf = await entry.content();
    } catch (e) {
      diagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.read-failed', errorDetail(e)),
        path,
      });
      continue;
    }
    if (buf.length > maxBytes) {
      diagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.too-large', {
          size: buf.length,
          limit: maxBytes,
        }),
        path,
      });
      files.push({ path, size: buf.length, skipped: 'too-large' });
      continue;
    }
    if (looksBinary(buf)) {
      files.push({ path, size: buf.length, skipped: 'binary' });
      continue;
    }
    files.push({ path, size: buf.length, text: buf.toString('utf8') });
  }
  return { snapshot: new RepoSnapshot(files), diagnostics };
}
