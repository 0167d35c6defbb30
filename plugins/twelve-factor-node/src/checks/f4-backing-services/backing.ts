/*
 * The service's backing services as its configuration names them: every
 * address (URL, host) of a database, cache, broker, mail server or API, with
 * where it is set — the deploy config (env values, ConfigMaps, Secrets of the
 * workloads, repo targets and clusters), .env files, or the code and the
 * settings files baked into the image — and what runs behind it.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import { codeFactRef } from '../../facts/code/extractor';
import type { Capability } from '../../facts/code/libraries';
import {
  environmentOf,
  findAddresses,
  getConfigLiterals,
  type ConfigLiteral,
  type ConfigLiteralsFact,
} from '../../facts/configLiterals';
import { localDevFactRef } from '../../facts/localDev';
import type { Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { fileEvidence } from '../evidence';
import type { Said } from '../f3-config/said';
import { noted } from '../messages';
import { objectEvidence } from '../setMessages';
import {
  appWorkloads,
  atKey,
  configMapsOf,
  envOf,
  resolveEnvValue,
} from '../f3-config/pods';

export type BackingKind = 'database' | 'cache' | 'broker' | 'mail' | 'api';

/** One address of a backing service, as configured. */
export interface BackingRef {
  kind: BackingKind;
  /** postgres, mysql, mongo, sqlite, redis, rabbitmq, kafka, smtp, http… */
  tech: string;
  key?: string;
  /** Known when the value is visible (not in a Secret). */
  host?: string;
  /** deploy: env/ConfigMap/Secret of a workload; env-file: .env or compose; source: code or a settings file in the image. */
  origin: 'deploy' | 'env-file' | 'source';
  local: boolean;
  /** A literal in the code or a settings file whose setting the deploy config or an env file sets anyway. */
  overridden: boolean;
  /** "ConfigMap cms-config", "Secret payments-db-app", "src/…/application.properties:4". */
  via: string;
  /** When `via` is a workload's env or command line ("env of Deployment api"): which, and the workload, for messages. */
  viaWorkload?: { how: 'env' | 'command-line'; workload: string };
  evidence: Evidence;
  set?: ObjectSet;
}

export interface BackingModel {
  refs: BackingRef[];
  sets: ObjectSet[];
  capabilities: Partial<
    Record<
      Capability,
      Array<{ dependency: string; path: string; line?: number }>
    >
  >;
}

const SCHEMES: Record<string, [BackingKind, string]> = {
  postgres: ['database', 'postgres'],
  postgresql: ['database', 'postgres'],
  cockroachdb: ['database', 'postgres'],
  mysql: ['database', 'mysql'],
  mariadb: ['database', 'mysql'],
  mongodb: ['database', 'mongo'],
  'mongodb+srv': ['database', 'mongo'],
  sqlserver: ['database', 'mssql'],
  mssql: ['database', 'mssql'],
  oracle: ['database', 'oracle'],
  sqlite: ['database', 'sqlite'],
  h2: ['database', 'sqlite'],
  redis: ['cache', 'redis'],
  rediss: ['cache', 'redis'],
  memcached: ['cache', 'memcached'],
  amqp: ['broker', 'rabbitmq'],
  amqps: ['broker', 'rabbitmq'],
  kafka: ['broker', 'kafka'],
  nats: ['broker', 'nats'],
  smtp: ['mail', 'smtp'],
  smtps: ['mail', 'smtp'],
};

const ADDRESS_KEY =
  /(^|_)(URL|URI|DSN|HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|SERVER|SERVERS|BROKERS?|CONNECTION_STRING|CONN_STR)$/;
// Addresses of the service itself, of people's browsers, of identity issuers or of build tooling: not backing services.
const NOT_BACKING_KEY =
  /(CORS|ORIGIN|ISSUER|REDIRECT|CALLBACK|PUBLIC_URL|SITE_URL|HOMEPAGE|DOCS|SCHEMA|JWKS|AUDIENCE|REPO_?URL|INDEX_URL|PROXY|REGISTRY|FRONTEND|UI_URL|APP_URL|BASE_PATH|LOGIN|LOGOUT|HTTP_ADDR|ADMIN_ADDR|LISTEN|BIND)/;

/** `spring.datasource.url` → SPRING_DATASOURCE_URL, `redisUrl` → REDIS_URL. */
export function envName(key: string): string {
  // Most keys are env names already; the regex replacements cost more than this scan.
  if (isEnvStyle(key)) return key;
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[.-]/g, '_');
}

