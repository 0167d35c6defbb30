/*
 * The twelve-factor CLI: scores a repository (and cluster dumps) from the
 * command line with the same engine as the backend, for CI gates and
 * air-gapped use. Kept free of Backstage backend imports so that it starts
 * fast.
 */
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { createTwelveFactorEngine } from '../engine/createEngine';
import { loadClusterDump } from '../kube/dump';
import type { ClusterData } from '../kube/types';
import { renderKustomization, toYamlStream } from '../kustomize';
import { loadLocalRepo } from '../sources/loadLocalRepo';
import { normalizeCodeRoot } from '../sources/scope';
import { splitSourceLocation } from '../sources/sourceLocation';
import { toJsonReport } from './formats/json';
import { Lang, toMarkdown } from './formats/markdown';
import { toSarif } from './formats/sarif';

const VERSION = '0.1.0';

const USAGE = `Usage:
  twelve-factor score --repo DIR [--cluster-dump FILE]... [--entity FILE] [--code-root PATH]
                      [--format json|md|sarif] [--lang en|ko] [--fail-under N] [--output FILE]
  twelve-factor render DIR

score   Scores the repository in DIR (and the cluster dumps) against the
        Twelve-Factor App and cloud-native checks.
          --entity      the catalog file (default DIR/catalog-info.yaml when present;
                        without one, every object of the dumps counts as the service's)
          --code-root   the service's folder in DIR when DIR holds several services
                        (a monorepo), e.g. src/cart; by default the folder of the
                        entity's backstage.io/source-location when DIR holds it
          --format      json (default), md (the assessment report) or sarif
          --lang        language of the md report: en (default) or ko
          --fail-under  exit with code 2 when the overall score is below N
render  Prints the objects the Kustomize renderer produces for DIR, as a YAML
        stream: what the scorer saw.`;

/** Thrown for usage errors: exit code 64, message without a stack. */
class UsageError extends Error {}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function readEntity(file: string): Entity {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map(d =>
    d.toJS(),
  );
  const entities = docs.filter(
    d => d && typeof d === 'object' && d.kind && d.metadata?.name,
  ) as Entity[];
  const entity = entities.find(e => e.kind === 'Component') ?? entities[0];
  if (!entity) throw new UsageError(`${file} holds no catalog entity`);
  return { ...entity, metadata: { namespace: 'default', ...entity.metadata } };
}

/** The nearest ancestor of dir holding a catalog file or .git: the repository the overlay belongs to. */
function repositoryRootOf(dir: string): string {
  let d = path.resolve(dir);
  for (;;) {
    if (
      fs.existsSync(path.join(d, 'catalog-info.yaml')) ||
      fs.existsSync(path.join(d, '.git'))
    )
      return d;
    const parent = path.dirname(d);
    if (parent === d) return path.resolve(dir);
    d = parent;
  }
}

/**
 * The service's folder in the repository: --code-root, else the folder of
 * the entity's source location when the repository holds it (a monorepo
 * member scored from the repository's root). Undefined: the whole repository.
 */
function codeRootOf(
  repoDir: string,
  given: string | undefined,
  entity: Entity,
): string | undefined {
  if (given !== undefined) {
    const codeRoot = normalizeCodeRoot(given);
    if (given.trim() && !codeRoot && !/^\.?\/?$/.test(given.trim()))
      throw new UsageError(`--code-root ${given} leaves the repository`);
    if (codeRoot && !fs.existsSync(path.join(repoDir, codeRoot)))
      throw new UsageError(`--code-root ${given} is not a folder of --repo`);
    return codeRoot;
  }
  const location =
    entity.metadata.annotations?.['backstage.io/source-location'];
  const parts = location ? splitSourceLocation(location) : undefined;
  if (!parts) return undefined;
  const dir = path.join(repoDir, parts.codeRoot);
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory()
    ? parts.codeRoot
    : undefined;
}

