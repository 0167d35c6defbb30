import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { buildSnapshot, SourceEntry } from './buildSnapshot';
import { normalizePath, type RepoSnapshot } from './RepoSnapshot';
import { normalizeCodeRoot, otherServiceFolders } from './scope';
import { DEFAULT_REPO_LIMITS, OUTPUT_DIRS, RepoLimits } from './limits';
import { errorDetail, said, type EngineDiagnostic } from '../engine/diagnostic';

/** A loaded repository and what went wrong while loading it. @public */
export interface LoadedRepo {
  snapshot: RepoSnapshot;
  diagnostics: Diagnostic[];
}

/**
 * Reads a local directory into a snapshot. Never throws for content problems
 * (binary, huge, symlinked or unreadable files): those become diagnostics and
 * skipped entries. Throws only when the root itself is not a directory.
 * @public
 */
export async function loadLocalRepo(
  root: string,
  limits: Partial<RepoLimits> = {},
  options: {
    /**
     * A monorepo member's folder: the files of the other services' folders
     * are listed, never read (see otherServiceFolders).
     */
    codeRoot?: string;
  } = {},
): Promise<LoadedRepo> {
  const absRoot = path.resolve(root);
  const stat = await fs.stat(absRoot);
  if (!stat.isDirectory()) throw new Error(`Not a directory: ${root}`);
  const skip = new Set(limits.skipDirs ?? DEFAULT_REPO_LIMITS.skipDirs);
  const walkDiagnostics: EngineDiagnostic[] = [];

  async function* walk(rel: string): AsyncGenerator<SourceEntry> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(absRoot, rel), {
        withFileTypes: true,
      });
    } catch (e) {
      walkDiagnostics.push({
        level: 'warning',
        source: 'repo',
        ...said('diagnostic.repo.folder-unreadable', errorDetail(e)),
        path: rel || '.',
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = path.join(absRoot, childRel);
      if (entry.isSymbolicLink())
        yield {
          path: childRel,
          symlink: true,
          content: async () => Buffer.alloc(0),
        };
      else if (entry.isDirectory()) {
        // Output folders are walked for the deploy material they may hold; buildSnapshot keeps only that.
        if (!skip.has(entry.name) || OUTPUT_DIRS.has(entry.name))
          yield* walk(childRel);
      } else if (entry.isFile()) {
        const size = (await fs.stat(abs)).size;
        yield { path: childRel, size, content: () => fs.readFile(abs) };
      }
    }
  }

  const codeRoot = normalizeCodeRoot(options.codeRoot);
  let entries: AsyncIterable<SourceEntry> | SourceEntry[] = walk('');
  let otherServices: string[] = [];
  if (codeRoot) {
    // List first (paths and sizes only), then read all but the other services' files.
    const listed: SourceEntry[] = [];
    for await (const e of walk('')) listed.push(e);
    otherServices = otherServiceFolders(
      listed.map(e => normalizePath(e.path)),
      codeRoot,
    ).folders;
    entries = listed;
  }
  const { snapshot, diagnostics } = await buildSnapshot(entries, limits, {
    otherServices,
  });
  return { snapshot, diagnostics: [...walkDiagnostics, ...diagnostics] };
}
