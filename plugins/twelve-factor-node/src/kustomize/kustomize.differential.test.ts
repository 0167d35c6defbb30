/**
 * Differential test: every kustomization folder of the example repositories
 * (examples/**\/repo) and of the fixtures (__fixtures__/<feature>) is built
 * with `kubectl kustomize` and with the renderer; the objects must be equal,
 * in the same order. Where kubectl fails, the renderer must report an error.
 *
 * kubectl is the reference, so this test fails (never skips) without it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { DEFAULT_REPO_LIMITS } from '../sources/limits';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import { renderKustomization } from '.';

const FIXTURES = path.join(__dirname, '__fixtures__');
const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const KUSTOMIZATION_FILES = new Set([
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
]);
const SKIP_DIRS = new Set(DEFAULT_REPO_LIMITS.skipDirs);

function subdirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(e => e.isDirectory() && !SKIP_DIRS.has(e.name))
    .map(e => path.join(dir, e.name))
    .sort();
}

/** Folders named `repo` below examples/. */
function exampleRepos(dir: string, depth = 0): string[] {
  if (depth > 4) return [];
  return subdirs(dir).flatMap(d =>
    path.basename(d) === 'repo' ? [d] : exampleRepos(d, depth + 1),
  );
}

/** Kustomization folders of a repository, relative to its root. */
function kustomizationDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    const entries = fs.readdirSync(abs, { withFileTypes: true });
    if (entries.some(e => e.isFile() && KUSTOMIZATION_FILES.has(e.name)))
      out.push(rel);
    for (const e of entries) {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name))
        walk(rel ? `${rel}/${e.name}` : e.name);
    }
  };
  walk('');
  return out.sort();
}

interface Case {
  name: string;
  root: string;
  dir: string;
}

const roots = [...subdirs(FIXTURES), ...exampleRepos(EXAMPLES)];
const cases: Case[] = roots.flatMap(root =>
  kustomizationDirs(root).map(dir => ({
    name: `${path.relative(path.resolve(__dirname, '../../../..'), root)}${
      dir ? `/${dir}` : ''
    }`,
    root,
    dir,
  })),
);

const snapshots = new Map<string, Promise<RepoSnapshot>>();
function snapshotOf(root: string): Promise<RepoSnapshot> {
  let s = snapshots.get(root);
  if (!s) {
    s = loadLocalRepo(root).then(r => r.snapshot);
    snapshots.set(root, s);
  }
  return s;
}

type KubectlResult =
  | { ok: true; objects: unknown[] }
  | { ok: false; stderr: string };

function kubectlKustomize(dir: string): KubectlResult {
  try {
    const out = execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    return {
      ok: true,
      objects: parseAllDocuments(out)
        .map(d => d.toJS())
        .filter(o => o !== null),
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException & {
      stderr?: string;
      status?: number;
    };
    if (err.code === 'ENOENT') {
      throw new Error(
        'kubectl is not installed or not on PATH: the differential test needs it as the reference',
      );
    }
    return { ok: false, stderr: String(err.stderr ?? err.message) };
  }
}

describe('kustomize renderer vs kubectl kustomize', () => {
  it('has kubectl available (the reference)', () => {
    let version = '';
    try {
      version = execFileSync('kubectl', ['version', '--client'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      throw new Error(
        `kubectl is required for the differential test and was not found: ${
          (e as Error).message
        }`,
      );
    }
    expect(version).toMatch(/Kustomize Version/);
  });

  it('covers the fixtures and the examples', () => {
    expect(subdirs(FIXTURES).length).toBeGreaterThanOrEqual(12);
    expect(
      cases.some(c =>
        c.name.endsWith('auto-builder-cms/repo/kubernetes/overlays/prd'),
      ),
    ).toBe(true);
    expect(
      cases.some(c =>
        c.name.endsWith('auto-builder-cms/repo/kubernetes/overlays/dev'),
      ),
    ).toBe(true);
  });

  it.each(cases.map(c => [c.name, c]))(
    '%s',
    async (_name, c) => {
      const { root, dir } = c as Case;
      const expected = kubectlKustomize(path.join(root, dir));
      const render = renderKustomization(await snapshotOf(root), dir);
      const errors = render.diagnostics.filter(d => d.level === 'error');
      // Where kubectl builds the folder, the objects must be equal and in the
      // same order; where it refuses, the renderer must report an error. A
      // folder with remote bases cannot match by design (they are not fetched):
      // there the renderer must name what it skipped.
      const remote = render.skippedRemote.length > 0;
      const actual =
        expected.ok && !remote
          ? { objects: render.objects.map(o => o.object), errors }
          : { incomplete: errors.length > 0 || remote };
      const wanted =
        expected.ok && !remote
          ? { objects: expected.objects, errors: [] }
          : { incomplete: true };
      expect(actual).toEqual(wanted);
    },
    30_000,
  );
});
