import type { TwelveFactorCheck } from '../../engine/types';
import { setEvidence } from '../../facts/objectSets';
import { hasAnyResources } from '../cn-orchestration/resources';
import {
  judgeWorkloadSets,
  ofKind,
  primaryWorkload,
  sameNamespace,
} from '../cn-orchestration/kube';
import { lazySnippet, toYaml } from '../snippets';

export const vertical: TwelveFactorCheck = {
  id: 'cn-scalability.vertical',
  evaluate({ facts }) {
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const vpas = ofKind(set, 'VerticalPodAutoscaler');
        if (workloads.length === 0) {
          // A VerticalPodAutoscaler whose workload is not among the objects still sizes it.
          if (vpas.length === 0) return undefined;
          return {
            verdict: 'pass',
            summary: `A VerticalPodAutoscaler sizes ${vpas
              .map(
                v =>
                  `${v.object.spec?.targetRef?.kind ?? 'Deployment'}/${
                    v.object.spec?.targetRef?.name ?? '?'
                  }`,
              )
              .join(', ')}`,
            evidence: vpas.map(v =>
              setEvidence(
                set,
                v,
                `VerticalPodAutoscaler (update mode ${
                  v.object.spec?.updatePolicy?.updateMode ?? 'Auto'
                }); its target is not among the objects of ${set.label}`,
              ),
            ),
          };
        }
        const vpaFor = (name: string, ns?: string) =>
          vpas.find(
            v =>
              v.object.spec?.targetRef?.name === name &&
              sameNamespace(v.object.metadata?.namespace, ns),
          );
        const sized = workloads.filter(w =>
          w.containers.some(c => !c.init && hasAnyResources(c.container)),
        );
        const scaled = workloads.filter(w => vpaFor(w.name, w.namespace));
        if (sized.length || scaled.length) {
          const unsized = workloads.filter(
            w => !sized.includes(w) && !scaled.includes(w),
          );
          return {
            verdict: 'pass',
            summary: `Resource requests/limits set${
              scaled.length ? ' and a VerticalPodAutoscaler' : ''
            }, so pods can be resized${
              unsized.length
                ? ` (${unsized.map(w => w.name).join(', ')} set none)`
                : ''
            }`,
            evidence: [
              ...sized
                .slice(0, 5)
                .map(w =>
                  setEvidence(
                    set,
                    w.source,
                    'requests/limits set',
                    `${w.podSpecPath}.containers`,
                  ),
                ),
              ...scaled.map(w =>
                setEvidence(
                  set,
                  vpaFor(w.name, w.namespace)!,
                  `VerticalPodAutoscaler targets ${w.kind}/${w.name}`,
                ),
              ),
            ],
          };
        }
        const main = primaryWorkload(set, workloads)!;
        return {
          verdict: 'fail',
          summary:
            'No resource requests or limits and no VerticalPodAutoscaler',
          evidence: workloads.map(w =>
            setEvidence(
              set,
              w.source,
              'no resources.requests or limits',
              `${w.podSpecPath}.containers`,
            ),
          ),
          remediation: {
            text: `Set resource requests and limits for every container (see cn-orchestration.resources); to size them from real usage, run a VerticalPodAutoscaler in recommendation mode for ${main.name} and read its recommendations.`,
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              toYaml({
                apiVersion: 'autoscaling.k8s.io/v1',
                kind: 'VerticalPodAutoscaler',
                metadata: {
                  name: main.name,
                  ...(main.namespace ? { namespace: main.namespace } : {}),
                },
                spec: {
                  targetRef: {
                    apiVersion: main.source.object.apiVersion ?? 'apps/v1',
                    kind: main.kind,
                    name: main.name,
                  },
                  updatePolicy: { updateMode: 'Off' },
                },
              }),
            ),
          },
        };
      },
      labels =>
        `No workloads and no VerticalPodAutoscaler in ${labels.join(', ')}.`,
      { withoutWorkloads: true },
    );
  },
};
