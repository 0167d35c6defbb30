import type { TwelveFactorCheck } from '../../engine/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import {
  identifyingLabels,
  LONG_RUNNING,
  primaryWorkload,
  replicasOf,
} from '../cn-orchestration/kube';
import { lazySnippet, toYaml } from '../snippets';
import { advice, because, english, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';

/** The ways to deliver progressively: cn-cicd.progressive-delivery.<way>-note names one. */
type Way =
  | 'argo-rollouts-blue-green'
  | 'argo-rollouts-canary'
  | 'flagger-canary'
  | 'smi-traffic-split'
  | 'istio-weighted'
  | 'gateway-api-weighted'
  | 'ingress-nginx-canary';

const wayNote = (way: Way) => `cn-cicd.progressive-delivery.${way}-note`;

/** How an object delivers progressively, if it does. */
function progressive(o: Record<string, any>): Way | undefined {
  const api = String(o.apiVersion ?? '');
  if (o.kind === 'Rollout' && api.startsWith('argoproj.io/'))
    return o.spec?.strategy?.blueGreen
      ? 'argo-rollouts-blue-green'
      : 'argo-rollouts-canary';
  if (o.kind === 'Canary' && api.startsWith('flagger.app/'))
    return 'flagger-canary';
  if (o.kind === 'TrafficSplit') return 'smi-traffic-split';
  if (
    o.kind === 'VirtualService' &&
    (o.spec?.http ?? []).some(
      (r: any) =>
        (r?.route ?? []).filter((d: any) => d?.weight !== undefined).length > 1,
    )
  )
    return 'istio-weighted';
  if (
    o.kind === 'HTTPRoute' &&
    (o.spec?.rules ?? []).some(
      (r: any) =>
        (r?.backendRefs ?? []).filter((b: any) => b?.weight !== undefined)
          .length > 1,
    )
  )
    return 'gateway-api-weighted';
  if (
    o.kind === 'Ingress' &&
    String(o.metadata?.annotations?.['nginx.ingress.kubernetes.io/canary']) ===
      'true'
  )
    return 'ingress-nginx-canary';
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
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const found = set.objects
          .map(o => ({ o, how: progressive(o.object) }))
          .filter((x): x is { o: SourcedObject; how: Way } => !!x.how);
        if (found.length) {
          const ways = [...new Set(found.map(f => f.how))];
          return {
            verdict: 'pass',
            // One way is said in the reader's language; a list of several keeps the English names.
            ...(ways.length === 1
              ? finding(`cn-cicd.progressive-delivery.by-${ways[0]}`)
              : finding('cn-cicd.progressive-delivery.several', {
                  ways: ways.map(w => english(wayNote(w))).join(', '),
                })),
            evidence: found.map(f =>
              objectEvidence(set, f.o, noted(wayNote(f.how))),
            ),
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
          ...finding('cn-cicd.progressive-delivery.rolling'),
          evidence: [
            objectEvidence(
              set,
              main.source,
              noted('cn-cicd.progressive-delivery.rolling-note', {
                kind: main.kind,
                strategy: `${
                  main.source.object.spec?.strategy?.type ?? 'RollingUpdate'
                }`,
              }),
            ),
          ],
          remediation: {
            ...advice('cn-cicd.progressive-delivery.advice', {
              workload: main.name,
            }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              rolloutFor(main),
            ),
          },
        };
      },
      labels =>
        because('cn-cicd.progressive-delivery.nothing-reason', {
          targets: labels.join(', '),
        }),
      // A Flagger Canary or weighted route whose Deployment is not among the objects still delivers progressively.
      { withoutWorkloads: true },
    );
  },
};
