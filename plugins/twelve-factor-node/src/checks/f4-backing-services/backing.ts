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
import { environmentOf, findAddresses, getConfigLiterals, type ConfigLiteral, type ConfigLiteralsFact } from '../../facts/configLiterals';
import { localDevFactRef } from '../../facts/localDev';
import type { Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, setEvidence, type ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { fileEvidence } from '../evidence';
import { appWorkloads, atKey, configMapsOf, envOf, resolveEnvValue } from '../f3-config/pods';

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
  evidence: Evidence;
  set?: ObjectSet;
}

export interface BackingModel {
  refs: BackingRef[];
  sets: ObjectSet[];
  capabilities: Partial<Record<Capability, Array<{ dependency: string; path: string; line?: number }>>>;
}

const SCHEMES: Record<string, [BackingKind, string]> = {
  postgres: ['database', 'postgres'], postgresql: ['database', 'postgres'], cockroachdb: ['database', 'postgres'],
  mysql: ['database', 'mysql'], mariadb: ['database', 'mysql'], mongodb: ['database', 'mongo'], 'mongodb+srv': ['database', 'mongo'],
  sqlserver: ['database', 'mssql'], mssql: ['database', 'mssql'], oracle: ['database', 'oracle'], sqlite: ['database', 'sqlite'], h2: ['database', 'sqlite'],
  redis: ['cache', 'redis'], rediss: ['cache', 'redis'], memcached: ['cache', 'memcached'],
  amqp: ['broker', 'rabbitmq'], amqps: ['broker', 'rabbitmq'], kafka: ['broker', 'kafka'], nats: ['broker', 'nats'],
  smtp: ['mail', 'smtp'], smtps: ['mail', 'smtp'],
};

const ADDRESS_KEY = /(^|_)(URL|URI|DSN|HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|SERVER|SERVERS|BROKERS?|CONNECTION_STRING|CONN_STR)$/;
// Addresses of the service itself, of people's browsers, of identity issuers or of build tooling: not backing services.
const NOT_BACKING_KEY = /(CORS|ORIGIN|ISSUER|REDIRECT|CALLBACK|PUBLIC_URL|SITE_URL|HOMEPAGE|DOCS|SCHEMA|JWKS|AUDIENCE|REPO_?URL|INDEX_URL|PROXY|REGISTRY|FRONTEND|UI_URL|APP_URL|BASE_PATH|LOGIN|LOGOUT|HTTP_ADDR|ADMIN_ADDR|LISTEN|BIND)/;

/** `spring.datasource.url` → SPRING_DATASOURCE_URL, `redisUrl` → REDIS_URL. */
export function envName(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().replace(/[.-]/g, '_');
}

/** What a setting (name, and URL scheme when the value is visible) addresses, if it is a backing service. */
export function classify(key: string | undefined, scheme?: string): { kind: BackingKind; tech: string } | undefined {
  const name = key ? envName(key) : '';
  if (name && NOT_BACKING_KEY.test(name)) return undefined;
  const byScheme = scheme ? SCHEMES[scheme] ?? SCHEMES[scheme.split('+')[0]] : undefined;
  if (byScheme) {
    // Redis (or another cache) as a Celery/Bull broker is a broker.
    if (byScheme[0] === 'cache' && /BROKER|CELERY|QUEUE/.test(name)) return { kind: 'broker', tech: byScheme[1] };
    return { kind: byScheme[0], tech: byScheme[1] };
  }
  if (!name || !(ADDRESS_KEY.test(name) || /DATASOURCE_URL$/.test(name))) return undefined;
  if (scheme && !/^https?$/.test(scheme)) return undefined;
  const tech = (table: Array<[RegExp, string]>, fallback: string) => table.find(([re]) => re.test(name))?.[1] ?? fallback;
  if (/DATABASE|DATASOURCE|(^|_)DB(_|$)|POSTGRES|(^|_)PG|MYSQL|MARIADB|MONGO|JDBC|(^|_)SQL/.test(name)) {
    return { kind: 'database', tech: tech([[/MYSQL|MARIADB/, 'mysql'], [/MONGO/, 'mongo'], [/POSTGRES|(^|_)PG/, 'postgres']], 'sql') };
  }
  if (/REDIS|VALKEY|CACHE|MEMCACHE/.test(name)) return { kind: 'cache', tech: tech([[/MEMCACHE/, 'memcached']], 'redis') };
  if (/BROKER|AMQP|RABBIT|KAFKA|NATS|QUEUE|CELERY|SQS|PUBSUB/.test(name)) return { kind: 'broker', tech: tech([[/KAFKA/, 'kafka'], [/RABBIT|AMQP/, 'rabbitmq']], 'broker') };
  if (/MAIL|SMTP/.test(name)) return { kind: 'mail', tech: 'smtp' };
  return { kind: 'api', tech: 'http' };
}