/** A-Z, 0-9 and `_` only, with no digit before a capital (`OAUTH2CLIENT` becomes `OAUTH2_CLIENT`): envName leaves it as it is. */
function isEnvStyle(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 65 && c <= 90) continue;
    if (c === 95) continue;
    if (c >= 48 && c <= 57) {
      const next = key.charCodeAt(i + 1);
      if (next >= 65 && next <= 90) return false;
      continue;
    }
    return false;
  }
  return true;
}

const DATABASE_KEY =
  /DATABASE|DATASOURCE|(^|_)DB(_|$)|POSTGRES|(^|_)PG|MYSQL|MARIADB|MONGO|JDBC|(^|_)SQL/;
const CACHE_KEY = /REDIS|VALKEY|CACHE|MEMCACHE/;
const BROKER_KEY = /BROKER|AMQP|RABBIT|KAFKA|NATS|QUEUE|CELERY|SQS|PUBSUB/;
const MAIL_KEY = /MAIL|SMTP/;
// Redis (or another cache) as a Celery/Bull broker is a broker.
const CACHE_AS_BROKER_KEY = /BROKER|CELERY|QUEUE/;
const DATABASE_TECHS: Array<[RegExp, string]> = [
  [/MYSQL|MARIADB/, 'mysql'],
  [/MONGO/, 'mongo'],
  [/POSTGRES|(^|_)PG/, 'postgres'],
];
const CACHE_TECHS: Array<[RegExp, string]> = [[/MEMCACHE/, 'memcached']];
const BROKER_TECHS: Array<[RegExp, string]> = [
  [/KAFKA/, 'kafka'],
  [/RABBIT|AMQP/, 'rabbitmq'],
];

/** The tech of the first table entry that matches the name, else the fallback. */
function techOf(
  name: string,
  table: ReadonlyArray<[RegExp, string]>,
  fallback: string,
): string {
  for (const [re, tech] of table) if (re.test(name)) return tech;
  return fallback;
}

/** What a setting (name, and URL scheme when the value is visible) addresses, if it is a backing service. */
export function classify(
  key: string | undefined,
  scheme?: string,
): { kind: BackingKind; tech: string } | undefined {
  const name = key ? envName(key) : '';
  const byScheme = scheme
    ? SCHEMES[scheme] ?? SCHEMES[scheme.split('+')[0]]
    : undefined;
  // Without a data-store scheme only an address-like name qualifies; most settings fail this before the long exclusion list.
  if (
    !byScheme &&
    !(name && (ADDRESS_KEY.test(name) || /DATASOURCE_URL$/.test(name)))
  )
    return undefined;
  if (name && NOT_BACKING_KEY.test(name)) return undefined;
  if (byScheme) {
    if (byScheme[0] === 'cache' && CACHE_AS_BROKER_KEY.test(name))
      return { kind: 'broker', tech: byScheme[1] };
    return { kind: byScheme[0], tech: byScheme[1] };
  }
  // A transport scheme (tcp://cache:6379, Kafka's PLAINTEXT://kafka:9092) leaves the name to tell what is behind it.
  if (
    scheme &&
    !/^(https?|tcp|plaintext|ssl|sasl_plaintext|sasl_ssl)$/i.test(scheme)
  )
    return undefined;
  if (DATABASE_KEY.test(name))
    return { kind: 'database', tech: techOf(name, DATABASE_TECHS, 'sql') };
  if (CACHE_KEY.test(name))
    return { kind: 'cache', tech: techOf(name, CACHE_TECHS, 'redis') };
  if (BROKER_KEY.test(name))
    return { kind: 'broker', tech: techOf(name, BROKER_TECHS, 'broker') };
  if (MAIL_KEY.test(name)) return { kind: 'mail', tech: 'smtp' };
  return { kind: 'api', tech: 'http' };
}

export const DB_IMAGE =
  /(^|\/)(postgres|postgresql|postgis|mysql|mariadb|mongo|mongodb|mssql|cockroach|timescaledb|percona[\w-]*)([:@-]|$)/;
export const CACHE_IMAGE =
  /(^|\/)(redis|valkey|keydb|dragonfly|memcached|rabbitmq|kafka|nats|redpanda)([:@-]|$)/;
