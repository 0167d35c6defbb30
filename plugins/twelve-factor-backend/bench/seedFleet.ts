/*
 * A generated fleet for the overview benchmark and the browser test: N
 * services with varied owners (teams under departments), systems, domains,
 * lifecycles, types and tags, and a history of `days` days with a change
 * every few days per service. Rows are written as the store writes them:
 * the latest scan with its compressed scorecard (the example's scorecard,
 * renamed), older scans with their scores and verdicts, the latest findings
 * of unmet checks, the check positions and the services' catalog facts.
 * Also writes the matching catalog (groups, systems, domains, components)
 * as YAML, for a backend whose catalog sync must find the same services.
 */
import {
  builtInChecks,
  remediationLead,
} from '@internal/plugin-twelve-factor-common';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import {
  createTwelveFactorEngine,
  loadClusterDump,
  loadLocalRepo,
} from '@internal/plugin-twelve-factor-node';
import type { Knex } from 'knex';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { stringify } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const DAY = 86_400_000;
const LETTER = {
  pass: 'p',
  partial: 'a',
  fail: 'f',
  unknown: 'u',
  waived: 'w',
};

/** A small deterministic random source (mulberry32), so that every run seeds the same fleet. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  services: number;
  days: number;
  now: number;
  seed?: number;
}

export interface SeededFleet {
  services: number;
  scans: number;
  owners: string[];
  departments: string[];
  /** The catalog of the fleet as a YAML stream. */
  catalogYaml: string;
}

/** The example's scorecard (repository and cluster dump), to vary per service. */
async function templateScorecard(): Promise<Scorecard> {
  const fixture = path.join(ROOT, 'examples/auto-builder-cms');
  const { snapshot } = await loadLocalRepo(path.join(fixture, 'repo'));
  const dump = loadClusterDump(
    'aks-autobuilder',
    fs.readFileSync(path.join(fixture, 'cluster.yaml'), 'utf8'),
  );
  return createTwelveFactorEngine().evaluate({
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'auto-builder-cms',
        namespace: 'default',
        annotations: { 'backstage.io/kubernetes-id': 'auto-builder-cms' },
      },
      spec: { type: 'service' },
    },
    repo: snapshot,
    clusters: [dump.cluster],
  });
}

const AREA_IDS = [
  'f1-codebase',
  'f2-dependencies',
  'f3-config',
  'f4-backing-services',
  'f5-build-release-run',
  'f6-processes',
  'f7-port-binding',
  'f8-concurrency',
  'f9-disposability',
  'f10-dev-prod-parity',
  'f11-logs',
  'f12-admin-processes',
  'cn-containerization',
  'cn-orchestration',
  'cn-observability',
  'cn-resilience',
  'cn-scalability',
  'cn-security',
  'cn-cicd',
];

const TAGS = [
  'python',
  'java',
  'node',
  'go',
  'dotnet',
  'kafka',
  'postgres',
  'redis',
  'pci',
  'internal',
];
const LIFECYCLES = [
  'production',
  'production',
  'production',
  'experimental',
  'deprecated',
];

