/*
 * No credential value in any output. Credentials of every shape are planted
 * in every place of every example (and of generated repositories), the
 * service is scored with its cluster dump, and no planted value, nor any
 * Secret value an example's expected.yaml lists, may appear in the JSON, the
 * Markdown report (en and ko) or SARIF. The checks must still see them: the
 * planted workload env fails f3-config.secrets with the file and line.
 */
import type { FileEvidence } from '@internal/plugin-twelve-factor-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT, snapshotOf } from './__testUtils__';
import { toJsonReport } from './cli/formats/json';
import { toMarkdown } from './cli/formats/markdown';
import { toSarif } from './cli/formats/sarif';
import { createTwelveFactorEngine } from './engine/createEngine';
import { loadClusterDump } from './kube/dump';
import { loadLocalRepo } from './sources/loadLocalRepo';
import { configLiteralsFactRef } from './facts/configLiterals';
import { objectSets } from './facts/objectSets';
import { toYaml } from './checks/snippets';
import type { FactExtractor, TwelveFactorCheck } from './engine/types';
import { createFactRef } from './engine/facts';
import { plantCredentials, plantedLeaks } from './testing/plantCredentials';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/**
 * A careless custom check: it copies every configuration line of the
 * repository, every env entry and every ConfigMap of the judged objects
 * into its summary, evidence and snippet, verbatim. The redaction step must
 * hide what it copies, as it would hide a bug of a built-in check.
 */
const carelessCheck: TwelveFactorCheck = {
  id: 'f3-config.careless-copy',
  definition: {
    area: 'f3-config',
    title: 'Copies configuration verbatim',
    weight: 1,
    sources: ['repo', 'cluster'],
    criteria: { partial: 'always' },
    docsUrl: 'https://12factor.net/config',
  },
  evaluate({ facts }) {
    const scan = facts.get(configLiteralsFactRef);
    const sets = objectSets(facts);
    const env = sets.flatMap(set =>
      set.objects.flatMap(o => {
        const pod = o.object.spec?.template?.spec ?? o.object.spec;
        return (pod?.containers ?? []).flatMap((c: any) => c.env ?? []);
      }),
    );
    const data = sets.flatMap(set =>
      set.objects
        .filter(o => o.object.kind === 'ConfigMap')
        .map(o => o.object.data),
    );
    const repoLines = scan.files.flatMap(f => f.path);
    const lines = facts.get(allLinesRef);
    return {
      verdict: 'partial',
      summary: `Copied: ${env
        .map((e: any) => `${e.name}=${e.value}`)
        .join(' ')}`,
      evidence: [
        ...env.map((e: any) => ({
          type: 'file' as const,
          path: repoLines[0] ?? 'x',
          note: `value ${e.value}`,
        })),
        ...lines.map(note => ({ type: 'file' as const, path: 'x', note })),
      ],
      remediation: {
        text: `Data: ${JSON.stringify(data)}`,
        snippet: {
          language: 'yaml' as const,
          content: toYaml({ containers: [{ name: 'copy', env }], data }),
        },
      },
    };
  },
};
/** Every line of every text file, for the careless check to copy. */
const allLinesRef = createFactRef<string[]>({ id: 'test.all-lines' });
const allLines: FactExtractor<string[]> = {
  ref: allLinesRef,
  extract: ctx =>
    (ctx.input.repo?.find(() => true) ?? []).flatMap(f =>
      (f.text ?? '').split('\n').map(l => `${f.path}: ${l}`),
    ),
};
const engine = createTwelveFactorEngine({
  customChecks: [carelessCheck],
  customExtractors: [allLines],
});

interface Case {
  name: string;
  files: Record<string, string>;
  entity: any;
  dump?: string;
  secretValues: string[];
}

async function exampleCase(name: string): Promise<Case> {
  const dir = path.join(EXAMPLES, name);
  const { snapshot } = await loadLocalRepo(path.join(dir, 'repo'));
  const files: Record<string, string> = {};
  for (const p of snapshot.paths()) {
    const text = snapshot.read(p);
    if (text !== undefined) files[p] = text;
  }
  const entity = parseAllDocuments(files['catalog-info.yaml'])
    .map(d => d.toJS())
    .find(e => e?.kind === 'Component');
  const dumpPath = path.join(dir, 'cluster.yaml');
  const expected = parse(
    fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8'),
  );
  return {
    name,
    files,
    entity,
    ...(fs.existsSync(dumpPath)
      ? { dump: fs.readFileSync(dumpPath, 'utf8') }
      : {}),
    secretValues: expected.secret_values ?? [],
  };
}

/** A repository of another service: the example's files with its names changed. */
function generated(base: Case, i: number): Case {
  const rename = (t: string) =>
    t.replace(/cms/g, `gen${i}`).replace(/auto-builder/g, `team${i}`);
  return {
    name: `${base.name}-generated-${i}`,
    files: Object.fromEntries(
      Object.entries(base.files).map(([p, t]) => [p, rename(t)]),
    ),
    entity: JSON.parse(rename(JSON.stringify(base.entity))),
    ...(base.dump ? { dump: rename(base.dump) } : {}),
    secretValues: [],
  };
}

