import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
import { lazySnippet, toYaml } from '../snippets';
import {
  type JudgedSet,
  longRunning,
  preferredSet,
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

export const alerting: TwelveFactorCheck = {
  id: 'cn-observability.alerting',
  evaluate({ facts, entity }) {
    const sets = workloadSets(facts);
    const target = preferredSet(sets)!;
    const outcomes = sets.map(({ set }): CheckOutcome => {
      const rules = set.objects.filter(
        o => o.object.kind === 'PrometheusRule' && alertCount(o.object) > 0,
      );
      const am = set.objects.filter(
        o => o.object.kind === 'AlertmanagerConfig',
      );
      if (rules.length || am.length) {
        return {
          verdict: 'pass',
          summary: `${set.label}: ${
            rules.length
              ? `${rules.reduce(
                  (n, r) => n + alertCount(r.object),
                  0,
                )} alert rule(s) in ${rules
                  .map(r => r.object.metadata?.name)
                  .join(', ')}`
              : `AlertmanagerConfig ${am
                  .map(a => a.object.metadata?.name)
                  .join(', ')}`
          }`,
          evidence: [
            ...rules.map(r =>
              setEvidence(
                set,
                r,
                `${alertCount(r.object)} alert rule(s)`,
                'spec.groups',
              ),
            ),
            ...am.map(a => setEvidence(set, a, 'Alertmanager routing')),
          ],
        };
      }
      return {
        verdict: 'fail',
        summary: `${set.label}: no PrometheusRule or Alertmanager configuration covers the service`,
        evidence: [
          setWideEvidence(
            set,
            'no PrometheusRule with alert rules, no AlertmanagerConfig',
          ),
        ],
        remediation: {
          text: 'Alert on what users feel (availability, error rate, latency) and route it with Alertmanager. Rules from kube-state-metrics need no app metrics:',
          snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
            ruleSnippet(target, entity.metadata.name),
          ),
        },
      };
    });
    return worstOfSets(outcomes);
  },
};
