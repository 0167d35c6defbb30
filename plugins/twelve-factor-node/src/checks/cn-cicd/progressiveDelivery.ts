import type { TwelveFactorCheck } from '../../engine/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { setEvidence } from '../../facts/objectSets';
import {
  identifyingLabels,
  judgeWorkloadSets,
  LONG_RUNNING,
  primaryWorkload,
  replicasOf,
} from '../cn-orchestration/kube';
import { lazySnippet, toYaml } from '../snippets';

/** How an object delivers progressively, if it does. */
function progressive(o: Record<string, any>): string | undefined {
  const api = String(o.apiVersion ?? '');
  if (o.kind === 'Rollout' && api.startsWith('argoproj.io/'))
    return `Argo Rollouts ${
      o.spec?.strategy?.blueGreen ? 'blue-green' : 'canary'
    }`;
  if (o.kind === 'Canary' && api.startsWith('flagger.app/'))
    return 'Flagger canary';
  if (o.kind === 'TrafficSplit') return 'SMI traffic split';
  if (
    o.kind === 'VirtualService' &&
    (o.spec?.http ?? []).some(
      (r: any) =>
        (r?.route ?? []).filter((d: any) => d?.weight !== undefined).length > 1,
    )
  )
    return 'Istio weighted routing';
  if (
    o.kind === 'HTTPRoute' &&
    (o.spec?.rules ?? []).some(
      (r: any) =>
        (r?.backendRefs ?? []).filter((b: any) => b?.weight !== undefined)
          .length > 1,
    )
  )
    return 'Gateway API weighted routing';
  if (
    o.kind === 'Ingress' &&
    String(o.metadata?.annotations?.['nginx.ingress.kubernetes.io/canary']) ===
      'true'
  )
    return 'ingress-nginx canary';
  return undefined;
}

function rolloutFor(
  w: NonNullable<ReturnType<typeof primaryWorkload>>,
): string {
  return toYaml({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name: w.name,
      ...(w.namespace ? { namespace: w.namespace } : {}),
    },
    spec: {
      replicas: Math.max(replicasOf(w), 2),
      selector: { matchLabels: identifyingLabels(w) },
      // Reuse the Deployment's pod template; Argo Rollouts scales the Deployment down as the Rollout takes over.
      workloadRef: {
        apiVersion: 'apps/v1',
        kind: w.kind,
        name: w.name,
        scaleDown: 'progressively',
      },
      strategy: {
        canary: {
          steps: [
            { setWeight: 20 },
            { pause: { duration: '5m' } },
            { setWeight: 50 },
            { pause: { duration: '5m' } },
          ],
        },
      },
    },
  });
}

export const progressiveDelivery: TwelveFactorCheck = {
  id: 'cn-cicd.progressive-delivery',
  evaluate({ facts }) {
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const found = set.objects
          .map(o => ({ o, how: progressive(o.object) }))
          .filter((x): x is { o: SourcedObject; how: string } => !!x.how);
        if (found.length) {
          return {
            verdict: 'pass',
            summary: `Progressive delivery: ${[
              ...new Set(found.map(f => f.how)),
            ].join(', ')}`,
            evidence: found.map(f => setEvidence(set, f.o, f.how)),
          };
        }
        const main = primaryWorkload(
          set,
          workloads.filter(
            w => LONG_RUNNING.has(w.kind) && w.kind !== 'DaemonSet',
          ),
        );
        if (!main) return undefined;
        return {
          verdict: 'fail',
          summary:
            'Releases replace all pods with a rolling update; no canary or blue-green',
          evidence: [
            setEvidence(
              set,
              main.source,
              `${main.kind} with strategy ${
                main.source.object.spec?.strategy?.type ?? 'RollingUpdate'
              }; no Rollout, Canary or weighted route`,
            ),
          ],
          remediation: {
            text: `Release ${main.name} as a canary with Argo Rollouts (or Flagger): a share of traffic first, then the rest after a pause (add an AnalysisTemplate to promote or abort on metrics).`,
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              rolloutFor(main),
            ),
          },
        };
      },
      labels =>
        `No long-running workloads and no Rollout, Canary or weighted route in ${labels.join(
          ', ',
        )}.`,
      // A Flagger Canary or weighted route whose Deployment is not among the objects still delivers progressively.
      { withoutWorkloads: true },
    );
  },
};
