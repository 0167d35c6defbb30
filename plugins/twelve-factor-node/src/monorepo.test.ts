/*
 * The shop-monorepo example: three services in one repository, each its own
 * catalog entity, scored on its own folder and its share of the shared
 * manifests. Each must reach every verdict of its expected.yaml, and scoring
 * one must read no file of the others' folders.
 */
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './__testUtils__';
import { main } from './cli/main';
import { createTwelveFactorEngine } from './engine/createEngine';
import { loadLocalRepo } from './sources/loadLocalRepo';
import { RepoFile, RepoSnapshot } from './sources/RepoSnapshot';

jest.setTimeout(60_000);

const EXAMPLE = path.join(REPO_ROOT, 'examples/shop-monorepo');
const ROOT = path.join(EXAMPLE, 'repo');
const SERVICES = ['cart', 'checkout', 'storefront'];
const NOW = new Date('2026-11-26T00:00:00Z');

function entityOf(service: string): Entity {
  return parse(
    fs.readFileSync(
      path.join(ROOT, 'src', service, 'catalog-info.yaml'),
      'utf8',
    ),
  );
}

function expectedOf(service: string): Record<string, string> {
  return parse(
    fs.readFileSync(path.join(EXAMPLE, 'expected', `${service}.yaml`), 'utf8'),
  ).verdicts;
}

function mismatches(
  card: {
    results: Array<{ checkId: string; verdict: string; summary: string }>;
  },
  expected: Record<string, string>,
): string[] {
  return card.results
    .filter(r => r.verdict !== expected[r.checkId])
    .map(
      r =>
        `${r.checkId}: got ${r.verdict} (${r.summary}), want ${
          expected[r.checkId]
        }`,
    );
}

/**
 * The repository as a snapshot whose files record every read of their text:
 * what the engine reads, file by file.
 */
async function recordingSnapshot(): Promise<{
  snapshot: RepoSnapshot;
  read: Set<string>;
}> {
  const { snapshot } = await loadLocalRepo(ROOT);
  const read = new Set<string>();
  const files = snapshot.paths().map((p): RepoFile => {
    const f = snapshot.file(p)!;
    const text = f.text;
    return {
      path: f.path,
      size: f.size,
      ...(f.skipped ? { skipped: f.skipped } : {}),
      get text() {
        read.add(p);
        return text;
      },
    } as RepoFile;
  });
  return { snapshot: new RepoSnapshot(files), read };
}

describe('shop-monorepo: three services in one repository', () => {
  const engine = createTwelveFactorEngine();

  it.each(SERVICES)(
    '%s reaches the verdict of its expected.yaml on all 92 checks',
    async service => {
      const { snapshot, diagnostics } = await loadLocalRepo(
        ROOT,
        {},
        { codeRoot: `src/${service}` },
      );
      const card = await engine.evaluate(
        {
          entity: entityOf(service),
          repo: snapshot,
          codeRoot: `src/${service}`,
        },
        { now: NOW, diagnostics },
      );
      expect(card.results).toHaveLength(92);
      expect(mismatches(card, expectedOf(service))).toEqual([]);
    },
  );

  it('gives each service its own verdicts: scored as one repository, they would agree with none', async () => {
    const { snapshot } = await loadLocalRepo(ROOT);
    const whole = await engine.evaluate(
      { entity: entityOf('cart'), repo: snapshot },
      { now: NOW },
    );
    for (const service of SERVICES)
      expect(mismatches(whole, expectedOf(service)).length).toBeGreaterThan(5);
  });

  it.each(SERVICES)(
    'scoring %s reads no file of the other services’ folders',
    async service => {
      const { snapshot, read } = await recordingSnapshot();
      const card = await engine.evaluate(
        {
          entity: entityOf(service),
          repo: snapshot,
          codeRoot: `src/${service}`,
        },
        { now: NOW },
      );
      const others = SERVICES.filter(s => s !== service).map(s => `src/${s}/`);
      const leaked = [...read].filter(p => others.some(o => p.startsWith(o)));
      expect(leaked).toEqual([]);
      // The recorder works: the entity's own code was read, and the scan agrees with expected.yaml.
      expect([...read].some(p => p.startsWith(`src/${service}/`))).toBe(true);
      expect(mismatches(card, expectedOf(service))).toEqual([]);
    },
  );

  it('reads the other services’ folders when the repository is scored whole (the recorder sees reads)', async () => {
    const { snapshot, read } = await recordingSnapshot();
    await engine.evaluate(
      { entity: entityOf('cart'), repo: snapshot },
      { now: NOW },
    );
    expect([...read].some(p => p.startsWith('src/checkout/'))).toBe(true);
  });

  it('loads a member without opening the other services’ code (only their YAML, which a shared tree may include)', async () => {
    const opened: string[] = [];
    const readFile = fs.promises.readFile;
    const spy = jest.spyOn(fs.promises, 'readFile').mockImplementation(((
      file: any,
      ...rest: any[]
    ) => {
      opened.push(path.relative(ROOT, String(file)).split(path.sep).join('/'));
      return (readFile as any)(file, ...rest);
    }) as any);
    try {
      const { snapshot } = await loadLocalRepo(
        ROOT,
        {},
        { codeRoot: 'src/cart' },
      );
      expect(
        opened.filter(
          p => /^src\/(checkout|storefront)\//.test(p) && !/\.ya?ml$/.test(p),
        ),
      ).toEqual([]);
      expect(opened).toContain('src/cart/go.mod');
      // Listed, never read.
      expect(snapshot.file('src/checkout/app/main.py')).toEqual({
        path: 'src/checkout/app/main.py',
        size: expect.any(Number),
        skipped: 'other-service',
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('says what was scoped in a diagnostic', async () => {
    const { snapshot } = await loadLocalRepo(ROOT);
    const card = await engine.evaluate(
      {
        entity: entityOf('checkout'),
        repo: snapshot,
        codeRoot: 'src/checkout/',
      },
      { now: NOW },
    );
    expect(card.diagnostics).toContainEqual({
      level: 'info',
      source: 'repo',
      path: 'src/checkout',
      message: expect.stringContaining(
        '2 other service folders not read (src/cart/, src/storefront/)',
      ),
      messageMsg: {
        id: 'diagnostic.repo.monorepo-member-others',
        params: {
          folder: 'src/checkout',
          n: 2,
          folders: 'src/cart/, src/storefront/',
        },
      },
    });
  });

  it('scores a member from the command line: the code root comes from its source location', async () => {
    let stdout = '';
    const code = await main(
      [
        'score',
        '--repo',
        ROOT,
        '--entity',
        path.join(ROOT, 'src/storefront/catalog-info.yaml'),
      ],
      { stdout: t => (stdout += t), stderr: () => {} },
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const expected = expectedOf('storefront');
    expect(
      report.checks
        .filter((c: any) => c.verdict !== expected[c.id])
        .map((c: any) => c.id),
    ).toEqual([]);
  });

  it('refuses a --code-root outside the repository or missing from it', async () => {
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t) };
    expect(
      await main(['score', '--repo', ROOT, '--code-root', '../x'], io),
    ).toBe(64);
    expect(
      await main(['score', '--repo', ROOT, '--code-root', 'src/nope'], io),
    ).toBe(64);
    expect(stderr).toMatch(/leaves the repository/);
    expect(stderr).toMatch(/is not a folder of --repo/);
  });
});
