/*
 * Metrics that the app pushes rather than exposes: an OpenTelemetry metric
 * exporter (OTLP), a StatsD/DogStatsD client, a Micrometer push registry,
 * a Pushgateway, or OpenTelemetry auto-instrumentation that exports metrics
 * over OTLP by default (the Java agent, opentelemetry-instrument, the
 * Operator's Java, Python and .NET injection). Such metrics reach a
 * collector without a /metrics endpoint or a scrape configuration.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../../engine/facts';
import { codeFactRef } from '../../facts/code/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { splitLines } from '../../facts/splitLines';
import { fileEvidence } from '../evidence';
import { noted } from '../messages';
import { objectEvidence } from '../setMessages';
import {
  codeEvidence,
  containerEnv,
  type JudgedSet,
  tryWorkloadSets,
} from './workloads';

/** Where pushed metrics go: an OTLP endpoint, a StatsD/DogStatsD agent. */
const DESTINATION =
  /^(OTEL_EXPORTER_OTLP_(METRICS_)?ENDPOINT|MANAGEMENT_OTLP_METRICS_EXPORT_URL|STATSD_(HOST|URL|ADDR|ADDRESS)|DD_AGENT_HOST|DD_DOGSTATSD_URL|DOGSTATSD_HOST)$/;
const JAVA_OPTIONS = /^(JAVA_TOOL_OPTIONS|JAVA_OPTS|JDK_JAVA_OPTIONS)$/;
/** Operator injections whose SDKs export metrics over OTLP unless told otherwise. */
const METRICS_INJECTION =
  /^instrumentation\.opentelemetry\.io\/inject-(java|python|dotnet)$/;

function podAnnotations(o: Record<string, any>, kind: string) {
  return (
    (kind === 'Pod'
      ? o.metadata?.annotations
      : kind === 'CronJob'
      ? o.spec?.jobTemplate?.spec?.template?.metadata?.annotations
      : o.spec?.template?.metadata?.annotations) ?? {}
  );
}

/** Pushes the workloads' configuration makes: OTEL_METRICS_EXPORTER=otlp, or auto-instrumentation with metrics not switched off. */
function configuredPushes(s: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  for (const w of s.workloads) {
    const inject = Object.entries(
      podAnnotations(w.source.object, w.kind),
    ).filter(([k, v]) => METRICS_INJECTION.test(k) && String(v) !== 'false');
    let injected = false;
    for (const c of w.containers) {
      if (c.init) continue;
      const vars = containerEnv(s.set, c.container);
      const exporter = vars.get('OTEL_METRICS_EXPORTER');
      if (exporter === 'none') continue;
      const command = [
        ...(c.container.command ?? []),
        ...(c.container.args ?? []),
      ].join(' ');
      const agent = [...vars].find(
        ([k, v]) => JAVA_OPTIONS.test(k) && /opentelemetry-javaagent/.test(v),
      );
      let note;
      if (exporter && /\botlp\b/.test(exporter))
        note = noted('cn-observability.metrics.push-env-note', {
          name: 'OTEL_METRICS_EXPORTER',
          value: exporter,
          container: c.container.name,
        });
      else if (agent)
        note = noted('cn-observability.metrics.push-agent-note', {
          name: agent[0],
          container: c.container.name,
        });
      else if (/\bopentelemetry-instrument\b/.test(command))
        note = noted('cn-observability.metrics.push-instrument-note', {
          container: c.container.name,
        });
      else if (inject.length && !injected) {
        injected = true;
        note = noted('cn-observability.metrics.push-operator-note', {
          annotations: inject.map(([k, v]) => `${k}: ${v}`).join(', '),
        });
      }
      if (note) out.push(objectEvidence(s.set, w.source, note, c.fieldPath));
    }
  }
  return out;
}

/** Lines of the repository's Dockerfiles that start the OpenTelemetry Java agent or opentelemetry-instrument, or set OTLP metrics. */
function dockerfilePushes(facts: FactReader): Evidence[] {
  const out: Evidence[] = [];
  for (const df of facts.tryGet(containerBuildFactRef)?.dockerfiles ?? []) {
    if (/\bOTEL_METRICS_EXPORTER[= ]["']?none\b/.test(df.text)) continue;
    const lines = splitLines(df.text);
    const i = lines.findIndex(
      l =>
        !/^\s*#/.test(l) &&
        (/-javaagent:\S*opentelemetry-javaagent/.test(l) ||
          /\bopentelemetry-instrument\b/.test(l) ||
          /\bOTEL_METRICS_EXPORTER[= ]["']?[\w,]*\botlp\b/.test(l)),
    );
    if (i !== -1)
      out.push(
        fileEvidence(
          df.path,
          noted('cn-observability.metrics.push-dockerfile-note', {
            code: lines[i].trim().slice(0, 160),
          }),
          i + 1,
          i + 1,
        ),
      );
  }
  return out;
}

/** Where the set's containers send pushed metrics, when their environment says. */
function destinations(s: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  for (const w of s.workloads)
    for (const c of w.containers) {
      if (c.init) continue;
      const vars = containerEnv(s.set, c.container);
      // A value from the downward API (the node's IP for a DaemonSet agent) has no text: the name says it.
      const names = new Set([
        ...vars.keys(),
        ...(Array.isArray(c.container.env) ? c.container.env : [])
          .map((e: any) => e?.name)
          .filter((n: unknown) => typeof n === 'string'),
      ]);
      for (const name of names)
        if (DESTINATION.test(name))
          out.push(
            objectEvidence(
              s.set,
              w.source,
              noted('cn-observability.metrics.push-destination-note', {
                name,
                value: vars.get(name) ?? 'valueFrom',
                container: c.container.name,
              }),
              c.fieldPath,
            ),
          );
    }
  return out;
}

/**
 * Evidence that the app pushes its metrics: the code and its dependencies,
 * the workloads' and images' configuration; then where they are sent, when
 * the workloads say. Empty when nothing pushes.
 */
export function pushedMetrics(facts: FactReader): {
  pushes: Evidence[];
  destinations: Evidence[];
} {
  const code = facts.tryGet(codeFactRef);
  const sets = tryWorkloadSets(facts);
  const pushes = [
    ...codeEvidence((code?.signals['metrics.push'] ?? []).slice(0, 3)),
    ...(code?.capabilities['metrics-push'] ?? []).map(d =>
      fileEvidence(
        d.path,
        noted('cn-observability.metrics.push-library-note', {
          dependency: d.dependency,
        }),
        d.line,
        d.line,
      ),
    ),
    ...sets.flatMap(configuredPushes),
    ...dockerfilePushes(facts),
  ];
  return {
    pushes,
    destinations: pushes.length ? sets.flatMap(destinations) : [],
  };
}
