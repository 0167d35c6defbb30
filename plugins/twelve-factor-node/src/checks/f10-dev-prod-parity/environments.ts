/**
 * The environments a repository describes, each with the backing services
 * and images it uses: deploy targets, compose files, `.env.<env>` files and
 * configuration profiles (application-<profile>.properties, Rails
 * database.yml). The dev/prod-parity checks compare them.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import { localDevFactRef, type ComposeService } from '../../facts/localDev';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { databaseEngineOf } from '../../facts/runtimeHints';
import { codeNote } from '../codeNotes';
import { fileEvidence } from '../evidence';
import { noted } from '../messages';
import { objectEvidence } from '../setMessages';
import {
  backingKindOfImage,
  classify,
  envOf,
  imageName,
  operatorBackingServices,
  runtimeHints,
} from '../f8-concurrency/processTypes';

/** Database engines, as opposed to caches, brokers and search. */
export const DATABASES = new Set([
  'postgresql',
  'mysql',
  'mongodb',
  'sqlserver',
  'sqlite',
  'h2',
  'hsqldb',
  'oracle',
  'cassandra',
  'clickhouse',
]);

/** Configuration profiles named after a backing-service engine: variants, not environments. */
export const ENGINE_PROFILE =
  /^(postgres|postgresql|pg|mysql|mariadb|h2|hsqldb|derby|sqlite|mongo|mongodb|oracle|sqlserver|mssql|cassandra|redis|kafka|rabbitmq|elasticsearch|opensearch)$/i;

/** A normalised environment name: prd/production → prod, development → dev, stage/stg → staging. */
export function normalizeEnv(name: string): string {
  const n = name.toLowerCase();
  if (/^(prod|prd|production|live)$/.test(n)) return 'prod';
  if (/^(dev|develop|development)$/.test(n)) return 'dev';
  if (/^(stage|stg|staging)$/.test(n)) return 'staging';
  return n;
}

/** What an environment name is for. */
export function envClass(name: string): 'prod' | 'staging' | 'dev' | 'other' {
  const n = name.toLowerCase();
  if (
    /^(prod|prd|production|live)$|(^|[-_.])(prod|prd|production)([-_.]|$)/.test(
      n,
    ) &&
    !/pre-?prod/.test(n)
  )
    return 'prod';
  if (
    /stag|(^|[-_.])stg([-_.]|$)|pre-?prod|pre-?production|(^|[-_.])(uat|qa|acc|acceptance)([-_.]|$)/.test(
      n,
    )
  )
    return 'staging';
  if (
    /^(local|dev|develop|development|sandbox|docker|compose|test|testing|ci|localhost)$|(^|[-_.])(dev|local)([-_.]|$)/.test(
      n,
    )
  )
    return 'dev';
  return 'other';
}

/** The environment a deploy target's path names (`kubernetes/overlays/prd` → prod), or undefined. */
export function targetEnv(label: string): string | undefined {
  // The last segment that names an environment wins: look from the end.
  const segments = label.split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    // A Helm values file names its environment: values-prod.yaml.
    const values = /^values[-._](.+?)(\.ya?ml)?$|^(.+)[-._]values\.ya?ml$/.exec(
      segments[i],
    );
    const segment = values ? values[1] ?? values[3] : segments[i];
    if (envClass(segment) !== 'other') return normalizeEnv(segment);
  }
  return undefined;
}

/** One place that describes an environment. */
export interface EnvSource {
  /** Normalised environment name; `default` for an unnamed deploy target or the default profile. */
  env: string;
  kind: 'target' | 'compose' | 'env-file' | 'config';
  label: string;
  databases: Map<string, Evidence>;
  /** Caches, brokers, search and other non-database backing services. */
  backing: Map<string, Evidence>;
  /** App images (deploy targets only), by image name. */
  images: Map<string, Evidence>;
  set?: ObjectSet;
  compose?: { path: string; services: ComposeService[] };
}