async function score(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      repo: { type: 'string' },
      'cluster-dump': { type: 'string', multiple: true },
      entity: { type: 'string' },
      'code-root': { type: 'string' },
      format: { type: 'string', default: 'json' },
      lang: { type: 'string', default: 'en' },
      'fail-under': { type: 'string' },
      output: { type: 'string' },
    },
    strict: true,
  });
  if (!values.repo) throw new UsageError('--repo DIR is required');
  if (!['json', 'md', 'sarif'].includes(values.format!))
    throw new UsageError(
      `--format must be json, md or sarif (got ${values.format})`,
    );
  if (!['en', 'ko'].includes(values.lang!))
    throw new UsageError(`--lang must be en or ko (got ${values.lang})`);
  const failUnder =
    values['fail-under'] === undefined
      ? undefined
      : Number(values['fail-under']);
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100))
    throw new UsageError('--fail-under must be a number from 0 to 100');

  const repoDir = path.resolve(values.repo);
  if (!fs.existsSync(repoDir) || !fs.statSync(repoDir).isDirectory())
    throw new UsageError(`--repo ${values.repo} is not a directory`);
  const entityFile =
    values.entity ??
    (fs.existsSync(path.join(repoDir, 'catalog-info.yaml'))
      ? path.join(repoDir, 'catalog-info.yaml')
      : undefined);
  const entity: Entity = entityFile
    ? readEntity(entityFile)
    : {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: path
            .basename(repoDir)
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, '-'),
          namespace: 'default',
        },
        spec: { type: 'service' },
      };

  const codeRoot = codeRootOf(repoDir, values['code-root'], entity);

  const { snapshot, diagnostics } = await loadLocalRepo(
    repoDir,
    {},
    codeRoot ? { codeRoot } : {},
  );
  const all: Diagnostic[] = [...diagnostics];
  const clusters: ClusterData[] = [];
  for (const file of values['cluster-dump'] ?? []) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(
        `cannot read --cluster-dump ${file}: ${(e as Error).message}`,
      );
    }
    const dump = loadClusterDump(
      path.basename(file).replace(/\.(ya?ml|json)$/, ''),
      text,
    );
    clusters.push(dump.cluster);
    all.push(...dump.diagnostics);
  }

  const engine = createTwelveFactorEngine();
  const card = await engine.evaluate(
    {
      entity,
      repo: snapshot,
      ...(codeRoot ? { codeRoot } : {}),
      ...(clusters.length ? { clusters } : {}),
      mapAllClusterObjects: !entityFile,
    },
    { diagnostics: all },
  );
  const definitions = engine.checkDefinitions();
  const text =
    values.format === 'md'
      ? toMarkdown(
          card,
          definitions,
          values.lang as Lang,
          entity.metadata.title ?? entity.metadata.name,
        )
      : `${JSON.stringify(
          values.format === 'sarif'
            ? toSarif(card, definitions, VERSION)
            : toJsonReport(card),
          null,
          2,
        )}\n`;
  if (values.output) fs.writeFileSync(values.output, text);
  else io.stdout(text);

  if (failUnder !== undefined && (card.overall ?? 0) < failUnder) {
    io.stderr(
      `twelve-factor: overall score ${
        card.overall ?? 'n/a'
      } is below ${failUnder}\n`,
    );
    return 2;
  }
  return 0;
}

async function render(args: string[], io: Io): Promise<number> {
  const dir = args[0];
  if (!dir || args.length > 1) throw new UsageError('render takes one DIR');
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory())
    throw new UsageError(`${dir} is not a directory`);
  const root = repositoryRootOf(abs);
  const { snapshot } = await loadLocalRepo(root);
  const result = renderKustomization(
    snapshot,
    path.relative(root, abs).split(path.sep).join('/'),
  );
  for (const d of result.diagnostics)
    io.stderr(`[${d.level}] ${d.path ? `${d.path}: ` : ''}${d.message}\n`);
  io.stdout(toYamlStream(result.objects.map(o => o.object)));
  return result.diagnostics.some(d => d.level === 'error') ? 1 : 0;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: string[],
  io: Io = {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
  },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'score') return await score(rest, io);
    if (command === 'render') return await render(rest, io);
    if (
      command === undefined ||
      command === 'help' ||
      command === '--help' ||
      command === '-h'
    ) {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 64 : 0;
    }
    throw new UsageError(`unknown command '${command}'`);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as any)?.code?.startsWith?.('ERR_PARSE_ARGS')
    ) {
      io.stderr(`twelve-factor: ${(e as Error).message}\n\n${USAGE}\n`);
      return 64;
    }
    io.stderr(`twelve-factor: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
