import type {
  EngineMessage,
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../../engine/facts';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef, type CodeFact } from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, because, english, finding, noted } from '../messages';
import { lazySnippet, toYaml } from '../snippets';
import { scrapeEvidence, serviceMonitorDocs } from './monitoring';
import { pushedMetrics } from './metricsPush';
import { objectEvidence, setWideNote } from '../setMessages';
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

type Sentence = readonly [string, EngineMessage['params']?];

/**
 * How to expose /metrics in the service's language:
 * cn-observability.metrics.howto-<language>, `-in` when it names the app's
 * file.
 */
function instrumentation(
  language: Language | undefined,
  fastapi: boolean,
  appFile: string | undefined,
): Sentence {
  const id = (name: string, withFile = true): Sentence =>
    withFile && appFile
      ? [`cn-observability.metrics.howto-${name}-in`, { file: appFile }]
      : [`cn-observability.metrics.howto-${name}`];
  switch (language) {
    case 'python':
      return id(fastapi ? 'fastapi' : 'python');
    case 'javascript':
    case 'go':
    case 'csharp':
      return id(language);
    case 'java':
      return id('java', false);
    default:
      return id('other', false);
  }
}

function exporterEvidence(code: CodeFact) {
  return [
    ...codeEvidence(code.signals['endpoint.metrics'] ?? []),
    ...(code.capabilities.metrics ?? []).map(d =>
      fileEvidence(
        d.path,
        noted('cn-observability.metrics.library-note', {
          dependency: d.dependency,
        }),
        d.line,
        d.line,
      ),
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
          objectEvidence(
            set,
            w.source,
            noted('cn-observability.metrics.port-note', {
              container: c.container.name,
              port: port.name,
              number: String(port.containerPort),
            }),
            `${c.fieldPath}.ports`,
          ),
        );
      else if (EXPORTER_IMAGE.test(String(c.container.image ?? '')))
        out.push(
          objectEvidence(
            set,
            w.source,
            noted('cn-observability.metrics.exporter-note', {
              container: c.container.name,
              image: String(c.container.image),
            }),
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
                ...finding('cn-observability.metrics.port-scraped', undefined, [
                  r.s.set.label,
                ]),
                evidence: [...r.exposed, ...r.scraped],
              }
            : {
                verdict: 'partial',
                ...finding(
                  'cn-observability.metrics.port-unscraped',
                  undefined,
                  [r.s.set.label],
                ),
                evidence: r.exposed,
                remediation: advice(
                  'cn-observability.metrics.port-unscraped-advice',
                ),
              },
      ),
    );
  const scraped = rows.flatMap(r => r.scraped);
  if (scraped.length) {
    const last: MessagePart = {
      id: 'cn-observability.metrics.scraped-unknown-reason',
    };
    return {
      verdict: 'unknown',
      ...finding('cn-observability.metrics.scraped-unknown'),
      // The scrape evidence, then why it does not decide: parts joined as the English joins them.
      reason: [...scraped.map(e => e.note), english(last.id)].join('; '),
      reasonMsg: [...scraped.map(e => e.noteMsg as MessagePart), last],
      evidence: capEvidence(scraped, 4),
    };
  }
  return undefined;
}

export const metrics: TwelveFactorCheck = {
  id: 'cn-observability.metrics',
  evaluate({ facts }) {
    // Pushed metrics reach a collector without an endpoint to scrape: they are collected, whatever the scrape configuration.
    const pushed = pushedMetrics(facts);
    if (pushed.pushes.length)
      return {
        verdict: 'pass',
        ...finding('cn-observability.metrics.pushed'),
        evidence: capEvidence([
          ...capEvidence(pushed.pushes, 6),
          ...pushed.destinations.slice(0, 3),
        ]),
      };
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
    const monitorFix = (
      s: JudgedSet | undefined,
      lead: ReadonlyArray<Sentence>,
    ) => {
      const docs = s ? serviceMonitorDocs(s) : undefined;
      return {
        ...advice([
          ...lead,
          ...(docs
            ? [['cn-observability.metrics.service-monitor-lead'] as const]
            : []),
        ]),
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
          ...finding('cn-observability.metrics.scrape-no-exporter', {
            sets: withScrape.map(x => x.s.set.label).join(', '),
          }),
          evidence: capEvidence(withScrape.flatMap(x => x.ev)),
          remediation: advice([howTo]),
        };
      }
      const target = preferredSet(sets);
      return {
        verdict: 'fail',
        ...finding('cn-observability.metrics.none'),
        evidence: sets.map(s =>
          setWideNote(s.set, noted('cn-observability.metrics.no-scrape-note')),
        ),
        remediation: monitorFix(target, [
          howTo,
          ['cn-observability.metrics.then-scrape'],
        ]),
      };
    }
    if (sets.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('cn-observability.metrics.no-workload'),
        ...because('cn-observability.metrics.no-workload-reason'),
        evidence: capEvidence(exporter),
      };
    }
    const outcomes = scraped.map(
      ({ s, ev }): CheckOutcome =>
        ev.length
          ? {
              verdict: 'pass',
              ...finding('cn-observability.metrics.scraped', undefined, [
                s.set.label,
              ]),
              evidence: ev,
            }
          : {
              verdict: 'partial',
              ...finding('cn-observability.metrics.unscraped', undefined, [
                s.set.label,
              ]),
              evidence: [
                setWideNote(
                  s.set,
                  noted('cn-observability.metrics.unscraped-note'),
                ),
              ],
              remediation: monitorFix(s, [
                ['cn-observability.metrics.scrape-endpoint'],
              ]),
            },
    );
    return worstOfSets(outcomes, capEvidence(exporter, 4));
  },
};
