import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, offeredButOff } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
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
import {
  advice,
  finding,
  paramList,
  noted,
  listing,
  type Said,
} from '../messages';

const M = 'f8-concurrency.hpa';

/** A note on an autoscaler: `<id>-note`, `<id>-old-api-note` or `<id>-low-min-note` by what is wrong with it. */
function minimumNote(
  id: string,
  o: Record<string, any>,
  issue: string | undefined,
  params: Record<string, string | number>,
) {
  if (!issue) return noted(`${M}.${id}-note`, params);
  return o.kind !== 'ScaledObject' && o.apiVersion !== 'autoscaling/v2'
    ? noted(`${M}.${id}-old-api-note`, {
        ...params,
        apiVersion: String(o.apiVersion),
      })
    : noted(`${M}.${id}-low-min-note`, params);
}

/** What is wrong with an autoscaler, said of a name (the autoscaler's or its workload's). */
function problemOf(
  name: string,
  o: Record<string, any>,
  min: number | undefined,
): Said {
  return o.kind !== 'ScaledObject' && o.apiVersion !== 'autoscaling/v2'
    ? [`${M}.old-api`, { name, apiVersion: String(o.apiVersion) }]
    : [`${M}.low-min`, { name, min: String(min) }];
}

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
    objectEvidence(
      set,
      r.s,
      minimumNote('detached', r.s.object, r.issue, {
        scaler: describeScaler(r.s),
        min: r.min,
        set: set.label,
      }),
      r.s.object.kind === 'ScaledObject'
        ? 'spec.minReplicaCount'
        : 'spec.minReplicas',
    ),
  );
  const bad = rows.filter(r => r.issue);
  if (bad.length === 0)
    return {
      verdict: 'pass',
      ...finding(
        `${M}.detached`,
        { scalers: rows.map(r => describeScaler(r.s)).join(', ') },
        [set.label],
      ),
      evidence,
    };
  const first = bad[0].s.object;
  return {
    verdict: 'partial',
    ...listing(
      set.label,
      undefined,
      bad.map(r => problemOf(describeScaler(r.s), r.s.object, r.min)),
      ', ',
    ),
    evidence,
    ...(minReplicasPatch(first, first.metadata?.namespace ?? set.namespace)
      ? {
          remediation: {
            ...advice(`${M}.keep-two-advice`),
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
              ? objectEvidence(
                  set,
                  r.scaler,
                  minimumNote('targets', r.scaler.object, r.issue, {
                    workload: `${r.w.kind} ${r.w.name}`,
                    field:
                      r.scaler.object.kind === 'ScaledObject'
                        ? 'minReplicaCount'
                        : 'minReplicas',
                    min: String(r.min),
                  }),
                  r.scaler.object.kind === 'ScaledObject'
                    ? 'spec.minReplicaCount'
                    : 'spec.minReplicas',
                )
              : objectEvidence(set, r.w.source, noted(`${M}.no-hpa-note`)),
          ),
        );
        const bad = rows.filter(r => r.issue);
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            ...finding(
              `${M}.all-v2`,
              { minimums: rows.map(r => `${r.w.name}: ${r.min}`).join(', ') },
              [set.label],
            ),
            evidence,
          };
        }
        const none = bad.filter(r => !r.scaler);
        if (none.length) {
          // A chart whose HPA template its values switch off offers autoscaling: the deployer turns it on.
          const off = offeredButOff(set, 'HorizontalPodAutoscaler');
          return {
            verdict: none.length === rows.length && !off ? 'fail' : 'partial',
            // The note of a switched-off template is English (objectSets): that finding stays English.
            ...(off
              ? {
                  summary: `${set.label}: no HPA for ${none
                    .map(r => r.w.name)
                    .join(', ')} (${off.note})`,
                }
              : finding(
                  `${M}.no-hpa`,
                  { workloads: none.map(r => r.w.name).join(', ') },
                  [set.label],
                )),
            evidence: off ? [off.evidence, ...evidence] : evidence,
            remediation: {
              // Two workloads read "a and b" in every language; more are a list ("a, b and c").
              ...(none.length === 2
                ? advice(`${M}.add-advice-two`, {
                    first: none[0].w.name,
                    second: none[1].w.name,
                  })
                : advice(`${M}.add-advice`, {
                    workloads: paramList(
                      none.map(r => r.w.name),
                      { last: 'and' },
                    ),
                  })),
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
          ...listing(
            set.label,
            undefined,
            bad.map(b => problemOf(b.w.name, b.scaler!.object, b.min)),
            ', ',
          ),
          evidence,
          remediation: {
            ...advice(`${M}.keep-two-of-advice`, { workload: r.w.name }),
            snippet: lazySnippet(
              { language: 'yaml', action: 'modify' },
              () => minReplicasPatch(o, ns) ?? hpaFor(set, r.w),
            ),
          },
        };
      },
      { id: `${M}.no-web` },
    );
  }),
};
