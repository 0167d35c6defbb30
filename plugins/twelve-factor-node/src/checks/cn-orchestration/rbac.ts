import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import type { ObjectSet } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, podSpecPatch, toYaml } from '../snippets';
import { joinedNote, ofKind, sameNamespace } from './kube';

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

/**
 * Whether the API token is mounted into the workload's pods: the pod spec
 * wins over the ServiceAccount (`by` names the ServiceAccount that decides,
 * undefined for the pod spec or the default).
 */
function tokenMounted(
  set: ObjectSet,
  w: Workload,
): { mounted: boolean; by?: string } {
  if (typeof w.podSpec.automountServiceAccountToken === 'boolean') {
    return { mounted: w.podSpec.automountServiceAccountToken };
  }
  const sa = serviceAccountOf(w);
  const account = ofKind(set, 'ServiceAccount').find(
    s =>
      s.object.metadata?.name === sa &&
      sameNamespace(s.object.metadata?.namespace, w.namespace),
  );
  if (typeof account?.object.automountServiceAccountToken === 'boolean') {
    return { mounted: account.object.automountServiceAccountToken, by: sa };
  }
  return { mounted: true };
}

export const rbac: TwelveFactorCheck = {
  id: 'cn-orchestration.rbac',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const good: Array<ReturnType<typeof noted>> = [];
        const bad: Array<{ w: Workload; note: ReturnType<typeof noted> }> = [];
        for (const w of workloads) {
          const sa = serviceAccountOf(w);
          const token = tokenMounted(set, w);
          const bindings = bindingsOf(set, w);
          if (!token.mounted)
            good.push(
              token.by === undefined
                ? noted('cn-orchestration.rbac.no-token-pod-note', {
                    name: w.name,
                  })
                : noted('cn-orchestration.rbac.no-token-account-note', {
                    name: w.name,
                    account: token.by,
                  }),
            );
          else if (sa !== 'default' && bindings.length)
            good.push(
              noted('cn-orchestration.rbac.bound-note', {
                name: w.name,
                account: sa,
                bindings: bindings
                  .map(
                    b =>
                      `${b.object.kind}/${b.object.metadata?.name} → ${b.object.roleRef?.kind}/${b.object.roleRef?.name}`,
                  )
                  .join(', '),
              }),
            );
          else if (sa !== 'default')
            bad.push({
              w,
              note: noted('cn-orchestration.rbac.unbound-note', {
                account: sa,
                set: set.label,
              }),
            });
          else
            bad.push({
              w,
              note: noted('cn-orchestration.rbac.default-note'),
            });
        }
        if (bad.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-orchestration.rbac.dedicated'),
            evidence: [
              setWideNote(
                set,
                joinedNote('cn-orchestration.rbac.workloads-note', good),
              ),
            ],
          };
        }
        const first = bad[0].w;
        const sa =
          serviceAccountOf(first) === 'default'
            ? first.name
            : serviceAccountOf(first);
        return {
          verdict: 'partial',
          ...finding('cn-orchestration.rbac.token-mounted', {
            names: bad.map(b => b.w.name).join(', '),
          }),
          evidence: capEvidence(
            bad.map(b =>
              objectEvidence(
                set,
                b.w.source,
                b.note,
                `${b.w.podSpecPath}.serviceAccountName`,
              ),
            ),
          ),
          remediation: {
            ...advice('cn-orchestration.rbac.advice', { name: first.name }),
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
      labels =>
        because('cn-orchestration.rbac.none-reason', {
          sets: labels.join(', '),
        }),
    );
  },
};
