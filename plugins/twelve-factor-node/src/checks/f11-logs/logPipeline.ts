/*
 * Where the service's logs go: stdout or files (code), which collector ships
 * pod logs (cluster add-ons, collector images in the service's own pods) and
 * which libraries ship logs straight to a backend (dependencies). Shared by
 * f11-logs.centralized, f11-logs.aggregation and
 * cn-observability.centralized-logging, so those verdicts cannot drift apart.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import type { CodeFact, SignalMatch } from '../../facts/code/extractor';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import type { Ecosystem } from '../../facts/dependencies/types';
import type { ObjectSet } from '../../facts/objectSets';
import type { Addon } from '../../kube/addons';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence, setWideNote } from '../setMessages';
import { snippetComment } from '../snippets';
import {
  codeEvidence,
  containerEnv,
  type JudgedSet,
  requireCode,
  tryWorkloadSets,
  worstOfSets,
} from '../cn-observability/workloads';

const M = 'f11-logs.pipeline';

/** A library that ships logs from the process to a backend, by ecosystem. */
const LOG_SHIPPERS: Partial<Record<Ecosystem, Record<string, string>>> = {
  python: {
    watchtower: 'CloudWatch Logs',
    'python-logging-loki': 'Loki',
    'google-cloud-logging': 'Cloud Logging',
    'opencensus-ext-azure': 'Azure Monitor',
    'azure-monitor-opentelemetry': 'Azure Monitor',
    'python-logstash': 'Logstash',
    'python-logstash-async': 'Logstash',
    'fluent-logger': 'Fluentd',
  },
  node: {
    'winston-loki': 'Loki',
    'pino-loki': 'Loki',
    'winston-elasticsearch': 'Elasticsearch',
    'pino-elasticsearch': 'Elasticsearch',
    '@google-cloud/logging-winston': 'Cloud Logging',
    '@google-cloud/logging-bunyan': 'Cloud Logging',
    'winston-cloudwatch': 'CloudWatch Logs',
    '@azure/monitor-opentelemetry': 'Azure Monitor',
  },
  go: { 'cloud.google.com/go/logging': 'Cloud Logging' },
  java: {
    'com.github.loki4j:loki-logback-appender': 'Loki',
    'com.google.cloud:google-cloud-logging-logback': 'Cloud Logging',
    'com.microsoft.azure:applicationinsights-logging-logback': 'Azure Monitor',
    'ca.pjer:logback-awslogs-appender': 'CloudWatch Logs',
  },
};

/** Collector images, for collectors that run in the service's own pods (sidecars) or its own manifests. */
const COLLECTOR_IMAGE =
  /fluent-?bit|fluentd|promtail|grafana\/alloy|timberio\/vector|\/vector:|opentelemetry-collector|otelcol|filebeat|datadog\/agent|cloudwatch-agent/i;

/** What cloud agents send logs to. */
const AGENT_BACKEND: Record<string, string> = {
  'azure-monitor-agent': 'Azure Monitor (Container Insights)',
  'cloudwatch-agent': 'CloudWatch Logs',
  'datadog-agent': 'Datadog',
};

/** Variables naming a log directory or file. */
const LOG_PATH_VAR =
  /^(APP_)?(LOG|LOGS|LOGGING)_?(DIR|DIRECTORY|PATH|FILE|FILENAME|FOLDER|LOCATION)$/i;

export interface LogShipper {
  dependency: string;
  path: string;
  line?: number;
  backend: string;
}

export interface ClusterLogging {
  name: string;
  /** Cluster add-ons that collect pod logs. */
  collectors: Addon[];
  /** Log backends running in the cluster. */
  backends: Addon[];
  /** The entity's namespaces in this cluster. */
  sets: ObjectSet[];
}

