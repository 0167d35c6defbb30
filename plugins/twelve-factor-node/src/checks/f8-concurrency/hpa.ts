import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, setEvidence, offeredButOff } from '../../facts/objectSets';
import { oncePerScan } from '../combine';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import {
  appProcesses,
  autoscalersOf,
  describeScaler,
  detachedAutoscalers,
  judgeSets,
  namespaceOf,
  replicasOf,
  type AppWorkload,
} from './processTypes';
import type { ObjectSet } from '../../facts/objectSets';

/** An autoscaling/v2 HPA on CPU for the workload, as the remediation. */
export function hpaFor(set: ObjectSet, w: AppWorkload): string {
  const ns = namespaceOf(set, w);
  return toYaml({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: w.name, ...(ns ? { namespace: ns } : {}) },
    spec: {
      scaleTargetRef: {
        apiVersion: w.source.object.apiVersion ?? 'apps/v1',
        kind: w.kind,
        name: w.name,
      },
      minReplicas: 2,
      maxReplicas: Math.max(6, replicasOf(w) * 3),
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
  });
}

/** Raising the minimum of an existing v2 HPA or ScaledObject; undefined for an old HPA, which is better replaced. */
function minReplicasPatch(
  o: Record<string, any>,
  ns: string | undefined,
): string | undefined {
  const metadata = { name: o.metadata?.name, ...(ns ? { namespace: ns } : {}) };
  if (o.kind === 'ScaledObject')
    return toYaml({
      apiVersion: o.apiVersion,
      kind: 'ScaledObject',
      metadata,
      spec: { minReplicaCount: 2 },
    });
  if (o.apiVersion === 'autoscaling/v2')
    return toYaml({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: { minReplicas: 2 },
    });
  return undefined;
}

/** The minimum and API version of an autoscaler, and what is wrong with them. */
function minOf(o: Record<string, any>): { min: number; issue?: string } {
  const min = Number(
    o.kind === 'ScaledObject'
      ? o.spec?.minReplicaCount ?? 0
      : o.spec?.minReplicas ?? 1,
  );
  const v2 = o.kind === 'ScaledObject' || o.apiVersion === 'autoscaling/v2';
  if (!v2) return { min, issue: `${o.apiVersion} (not autoscaling/v2)` };
  if (min < 2) return { min, issue: `minReplicas ${min}` };
  return { min };
}

/**
 * A set without web Deployments, judged by the autoscalers it holds for
 * workloads not among its objects: they say how the web process scales.
 */
function detachedHpas(set: ObjectSet): CheckOutcome | undefined {
  const scalers = detachedAutoscalers(set);
  if (scalers.length === 0) return undefined;
  const rows = scalers.map(s => ({ s, ...minOf(s.object) }));
  const evidence = rows.map(r =>
    setEvidence(
      set,
      r.s,
      `${describeScaler(r.s)}, minimum ${r.min}${
        r.issue ? ` (${r.issue})` : ''
      }; the target is not among the objects of ${set.label}`,
      r.s.object.kind === 'ScaledObject'
        ? 'spec.minReplicaCount'
        : 'spec.minReplicas',
    ),
  );
  const bad = rows.filter(r => r.issue);
  if (bad.length === 0)
    return {
      verdict: 'pass',
      summary: `${set.label}: ${rows
        .map(r => describeScaler(r.s))
        .join(', ')} with a minimum of 2 or more`,
      evidence,
    };
  const first = bad[0].s.object;
  return {
    verdict: 'partial',
    summary: `${set.label}: ${bad
      .map(r => `${describeScaler(r.s)}: ${r.issue}`)
      .join(', ')}`,
    evidence,
    ...(minReplicasPatch(first, first.metadata?.namespace ?? set.namespace)
      ? {
          remediation: {
            text: 'Keep at least two replicas under the autoscaler (minReplicas 2, autoscaling/v2) so that one pod can fail or be evicted without downtime.',
            snippet: lazySnippet(
              { language: 'yaml', action: 'modify' },
              () =>
                minReplicasPatch(
                  first,
                  first.metadata?.namespace ?? set.namespace,
                )!,
            ),
          },
        }
      : {}),
  };
}