export const DB_OPERATOR =
  /(postgresql\.cnpg\.io\/[^/]+\/Cluster|postgres-operator\.crunchydata\.com|acid\.zalan\.do|mysql\.oracle\.com|pxc\.percona\.com|psmdb\.percona\.com|mongodbcommunity\.mongodb\.com|rds\.services\.k8s\.aws|sql\.cnrm\.cloud\.google\.com|dbforpostgresql\.azure\.com|dbformysql\.azure\.com)/;
export const CACHE_OPERATOR =
  /(databases\.spotahome\.com|redis\.redis\.opstreelabs\.in|rabbitmq\.com\/[^/]+\/RabbitmqCluster|kafka\.strimzi\.io\/[^/]+\/Kafka$|cache\.azure\.com|elasticache\.services\.k8s\.aws)/;
export const MANAGED_DB_HOST =
  /\.(postgres|mysql|mariadb)\.database\.azure\.com$|\.database\.windows\.net$|\.rds\.amazonaws\.com$|\.documents\.azure\.com$|\.cosmos\.azure\.com$|\.mongodb\.net$|\.sql\.goog$|cloudsql|\.neon\.tech$|\.supabase\.co$|\.aivencloud\.com$|\.cockroachlabs\.cloud$|\.psdb\.cloud$|\.tsdb\.cloud\.timescale\.com$/;
export const MANAGED_CACHE_HOST =
  /\.redis\.cache\.windows\.net$|\.redisenterprise\.cache\.azure\.net$|\.cache\.amazonaws\.com$|memorystore|\.upstash\.io$|\.redislabs\.com$|\.redis-cloud\.com$|\.servicebus\.windows\.net$|\.confluent\.cloud$|\.cloudamqp\.com$|\.mq\.[\w-]+\.amazonaws\.com$|\.kafka\.[\w-]+\.amazonaws\.com$/;

/** Images of a workload's (non-init) containers. */
export function imagesOf(w: Workload): string[] {
  return w.containers
    .filter(c => !c.init)
    .map(c => String(c.container.image ?? ''));
}

/** A workload's (non-init) images, whole and without digest (what the image patterns are tested on). */
interface WorkloadImages {
  w: Workload;
  images: string[];
  names: string[];
}

/**
 * What runningServices and embeddedIn read of a set, derived once per set:
 * external-db and cache-separate both look through every set for databases
 * and caches.
 */
interface SetServiceView {
  workloads: WorkloadImages[];
  /** `apiVersion/kind` of each object, in the set's order. */
  kinds: string[];
}

const serviceViews = new WeakMap<ObjectSet, SetServiceView>();

function serviceView(set: ObjectSet): SetServiceView {
  let view = serviceViews.get(set);
  if (!view) {
    view = {
      workloads: appWorkloads(set).map(w => {
        const images = imagesOf(w);
        return { w, images, names: images.map(i => i.split('@')[0]) };
      }),
      kinds: set.objects.map(o => `${o.object.apiVersion}/${o.object.kind}`),
    };
    serviceViews.set(set, view);
  }
  return view;
}

/** Databases and caches running in the set: workloads by image, operator-managed clusters by kind. */
export function runningServices(
  set: ObjectSet,
  image: RegExp,
  operator: RegExp,
): Array<{ source: SourcedObject; name: string; kind: string }> {
  const out: Array<{ source: SourcedObject; name: string; kind: string }> = [];
  const view = serviceView(set);
  for (const { w, names } of view.workloads) {
    // A pod that also runs the app is the app, judged as embedded elsewhere.
    if (names.length && names.every(n => image.test(n)))
      out.push({ source: w.source, name: w.name, kind: w.kind });
  }
  view.kinds.forEach((kind, i) => {
    if (operator.test(kind)) {
      const o = set.objects[i];
      out.push({
        source: o,
        name: String(o.object.metadata?.name),
        kind: o.object.kind,
      });
    }
  });
  return out;
}

/** App pods that run a database/cache container next to the app's own containers. */
export function embeddedIn(
  set: ObjectSet,
  image: RegExp,
): Array<{ w: Workload; image: string }> {
  const out: Array<{ w: Workload; image: string }> = [];
  for (const { w, images, names } of serviceView(set).workloads) {
    let inside = 0;
    let first: string | undefined;
    for (let i = 0; i < names.length; i++) {
      if (!image.test(names[i])) continue;
      inside++;
      first ??= images[i];
    }
    if (inside && inside < images.length) out.push({ w, image: first! });
  }
  return out;
}