export const DB_IMAGE = /(^|\/)(postgres|postgresql|postgis|mysql|mariadb|mongo|mongodb|mssql|cockroach|timescaledb|percona[\w-]*)([:@-]|$)/;
export const CACHE_IMAGE = /(^|\/)(redis|valkey|keydb|dragonfly|memcached|rabbitmq|kafka|nats|redpanda)([:@-]|$)/;
export const DB_OPERATOR = /(postgresql\.cnpg\.io\/[^/]+\/Cluster|postgres-operator\.crunchydata\.com|acid\.zalan\.do|mysql\.oracle\.com|pxc\.percona\.com|psmdb\.percona\.com|mongodbcommunity\.mongodb\.com|rds\.services\.k8s\.aws|sql\.cnrm\.cloud\.google\.com|dbforpostgresql\.azure\.com|dbformysql\.azure\.com)/;
export const CACHE_OPERATOR = /(databases\.spotahome\.com|redis\.redis\.opstreelabs\.in|rabbitmq\.com\/[^/]+\/RabbitmqCluster|kafka\.strimzi\.io\/[^/]+\/Kafka$|cache\.azure\.com|elasticache\.services\.k8s\.aws)/;
export const MANAGED_DB_HOST = /\.(postgres|mysql|mariadb)\.database\.azure\.com$|\.database\.windows\.net$|\.rds\.amazonaws\.com$|\.documents\.azure\.com$|\.cosmos\.azure\.com$|\.mongodb\.net$|\.sql\.goog$|cloudsql|\.neon\.tech$|\.supabase\.co$|\.aivencloud\.com$|\.cockroachlabs\.cloud$|\.psdb\.cloud$|\.tsdb\.cloud\.timescale\.com$/;
export const MANAGED_CACHE_HOST = /\.redis\.cache\.windows\.net$|\.redisenterprise\.cache\.azure\.net$|\.cache\.amazonaws\.com$|memorystore|\.upstash\.io$|\.redislabs\.com$|\.redis-cloud\.com$|\.servicebus\.windows\.net$|\.confluent\.cloud$|\.cloudamqp\.com$|\.mq\.[\w-]+\.amazonaws\.com$|\.kafka\.[\w-]+\.amazonaws\.com$/;

/** Images of a workload's (non-init) containers. */
export function imagesOf(w: Workload): string[] {
  return w.containers.filter(c => !c.init).map(c => String(c.container.image ?? ''));
}

/** Databases and caches running in the set: workloads by image, operator-managed clusters by kind. */
export function runningServices(set: ObjectSet, image: RegExp, operator: RegExp): Array<{ source: SourcedObject; name: string; kind: string }> {
  const out: Array<{ source: SourcedObject; name: string; kind: string }> = [];
  for (const w of appWorkloads(set)) {
    const images = imagesOf(w);
    // A pod that also runs the app is the app, judged as embedded elsewhere.
    if (images.length && images.every(i => image.test(i.split('@')[0]))) out.push({ source: w.source, name: w.name, kind: w.kind });
  }
  for (const o of set.objects) {
    if (operator.test(`${o.object.apiVersion}/${o.object.kind}`)) out.push({ source: o, name: String(o.object.metadata?.name), kind: o.object.kind });
  }
  return out;
}

