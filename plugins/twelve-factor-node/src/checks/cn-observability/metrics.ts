import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef, type CodeFact } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
import { capEvidence, fileEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import { scrapeEvidence, serviceMonitorDocs } from './monitoring';
import {
  codeEvidence,
  hasDependency,
  type JudgedSet,
  preferredSet,
  primaryLanguage,
  requireCode,
  tryWorkloadSets,
  worstOfSets,
} from './workloads';

/** How to expose /metrics in the service's language. */
function instrumentation(
  language: Language | undefined,
  fastapi: boolean,
  appFile: string | undefined,
): string {
  const where = appFile ? ` in ${appFile}` : '';
  switch (language) {
    case 'python':
      return fastapi
        ? `Expose /metrics with prometheus-fastapi-instrumentator (requirements: prometheus-fastapi-instrumentator): \`Instrumentator().instrument(app).expose(app)\`${where}.`
        : `Expose /metrics with prometheus-client: \`start_http_server(9000)\` or \`make_asgi_app()\` mounted at /metrics${where}.`;
    case 'javascript':
      return `Expose /metrics with prom-client: \`collectDefaultMetrics()\` and \`app.get('/metrics', async (_req, res) => res.type(register.contentType).send(await register.metrics()))\`${where}.`;
    case 'go':
      return `Expose /metrics with github.com/prometheus/client_golang: \`mux.Handle("/metrics", promhttp.Handler())\`${where}.`;
    case 'java':
      return 'Expose /actuator/prometheus with io.micrometer:micrometer-registry-prometheus and spring-boot-starter-actuator (management.endpoints.web.exposure.include=health,prometheus).';
    case 'csharp':
      return `Expose /metrics with prometheus-net.AspNetCore: \`app.UseHttpMetrics(); app.MapMetrics();\`${where} (or OpenTelemetry.Exporter.Prometheus.AspNetCore).`;
    default:
      return "Expose /metrics with the Prometheus client library of the service's language.";
  }
}

function exporterEvidence(code: CodeFact) {
  return [
    ...codeEvidence(code.signals['endpoint.metrics'] ?? []),
    ...(code.capabilities.metrics ?? []).map(d =>
      fileEvidence(d.path, `${d.dependency}: metrics library`, d.line, d.line),
    ),
  ];
}

/** Container ports that serve metrics, and exporter sidecars: exposure the manifests declare. */
const METRICS_PORT = /^(https?-)?(metrics|prom|prometheus|exporter)$/i;
const EXPORTER_IMAGE =
  /(^|\/)[\w.-]*-exporter(:|@|$)|(^|\/)(statsd-exporter|jmx-exporter)(:|@|$)/i;

function declaredExposure({ set, workloads }: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  for (const w of workloads)
    for (const c of w.containers) {
      if (c.init) continue;
      const port = (c.container.ports ?? []).find(
        (p: any) => typeof p?.name === 'string' && METRICS_PORT.test(p.name),
      );
      if (port)
        out.push(
          setEvidence(
            set,
            w.source,
            `container ${c.container.name} declares port ${port.name} (${port.containerPort})`,
            `${c.fieldPath}.ports`,
          ),
        );
      else if (EXPORTER_IMAGE.test(String(c.container.image ?? '')))
        out.push(
          setEvidence(
            set,
            w.source,
            `exporter container ${c.container.name} (${c.container.image})`,
            c.fieldPath,
          ),
        );
    }
  return out;
}

/**
 * Without source code, what the manifests say: a declared metrics port (or
 * an exporter sidecar) scraped by a monitor passes, one not scraped is
 * partial; a scrape configuration alone cannot tell whether anything is
 * exposed. Undefined when the manifests say nothing either way.
 */
function withoutCode(facts: FactReader): CheckOutcome | undefined {
  const rows = tryWorkloadSets(facts).map(s => ({
    s,
    exposed: declaredExposure(s),
    scraped: scrapeEvidence(s),
  }));
  const exposing = rows.filter(r => r.exposed.length);
  if (exposing.length)
    return worstOfSets(
      exposing.map(
        (r): CheckOutcome =>
          r.scraped.length
            ? {
                verdict: 'pass',
                summary: `${r.s.set.label}: a metrics port is exposed and scraped`,
                evidence: [...r.exposed, ...r.scraped],
              }
            : {
                verdict: 'partial',
                summary: `${r.s.set.label}: a metrics port is exposed but nothing scrapes it`,
                evidence: r.exposed,
                remediation: {
                  text: 'Let Prometheus scrape the metrics port (a ServiceMonitor or PodMonitor).',
                },
              },
      ),
    );
  const scraped = rows.flatMap(r => r.scraped);
  if (scraped.length)
    return {
      verdict: 'unknown',
      summary: 'Scraped, but whether the app exposes metrics is not visible',
      reason: `${scraped
        .map(e => e.note)
        .join(
          '; ',
        )}; the repository has no source code, and the containers declare no metrics port, to tell whether the app exposes /metrics.`,
      evidence: capEvidence(scraped, 4),
    };
  return undefined;
}

export const metrics: TwelveFactorCheck = {
  id: 'cn-observability.metrics',
  evaluate({ facts }) {
    if (!facts.tryGet(codeFactRef)?.files) {
      const decided = withoutCode(facts);
      if (decided) return decided;
    }
    const code = requireCode(facts);
    const exporter = exporterEvidence(code);
    const sets = tryWorkloadSets(facts);
    const scraped = sets.map(s => ({ s, ev: scrapeEvidence(s) }));
    const appFile = (code.signals['endpoint.health'] ?? [])[0]?.path;
    const howTo = instrumentation(
      primaryLanguage(facts, code),
      hasDependency(facts, 'fastapi'),
      appFile,
    );
    const monitorFix = (s: JudgedSet | undefined, lead: string) => {
      const docs = s ? serviceMonitorDocs(s) : undefined;
      return {
        text: `${lead}${
          docs ? " A ServiceMonitor for the app's Service(s):" : ''
        }`,
        ...(docs
          ? {
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                docs.map(d => toYaml(d)).join('---\n'),
              ),
            }
          : {}),
      };
    };

    if (exporter.length === 0) {
      const withScrape = scraped.filter(x => x.ev.length);
      if (withScrape.length) {
        return {
          verdict: 'partial',
          summary: `Scrape configuration without an exporter: ${withScrape
            .map(x => x.s.set.label)
            .join(
              ', ',
            )} scrape the pods, but the code has no metrics library or /metrics endpoint`,
          evidence: capEvidence(withScrape.flatMap(x => x.ev)),
          remediation: { text: howTo },
        };
      }
      const target = preferredSet(sets);
      return {
        verdict: 'fail',
        summary:
          'No Prometheus metrics: no metrics library or /metrics endpoint in the code, and nothing scrapes the pods',
        evidence: sets.map(s =>
          setWideEvidence(
            s.set,
            'no ServiceMonitor, PodMonitor or prometheus.io/scrape annotation',
          ),
        ),
        remediation: monitorFix(
          target,
          `${howTo} Then let Prometheus scrape it.`,
        ),
      };
    }
    if (sets.length === 0) {
      return {
        verdict: 'unknown',
        summary:
          'Metrics are exposed; no manifests or cluster show whether they are scraped',
        reason:
          'No deploy target or cluster namespace of this entity runs a workload, so no ServiceMonitor, PodMonitor or scrape annotation can be looked for.',
        evidence: capEvidence(exporter),
      };
    }
    const outcomes = scraped.map(
      ({ s, ev }): CheckOutcome =>
        ev.length
          ? {
              verdict: 'pass',
              summary: `${s.set.label}: metrics are exposed and scraped`,
              evidence: ev,
            }
          : {
              verdict: 'partial',
              summary: `${s.set.label}: metrics are exposed but nothing scrapes them`,
              evidence: [
                setWideEvidence(
                  s.set,
                  'no ServiceMonitor, PodMonitor or prometheus.io/scrape annotation selects the pods',
                ),
              ],
              remediation: monitorFix(
                s,
                'Let Prometheus scrape the /metrics endpoint.',
              ),
            },
    );
    return worstOfSets(outcomes, capEvidence(exporter, 4));
  },
};
