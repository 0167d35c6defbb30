import { unknownBecause } from '../../engine/unknownReason';
import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { advice, english, finding, noted } from '../messages';
import { lazySnippet, toYaml } from '../snippets';
import { objectEvidence, setWideNote } from '../setMessages';
import {
  type JudgedSet,
  longRunning,
  preferredSet,
  tryWorkloadSets,
  workloadSets,
  worstOfSets,
} from './workloads';

function alertCount(rule: Record<string, any>): number {
  return (rule.spec?.groups ?? []).reduce(
    (n: number, g: any) =>
      n + (g?.rules ?? []).filter((r: any) => r?.alert).length,
    0,
  );
}

const WORD_CHAR = /^\w$/;
const isSeparator = (ch: string) => ch === '-' || ch === '_' || ch === '.';

/**
 * `my-app.web` → `MyAppWeb`: upper-cases the first word character and each
 * one after a `-`, `_` or `.`, dropping that separator (what
 * `s.replace(/(^|[-_.])(\w)/g, …toUpperCase())` does, without a callback per match).
 */
function camel(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (i === 0 && WORD_CHAR.test(s[0])) {
      out += s[0].toUpperCase();
      i = 1;
    } else if (
      isSeparator(s[i]) &&
      i + 1 < s.length &&
      WORD_CHAR.test(s[i + 1])
    ) {
      out += s[i + 1].toUpperCase();
      i += 2;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

/** Alerts for the set's own workloads from kube-state-metrics, which need no app metrics. */
function ruleSnippet(s: JudgedSet, name: string): string {
  const workloads = longRunning(s.workloads)
    .filter(w => w.kind === 'Deployment' || w.kind === 'StatefulSet')
    .slice(0, 3);
  const ns = workloads[0]?.namespace ?? s.set.namespace;
  const nsSel = ns ? `namespace="${ns}", ` : '';
  const rules = workloads.flatMap(w => {
    const metric =
      w.kind === 'Deployment'
        ? `kube_deployment_status_replicas_available{${nsSel}deployment="${w.name}"}`
        : `kube_statefulset_status_replicas_ready{${nsSel}statefulset="${w.name}"}`;
    return [
      {
        alert: `${camel(w.name)}Unavailable`,
        expr: `${metric} < 1`,
        for: '5m',
        labels: { severity: 'critical' },
        annotations: {
          summary: `${w.kind} ${w.name} has no available replica`,
        },
      },
      {
        alert: `${camel(w.name)}CrashLooping`,
        expr: `increase(kube_pod_container_status_restarts_total{${nsSel}pod=~"${w.name}-.*"}[15m]) > 3`,
        for: '5m',
        labels: { severity: 'warning' },
        annotations: { summary: `pods of ${w.name} restart repeatedly` },
      },
    ];
  });
  return toYaml({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name,
      ...(ns ? { namespace: ns } : {}),
      labels: { release: 'kube-prometheus-stack' },
    },
    spec: { groups: [{ name: `${name}.rules`, rules }] },
  });
}

/** Kinds that hold alert rules or alert routing: Prometheus Operator, VictoriaMetrics, Datadog and Grafana operators. */
const ALERT_KINDS = new Set([
  'PrometheusRule',
  'VMRule',
  'AlertmanagerConfig',
  'VMAlertmanagerConfig',
  'DatadogMonitor',
  'GrafanaAlertRuleGroup',
]);

/** The objects of a set that alert: rule objects with at least one alert, and alert routing. */
function alertObjects(set: ObjectSet): SourcedObject[] {
  return set.objects.filter(o => {
    if (!ALERT_KINDS.has(o.object.kind)) return false;
    return o.object.kind === 'PrometheusRule' || o.object.kind === 'VMRule'
      ? alertCount(o.object) > 0
      : true;
  });
}

type Said = EngineMessage;

/**
 * What alerts, said in parts: the alert rules, then the other alerting
 * objects; the last part says where they are kept when that is another set.
 */
function describeAlerts(objects: SourcedObject[], keptIn?: string): Said[] {
  const rules = objects.filter(o => o.object.spec?.groups);
  const others = objects.filter(o => !o.object.spec?.groups);
  const parts: Said[] = [];
  if (rules.length)
    parts.push({
      id: 'cn-observability.alerting.rules',
      params: {
        n: rules.reduce((n, r) => n + alertCount(r.object), 0),
        names: rules.map(r => r.object.metadata?.name).join(', '),
      },
    });
  if (others.length)
    parts.push({
      id: 'cn-observability.alerting.others',
      params: {
        objects: others
          .map(o => `${o.object.kind} ${o.object.metadata?.name}`)
          .join(', '),
      },
    });
  if (keptIn !== undefined && parts.length) {
    const last = parts[parts.length - 1];
    parts[parts.length - 1] = {
      id: `${last.id}-kept`,
      params: { ...last.params, set: keptIn },
    };
  }
  return parts;
}

/** A set's finding said in parts, joined with semicolons: `prd: 3 alert rule(s) in a; AlertmanagerConfig b`. */
function saidOf(
  label: string,
  parts: Said[],
): { summary: string; summaryMsg: MessagePart[] } {
  return {
    summary: `${label}: ${parts.map(p => english(p.id, p.params)).join('; ')}`,
    summaryMsg: parts.map((p, i) => (i === 0 ? { ...p, labels: [label] } : p)),
  };
}

function alertEvidence(set: ObjectSet, objects: SourcedObject[]) {
  return objects.map(o => {
    if (o.object.spec?.groups)
      return objectEvidence(
        set,
        o,
        noted('cn-observability.alerting.rules-note', {
          n: alertCount(o.object),
        }),
        'spec.groups',
      );
    return objectEvidence(
      set,
      o,
      o.object.kind.endsWith('AlertmanagerConfig')
        ? noted('cn-observability.alerting.routing-note')
        : noted('cn-observability.alerting.kind-note', { kind: o.object.kind }),
    );
  });
}

export const alerting: TwelveFactorCheck = {
  id: 'cn-observability.alerting',
  evaluate({ facts, entity }) {
    const all = objectSets(facts);
    const sets = tryWorkloadSets(facts);
    const withWorkloads = new Set(sets.map(s => s.set));
    // Rules often live in a folder of their own (monitoring/), deployed beside the workloads: they cover the service too.
    const ruleSets = all
      .filter(s => s.origin === 'repo' && !withWorkloads.has(s))
      .map(set => ({ set, alerts: alertObjects(set) }))
      .filter(r => r.alerts.length > 0);
    if (sets.length === 0) {
      if (ruleSets.length === 0) {
        // Nothing runs and nothing alerts: workloadSets throws the reason.
        workloadSets(facts);
        throw unknownBecause('unknown.no-workload-no-alert-rule');
      }
      return worstOfSets(
        ruleSets.map(r => ({
          verdict: 'pass',
          ...saidOf(r.set.label, describeAlerts(r.alerts)),
          evidence: alertEvidence(r.set, r.alerts),
        })),
      );
    }
    const target = preferredSet(sets)!;
    const outcomes = sets.map(({ set }): CheckOutcome => {
      const own = alertObjects(set);
      if (own.length) {
        return {
          verdict: 'pass',
          ...saidOf(set.label, describeAlerts(own)),
          evidence: alertEvidence(set, own),
        };
      }
      const beside = set.origin === 'repo' ? ruleSets : [];
      if (beside.length) {
        return {
          verdict: 'pass',
          ...saidOf(
            set.label,
            beside.flatMap(r => describeAlerts(r.alerts, r.set.label)),
          ),
          evidence: beside.flatMap(r => alertEvidence(r.set, r.alerts)),
        };
      }
      return {
        verdict: 'fail',
        ...finding('cn-observability.alerting.none', undefined, [set.label]),
        evidence: [
          setWideNote(set, noted('cn-observability.alerting.none-note')),
        ],
        remediation: {
          ...advice('cn-observability.alerting.none-advice'),
          snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
            ruleSnippet(target, entity.metadata.name),
          ),
        },
      };
    });
    return worstOfSets(outcomes);
  },
};