export interface LogPipeline {
  code: CodeFact;
  /**
   * Why the source code could not be read (no source file the pattern table
   * reads), when it could not: the pipeline then holds what the manifests and
   * clusters say, and no file or stdout signals.
   */
  noCode?: UnknownVerdictError;
  stdout: SignalMatch[];
  files: SignalMatch[];
  /** Libraries shipping logs from the process. */
  shippers: LogShipper[];
  /** Collector containers in the service's own manifests or pods (repo and cluster sets). */
  ownCollectors: Array<{ set: ObjectSet; evidence: Evidence }>;
  /** Clusters that run the entity. */
  clusters: ClusterLogging[];
  /** Why no cluster could be looked at, when none could. */
  noClusterReason: string;
  /** Log paths that lie on a PersistentVolumeClaim. */
  fileOnVolume: Evidence[];
}

function shippersOf(facts: FactReader): LogShipper[] {
  const out: LogShipper[] = [];
  for (const m of facts.tryGet(dependenciesFactRef)?.manifests ?? []) {
    const table = LOG_SHIPPERS[m.ecosystem];
    if (!table) continue;
    for (const d of m.dependencies) {
      const key =
        m.ecosystem === 'python'
          ? d.name.toLowerCase().replace(/_/g, '-')
          : d.name;
      const backend =
        table[key] ??
        (m.ecosystem === 'go'
          ? Object.entries(table).find(([p]) => key.startsWith(p))?.[1]
          : undefined);
      if (backend)
        out.push({
          dependency: d.name,
          path: m.path,
          ...(d.line ? { line: d.line } : {}),
          backend,
        });
    }
  }
  return out;
}

function ownCollectorsOf(sets: JudgedSet[]) {
  const out: LogPipeline['ownCollectors'] = [];
  for (const { set, workloads } of sets) {
    for (const w of workloads) {
      for (const c of w.containers) {
        if (COLLECTOR_IMAGE.test(String(c.container.image ?? ''))) {
          out.push({
            set,
            evidence: objectEvidence(
              set,
              w.source,
              noted(`${M}.collector-container-note`, {
                container: c.container.name,
                image: String(c.container.image),
              }),
              c.fieldPath,
            ),
          });
        }
      }
    }
  }
  return out;
}

/** Absolute paths named in the file-handler lines, e.g. `fileName="/var/log/app/app.log"`. */
function literalPaths(files: SignalMatch[]): string[] {
  return files.flatMap(m =>
    [...m.text.matchAll(/["'](\/[^"'\s]+)["']/g)].map(x => x[1]),
  );
}

/**
 * Evidence that log files land on a PersistentVolumeClaim: a LOG_DIR-like
 * variable, a path in the handler line, or a mount path about logs, under a
 * PVC-backed volume mount.
 */
function filesOnVolumes(sets: JudgedSet[], files: SignalMatch[]): Evidence[] {
  const literals = literalPaths(files).map(p => ({ label: p, path: p }));
  const out: Evidence[] = [];
  for (const { set, workloads } of sets) {
    for (const w of workloads) {
      const claims = new Map<string, string>();
      for (const v of w.podSpec.volumes ?? [])
        if (v?.persistentVolumeClaim?.claimName)
          claims.set(v.name, v.persistentVolumeClaim.claimName);
      for (const t of w.source.object.spec?.volumeClaimTemplates ?? [])
        if (t?.metadata?.name)
          claims.set(
            t.metadata.name,
            `${t.metadata.name} (volumeClaimTemplate)`,
          );
      if (claims.size === 0) continue;
      for (const c of w.containers) {
        const paths: Array<{ label: string; path: string }> = literals.slice();
        // The value test first: it is cheaper and rules out most variables.
        for (const [k, v] of containerEnv(set, c.container))
          if (v.startsWith('/') && LOG_PATH_VAR.test(k))
            paths.push({ label: `${k}=${v}`, path: v });
        (c.container.volumeMounts ?? []).forEach((m: any, i: number) => {
          const claim = claims.get(m?.name);
          if (!claim || typeof m.mountPath !== 'string') return;
          const mount = m.mountPath.replace(/\/+$/, '');
          const hit =
            paths.find(
              p => p.path === mount || p.path.startsWith(`${mount}/`),
            ) ?? (/log/i.test(mount) ? { label: mount } : undefined);
          if (hit) {
            out.push(
              objectEvidence(
                set,
                w.source,
                noted(`${M}.on-volume-note`, {
                  path: hit.label,
                  claim,
                  mount: m.mountPath,
                  container: c.container.name,
                }),
                `${c.fieldPath}.volumeMounts[${i}]`,
              ),
            );
          }
        });
      }
    }
  }
  return out;
}

