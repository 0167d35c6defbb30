import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { codeFactRef } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { lazySnippet, podSpecPatch } from '../snippets';
import {
  appWorkloads,
  codeEvidence,
  containerEnv,
  hasDependency,
  type JudgedSet,
  preferredSet,
  primaryLanguage,
  requireCode,
  tryWorkloadSets,
  worstOfSets,
} from './workloads';
import { objectEvidence } from '../setMessages';

/** The OTLP endpoint, as an env var or as a framework's property (Quarkus, Spring Boot), in env or a ConfigMap. */
const OTLP_ENDPOINT =
  /^OTEL_EXPORTER_OTLP_(TRACES_)?ENDPOINT$|^QUARKUS_OTEL_EXPORTER_OTLP_(TRACES_)?ENDPOINT$|^MANAGEMENT_OTLP_TRACING_ENDPOINT$|(^|\.)otel\.exporter\.otlp(\.traces)?\.endpoint$|^management\.otlp\.tracing\.endpoint$/;
const COLLECTOR_IMAGE =
  /opentelemetry-collector|otelcol|jaegertracing\/(all-in-one|jaeger-agent)/i;
/** Vendor tracing switched on by configuration. */
const VENDOR_ENV =
  /^(LANGCHAIN_TRACING_V2|LANGSMITH_TRACING|DD_TRACE_ENABLED|NEW_RELIC_LICENSE_KEY|APPLICATIONINSIGHTS_CONNECTION_STRING|SENTRY_DSN)$/;

/** OTLP endpoints and collectors the set's containers send to or run. */
function exporterEvidence(s: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  for (const { w, c, vars } of envOf(s)) {
    for (const [k, v] of vars)
      if (OTLP_ENDPOINT.test(k))
        out.push(
          objectEvidence(
            s.set,
            w.source,
            noted('cn-observability.tracing.env-note', {
              name: k,
              value: v,
              container: c.container.name,
            }),
            c.fieldPath,
          ),
        );
    if (COLLECTOR_IMAGE.test(String(c.container.image ?? '')))
      out.push(
        objectEvidence(
          s.set,
          w.source,
          noted('cn-observability.tracing.collector-note', {
            container: c.container.name,
            image: String(c.container.image),
          }),
          c.fieldPath,
        ),
      );
  }
  return out;
}

/** OpenTelemetry Operator injection annotations on a pod template: `instrumentation.opentelemetry.io/inject-python: "true"`. */
const INJECT_ANNOTATION = /^instrumentation\.opentelemetry\.io\/inject-[\w-]+$/;

/**
 * OpenTelemetry put into the processes without the code: the Operator's
 * auto-instrumentation (it injects the SDK and the exporter endpoint of its
 * Instrumentation), the Java agent in JAVA_TOOL_OPTIONS, or a command run
 * under opentelemetry-instrument.
 */
function injectedOtel(s: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  for (const w of s.workloads) {
    const o = w.source.object;
    const annotations =
      (w.kind === 'Pod'
        ? o.metadata?.annotations
        : w.kind === 'CronJob'
        ? o.spec?.jobTemplate?.spec?.template?.metadata?.annotations
        : o.spec?.template?.metadata?.annotations) ?? {};
    const inject = Object.entries(annotations).filter(
      ([k, v]) => INJECT_ANNOTATION.test(k) && String(v) !== 'false',
    );
    if (inject.length)
      out.push(
        objectEvidence(
          s.set,
          w.source,
          noted('cn-observability.tracing.operator-note', {
            annotations: inject.map(([k, v]) => `${k}: ${v}`).join(', '),
          }),
          `${w.podSpecPath.replace(/\.spec$/, '')}.metadata.annotations`,
        ),
      );
    for (const c of w.containers) {
      if (c.init) continue;
      const vars = containerEnv(s.set, c.container);
      const agent = [...vars].find(
        ([k, v]) =>
          /^(JAVA_TOOL_OPTIONS|JAVA_OPTS|JDK_JAVA_OPTIONS)$/.test(k) &&
          /opentelemetry-javaagent/.test(v),
      );
      const command = [
        ...(c.container.command ?? []),
        ...(c.container.args ?? []),
      ].join(' ');
      if (agent)
        out.push(
          objectEvidence(
            s.set,
            w.source,
            noted('cn-observability.tracing.java-agent-note', {
              name: agent[0],
              container: c.container.name,
            }),
            c.fieldPath,
          ),
        );
      else if (/\bopentelemetry-instrument\b/.test(command))
        out.push(
          objectEvidence(
            s.set,
            w.source,
            noted('cn-observability.tracing.instrument-note', {
              container: c.container.name,
            }),
            `${c.fieldPath}.command`,
          ),
        );
    }
  }
  return out;
}

