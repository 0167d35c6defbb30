import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import {
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { lazySnippet, podSpecPatch, toYaml } from '../snippets';
import { judgeWorkloadSets, ofKind, sameNamespace } from './kube';

/** The ServiceAccount a workload's pods run as. */
export function serviceAccountOf(w: Workload): string {
  return String(
    w.podSpec.serviceAccountName ?? w.podSpec.serviceAccount ?? 'default',
  );
}

/** The RoleBindings and ClusterRoleBindings of a set that name a workload's ServiceAccount. */
export function bindingsOf(set: ObjectSet, w: Workload) {
  const sa = serviceAccountOf(w);
  return ofKind(set, 'RoleBinding', 'ClusterRoleBinding').filter(b =>
    (b.object.subjects ?? []).some(
      (s: any) =>
        s?.kind === 'ServiceAccount' &&
        s.name === sa &&
        sameNamespace(s.namespace ?? b.object.metadata?.namespace, w.namespace),
    ),
  );
}

/** Whether the API token is mounted into the workload's pods: the pod spec wins over the ServiceAccount. */
function tokenMounted(
  set: ObjectSet,
  w: Workload,
): { mounted: boolean; by: string } {
  if (typeof w.podSpec.automountServiceAccountToken === 'boolean') {
    return {
      mounted: w.podSpec.automountServiceAccountToken,
      by: 'the pod spec',
    };
  }
  const sa = serviceAccountOf(w);
  const account = ofKind(set, 'ServiceAccount').find(
    s =>
      s.object.metadata?.name === sa &&
      sameNamespace(s.object.metadata?.namespace, w.namespace),
  );
  if (typeof account?.object.automountServiceAccountToken === 'boolean') {
    return {
      mounted: account.object.automountServiceAccountToken,
      by: `ServiceAccount ${sa}`,
    };
  }
  return { mounted: true, by: 'default' };
}

export const rbac: TwelveFactorCheck = {
  id: 'cn-orchestration.rbac',
  evaluate({ facts }) {
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const good: string[] = [];
        const bad: Array<{ w: Workload; note: string }> = [];
        for (const w of workloads) {
          const sa = serviceAccountOf(w);
          const token = tokenMounted(set, w);
          const bindings = bindingsOf(set, w);
          if (!token.mounted)
            good.push(
              `${w.name}: no API token (automountServiceAccountToken false in ${token.by})`,
            );
          else if (sa !== 'default' && bindings.length)
            good.push(
              `${w.name}: ServiceAccount ${sa} bound by ${bindings
                .map(
                  b =>
                    `${b.object.kind}/${b.object.metadata?.name} → ${b.object.roleRef?.kind}/${b.object.roleRef?.name}`,
                )
                .join(', ')}`,
            );
          else if (sa !== 'default')
            bad.push({
              w,
              note: `ServiceAccount ${sa} has no Role binding in ${set.label}, yet its token is mounted`,
            });
          else
            bad.push({
              w,
              note: 'runs as the default ServiceAccount with its API token mounted',
            });
        }
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            summary:
              'Workloads run under dedicated ServiceAccounts with RBAC, or without an API token',
            evidence: [setWideEvidence(set, good.join('; '))],
          };
        }
        const first = bad[0].w;
        const sa =
          serviceAccountOf(first) === 'default'
            ? first.name
            : serviceAccountOf(first);
        return {
          verdict: 'partial',
          summary: `${bad
            .map(b => b.w.name)
            .join(
              ', ',
            )} mount an API token without a dedicated, RBAC-bound ServiceAccount`,
          evidence: capEvidence(
            bad.map(b =>
              setEvidence(
                set,
                b.w.source,
                b.note,
                `${b.w.podSpecPath}.serviceAccountName`,
              ),
            ),
          ),
          remediation: {
            text: `Give ${first.name} its own ServiceAccount and, as it needs no Kubernetes API access, stop mounting the token (add a Role and RoleBinding with only the verbs it needs if it does call the API).`,
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              [
                toYaml({
                  apiVersion: 'v1',
                  kind: 'ServiceAccount',
                  metadata: {
                    name: sa,
                    ...(first.namespace ? { namespace: first.namespace } : {}),
                  },
                  automountServiceAccountToken: false,
                }),
                podSpecPatch(
                  {
                    apiVersion: first.source.object.apiVersion,
                    kind: first.kind,
                    name: first.name,
                    namespace: first.namespace,
                  },
                  {
                    serviceAccountName: sa,
                    automountServiceAccountToken: false,
                  },
                ),
              ].join('---\n'),
            ),
          },
        };
      },
      labels => `No workloads in ${labels.join(', ')}.`,
    );
  },
};