const cache = new WeakMap<FactReader, LogPipeline>();

/** The log pipeline of the entity, computed once per scan; without source code it holds what the manifests and clusters say (noCode says why). */
export function logPipeline(facts: FactReader): LogPipeline {
  const hit = cache.get(facts);
  if (hit) return hit;
  // Collectors and backends are add-ons and manifests: they decide without the code, which only tells about log files.
  let code: CodeFact;
  let noCode: UnknownVerdictError | undefined;
  try {
    code = requireCode(facts);
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
    noCode = e;
    code = { languages: [], signals: {}, capabilities: {}, files: 0 };
  }
  const files = code.signals['logging.file'] ?? [];
  const sets = tryWorkloadSets(facts);
  const clusters: ClusterLogging[] = [];
  const reasons: string[] = [];
  for (const c of facts.tryGet(clusterFactRef)?.clusters ?? []) {
    if (c.status !== 'ok') {
      reasons.push(`cluster ${c.name}: ${c.reason}`);
    } else if (c.namespaces.length === 0) {
      reasons.push(`cluster ${c.name} runs no workload of this entity`);
    } else {
      clusters.push({
        name: c.name,
        // An OpenTelemetry Collector reads pod logs only as a node agent.
        collectors: c.addons.filter(
          a =>
            a.kind === 'log-collector' ||
            (a.kind === 'otel-collector' && a.object.kind === 'DaemonSet'),
        ),
        backends: c.addons.filter(a => a.kind === 'log-backend'),
        sets: sets.filter(s => s.set.cluster === c.name).map(s => s.set),
      });
    }
  }
  const pipeline: LogPipeline = {
    code,
    ...(noCode ? { noCode } : {}),
    stdout: code.signals['logging.stdout'] ?? [],
    files,
    shippers: shippersOf(facts),
    ownCollectors: ownCollectorsOf(sets),
    clusters,
    noClusterReason: reasons.length
      ? reasons.join('; ')
      : 'no cluster is configured',
    fileOnVolume: files.length ? filesOnVolumes(sets, files) : [],
  };
  cache.set(facts, pipeline);
  return pipeline;
}

function addonEvidence(
  cluster: string,
  a: Addon,
  note: ReturnType<typeof noted>,
): Evidence {
  return {
    type: 'cluster-object',
    cluster,
    ...(a.object.namespace ? { namespace: a.object.namespace } : {}),
    kind: a.object.kind,
    name: a.object.name,
    ...note,
  };
}

function fileLogEvidence(p: LogPipeline): Evidence[] {
  return [...codeEvidence(p.files), ...capEvidence(p.fileOnVolume, 4)];
}

function shipperEvidence(p: LogPipeline): Evidence[] {
  return p.shippers.map(s =>
    fileEvidence(
      s.path,
      noted(`${M}.shipper-note`, {
        dependency: s.dependency,
        backend: s.backend,
      }),
      s.line,
      s.line,
    ),
  );
}

function where(files: SignalMatch[]): string {
  return files.map(f => `${f.path}:${f.line}`).join(', ');
}

const COLLECTOR_HELP = [`${M}.collector-advice`] as const;

const FLUENT_BIT = snippetComment('#', 'snippet.fluent-bit');

