import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import type { ObjectSet } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
import { lazySnippet, podSpecPatch } from '../snippets';
import { identifyingLabels, ofKind, replicasOf, sameNamespace } from './kube';

const SPREAD_KEYS = new Set([
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
]);

/** The topology keys a workload spreads its replicas over (anti-affinity or spread constraints). */
export function spreadKeys(w: Workload): string[] {
  const anti = w.podSpec.affinity?.podAntiAffinity ?? {};
  const terms = [
    ...(anti.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(anti.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
      (t: any) => t?.podAffinityTerm,
    ),
    ...(w.podSpec.topologySpreadConstraints ?? []),
  ];
  return [
    ...new Set(
      terms
        .map((t: any) => t?.topologyKey)
        .filter(
          (k: unknown): k is string =>
            typeof k === 'string' && SPREAD_KEYS.has(k),
        ),
    ),
  ];
}

/** The most replicas a workload can have: its own count, or what an autoscaler targeting it allows. */
export function maxReplicas(set: ObjectSet, w: Workload): number {
  const scalers = ofKind(set, 'HorizontalPodAutoscaler', 'ScaledObject').filter(
    s =>
      s.object.spec?.scaleTargetRef?.name === w.name &&
      (s.object.spec?.scaleTargetRef?.kind ?? 'Deployment') === w.kind &&
      sameNamespace(s.object.metadata?.namespace, w.namespace),
  );
  return Math.max(
    replicasOf(w),
    ...scalers.map(s =>
      Number(s.object.spec?.maxReplicas ?? s.object.spec?.maxReplicaCount ?? 0),
    ),
  );
}

export const antiAffinity: TwelveFactorCheck = {
  id: 'cn-orchestration.anti-affinity',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        // DaemonSets run one pod per node by design.
        const candidates = workloads.filter(w =>
          ['Deployment', 'StatefulSet', 'Rollout'].includes(w.kind),
        );
        const multi = candidates.filter(w => maxReplicas(set, w) > 1);
        if (multi.length === 0) {
          // Single replicas have nothing to spread; a workload that already declares spreading keeps it when scaled out.
          const ready = candidates.filter(w => spreadKeys(w).length > 0);
          if (ready.length === 0) return undefined;
          return {
            verdict: 'pass',
            ...finding('cn-orchestration.anti-affinity.ready', {
              workloads: ready
                .map(w => `${w.name}: ${spreadKeys(w).join(', ')}`)
                .join('; '),
            }),
            evidence: ready.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-orchestration.anti-affinity.ready-note', {
                  keys: spreadKeys(w).join(', '),
                  n: replicasOf(w),
                }),
                `${w.podSpecPath}.affinity`,
              ),
            ),
          };
        }
        const spread = multi.filter(w => spreadKeys(w).length > 0);
        const lacking = multi.filter(w => spreadKeys(w).length === 0);
        if (lacking.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-orchestration.anti-affinity.spread', {
              workloads: spread
                .map(w => `${w.name}: ${spreadKeys(w).join(', ')}`)
                .join('; '),
            }),
            evidence: spread.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-orchestration.anti-affinity.spread-note', {
                  n: maxReplicas(set, w),
                  keys: spreadKeys(w).join(', '),
                }),
              ),
            ),
          };
        }
        const first = lacking[0];
        return {
          verdict: 'partial',
          ...finding('cn-orchestration.anti-affinity.lacking', {
            names: lacking.map(w => w.name).join(', '),
          }),
          evidence: capEvidence([
            ...lacking.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-orchestration.anti-affinity.lacking-note', {
                  n: maxReplicas(set, w),
                }),
              ),
            ),
            ...spread.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-orchestration.anti-affinity.spread-over-note', {
                  keys: spreadKeys(w).join(', '),
                }),
              ),
            ),
          ]),
          remediation: {
            ...advice('cn-orchestration.anti-affinity.advice', {
              name: first.name,
            }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              podSpecPatch(
                {
                  apiVersion: first.source.object.apiVersion,
                  kind: first.kind,
                  name: first.name,
                  namespace: first.namespace,
                },
                {
                  topologySpreadConstraints: [
                    'kubernetes.io/hostname',
                    'topology.kubernetes.io/zone',
                  ].map(topologyKey => ({
                    maxSkew: 1,
                    topologyKey,
                    whenUnsatisfiable: 'ScheduleAnyway',
                    labelSelector: { matchLabels: identifyingLabels(first) },
                  })),
                },
              ),
            ),
          },
        };
      },
      labels =>
        because('cn-orchestration.anti-affinity.none-reason', {
          sets: labels.join(', '),
        }),
    );
  },
};