/** Backing-service kinds named by URL schemes in a value. */
function urlKinds(value: string): string[] {
  const out: string[] = [];
  if (!value.includes('://')) return out;
  if (/\brediss?:\/\//.test(value)) out.push('redis');
  if (/\bamqps?:\/\//.test(value)) out.push('rabbitmq');
  if (/\bnats:\/\//.test(value)) out.push('nats');
  if (/\bmemcached?:\/\//.test(value)) out.push('memcached');
  if (/\bkafka:\/\//.test(value)) out.push('kafka');
  return out;
}

function addKind(src: EnvSource, kind: string, ev: Evidence) {
  const map = DATABASES.has(kind) ? src.databases : src.backing;
  if (!map.has(kind)) map.set(kind, ev);
}

const M = 'f10-dev-prod-parity.environments';

/**
 * What a value names, for evidence: "postgresql (database shop)" for a URL
 * naming its database (`…-db-note`), else the kinds (`…-note`); `prefix`
 * picks the message (`names`, `service-names`), `params` says whose value.
 */
function namesNote(
  prefix: string,
  params: Record<string, string>,
  value: string,
): ReturnType<typeof noted> {
  const what = databaseEngineOf(value) ?? urlKinds(value).join(', ');
  const db = databaseEngineOf(value)
    ? /^[\w+:]+\/\/[^/?\s]+\/([A-Za-z_][\w-]*)/.exec(value)?.[1]
    : undefined;
  return db
    ? noted(`${M}.${prefix}-db-note`, { ...params, what, database: db })
    : noted(`${M}.${prefix}-note`, { ...params, what });
}

/**
 * Whether a value can name a database engine or backing-service URL at all:
 * every form databaseEngineOf and urlKinds know has a colon (`postgres://`,
 * `jdbc:`, `adapter:`) except Django's backend modules. Most values (ports,
 * flags, names) have neither, and skip a dozen regexes.
 */
function mayNameBackingService(value: string): boolean {
  return value.includes(':') || /backends/i.test(value);
}

function addValue(src: EnvSource, value: string, ev: () => Evidence) {
  if (!mayNameBackingService(value)) return;
  // The first evidence per kind is kept: write it only when it will be.
  const add = (kind: string) => {
    const map = DATABASES.has(kind) ? src.databases : src.backing;
    if (!map.has(kind)) map.set(kind, ev());
  };
  const engine = databaseEngineOf(value);
  if (engine) add(engine);
  for (const k of urlKinds(value)) add(k);
}

/** Variables and config values that name things another service reads (URLs, hosts). */
export function configText(set: ObjectSet): string {
  const parts: string[] = [];
  for (const w of classify(set))
    for (const c of w.containers)
      parts.push(...Object.values(envOf(set, w, c.container)));
  for (const o of set.objects)
    if (o.object.kind === 'ConfigMap')
      parts.push(...Object.values(o.object.data ?? {}).map(String));
  return parts.join('\n');
}

function fromTarget(set: ObjectSet): EnvSource | undefined {
  const workloads = classify(set);
  if (workloads.length === 0) return undefined;
  const src: EnvSource = {
    env: targetEnv(set.label) ?? 'default',
    kind: 'target',
    label: set.label,
    databases: new Map(),
    backing: new Map(),
    images: new Map(),
    set,
  };
  for (const w of workloads) {
    if (w.type === 'backing') {
      addKind(
        src,
        w.backingKind!,
        objectEvidence(
          set,
          w.source,
          noted(`${M}.runs-note`, {
            kind: w.backingKind!,
            image: String(w.appContainers[0]?.container.image),
          }),
          `${w.podSpecPath}.containers`,
        ),
      );
      continue;
    }
    for (const c of w.appContainers) {
      const img = String(c.container.image ?? '');
      if (img) {
        const name = imageName(img);
        if (!src.images.has(name))
          src.images.set(
            name,
            objectEvidence(
              set,
              w.source,
              noted(`${M}.image-note`, { image: img }),
              `${c.fieldPath}.image`,
            ),
          );
      }
      const env = envOf(set, w, c.container);
      for (const k of Object.keys(env)) {
        const v = env[k];
        addValue(src, v, () =>
          objectEvidence(
            set,
            w.source,
            namesNote('names', { variable: k }, v),
            `${c.fieldPath}.env`,
          ),
        );
      }
    }
  }
  for (const o of operatorBackingServices(set.objects))
    addKind(
      src,
      o.kind,
      objectEvidence(
        set,
        o.source,
        noted(`${M}.operator-note`, {
          object: String(o.source.object.kind),
          kind: o.kind,
        }),
      ),
    );
  return src;
}

function composeEnv(path: string): string {
  const m = /compose[.-]([\w-]+)\.ya?ml$/.exec(path);
  return m && envClass(m[1]) !== 'other' ? normalizeEnv(m[1]) : 'local';
}

const sourcesCache = new WeakMap<
  FactReader,
  EnvSource[] | UnknownVerdictError
>();

/**
 * Every environment source of the repository. Throws UnknownVerdictError
 * only when the repository cannot be read. Computed once per scan (several
 * checks compare environments); the result is shared and must not be changed.
 */
export function environmentSources(facts: FactReader): EnvSource[] {
  let cached = sourcesCache.get(facts);
  if (!cached) {
    try {
      cached = computeEnvironmentSources(facts);
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      cached = e;
    }
    sourcesCache.set(facts, cached);
  }
  if (cached instanceof UnknownVerdictError) throw cached;
  return cached;
}

function computeEnvironmentSources(facts: FactReader): EnvSource[] {
  const out: EnvSource[] = [];
  let sets: ObjectSet[] = [];
  try {
    sets = objectSets(facts, { cluster: false });
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  for (const set of sets) {
    const src = fromTarget(set);
    if (src) out.push(src);
  }
  const local = facts.get(localDevFactRef);
  for (const file of local.composeFiles) {
    const src: EnvSource = {
      env: composeEnv(file.path),
      kind: 'compose',
      label: file.path,
      databases: new Map(),
      backing: new Map(),
      images: new Map(),
      compose: file,
    };
    for (const s of file.services) {
      const kind = backingKindOfImage(s.image);
      if (kind)
        addKind(
          src,
          kind,
          fileEvidence(
            file.path,
            noted(`${M}.service-runs-note`, {
              service: s.name,
              image: String(s.image),
            }),
            s.line,
            s.line,
          ),
        );
      for (const [k, v] of Object.entries(s.environment))
        addValue(src, v, () =>
          fileEvidence(
            file.path,
            namesNote('service-names', { service: s.name, variable: k }, v),
            s.line,
            s.line,
          ),
        );
    }
    out.push(src);
  }
  for (const f of local.envFiles) {
    const src: EnvSource = {
      env: normalizeEnv(f.environment ?? 'local'),
      kind: 'env-file',
      label: f.path,
      databases: new Map(),
      backing: new Map(),
      images: new Map(),
    };
    for (const [k, v] of Object.entries(f.vars))
      addValue(src, v, () =>
        fileEvidence(f.path, namesNote('names', { variable: k }, v)),
      );
    out.push(src);
  }
  const byProfile = new Map<string, EnvSource>();
  for (const d of runtimeHints(facts)?.databases ?? []) {
    // A profile named after an engine (application-mysql.properties) picks a database, it is no environment.
    if (d.environment && ENGINE_PROFILE.test(d.environment)) continue;
    const env = d.environment ? normalizeEnv(d.environment) : 'default';
    const src = byProfile.get(`${env}|${d.path}`) ?? {
      env,
      kind: 'config' as const,
      label: d.path,
      databases: new Map(),
      backing: new Map(),
      images: new Map(),
    };
    addKind(src, d.engine, fileEvidence(d.path, codeNote(d), d.line, d.line));
    byProfile.set(`${env}|${d.path}`, src);
  }
  out.push(...byProfile.values());
  return out;
}

/** Production sources: named prod, else the unnamed deploy targets and default profiles (what gets deployed). */
export function productionSources(
  sources: ReadonlyArray<EnvSource>,
): EnvSource[] {
  const prod = sources.filter(s => envClass(s.env) === 'prod');
  return prod.length ? prod : sources.filter(s => s.env === 'default');
}

/** Local and development sources. */
export function developmentSources(
  sources: ReadonlyArray<EnvSource>,
): EnvSource[] {
  return sources.filter(s => envClass(s.env) === 'dev');
}