const COLLECTOR_SNIPPET = {
  language: 'shell' as const,
  comments: [FLUENT_BIT],
  content: [
    FLUENT_BIT.text,
    'helm repo add fluent https://fluent.github.io/helm-charts',
    'helm upgrade --install fluent-bit fluent/fluent-bit -n logging --create-namespace \\',
    '  --set-string config.outputs="[OUTPUT]\\n    Name loki\\n    Match kube.*\\n    Host loki-gateway.logging.svc.cluster.local\\n    Port 80\\n"',
    '',
  ].join('\n'),
};

function removeFilesRemediation(p: LogPipeline, collectorMissing: boolean) {
  const files = [
    `${M}.remove-files-advice`,
    { files: where(p.files) },
  ] as const;
  if (!collectorMissing) return advice([files]);
  return { ...advice([files, COLLECTOR_HELP]), snippet: COLLECTOR_SNIPPET };
}

/**
 * A finding said of a cluster (`<id>`, with `cluster`) or of the
 * repository (`<id>-repo`).
 */
function of(
  label: { cluster: string } | undefined,
  id: string,
  params: Record<string, string | number> = {},
) {
  return label
    ? finding(`${M}.${id}`, { ...label, ...params })
    : finding(`${M}.${id}-repo`, params);
}

/**
 * f11-logs.centralized and cn-observability.centralized-logging: a collector
 * ships pod logs and the app writes no files.
 */
export function judgeCentralizedLogging(facts: FactReader): CheckOutcome {
  const p = logPipeline(facts);
  const appWide = [
    ...shipperEvidence(p),
    ...p.ownCollectors
      .filter(c => c.set.origin === 'repo')
      .map(c => c.evidence),
  ];
  // `label` is the cluster judged, undefined for the repository.
  const judge = (
    collectors: Evidence[],
    label: { cluster: string } | undefined,
    extra: Evidence[],
  ): CheckOutcome => {
    if (collectors.length && p.files.length) {
      return {
        verdict: 'partial',
        ...of(label, 'shipped-with-files', { files: where(p.files) }),
        evidence: [...collectors, ...fileLogEvidence(p)],
        remediation: removeFilesRemediation(p, false),
      };
    }
    if (collectors.length && p.noCode) {
      const reason = `${
        label ? `cluster ${label.cluster}` : 'repository'
      }: a collector ships the pods' logs, but ${p.noCode.message.replace(
        /^The/,
        'the',
      )} So whether it also writes log files cannot be told.`;
      const said = label
        ? because(`${M}.shipped-no-code-reason`, label)
        : because(`${M}.shipped-no-code-repo-reason`);
      return {
        verdict: 'unknown',
        ...of(label, 'shipped-no-code'),
        // The message says why the code could not be read as requireCode does; another why stays English.
        ...(said.reason === reason ? said : { reason }),
        evidence: collectors,
      };
    }
    if (collectors.length) {
      return {
        verdict: 'pass',
        ...of(label, 'shipped'),
        evidence: collectors,
      };
    }
    return {
      verdict: 'fail',
      ...(p.files.length
        ? of(label, 'files-unshipped', { files: where(p.files) })
        : of(label, 'unshipped')),
      evidence: [...extra, ...fileLogEvidence(p)],
      remediation: p.files.length
        ? removeFilesRemediation(p, true)
        : { ...advice([COLLECTOR_HELP]), snippet: COLLECTOR_SNIPPET },
    };
  };

  if (p.clusters.length) {
    return worstOfSets(
      p.clusters.map(c => {
        const collectors = [
          ...c.collectors.map(a =>
            addonEvidence(
              c.name,
              a,
              noted(`${M}.collects-note`, { product: a.product }),
            ),
          ),
          ...p.ownCollectors
            .filter(o => o.set.cluster === c.name)
            .map(o => o.evidence),
          ...appWide,
        ];
        const none = c.sets
          .slice(0, 1)
          .map(s =>
            setWideNote(
              s,
              noted(`${M}.no-collector-note`, { cluster: c.name }),
            ),
          );
        return judge(collectors, { cluster: c.name }, none);
      }),
    );
  }
  if (appWide.length) return judge(appWide, undefined, []);
  if (p.noCode) throw p.noCode;
  if (p.files.length && p.stdout.length === 0) {
    return {
      verdict: 'fail',
      ...finding(`${M}.files-only`, { files: where(p.files) }),
      evidence: fileLogEvidence(p),
      remediation: removeFilesRemediation(p, true),
    };
  }
  return {
    verdict: 'unknown',
    ...finding(`${M}.no-cluster`),
    ...noClusterBecause(
      `A log collector is a cluster add-on and ${p.noClusterReason}; the repository deploys none and no library ships logs itself.`,
      `${M}.no-cluster-reason`,
    ),
    evidence: fileLogEvidence(p),
  };
}