async function outputsOf(c: Case) {
  const planted = plantCredentials(c.files, {
    clusterDump: c.dump,
    name: c.entity.metadata.name,
  });
  const clusters = planted.clusterDump
    ? [loadClusterDump('planted', planted.clusterDump).cluster]
    : undefined;
  const card = await engine.evaluate(
    {
      entity: c.entity,
      repo: snapshotOf(planted.files),
      ...(clusters ? { clusters } : {}),
    },
    { now: new Date('2026-12-01T00:00:00Z') },
  );
  const defs = engine.checkDefinitions();
  return {
    planted,
    card,
    outputs: {
      scorecard: JSON.stringify(card),
      json: JSON.stringify(toJsonReport(card)),
      'markdown (en)': toMarkdown(card, defs, 'en'),
      'markdown (ko)': toMarkdown(card, defs, 'ko'),
      sarif: JSON.stringify(toSarif(card, defs, '0.0.0')),
    },
  };
}

describe('no credential value in any output', () => {
  const names = [
    'auto-builder-cms',
    'storefront-web',
    'payments-api',
    'legacy-reporting',
  ];

  it.each(names)(
    'plants credentials everywhere in %s (and two generated repositories) and finds none in the outputs',
    async name => {
      const base = await exampleCase(name);
      for (const c of [base, generated(base, 1), generated(base, 2)]) {
        const { planted, card, outputs } = await outputsOf(c);
        // Planted in every kind of place, of every shape.
        expect(planted.planted.length).toBeGreaterThan(60);
        const leaks: Record<string, string[]> = {};
        for (const [format, text] of Object.entries(outputs)) {
          const found = [
            ...plantedLeaks(text, planted.planted),
            ...c.secretValues
              .filter(s => text.includes(s))
              .map(s => `expected.yaml secret: ${s}`),
          ];
          if (found.length) leaks[`${c.name} ${format}`] = found;
        }
        expect(leaks).toEqual({});
        // The careless check did copy what it saw (with the values hidden).
        const copy = card.results.find(
          r => r.checkId === 'f3-config.careless-copy',
        )!;
        expect(copy.summary).toMatch(/DB_PASSWORD=<redacted>/);
        expect(copy.remediation!.snippet!.content).toMatch(
          /- name: DB_PASSWORD\n\s+valueFrom:\n\s+secretKeyRef:\n\s+name: <set in a Secret>\n\s+key: DB_PASSWORD/,
        );

        // The checks saw them: the workload env fails f3-config.secrets at the planted line.
        const secrets = card.results.find(
          r => r.checkId === 'f3-config.secrets',
        )!;
        expect(secrets.verdict).toBe('fail');
        const envEvidence = secrets.evidence.find(
          e =>
            e.type === 'file' &&
            /DB_PASSWORD is a literal value/.test(e.note ?? ''),
        );
        expect(envEvidence).toMatchObject({
          type: 'file',
          startLine: expect.any(Number),
        });
        const at = envEvidence as FileEvidence;
        expect(planted.files[at.path].split('\n')[at.startLine! - 1]).toMatch(
          /DB_PASSWORD/,
        );
        expect(secrets.summary).toMatch(/TLS_KEY_DATA/);
      }
    },
  );

  it('plants credentials everywhere in the shop-monorepo and finds none in any member’s outputs', async () => {
    const { snapshot } = await loadLocalRepo(
      path.join(EXAMPLES, 'shop-monorepo/repo'),
    );
    const files: Record<string, string> = {};
    for (const p of snapshot.paths()) {
      const text = snapshot.read(p);
      if (text !== undefined) files[p] = text;
    }
    const planted = plantCredentials(files, { name: 'cart' });
    expect(planted.planted.length).toBeGreaterThan(60);
    const defs = engine.checkDefinitions();
    for (const service of ['cart', 'checkout', 'storefront']) {
      const entity = parse(files[`src/${service}/catalog-info.yaml`]);
      const card = await engine.evaluate(
        {
          entity,
          repo: snapshotOf(planted.files),
          codeRoot: `src/${service}`,
        },
        { now: new Date('2026-12-01T00:00:00Z') },
      );
      for (const text of [
        JSON.stringify(card),
        JSON.stringify(toJsonReport(card)),
        toMarkdown(card, defs, 'en'),
        JSON.stringify(toSarif(card, defs, '0.0.0')),
      ])
        expect([service, plantedLeaks(text, planted.planted)]).toEqual([
          service,
          [],
        ]);
    }
  });

  it('names the place of a credential found only by its shape, and never its value', async () => {
    const base = await exampleCase('payments-api');
    const { card } = await outputsOf(base);
    const hardcoded = card.results.find(
      r => r.checkId === 'f3-config.no-hardcoded',
    )!;
    expect(hardcoded.verdict).toBe('fail');
    const notes = hardcoded.evidence.map(e => e.note ?? '');
    expect(
      notes.some(n => /a PEM private key written as a literal/.test(n)),
    ).toBe(true);
    expect(
      notes.some(n => /an AWS access key written as a literal/.test(n)),
    ).toBe(true);
  });
});
