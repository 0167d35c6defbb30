/* Prometheus scraping of the service's pods, and a ServiceMonitor for it. */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { mapSelectorMatches, selectorMatches } from '../../kube/labels';
import { noted } from '../messages';
import { toYaml } from '../snippets';
import { objectEvidence } from '../setMessages';
import {
  appWorkloads,
  podLabels,
  servicesOf,
  servingWorkloads,
  type JudgedSet,
} from './workloads';

const truthy = (v: unknown) => String(v).toLowerCase() === 'true';

/** What makes Prometheus scrape the set's pods: monitors or scrape annotations. */
export function scrapeEvidence({ set, workloads }: JudgedSet): Evidence[] {
  const out: Evidence[] = [];
  const services = servicesOf(set);
  const selectsOurPods = (svc: SourcedObject) =>
    workloads.some(w =>
      mapSelectorMatches(svc.object.spec?.selector, podLabels(w)),
    );
  for (const o of set.objects) {
    const kind = o.object.kind;
    if (kind === 'ServiceMonitor') {
      const hit = services.find(
        s =>
          selectsOurPods(s) &&
          selectorMatches(o.object.spec?.selector, s.object.metadata?.labels),
      );
      if (hit)
        out.push(
          objectEvidence(
            set,
            o,
            noted('cn-observability.monitoring.selects-service-note', {
              service: String(hit.object.metadata?.name),
            }),
            'spec.selector',
          ),
        );
    } else if (kind === 'PodMonitor') {
      const hit = workloads.find(w =>
        selectorMatches(o.object.spec?.selector, podLabels(w)),
      );
      if (hit)
        out.push(
          objectEvidence(
            set,
            o,
            noted('cn-observability.monitoring.selects-pods-note', {
              kind: hit.kind,
              name: hit.name,
            }),
            'spec.selector',
          ),
        );
    } else if (
      kind === 'Service' &&
      truthy(o.object.metadata?.annotations?.['prometheus.io/scrape']) &&
      selectsOurPods(o)
    ) {
      out.push(
        objectEvidence(
          set,
          o,
          noted('cn-observability.monitoring.scrape-annotation-note'),
          'metadata.annotations',
        ),
      );
    }
  }
  for (const w of workloads) {
    const a =
      w.kind === 'Pod'
        ? w.source.object.metadata?.annotations
        : w.source.object.spec?.template?.metadata?.annotations;
    if (truthy(a?.['prometheus.io/scrape']))
      out.push(
        objectEvidence(
          set,
          w.source,
          noted('cn-observability.monitoring.pod-annotation-note'),
          `${w.podSpecPath.replace(/\.spec$/, '')}.metadata.annotations`,
        ),
      );
  }
  return out;
}

/**
 * ServiceMonitors for the app's own Services, selecting each by labels that
 * only it has; when its labels are shared with other Services, a label patch
 * for the Service comes along.
 */
export function serviceMonitorSnippet(s: JudgedSet): string | undefined {
  return serviceMonitorDocs(s)
    ?.map(d => toYaml(d))
    .join('---\n');
}

/**
 * The objects serviceMonitorSnippet writes, undefined when the app has no
 * Service: checks that offer the snippet need to know whether there is one,
 * but only the remediation the engine keeps needs its YAML.
 */
export function serviceMonitorDocs(s: JudgedSet): unknown[] | undefined {
  const app = new Set(appWorkloads(s.workloads));
  const services = servingWorkloads(s.set, s.workloads, {
    metricsServices: true,
  })
    .filter(x => app.has(x.workload))
    .flatMap(x => x.services);
  const unique = [
    ...new Map(services.map(x => [x.object.metadata?.name, x])).values(),
  ].slice(0, 2);
  if (unique.length === 0) return undefined;
  const all = servicesOf(s.set);
  const docs: unknown[] = [];
  for (const svc of unique) {
    const name = String(svc.object.metadata?.name);
    const ns = svc.object.metadata?.namespace ?? s.set.namespace;
    const own: Record<string, string> = svc.object.metadata?.labels ?? {};
    const ownIsUnique =
      Object.keys(own).length > 0 &&
      all.filter(o =>
        selectorMatches({ matchLabels: own }, o.object.metadata?.labels),
      ).length === 1;
    const matchLabels = ownIsUnique
      ? own
      : (svc.object.spec?.selector as Record<string, string>) ?? { app: name };
    const port = (svc.object.spec?.ports ?? []).find((p: any) => p?.name)?.name;
    if (!ownIsUnique) {
      docs.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name,
          ...(ns ? { namespace: ns } : {}),
          labels: matchLabels,
        },
      });
    }
    docs.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: {
        name,
        ...(ns ? { namespace: ns } : {}),
        labels: { release: 'kube-prometheus-stack' },
      },
      spec: {
        selector: { matchLabels },
        endpoints: [
          {
            ...(port
              ? { port }
              : { targetPort: svc.object.spec?.ports?.[0]?.targetPort ?? 80 }),
            path: '/metrics',
            interval: '30s',
          },
        ],
      },
    });
  }
  return docs;
}