/** f11-logs.aggregation: logs reach a backend that aggregates them across pods. */
export function judgeLogAggregation(facts: FactReader): CheckOutcome {
  const p = logPipeline(facts);
  const appWide = [
    ...shipperEvidence(p),
    ...p.ownCollectors
      .filter(c => c.set.origin === 'repo')
      .map(c => c.evidence),
  ];
  const failRemediation = {
    ...advice([[`${M}.aggregate-advice`], COLLECTOR_HELP]),
    snippet: COLLECTOR_SNIPPET,
  };
  if (p.clusters.length) {
    return worstOfSets(
      p.clusters.map((c): CheckOutcome => {
        const found = [
          ...c.backends.map(a =>
            addonEvidence(
              c.name,
              a,
              noted(`${M}.stores-note`, { product: a.product }),
            ),
          ),
          ...c.collectors.map(a =>
            addonEvidence(
              c.name,
              a,
              AGENT_BACKEND[a.product]
                ? noted(`${M}.sends-note`, {
                    product: a.product,
                    backend: AGENT_BACKEND[a.product],
                  })
                : noted(`${M}.ships-note`, { product: a.product }),
            ),
          ),
          ...p.ownCollectors
            .filter(o => o.set.cluster === c.name)
            .map(o => o.evidence),
          ...appWide,
        ];
        if (found.length)
          return {
            verdict: 'pass',
            ...finding(`${M}.aggregated`, { cluster: c.name }),
            evidence: found,
          };
        return {
          verdict: 'fail',
          ...finding(`${M}.not-aggregated`, { cluster: c.name }),
          evidence: [
            ...c.sets
              .slice(0, 1)
              .map(s =>
                setWideNote(
                  s,
                  noted(`${M}.no-backend-note`, { cluster: c.name }),
                ),
              ),
            ...fileLogEvidence(p),
          ],
          remediation: failRemediation,
        };
      }),
    );
  }
  if (appWide.length)
    return {
      verdict: 'pass',
      ...finding(`${M}.service-ships`),
      evidence: appWide,
    };
  if (p.noCode) throw p.noCode;
  if (p.files.length && p.stdout.length === 0) {
    return {
      verdict: 'fail',
      ...finding(`${M}.files-stay`, { files: where(p.files) }),
      evidence: fileLogEvidence(p),
      remediation: failRemediation,
    };
  }
  return {
    verdict: 'unknown',
    ...finding(`${M}.no-cluster-backend`),
    ...noClusterBecause(
      `Log backends and collectors are cluster add-ons and ${p.noClusterReason}; the repository configures none.`,
      `${M}.no-cluster-backend-reason`,
    ),
    evidence: fileLogEvidence(p),
  };
}

/**
 * Why no cluster could be looked at: as a message when none is configured;
 * a cluster's own reason (from the cluster fact) stays English.
 */
function noClusterBecause(
  reason: string,
  id: string,
): { reason: string; reasonMsg?: ReturnType<typeof because>['reasonMsg'] } {
  const said = because(id);
  return said.reason === reason ? said : { reason };
}