function envOf(s: JudgedSet) {
  return s.workloads.flatMap(w =>
    w.containers.map(c => ({ w, c, vars: containerEnv(s.set, c.container) })),
  );
}

/** How to add OpenTelemetry in the service's language: cn-observability.tracing.howto-<language>. */
function otelHowTo(language: Language | undefined, fastapi: boolean): string {
  switch (language) {
    case 'python':
      return fastapi
        ? 'cn-observability.tracing.howto-fastapi'
        : 'cn-observability.tracing.howto-python';
    case 'javascript':
    case 'go':
    case 'java':
    case 'csharp':
      return `cn-observability.tracing.howto-${language}`;
    default:
      return 'cn-observability.tracing.howto-other';
  }
}

/**
 * Environment for the OTLP exporter, patched into each of the app's own
 * workloads (a trace crosses the API, its workers and its other processes):
 * one service name per process, grouped by the entity's name.
 */
function otelEnvPatch(
  targets: ReadonlyArray<OtelTarget>,
  entityName: string,
): string {
  const patches = targets.map(({ w, c }) =>
    podSpecPatch(
      {
        apiVersion: w.source.object.apiVersion,
        kind: w.kind,
        name: w.name,
        ...(w.namespace ? { namespace: w.namespace } : {}),
      },
      {
        containers: [
          {
            name: c.container.name,
            env: [
              { name: 'OTEL_SERVICE_NAME', value: w.name },
              {
                name: 'OTEL_RESOURCE_ATTRIBUTES',
                value: `service.namespace=${entityName}`,
              },
              {
                name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
                value:
                  'http://otel-collector.observability.svc.cluster.local:4317',
              },
              {
                name: 'OTEL_TRACES_SAMPLER',
                value: 'parentbased_traceidratio',
              },
              { name: 'OTEL_TRACES_SAMPLER_ARG', value: '0.2' },
            ],
          },
        ],
      },
    ),
  );
  return patches.join('---\n');
}

type OtelTarget = { w: Workload; c: WorkloadContainer };

/** The workloads otelEnvPatch patches, with their first app container. */
function otelTargets(s: JudgedSet | undefined): OtelTarget[] {
  return (s ? appWorkloads(s.workloads) : []).slice(0, 4).flatMap(w => {
    const c = w.containers.find(x => !x.init);
    return c ? [{ w, c }] : [];
  });
}

