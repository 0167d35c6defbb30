import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { RepoFile, RepoSnapshot } from './RepoSnapshot';
import { DEFAULT_REPO_LIMITS, looksBinary, RepoLimits } from './limits';

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
): Promise<LoadedRepo> {
  const lim = { ...DEFAULT_REPO_LIMITS, ...limits };
  const absRoot = path.resolve(root);
  const stat = await fs.stat(absRoot);
  if (!stat.isDirectory()) {
    throw new Error(`Not a directory: ${root}`);
  }
  const skip = new Set(lim.skipDirs);
  const files: RepoFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let read = 0;
  let limitReported = false;

  async function walk(rel: string): Promise<void> {
    const abs = path.join(absRoot, rel);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      diagnostics.push({ level: 'warning', source: 'repo', message: `Cannot read folder: ${(e as Error).message}`, path: rel || '.' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        // A symlink can point anywhere on the backend host; following it
        // would let a repository read files outside itself.
        files.push({ path: childRel, size: 0, skipped: 'symlink' });
        diagnostics.push({ level: 'warning', source: 'repo', message: 'Symbolic link not followed', path: childRel });
        continue;
      }
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) await walk(childRel);
        continue;
      }
      if (!entry.isFile()) continue;
      if (read >= lim.maxFiles) {
        if (!limitReported) {
          diagnostics.push({ level: 'warning', source: 'repo', message: `File limit of ${lim.maxFiles} reached; remaining files not read` });
          limitReported = true;
        }
        files.push({ path: childRel, size: 0, skipped: 'limit' });
        continue;
      }
      read++;
      files.push(await readOne(path.join(absRoot, childRel), childRel, lim, diagnostics));
    }
  }

  await walk('');
  return { snapshot: new RepoSnapshot(files), diagnostics };
}

async function readOne(abs: string, rel: string, lim: RepoLimits, diagnostics: Diagnostic[]): Promise<RepoFile> {
  try {
    const st = await fs.stat(abs);
    if (st.size > lim.maxFileBytes) {
      diagnostics.push({ level: 'warning', source: 'repo', message: `File of ${st.size} bytes exceeds the ${lim.maxFileBytes}-byte limit; not read`, path: rel });
      return { path: rel, size: st.size, skipped: 'too-large' };
    }
    const buf = await fs.readFile(abs);
    if (looksBinary(buf)) return { path: rel, size: st.size, skipped: 'binary' };
    return { path: rel, size: st.size, text: buf.toString('utf8') };
  } catch (e) {
    diagnostics.push({ level: 'warning', source: 'repo', message: `Cannot read file: ${(e as Error).message}`, path: rel });
    return { path: rel, size: 0, skipped: 'limit' };
  }
}
