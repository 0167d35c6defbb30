import type { TwelveFactorCheck } from '../../engine/types';
import { hasAnyResources } from '../cn-orchestration/resources';
import {
  ofKind,
  primaryWorkload,
  sameNamespace,
} from '../cn-orchestration/kube';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';

export const vertical: TwelveFactorCheck = {
  id: 'cn-scalability.vertical',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const vpas = ofKind(set, 'VerticalPodAutoscaler');
        if (workloads.length === 0) {
          // A VerticalPodAutoscaler whose workload is not among the objects still sizes it.
          if (vpas.length === 0) return undefined;
          return {
            verdict: 'pass',
            ...finding('cn-scalability.vertical.vpa-detached', {
              targets: vpas
                .map(
                  v =>
                    `${v.object.spec?.targetRef?.kind ?? 'Deployment'}/${
                      v.object.spec?.targetRef?.name ?? '?'
                    }`,
                )
                .join(', '),
            }),
            evidence: vpas.map(v =>
              objectEvidence(
                set,
                v,
                noted('cn-scalability.vertical.vpa-detached-note', {
                  mode: String(
                    v.object.spec?.updatePolicy?.updateMode ?? 'Auto',
                  ),
                  set: set.label,
                }),
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
            ...finding(
              `cn-scalability.vertical.sized${scaled.length ? '-vpa' : ''}${
                unsized.length ? '-unsized' : ''
              }`,
              unsized.length
                ? { names: unsized.map(w => w.name).join(', ') }
                : undefined,
            ),
            evidence: [
              ...sized
                .slice(0, 5)
                .map(w =>
                  objectEvidence(
                    set,
                    w.source,
                    noted('cn-scalability.vertical.sized-note'),
                    `${w.podSpecPath}.containers`,
                  ),
                ),
              ...scaled.map(w =>
                objectEvidence(
                  set,
                  vpaFor(w.name, w.namespace)!,
                  noted('cn-scalability.vertical.vpa-note', {
                    target: `${w.kind}/${w.name}`,
                  }),
                ),
              ),
            ],
          };
        }
        const main = primaryWorkload(set, workloads)!;
        return {
          verdict: 'fail',
          ...finding('cn-scalability.vertical.none'),
          evidence: workloads.map(w =>
            objectEvidence(
              set,
              w.source,
              noted('cn-scalability.vertical.none-note'),
              `${w.podSpecPath}.containers`,
            ),
          ),
          remediation: {
            ...advice('cn-scalability.vertical.none-advice', {
              name: main.name,
            }),
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
        because('cn-scalability.vertical.nothing-reason', {
          sets: labels.join(', '),
        }),
      { withoutWorkloads: true },
    );
  },
};