export const tracing: TwelveFactorCheck = {
  id: 'cn-observability.tracing',
  evaluate({ facts, entity }) {
    const injectedBySet = new Map(
      tryWorkloadSets(facts).map(s => [s, injectedOtel(s)]),
    );
    const injected = [...injectedBySet.values()].flat();
    // Auto-instrumentation decides without the code (a repository of manifests only, a cluster-only scan).
    if (injected.length && !facts.tryGet(codeFactRef)?.files) {
      return worstOfSets(
        [...injectedBySet]
          .filter(([, ev]) => ev.length)
          .map(([s, ev]) => ({
            verdict: 'pass',
            ...finding('cn-observability.tracing.injected', undefined, [
              s.set.label,
            ]),
            evidence: ev,
          })),
      );
    }
    const code = requireCode(facts);
    const otel = [
      ...(code.capabilities['tracing-otel'] ?? []).map(d =>
        fileEvidence(
          d.path,
          noted('cn-observability.tracing.otel-note', {
            dependency: d.dependency,
          }),
          d.line,
          d.line,
        ),
      ),
      ...codeEvidence((code.signals['tracing.otel'] ?? []).slice(0, 3)),
    ];
    const vendor = [
      ...(code.capabilities['tracing-vendor'] ?? []).map(d =>
        fileEvidence(
          d.path,
          noted('cn-observability.tracing.vendor-note', {
            dependency: d.dependency,
          }),
          d.line,
          d.line,
        ),
      ),
      ...codeEvidence((code.signals['tracing.vendor'] ?? []).slice(0, 3)),
    ];
    const sets = tryWorkloadSets(facts);
    const language = primaryLanguage(facts, code);
    const fastapi = hasDependency(facts, 'fastapi');
    const targets = otelTargets(preferredSet(sets));
    const otelFix = (lead: string) => ({
      ...advice([
        [lead],
        [otelHowTo(language, fastapi)],
        [
          targets.length
            ? 'cn-observability.tracing.point-collector-snippet'
            : 'cn-observability.tracing.point-collector',
        ],
      ]),
      ...(targets.length
        ? {
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              otelEnvPatch(targets, entity.metadata.name),
            ),
          }
        : {}),
    });

    otel.push(...capEvidence(injected, 3));
    if (otel.length) {
      if (sets.length === 0) {
        return {
          verdict: 'unknown',
          ...finding('cn-observability.tracing.no-workload'),
          ...because('cn-observability.tracing.no-workload-reason'),
          evidence: capEvidence(otel),
        };
      }
      const clusters = facts.tryGet(clusterFactRef)?.clusters ?? [];
      // An exporter the code builds with its destination (Cloud Trace, an OTLP endpoint read by the code) exports wherever the service runs.
      const inCode = codeEvidence(
        (code.signals['tracing.exporter'] ?? []).slice(0, 2),
      );
      const outcomes = sets.map((s): CheckOutcome => {
        const ev = [
          ...exporterEvidence(s),
          ...(injectedBySet.get(s) ?? []),
          ...inCode,
        ];
        const collectors = clusters
          .filter(c => c.name === s.set.cluster)
          .flatMap(c =>
            c.addons
              .filter(a => a.kind === 'otel-collector')
              .map(
                (a): Evidence => ({
                  type: 'cluster-object',
                  cluster: c.name,
                  ...(a.object.namespace
                    ? { namespace: a.object.namespace }
                    : {}),
                  kind: a.object.kind,
                  name: a.object.name,
                  ...noted('cn-observability.tracing.receiver-note', {
                    product: a.product,
                  }),
                }),
              ),
          );
        if (ev.length || collectors.length)
          return {
            verdict: 'pass',
            ...finding('cn-observability.tracing.exporting', undefined, [
              s.set.label,
            ]),
            evidence: [...ev, ...collectors],
          };
        return {
          verdict: 'partial',
          ...finding('cn-observability.tracing.no-exporter', undefined, [
            s.set.label,
          ]),
          evidence: [],
          remediation: otelFix('cn-observability.tracing.configure-lead'),
        };
      });
      return worstOfSets(outcomes, capEvidence(otel, 4));
    }
    if (vendor.length) {
      const switches = sets.flatMap(s =>
        envOf(s).flatMap(({ w, c, vars }) =>
          [...vars.keys()]
            .filter(k => VENDOR_ENV.test(k))
            .map(k =>
              objectEvidence(
                s.set,
                w.source,
                noted('cn-observability.tracing.env-note', {
                  name: k,
                  value: String(vars.get(k)),
                  container: c.container.name,
                }),
                c.fieldPath,
              ),
            ),
        ),
      );
      const names = [
        ...new Set(
          (code.capabilities['tracing-vendor'] ?? []).map(d => d.dependency),
        ),
      ];
      return {
        verdict: 'partial',
        ...finding('cn-observability.tracing.vendor-only', {
          names: String(
            names.join(', ') || (code.signals['tracing.vendor'] ?? [])[0]?.text,
          ),
        }),
        evidence: capEvidence([...vendor, ...switches.slice(0, 2)]),
        remediation: otelFix('cn-observability.tracing.vendor-lead'),
      };
    }
    return {
      verdict: 'fail',
      ...finding('cn-observability.tracing.none'),
      evidence: [],
      remediation: otelFix('cn-observability.tracing.none-lead'),
    };
  },
};
