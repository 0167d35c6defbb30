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
import {
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import type { Addon } from '../../kube/addons';
import { capEvidence, fileEvidence } from '../evidence';
import {
  codeEvidence,
  containerEnv,
  type JudgedSet,
  requireCode,
  tryWorkloadSets,
  worstOfSets,
} from '../cn-observability/workloads';

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
            evidence: setEvidence(
              set,
              w.source,
              `log collector container ${c.container.name} (${c.container.image})`,
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
              setEvidence(
                set,
                w.source,
                `logs written to ${hit.label} land on PVC ${claim} mounted at ${m.mountPath} (container ${c.container.name})`,
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

function addonEvidence(cluster: string, a: Addon, note: string): Evidence {
  return {
    type: 'cluster-object',
    cluster,
    ...(a.object.namespace ? { namespace: a.object.namespace } : {}),
    kind: a.object.kind,
    name: a.object.name,
    note,
  };
}

function fileLogEvidence(p: LogPipeline): Evidence[] {
  return [...codeEvidence(p.files), ...capEvidence(p.fileOnVolume, 4)];
}

function shipperEvidence(p: LogPipeline): Evidence[] {
  return p.shippers.map(s =>
    fileEvidence(
      s.path,
      `${s.dependency} ships logs to ${s.backend}`,
      s.line,
      s.line,
    ),
  );
}

function where(files: SignalMatch[]): string {
  return files.map(f => `${f.path}:${f.line}`).join(', ');
}

const COLLECTOR_HELP =
  "Run a log collector that ships every pod's stdout to a backend: Fluent Bit or Grafana Alloy to Loki/Elasticsearch, or the cloud's agent (Container Insights on AKS, CloudWatch agent on EKS, Cloud Logging on GKE).";

const COLLECTOR_SNIPPET = {
  language: 'shell' as const,
  content: [
    '# Fluent Bit as a DaemonSet, shipping pod logs to Loki',
    'helm repo add fluent https://fluent.github.io/helm-charts',
    'helm upgrade --install fluent-bit fluent/fluent-bit -n logging --create-namespace \\',
    '  --set-string config.outputs="[OUTPUT]\\n    Name loki\\n    Match kube.*\\n    Host loki-gateway.logging.svc.cluster.local\\n    Port 80\\n"',
    '',
  ].join('\n'),
};

function removeFilesRemediation(p: LogPipeline, collectorMissing: boolean) {
  const files = `Remove the file handler(s) at ${where(
    p.files,
  )} so that logs go to stdout/stderr only; a collector ships stdout, not files on a volume.`;
  if (!collectorMissing) return { text: files };
  return { text: `${files} ${COLLECTOR_HELP}`, snippet: COLLECTOR_SNIPPET };
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
  const judge = (
    collectors: Evidence[],
    label: string,
    extra: Evidence[],
  ): CheckOutcome => {
    if (collectors.length && p.files.length) {
      return {
        verdict: 'partial',
        summary: `${label}: logs are shipped, but the app also writes log files (${where(
          p.files,
        )})`,
        evidence: [...collectors, ...fileLogEvidence(p)],
        remediation: removeFilesRemediation(p, false),
      };
    }
    if (collectors.length && p.noCode) {
      return {
        verdict: 'unknown',
        summary: `${label}: logs are shipped; whether the app also writes log files is not visible`,
        reason: `${label}: a collector ships the pods' logs, but ${p.noCode.message.replace(
          /^The/,
          'the',
        )} So whether it also writes log files cannot be told.`,
        evidence: collectors,
      };
    }
    if (collectors.length) {
      return {
        verdict: 'pass',
        summary: `${label}: logs are shipped and the app writes no log files`,
        evidence: collectors,
      };
    }
    return {
      verdict: 'fail',
      summary: p.files.length
        ? `${label}: logs are written to files (${where(
            p.files,
          )}) and no log collector ships them`
        : `${label}: no log collector ships the pods' logs`,
      evidence: [...extra, ...fileLogEvidence(p)],
      remediation: p.files.length
        ? removeFilesRemediation(p, true)
        : { text: COLLECTOR_HELP, snippet: COLLECTOR_SNIPPET },
    };
  };

  if (p.clusters.length) {
    return worstOfSets(
      p.clusters.map(c => {
        const collectors = [
          ...c.collectors.map(a =>
            addonEvidence(c.name, a, `${a.product} collects pod logs`),
          ),
          ...p.ownCollectors
            .filter(o => o.set.cluster === c.name)
            .map(o => o.evidence),
          ...appWide,
        ];
        const none = c.sets
          .slice(0, 1)
          .map(s =>
            setWideEvidence(
              s,
              `no log collector (Fluent Bit, Fluentd, Promtail, Alloy, Vector, OpenTelemetry Collector DaemonSet, cloud agent) runs in cluster ${c.name}`,
            ),
          );
        return judge(collectors, `cluster ${c.name}`, none);
      }),
    );
  }
  if (appWide.length) return judge(appWide, 'repository', []);
  if (p.noCode) throw p.noCode;
  if (p.files.length && p.stdout.length === 0) {
    return {
      verdict: 'fail',
      summary: `Logs are written only to files (${where(
        p.files,
      )}); nothing reaches stdout, so no collector could ship them`,
      evidence: fileLogEvidence(p),
      remediation: removeFilesRemediation(p, true),
    };
  }
  return {
    verdict: 'unknown',
    summary: 'No cluster to look for a log collector in',
    reason: `A log collector is a cluster add-on and ${p.noClusterReason}; the repository deploys none and no library ships logs itself.`,
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
    text: `Send the logs to a backend that aggregates them across pods (Loki, Elasticsearch/OpenSearch, Azure Monitor, Cloud Logging, CloudWatch). ${COLLECTOR_HELP}`,
    snippet: COLLECTOR_SNIPPET,
  };
  if (p.clusters.length) {
    return worstOfSets(
      p.clusters.map((c): CheckOutcome => {
        const found = [
          ...c.backends.map(a =>
            addonEvidence(c.name, a, `${a.product} stores logs`),
          ),
          ...c.collectors.map(a =>
            addonEvidence(
              c.name,
              a,
              AGENT_BACKEND[a.product]
                ? `${a.product} sends pod logs to ${AGENT_BACKEND[a.product]}`
                : `${a.product} ships pod logs to its configured backend`,
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
            summary: `cluster ${c.name}: logs leave the pods for a log backend`,
            evidence: found,
          };
        return {
          verdict: 'fail',
          summary: `cluster ${c.name}: no log backend or collector; logs stay on each pod`,
          evidence: [
            ...c.sets
              .slice(0, 1)
              .map(s =>
                setWideEvidence(
                  s,
                  `no log collector or log backend (Loki, Elasticsearch, cloud agent) in cluster ${c.name}`,
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
      summary: 'The service ships its logs to a backend',
      evidence: appWide,
    };
  if (p.noCode) throw p.noCode;
  if (p.files.length && p.stdout.length === 0) {
    return {
      verdict: 'fail',
      summary: `Logs stay in files on each pod (${where(p.files)})`,
      evidence: fileLogEvidence(p),
      remediation: failRemediation,
    };
  }
  return {
    verdict: 'unknown',
    summary: 'No cluster to look for a log backend in',
    reason: `Log backends and collectors are cluster add-ons and ${p.noClusterReason}; the repository configures none.`,
    evidence: fileLogEvidence(p),
  };
}