/**
 * A host with where it points, "host (where)": a managed service, a Service
 * of the set (and what it selects), the pod itself, or outside.
 */
export function whereIs(
  host: string,
  set: ObjectSet | undefined,
  managed: RegExp,
): Said {
  if (managed.test(host)) return ['f4-backing-services.host-managed', { host }];
  if (/^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/.test(host))
    return ['f4-backing-services.host-localhost', { host }];
  const name = host.split('.')[0];
  const svc = set?.objects.find(
    o => o.object.kind === 'Service' && o.object.metadata?.name === name,
  );
  if (svc) {
    const target = appWorkloads(set!).find(w =>
      mapSelectorMatches(
        svc.object.spec?.selector,
        w.kind === 'Pod'
          ? w.source.object.metadata?.labels
          : w.source.object.spec?.template?.metadata?.labels,
      ),
    );
    return target
      ? [
          'f4-backing-services.host-behind-service',
          { host, workload: `${target.kind} ${target.name}`, service: name },
        ]
      : `${host} (Service ${name})`;
  }
  return ['f4-backing-services.host-outside', { host }];
}

/** An address a setting's value gives, with what it addresses. */
interface ClassifiedAddress {
  kind: BackingKind;
  tech: string;
  host?: string;
}

/**
 * The backing-service addresses of one setting. A setting without a visible
 * value (a Secret's key) is one address of unknown host; a value without a
 * host still counts when it is `sqlite:///data.db`, a single-label host
 * (`DB_HOST=postgres`) or `$(OTHER)`.
 */
