/*
 * Writes the engine's full output for every example (with and without its
 * cluster dumps, and each member of a monorepo example on its own folder),
 * for generated variants of the fixture and for every Kustomize fixture
 * folder scored as a repository, one JSON file each, so
 * that a refactoring meant to change nothing (speed work) can be checked
 * with `diff -r` against the output of the commit before it.
 * Run: node plugins/twelve-factor-node/bin/bench outputSnapshot OUT_DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTwelveFactorEngine } from '../src/engine/createEngine';
import { loadClusterDump } from '../src/kube/dump';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';
import { generatedRepo } from './generatedRepos';
import { parseYamlDocs } from '../src/kustomize/yaml';

const ROOT = path.resolve(__dirname, '../../..');
const out = process.argv[3] ?? process.argv[2];
const NOW = new Date('2026-11-26T00:00:00Z');

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const engine = createTwelveFactorEngine();
  const write = (name: string, value: unknown) =>
    fs.writeFileSync(
      path.join(out, `${name}.json`),
      `${JSON.stringify(value, null, 1)}\n`,
    );
  for (const ex of fs.readdirSync(path.join(ROOT, 'examples'))) {
    const dir = path.join(ROOT, 'examples', ex);
    if (!fs.existsSync(path.join(dir, 'repo'))) continue;
    const { snapshot, diagnostics } = await loadLocalRepo(
      path.join(dir, 'repo'),
    );
    const catalog = snapshot.read('catalog-info.yaml');
    const entity = (catalog &&
      (parseYamlDocs(catalog).docs[0]?.value as any)) ?? {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: ex },
    };
    const dumps = fs
      .readdirSync(dir)
      .filter(f => /^cluster.*\.yaml$/.test(f))
      .map(
        f =>
          loadClusterDump(f, fs.readFileSync(path.join(dir, f), 'utf8'))
            .cluster,
      );
    write(
      `${ex}.repo`,
      await engine.evaluate(
        { entity, repo: snapshot },
        { now: NOW, diagnostics },
      ),
    );
    if (dumps.length)
      write(
        `${ex}.repo+clusters`,
        await engine.evaluate(
          { entity, repo: snapshot, clusters: dumps },
          { now: NOW, diagnostics },
        ),
      );
    // A monorepo: each member (a catalog file below the root) scored on its folder.
    for (const catalogFile of snapshot.paths()) {
      const codeRoot = path.posix.dirname(catalogFile);
      if (
        path.posix.basename(catalogFile) !== 'catalog-info.yaml' ||
        codeRoot === '.'
      )
        continue;
      const member = loadYamlEntity(snapshot.read(catalogFile));
      if (!member) continue;
      const scoped = await loadLocalRepo(
        path.join(dir, 'repo'),
        {},
        { codeRoot },
      );
      write(
        `${ex}.${member.metadata.name}`,
        await engine.evaluate(
          { entity: member, repo: scoped.snapshot, codeRoot },
          { now: NOW, diagnostics: scoped.diagnostics },
        ),
      );
    }
    if (ex === 'auto-builder-cms') {
      for (const i of [1, 7, 42])
        write(
          `${ex}.variant${i}`,
          await engine.evaluate(
            { entity, repo: generatedRepo(snapshot, i), clusters: dumps },
            { now: NOW },
          ),
        );
    }
  }
  const fixtures = path.join(
    ROOT,
    'plugins/twelve-factor-node/src/kustomize/__fixtures__',
  );
  for (const f of fs.readdirSync(fixtures)) {
    const { snapshot, diagnostics } = await loadLocalRepo(
      path.join(fixtures, f),
    );
    write(
      `kustomize-fixture.${f}`,
      await engine.evaluate(
        {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: f },
          },
          repo: snapshot,
        },
        { now: NOW, diagnostics },
      ),
    );
  }
  console.log(`wrote ${fs.readdirSync(out).length} files to ${out}`);
}

function loadYamlEntity(text: string | undefined): any {
  return text ? parseYamlDocs(text).docs[0]?.value : undefined;
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