/** App pods that run a database/cache container next to the app's own containers. */
export function embeddedIn(set: ObjectSet, image: RegExp): Array<{ w: Workload; image: string }> {
  return appWorkloads(set).flatMap(w => {
    const images = imagesOf(w);
    const inside = images.filter(i => image.test(i.split('@')[0]));
    return inside.length && inside.length < images.length ? [{ w, image: inside[0] }] : [];
  });
}

/** Where a host points: a managed service, a Service of the set (and what it selects), the pod itself, or outside. */
export function whereIs(host: string, set: ObjectSet | undefined, managed: RegExp): string {
  if (managed.test(host)) return 'managed service';
  if (/^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0)$/.test(host)) return 'the same pod (localhost)';
  const name = host.split('.')[0];
  const svc = set?.objects.find(o => o.object.kind === 'Service' && o.object.metadata?.name === name);
  if (svc) {
    const target = appWorkloads(set!).find(w => mapSelectorMatches(svc.object.spec?.selector, w.kind === 'Pod' ? w.source.object.metadata?.labels : w.source.object.spec?.template?.metadata?.labels));
    return target ? `${target.kind} ${target.name} behind Service ${name}` : `Service ${name}`;
  }
  return 'outside the cluster workloads';
}

function refsOfSet(set: ObjectSet, scan: ConfigLiteralsFact): BackingRef[] {
  const refs: BackingRef[] = [];
  const add = (key: string, value: string | undefined, source: SourcedObject, fieldPath: string, via: string) => {
    const found: Array<{ scheme?: string; host?: string }> = value ? findAddresses(value, key) : [{}];
    if (found.length === 0 && value) {
      // No host in it: `sqlite:///data.db`, a single-label host (`DB_HOST=postgres`), `$(OTHER)`; anything else is no address.
      const scheme = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      if (scheme) found.push({ scheme });
      else if (/^[a-z0-9-]+$/i.test(value) && classify(key)) found.push({ host: value });
      else if (/\$\(/.test(value)) found.push({});
    }
    for (const a of found) {
      const c = classify(key, a.scheme);
      if (!c) continue;
      const note = `${key}${a.host ? ` → ${a.host}` : ''} (${via})`;
      refs.push({ ...c, key, ...(a.host ? { host: a.host } : {}), origin: 'deploy', local: false, overridden: false, via, evidence: atKey(setEvidence(set, source, note, fieldPath), key, scan), set });
    }
  };
  const byName = (kind: string, name: string) => set.objects.find(o => o.object.kind === kind && o.object.metadata?.name === name);
  for (const w of appWorkloads(set)) {
    for (const c of w.containers) {
      envOf(c).forEach((e, i) => {
        const key = String(e.name ?? '');
        const fieldPath = `${c.fieldPath}.env[${i}]`;
        if (typeof e.value === 'string') add(key, resolveEnvValue(e.value, c), w.source, `${fieldPath}.value`, `env of ${w.kind} ${w.name}`);
        else if (e.valueFrom?.secretKeyRef?.name) add(key, undefined, w.source, `${fieldPath}.valueFrom`, `Secret ${e.valueFrom.secretKeyRef.name}`);
        else if (e.valueFrom?.configMapKeyRef?.name) {
          const cm = byName('ConfigMap', e.valueFrom.configMapKeyRef.name);
          const v = cm?.object.data?.[e.valueFrom.configMapKeyRef.key];
          add(key, typeof v === 'string' ? v : undefined, cm ?? w.source, cm ? `data.${e.valueFrom.configMapKeyRef.key}` : `${fieldPath}.valueFrom`, `ConfigMap ${e.valueFrom.configMapKeyRef.name}`);
        }
      });
      for (const from of c.container.envFrom ?? []) {
        if (from?.secretRef?.name) {
          const secret = byName('Secret', from.secretRef.name);
          const keys: string[] = secret ? [...Object.keys(secret.object.data ?? {}), ...Object.keys(secret.object.stringData ?? {}), ...(secret.object.dataKeys ?? [])] : [];
          for (const k of keys) add(k, undefined, secret!, `data.${k}`, `Secret ${from.secretRef.name}`);
        }
      }
    }
  }
  // ConfigMaps once each, not per workload that loads them.
  for (const cm of configMapsOf(set)) {
    for (const [k, v] of Object.entries(cm.object.data ?? {})) if (typeof v === 'string') add(k, v, cm, `data.${k}`, `ConfigMap ${cm.object.metadata?.name}`);
  }
  const seen = new Set<string>();
  return refs.filter(r => {
    const id = `${r.key}|${r.host ?? ''}|${r.via}`;
    return seen.has(id) ? false : (seen.add(id), true);
  });
}

function literalRef(l: ConfigLiteral, origin: BackingRef['origin'], overriddenKeys: Set<string>): BackingRef | undefined {
  // In code, only data-store/broker URLs and constant-style settings are addresses (not every http link).
  if (l.role === 'source' && !(l.scheme && SCHEMES[l.scheme.split('+')[0]]) && !(l.key && /^[A-Z][A-Z0-9_]*$/.test(l.key))) return undefined;
  const c = classify(l.key, l.scheme);
  if (!c) return undefined;
  const overridden = origin === 'source' && (l.envOverride || (!!l.key && overriddenKeys.has(envName(l.key))));
  let how = '';
  if (origin === 'source') how = overridden ? ' (literal default, set by the environment)' : ' (literal in the code/settings)';
  const note = `${l.key ? `${l.key} → ` : ''}${l.host}${how}`;
  return { ...c, ...(l.key ? { key: l.key } : {}), host: l.host, origin, local: l.local, overridden, via: `${l.path}:${l.line}`, evidence: fileEvidence(l.path, note, l.line, l.line) };
}

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
  // Settings the deployments or (deployed) env files set: a literal default of the same setting is overridden.
  const overriddenKeys = new Set<string>();
  for (const set of sets) {
    for (const w of appWorkloads(set)) for (const c of w.containers) for (const e of envOf(c)) overriddenKeys.add(envName(String(e.name ?? '')));
    for (const cm of configMapsOf(set)) for (const k of Object.keys(cm.object.data ?? {})) overriddenKeys.add(envName(k));
  }
  for (const f of facts.tryGet(localDevFactRef)?.envFiles ?? []) {
    if (!environmentOf(f.path, 'env-file').local) for (const k of Object.keys(f.vars)) overriddenKeys.add(envName(k));
  }
  for (const l of scan.literals) {
    const ORIGIN: Partial<Record<ConfigLiteral['role'], BackingRef['origin']>> = { 'env-file': 'env-file', compose: 'env-file', manifest: 'deploy' };
    const origin = ORIGIN[l.role] ?? 'source';
    // Manifests count through the rendered sets; read raw only when nothing could be rendered.
    if (origin === 'deploy' && sets.some(s => s.origin === 'repo')) continue;
    const r = literalRef(l, origin, overriddenKeys);
    if (r) refs.push(r);
  }
  return { refs, sets, capabilities: facts.tryGet(codeFactRef)?.capabilities ?? {} };
}

/** Evidence for the libraries that give a capability. */
export function capabilityEvidence(model: BackingModel, caps: Capability[]): Evidence[] {
  return caps.flatMap(c => (model.capabilities[c] ?? []).map(m => fileEvidence(m.path, `${m.dependency} (${c})`, m.line, m.line)));
}

/** Backing-service addresses written into the code or the image's settings, that nothing overrides. */
export function hardCoded(refs: ReadonlyArray<BackingRef>): BackingRef[] {
  return refs.filter(r => r.origin === 'source' && !r.overridden && !r.local);
}

/** "postgres (DATABASE_URL)". */
export function describeRef(r: BackingRef): string {
  return `${r.key ?? r.tech}${r.host ? ` → ${r.host}` : ''}`;
}