export const hpa: TwelveFactorCheck = {
  id: 'f8-concurrency.hpa',
  // cn-scalability.horizontal repeats this judgement; it is made once per scan.
  evaluate: oncePerScan(({ facts }) => {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Deployments and Argo Rollouts; StatefulSets serving HTTP are rarely autoscaled and judged by horizontal.
        const webs = appProcesses(set).filter(
          w =>
            w.type === 'web' &&
            (w.kind === 'Deployment' || w.kind === 'Rollout'),
        );
        if (webs.length === 0) return detachedHpas(set);
        const rows = webs.map(w => {
          const scaler = autoscalersOf(set, w)[0];
          const o = scaler?.object;
          const min = o
            ? Number(
                o.kind === 'ScaledObject'
                  ? o.spec?.minReplicaCount ?? 0
                  : o.spec?.minReplicas ?? 1,
              )
            : undefined;
          const v2 = o
            ? o.kind === 'ScaledObject' || o.apiVersion === 'autoscaling/v2'
            : false;
          let issue: string | undefined;
          if (!o) issue = 'no HPA';
          else if (!v2) issue = `${o.apiVersion} (not autoscaling/v2)`;
          else if (min! < 2) issue = `minReplicas ${min}`;
          return { w, scaler, min, issue };
        });
        const evidence = capEvidence(
          rows.map(r =>
            r.scaler
              ? setEvidence(
                  set,
                  r.scaler,
                  `targets ${r.w.kind} ${r.w.name}, ${
                    r.scaler.object.kind === 'ScaledObject'
                      ? 'minReplicaCount'
                      : 'minReplicas'
                  } ${r.min}${r.issue ? ` (${r.issue})` : ''}`,
                  r.scaler.object.kind === 'ScaledObject'
                    ? 'spec.minReplicaCount'
                    : 'spec.minReplicas',
                )
              : setEvidence(
                  set,
                  r.w.source,
                  'no HorizontalPodAutoscaler targets this web Deployment',
                ),
          ),
        );
        const bad = rows.filter(r => r.issue);
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            summary: `${
              set.label
            }: every web Deployment has an autoscaling/v2 HPA with minReplicas ≥ 2 (${rows
              .map(r => `${r.w.name}: ${r.min}`)
              .join(', ')})`,
            evidence,
          };
        }
        const none = bad.filter(r => !r.scaler);
        if (none.length) {
          // A chart whose HPA template its values switch off offers autoscaling: the deployer turns it on.
          const off = offeredButOff(set, 'HorizontalPodAutoscaler');
          return {
            verdict: none.length === rows.length && !off ? 'fail' : 'partial',
            summary: `${set.label}: no HPA for ${none
              .map(r => r.w.name)
              .join(', ')}${off ? ` (${off.note})` : ''}`,
            evidence: off ? [off.evidence, ...evidence] : evidence,
            remediation: {
              text: `Add an autoscaling/v2 HorizontalPodAutoscaler for ${none
                .map(r => r.w.name)
                .join(
                  ' and ',
                )} with minReplicas 2; it needs CPU requests on the containers (and metrics-server in the cluster).`,
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                none.map(r => hpaFor(set, r.w)).join('---\n'),
              ),
            },
          };
        }
        const r = bad[0];
        const o = r.scaler!.object;
        const ns = o.metadata?.namespace ?? set.namespace;
        return {
          verdict: 'partial',
          summary: `${set.label}: ${bad
            .map(b => `${b.w.name}: ${b.issue}`)
            .join(', ')}`,
          evidence,
          remediation: {
            text: `Keep at least two replicas of ${r.w.name} under the autoscaler (minReplicas 2, autoscaling/v2) so that one pod can fail or be evicted without downtime.`,
            snippet: lazySnippet(
              { language: 'yaml', action: 'modify' },
              () => minReplicasPatch(o, ns) ?? hpaFor(set, r.w),
            ),
          },
        };
      },
      'No web Deployment (containerPort selected by a Service) to judge',
    );
  }),
};