/** Writes the fleet; the database must hold the plugin's tables (migrations run). */
export async function seedFleet(
  knex: Knex,
  options: SeedOptions,
): Promise<SeededFleet> {
  const rnd = random(options.seed ?? 42);
  const pick = <T>(list: ReadonlyArray<T>) =>
    list[Math.floor(rnd() * list.length)];
  const template = await templateScorecard();
  const resultOf = new Map(template.results.map(r => [r.checkId, r]));
  const checkIds = builtInChecks.map(c => c.id);
  const checkTitle = new Map(builtInChecks.map(c => [c.id, c.title]));

  await knex('twelve_factor_checks').insert(
    checkIds.map((check_id, position) => ({ position, check_id })),
  );

  const departments = Array.from({ length: 8 }, (_, i) => `dept-${i}`);
  const owners = Array.from(
    { length: 64 },
    (_, i) => `team-${String(i).padStart(2, '0')}`,
  );
  const domains = Array.from({ length: 12 }, (_, i) => `domain-${i}`);
  const systems = Array.from({ length: 320 }, (_, i) => ({
    name: `sys-${String(i).padStart(3, '0')}`,
    domain: domains[i % domains.length],
    owner: owners[i % owners.length],
  }));

  const catalog: object[] = [];
  for (const d of departments)
    catalog.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: d },
      spec: {
        type: 'department',
        children: owners.filter(
          (_, i) => i % departments.length === departments.indexOf(d),
        ),
      },
    });
  owners.forEach((o, i) =>
    catalog.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: o },
      spec: {
        type: 'team',
        parent: departments[i % departments.length],
        children: [],
      },
    }),
  );
  for (const d of domains)
    catalog.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: d },
      spec: { owner: `group:default/${departments[0]}` },
    });
  for (const s of systems)
    catalog.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: s.name },
      spec: { owner: `group:default/${s.owner}`, domain: s.domain },
    });

  const entityRows: object[] = [];
  const scanRows: Array<Record<string, unknown>> = [];
  const latestRows: object[] = [];
  const bodies: Array<{ ref: string; body: Buffer }> = [];
  const now = options.now;
  for (let i = 0; i < options.services; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const ref = `component:default/${name}`;
    const system = systems[Math.floor(rnd() * systems.length)];
    // Services of a system are mostly owned by its team.
    const owner = rnd() < 0.8 ? system.owner : pick(owners);
    const lifecycle = pick(LIFECYCLES);
    const type = rnd() < 0.85 ? 'service' : 'website';
    const tags = [pick(TAGS), ...(rnd() < 0.5 ? [pick(TAGS)] : [])].filter(
      (t, k, all) => all.indexOf(t) === k,
    );
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        tags,
        annotations: {
          'backstage.io/source-location': `url:https://github.com/example-org/${name}/tree/main/`,
          'backstage.io/kubernetes-id': name,
        },
      },
      spec: {
        type,
        lifecycle,
        owner: `group:default/${owner}`,
        system: system.name,
      },
      relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
    };
    catalog.push({ ...entity, relations: undefined });
    entityRows.push({
      entity_ref: ref,
      title: null,
      owner: `group:default/${owner}`,
      system: `system:default/${system.name}`,
      domain: `domain:default/${system.domain}`,
      lifecycle,
      type,
      namespace: 'default',
      tags: JSON.stringify(tags),
      entity: JSON.stringify(entity),
      active: true,
      updated_ms: now,
    });

    // A history: a change every 2 to 6 days, scores walking from a base.
    let quality = 0.25 + rnd() * 0.55;
    let at = Math.round(now - options.days * DAY + rnd() * 3 * DAY);
    const history: Array<{ since: number; quality: number }> = [];
    while (at < now) {
      history.push({ since: at, quality });
      quality = Math.min(0.98, Math.max(0.05, quality + (rnd() - 0.46) * 0.1));
      at += Math.round((2 + rnd() * 4) * DAY);
    }
    history.forEach((h, k) => {
      const last = k === history.length - 1;
      const verdicts = checkIds.map(id => {
        const x = rnd();
        // Cloud-native practice lags behind the twelve factors in most fleets.
        const q = id.startsWith('cn-') ? h.quality - 0.12 : h.quality;
        if (x < q) return 'pass';
        if (x < q + (1 - q) / 2) return 'partial';
        return rnd() < 0.9 ? 'fail' : 'unknown';
      });
      const areas: Record<string, number | null> = {};
      const counts = { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 };
      for (const v of verdicts) counts[v as keyof typeof counts]++;
      for (const a of AREA_IDS) {
        const idx = checkIds
          .map((c, n) => (c.startsWith(`${a}.`) ? n : -1))
          .filter(n => n >= 0);
        const decided = idx.filter(n => verdicts[n] !== 'unknown');
        areas[a] = decided.length
          ? Math.round(
              (decided.reduce(
                (s, n) =>
                  s +
                  (verdicts[n] === 'pass'
                    ? 1
                    : verdicts[n] === 'partial'
                    ? 0.5
                    : 0),
                0,
              ) /
                decided.length) *
                10000,
            ) / 100
          : null;
      }
      const mean = (ids: string[]) => {
        const v = ids.map(a => areas[a]).filter((x): x is number => x !== null);
        return v.length
          ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 100) / 100
          : null;
      };
      const twelveFactor = mean(AREA_IDS.filter(a => a.startsWith('f')));
      const cloudNative = mean(AREA_IDS.filter(a => a.startsWith('cn')));
      const overall =
        twelveFactor !== null && cloudNative !== null
          ? Math.round(((twelveFactor + cloudNative) / 2) * 100) / 100
          : twelveFactor ?? cloudNative;
      // Confirmed no earlier than found: the latest scan stays the newest row, as the store keeps it.
      const generatedAt = last
        ? Math.max(h.since, now - Math.floor(rnd() * 6 * 3_600_000))
        : history[k + 1].since - 3_600_000;
      const summary = {
        entityRef: ref,
        generatedAt: new Date(generatedAt).toISOString(),
        overall,
        twelveFactor,
        cloudNative,
        areas,
        counts,
      };
      scanRows.push({
        entity_ref: ref,
        generated_at: new Date(generatedAt),
        first_found_at: new Date(h.since),
        overall,
        twelve_factor_score: twelveFactor,
        cloud_native_score: cloudNative,
        source_etag: null,
        scorecard: '',
        body: null,
        summary: JSON.stringify(summary),
        verdicts: verdicts.map(v => LETTER[v as keyof typeof LETTER]).join(''),
        // Written when scanned, as the store writes it.
        updated_ms: generatedAt,
      });
      if (last) {
        const card: Scorecard = {
          ...template,
          entityRef: ref,
          generatedAt: summary.generatedAt,
          overall,
          results: template.results.map((r, n) => ({
            ...r,
            verdict: verdicts[n] as Scorecard['results'][number]['verdict'],
          })),
        };
        bodies.push({
          ref,
          body: zlib.brotliCompressSync(Buffer.from(JSON.stringify(card)), {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
          }),
        });
        checkIds.forEach((id, n) => {
          if (verdicts[n] === 'pass') return;
          const r = resultOf.get(id);
          const same = r && r.verdict === verdicts[n];
          const lead = remediationLead(r?.remediation);
          latestRows.push({
            entity_ref: ref,
            check_id: id,
            verdict: verdicts[n],
            // The example's own sentence where it found the same; a plain one otherwise.
            summary: same
              ? r.summary
              : `${checkTitle.get(id) ?? id}: ${
                  verdicts[n] === 'fail'
                    ? 'not met'
                    : verdicts[n] === 'partial'
                    ? 'partly met'
                    : 'not decided'
                } in this generated service`,
            // With the messages a scan keeps, so that the fleet scan has none to fill.
            summary_msg: JSON.stringify((same && r.summaryMsg) || []),
            remediation: lead?.text ?? null,
            remediation_msg: lead?.textMsg
              ? JSON.stringify(lead.textMsg)
              : null,
          });
        });
      }
    });
  }

  await knex.batchInsert('twelve_factor_entities', entityRows as any[], 200);
  await knex.batchInsert('twelve_factor_scorecards', scanRows as any[], 500);
  await knex.batchInsert(
    'twelve_factor_latest_results',
    latestRows as any[],
    500,
  );
  // The latest row of each service gets its compressed scorecard.
  const latestIds = await knex('twelve_factor_scorecards')
    .select('entity_ref')
    .max({ id: 'id' })
    .groupBy('entity_ref');
  const idOf = new Map(latestIds.map((r: any) => [r.entity_ref, r.id]));
  for (let i = 0; i < bodies.length; i += 100) {
    await knex.transaction(async tx => {
      for (const b of bodies.slice(i, i + 100))
        await tx('twelve_factor_scorecards')
          .where({ id: idOf.get(b.ref) })
          .update({ body: b.body });
    });
  }
  return {
    services: options.services,
    scans: scanRows.length,
    owners: owners.map(o => `group:default/${o}`),
    departments: departments.map(d => `group:default/${d}`),
    catalogYaml: catalog.map(c => stringify(c)).join('---\n'),
  };
}