function backingAddresses(
  key: string,
  value: string | undefined,
): ClassifiedAddress[] {
  const found: Array<{ scheme?: string; host?: string }> = value
    ? findAddresses(value, key)
    : [{}];
  if (found.length === 0 && value) {
    // `cart-redis:6379`, as go-redis and most clients take an address: a host and port, not a scheme.
    const hostPort = /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?):\d{1,5}$/i.exec(
      value,
    );
    const scheme = hostPort
      ? undefined
      : /^(?:jdbc:)?([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (hostPort && classify(key)) found.push({ host: hostPort[1] });
    else if (scheme) found.push({ scheme });
    else if (/^[a-z0-9-]+$/i.test(value) && classify(key))
      found.push({ host: value });
    else if (value.includes('$(')) found.push({});
  }
  const out: ClassifiedAddress[] = [];
  for (const a of found) {
    const c = classify(key, a.scheme);
    if (c) out.push(a.host ? { ...c, host: a.host } : c);
  }
  return out;
}

/** The first object of a kind and name in a set, looked up by index: env entries refer to ConfigMaps and Secrets by name. */
function objectFinder(
  set: ObjectSet,
): (kind: string, name: unknown) => SourcedObject | undefined {
  let index: Map<unknown, Map<unknown, SourcedObject>> | undefined;
  return (kind, name) => {
    if (!index) {
      index = new Map();
      for (const o of set.objects) {
        let byName = index.get(o.object.kind);
        if (!byName) index.set(o.object.kind, (byName = new Map()));
        const objectName = o.object.metadata?.name;
        if (!byName.has(objectName)) byName.set(objectName, o);
      }
    }
    return index.get(kind)?.get(name);
  };
}

function refsOfSet(set: ObjectSet, scan: ConfigLiteralsFact): BackingRef[] {
  const refs: BackingRef[] = [];
  // Notes, field paths and labels are written only for settings that do address a backing service.
  const add = (
    found: ClassifiedAddress[],
    key: string,
    source: SourcedObject,
    fieldPath: string,
    via: string,
    viaWorkload?: BackingRef['viaWorkload'],
  ) => {
    for (const a of found) {
      // f4-backing-services.ref-<env|command-line|object>[-host]-note
      const note = noted(
        `f4-backing-services.ref-${viaWorkload?.how ?? 'object'}${
          a.host ? '-host' : ''
        }-note`,
        {
          key,
          ...(a.host ? { host: a.host } : {}),
          ...(viaWorkload ? { workload: viaWorkload.workload } : { via }),
        },
      );
      refs.push({
        kind: a.kind,
        tech: a.tech,
        key,
        ...(a.host ? { host: a.host } : {}),
        origin: 'deploy',
        local: false,
        overridden: false,
        via,
        ...(viaWorkload ? { viaWorkload } : {}),
        evidence: atKey(
          objectEvidence(set, source, note, fieldPath),
          key,
          scan,
        ),
        set,
      });
    }
  };
  const byName = objectFinder(set);
  for (const w of appWorkloads(set)) {
    for (const c of w.containers) {
      const env = envOf(c);
      for (let i = 0; i < env.length; i++) {
        const e = env[i];
        const key = String(e.name ?? '');
        if (typeof e.value === 'string') {
          const found = backingAddresses(key, resolveEnvValue(e.value, c, env));
          if (found.length)
            add(
              found,
              key,
              w.source,
              `${c.fieldPath}.env[${i}].value`,
              `env of ${w.kind} ${w.name}`,
              { how: 'env', workload: `${w.kind} ${w.name}` },
            );
        } else if (e.valueFrom?.secretKeyRef?.name) {
          const found = backingAddresses(key, undefined);
          if (found.length)
            add(
              found,
              key,
              w.source,
              `${c.fieldPath}.env[${i}].valueFrom`,
              `Secret ${e.valueFrom.secretKeyRef.name}`,
            );
        } else if (e.valueFrom?.configMapKeyRef?.name) {
          const ref = e.valueFrom.configMapKeyRef;
          const cm = byName('ConfigMap', ref.name);
          const v = cm?.object.data?.[ref.key];
          const found = backingAddresses(
            key,
            typeof v === 'string' ? v : undefined,
          );
          if (found.length)
            add(
              found,
              key,
              cm ?? w.source,
              cm ? `data.${ref.key}` : `${c.fieldPath}.env[${i}].valueFrom`,
              `ConfigMap ${ref.name}`,
            );
        }
      }
      // Flags in the container's command line are deploy configuration too: `--cache-server=tcp://cache:6379`.
      for (const field of ['command', 'args'] as const) {
        const argv = Array.isArray(c.container[field])
          ? (c.container[field] as unknown[]).map(String)
          : [];
        for (let j = 0; j < argv.length; j++) {
          const flag = /^--?([A-Za-z][\w.-]*)(?:=(.+))?$/.exec(argv[j]);
          if (!flag) continue;
          const value =
            flag[2] ??
            (argv[j + 1] !== undefined && !argv[j + 1].startsWith('-')
              ? argv[j + 1]
              : undefined);
          if (value === undefined) continue;
          const found = backingAddresses(flag[1], value);
          if (found.length)
            add(
              found,
              flag[1],
              w.source,
              `${c.fieldPath}.${field}[${j}]`,
              `command line of ${w.kind} ${w.name}`,
              { how: 'command-line', workload: `${w.kind} ${w.name}` },
            );
        }
      }
      for (const from of c.container.envFrom ?? []) {
        if (from?.secretRef?.name) {
          const secret = byName('Secret', from.secretRef.name);
          if (!secret) continue;
          const keys: string[] = [
            ...Object.keys(secret.object.data ?? {}),
            ...Object.keys(secret.object.stringData ?? {}),
            ...(secret.object.dataKeys ?? []),
          ];
          for (const k of keys) {
            const found = backingAddresses(k, undefined);
            if (found.length)
              add(
                found,
                k,
                secret,
                `data.${k}`,
                `Secret ${from.secretRef.name}`,
              );
          }
        }
      }
    }
  }
  // ConfigMaps once each, not per workload that loads them.
  for (const cm of configMapsOf(set)) {
    const data = cm.object.data ?? {};
    for (const k of Object.keys(data)) {
      const v = data[k];
      if (typeof v !== 'string') continue;
      const found = backingAddresses(k, v);
      if (found.length)
        add(found, k, cm, `data.${k}`, `ConfigMap ${cm.object.metadata?.name}`);
    }
  }
  const seen = new Set<string>();
  return refs.filter(r => {
    const id = `${r.key}|${r.host ?? ''}|${r.via}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

/** Settings (as env names) the deployments or deployed env files set: a literal default of the same setting is overridden. */
function settingsSetByEnvironment(
  sets: ReadonlyArray<ObjectSet>,
  envFiles: ReadonlyArray<{ path: string; vars: Record<string, string> }>,
): Set<string> {
  const keys = new Set<string>();
  for (const set of sets) {
    for (const w of appWorkloads(set))
      for (const c of w.containers)
        for (const e of envOf(c)) keys.add(envName(String(e.name ?? '')));
    for (const cm of configMapsOf(set))
      for (const k of Object.keys(cm.object.data ?? {})) keys.add(envName(k));
  }
  for (const f of envFiles) {
    if (!environmentOf(f.path, 'env-file').local)
      for (const k of Object.keys(f.vars)) keys.add(envName(k));
  }
  return keys;
}

/**
 * Hosts that address no backing service: the reserved example and test
 * domains (example.com, *.example, *.test, *.invalid, chart-example.local)
 * and ACME certificate servers.
 */
const NOT_A_BACKING_HOST =
  /(^|\.)(example\.(com|org|net)|example|invalid|test|local)$|(^|\.)letsencrypt\.org$/i;

function literalRef(
  l: ConfigLiteral,
  origin: BackingRef['origin'],
  overridden: (key: string) => boolean,
): BackingRef | undefined {
  if (NOT_A_BACKING_HOST.test(l.host)) return undefined;
  // In code, only data-store/broker URLs and constant-style settings are addresses (not every http link).
  if (
    l.role === 'source' &&
    !(l.scheme && SCHEMES[l.scheme.split('+')[0]]) &&
    !(l.key && /^[A-Z][A-Z0-9_]*$/.test(l.key))
  )
    return undefined;
  const c = classify(l.key, l.scheme);
  if (!c) return undefined;
  const isOverridden =
    origin === 'source' && (l.envOverride || (!!l.key && overridden(l.key)));
  // f4-backing-services.literal[-key][-default|-in-code]-note
  let how = '';
  if (origin === 'source') how = isOverridden ? '-default' : '-in-code';
  const note = noted(
    `f4-backing-services.literal${l.key ? '-key' : ''}${how}-note`,
    { host: l.host, ...(l.key ? { key: l.key } : {}) },
  );
  return {
    ...c,
    ...(l.key ? { key: l.key } : {}),
    host: l.host,
    origin,
    local: l.local,
    overridden: isOverridden,
    via: `${l.path}:${l.line}`,
    evidence: fileEvidence(l.path, note, l.line, l.line),
  };
}

/** Where a literal of the config scan is set, by the role of its file. */
const LITERAL_ORIGIN: Partial<
  Record<ConfigLiteral['role'], BackingRef['origin']>
> = { 'env-file': 'env-file', compose: 'env-file', manifest: 'deploy' };

// One model per scan (the fact reader is per scan), shared by the four f4 checks.
const models = new WeakMap<FactReader, BackingModel>();

/** The backing-service model of the entity. */
export function backingModel(facts: FactReader): BackingModel {
  let model = models.get(facts);
  if (!model) {
    model = buildModel(facts);
    models.set(facts, model);
  }
  return model;
}

function buildModel(facts: FactReader): BackingModel {
  const scan = getConfigLiterals(facts);
  let sets: ObjectSet[] = [];
  try {
    sets = objectSets(facts);
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  const refs = sets.flatMap(set => refsOfSet(set, scan));
  const envFiles = facts.tryGet(localDevFactRef)?.envFiles ?? [];
  let overriddenKeys: Set<string> | undefined;
  // Only literals in the code or settings files ask; many scans have none that name a backing service.
  const overridden = (key: string) =>
    (overriddenKeys ??= settingsSetByEnvironment(sets, envFiles)).has(
      envName(key),
    );
  // Manifests count through the rendered sets; read raw only when nothing could be rendered.
  const manifestsRendered = sets.some(s => s.origin === 'repo');
  for (const l of scan.literals) {
    const origin = LITERAL_ORIGIN[l.role] ?? 'source';
    if (origin === 'deploy' && manifestsRendered) continue;
    const r = literalRef(l, origin, overridden);
    if (r) refs.push(r);
  }
  return {
    refs,
    sets,
    capabilities: facts.tryGet(codeFactRef)?.capabilities ?? {},
  };
}

/** Evidence for the libraries that give a capability. */
export function capabilityEvidence(
  model: BackingModel,
  caps: Capability[],
): Evidence[] {
  return caps.flatMap(c =>
    (model.capabilities[c] ?? []).map(m =>
      fileEvidence(m.path, `${m.dependency} (${c})`, m.line, m.line),
    ),
  );
}

/** Backing-service addresses written into the code or the image's settings, that nothing overrides. */
export function hardCoded(refs: ReadonlyArray<BackingRef>): BackingRef[] {
  return refs.filter(r => r.origin === 'source' && !r.overridden && !r.local);
}

/** "postgres (DATABASE_URL)". */
export function describeRef(r: BackingRef): string {
  return `${r.key ?? r.tech}${r.host ? ` → ${r.host}` : ''}`;
}
