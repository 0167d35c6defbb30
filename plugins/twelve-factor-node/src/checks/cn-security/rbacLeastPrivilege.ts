import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import {
  setEvidence,
  setWideEvidence,
  type ObjectSet,
} from '../../facts/objectSets';
import { bindingsOf, serviceAccountOf } from '../cn-orchestration/rbac';
import {
  judgeWorkloadSets,
  ofKind,
  sameNamespace,
} from '../cn-orchestration/kube';
import { worstOf } from '../combine';
import { lazySnippet, toYaml } from '../snippets';

type Rule = {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};

/** What is too broad about a rule: `fail` for wildcards, `partial` for broad grants. */
function ruleFinding(
  rule: Rule,
): { level: 'fail' | 'partial'; why: string } | undefined {
  const verbs = (rule.verbs ?? []).map(String);
  const resources = (rule.resources ?? []).map(String);
  if (verbs.includes('*') || resources.includes('*'))
    return {
      level: 'fail',
      why: `wildcard ${verbs.includes('*') ? 'verbs' : 'resources'} (${
        resources.join(', ') || 'nonResourceURLs'
      }: ${verbs.join(', ')})`,
    };
  const sensitive = verbs.filter(v =>
    ['escalate', 'bind', 'impersonate'].includes(v),
  );
  if (sensitive.length)
    return {
      level: 'partial',
      why: `${sensitive.join(', ')} on ${resources.join(', ')}`,
    };
  if (
    resources.includes('secrets') &&
    !rule.resourceNames?.length &&
    verbs.some(v => ['get', 'list', 'watch'].includes(v))
  )
    return { level: 'partial', why: 'reads every Secret of the namespace' };
  if (
    resources.some(r =>
      ['pods/exec', 'pods/attach', 'nodes/proxy'].includes(r),
    ) &&
    verbs.some(v => ['create', 'get'].includes(v))
  )
    return {
      level: 'partial',
      why: `${resources
        .filter(r => /exec|attach|proxy/.test(r))
        .join(', ')} access`,
    };
  if (
    resources.some(r =>
      ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].includes(
        r,
      ),
    ) &&
    verbs.some(v => ['create', 'update', 'patch'].includes(v))
  )
    return { level: 'partial', why: 'may change RBAC' };
  return undefined;
}

/** A copy of the role with wildcards replaced by placeholders to fill with what the app really calls. */
function narrowed(role: Record<string, any>): string {
  return toYaml({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: role.kind,
    metadata: {
      name: role.metadata?.name,
      ...(role.metadata?.namespace
        ? { namespace: role.metadata.namespace }
        : {}),
    },
    rules: (role.rules ?? []).map((r: Rule) => ({
      ...r,
      ...(r.resources?.includes('*') ? { resources: ['RESOURCE'] } : {}),
      ...(r.verbs?.includes('*') ? { verbs: ['get', 'list', 'watch'] } : {}),
    })),
  });
}

function judgeBinding(set: ObjectSet, b: SourcedObject): CheckOutcome {
  const ref = b.object.roleRef ?? {};
  const label = `${b.object.kind}/${b.object.metadata?.name} → ${ref.kind}/${ref.name}`;
  const ev = (note: string, o: SourcedObject = b): Evidence =>
    setEvidence(set, o, `${label}: ${note}`);
  const wide = b.object.kind === 'ClusterRoleBinding' ? ' cluster-wide' : '';
  if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
    return {
      verdict: 'fail',
      summary: `${label} grants cluster-admin`,
      evidence: [ev('cluster-admin: full control of the cluster')],
      remediation: {
        text: `Replace ${b.object.kind}/${b.object.metadata?.name} with a namespaced Role granting only the verbs and resources the app calls, bound by a RoleBinding.`,
        snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
          [
            toYaml({
              apiVersion: 'rbac.authorization.k8s.io/v1',
              kind: 'Role',
              metadata: { name: String(b.object.metadata?.name) },
              rules: [
                {
                  apiGroups: [''],
                  resources: ['RESOURCE'],
                  verbs: ['get', 'list', 'watch'],
                },
              ],
            }),
            toYaml({
              apiVersion: 'rbac.authorization.k8s.io/v1',
              kind: 'RoleBinding',
              metadata: { name: String(b.object.metadata?.name) },
              subjects: b.object.subjects,
              roleRef: {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'Role',
                name: String(b.object.metadata?.name),
              },
            }),
          ].join('---\n'),
        ),
      },
    };
  }
  if (
    ref.kind === 'ClusterRole' &&
    (ref.name === 'admin' || ref.name === 'edit')
  ) {
    return {
      verdict: 'partial',
      summary: `${label} grants the built-in ${ref.name} role${wide}`,
      evidence: [ev(`built-in ${ref.name}: broad write access${wide}`)],
      remediation: {
        text: `Replace the built-in ${ref.name} role with a Role listing only what the app calls.`,
      },
    };
  }
  if (ref.kind === 'ClusterRole' && ref.name === 'view')
    return {
      verdict: 'pass',
      summary: 'read-only view role',
      evidence: [ev('built-in view (read-only)')],
    };
  const role = ofKind(set, String(ref.kind)).find(
    r =>
      r.object.metadata?.name === ref.name &&
      (ref.kind === 'ClusterRole' ||
        sameNamespace(
          r.object.metadata?.namespace,
          b.object.metadata?.namespace,
        )),
  );
  if (!role) {
    return {
      verdict: 'unknown',
      summary: `${label}: role not found`,
      reason: `${ref.kind} ${ref.name} bound by ${b.object.kind}/${b.object.metadata?.name} is not among the objects of ${set.label}, so its rules cannot be judged.`,
      evidence: [ev('role not found')],
    };
  }
  const findings = ((role.object.rules ?? []) as Rule[])
    .map(ruleFinding)
    .filter((f): f is NonNullable<typeof f> => !!f);
  const worst = findings.find(f => f.level === 'fail') ?? findings[0];
  if (!worst) {
    const grants = ((role.object.rules ?? []) as Rule[])
      .map(
        r =>
          `${(r.resources ?? r.nonResourceURLs ?? []).join('/')}: ${(
            r.verbs ?? []
          ).join(',')}`,
      )
      .join('; ');
    return {
      verdict: 'pass',
      summary: 'explicit rules',
      evidence: [ev(`explicit rules only (${grants})`, role)],
    };
  }
  return {
    verdict: worst.level,
    summary: `${label}${wide} ${findings.map(f => f.why).join('; ')}`,
    evidence: [ev(findings.map(f => f.why).join('; '), role)],
    remediation: {
      text: `List in ${ref.kind} ${
        ref.name
      } only the resources and verbs the app calls${
        worst.level === 'fail' ? ' instead of "*"' : ''
      }.`,
      snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
        narrowed(role.object),
      ),
    },
  };
}

/** A Role or ClusterRole of the repository that no binding of its set uses: judged by its rules alone. */
function judgeRole(set: ObjectSet, role: SourcedObject): CheckOutcome {
  const label = `${role.object.kind}/${role.object.metadata?.name}`;
  const rules = (role.object.rules ?? []) as Rule[];
  const findings = rules
    .map(ruleFinding)
    .filter((f): f is NonNullable<typeof f> => !!f);
  const worst = findings.find(f => f.level === 'fail') ?? findings[0];
  if (!worst)
    return {
      verdict: 'pass',
      summary: 'explicit rules',
      evidence: [
        setEvidence(
          set,
          role,
          `${label}: explicit rules only (not bound by any binding of ${set.label})`,
        ),
      ],
    };
  return {
    verdict: worst.level,
    summary: `${label} ${findings.map(f => f.why).join('; ')}`,
    evidence: [
      setEvidence(
        set,
        role,
        `${label}: ${findings
          .map(f => f.why)
          .join('; ')} (deployed by the repository; no binding of ${
          set.label
        } uses it yet)`,
      ),
    ],
    remediation: {
      text: `List in ${label} only the resources and verbs the app calls${
        worst.level === 'fail' ? ' instead of "*"' : ''
      }.`,
      snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
        narrowed(role.object),
      ),
    },
  };
}

export const rbacLeastPrivilege: TwelveFactorCheck = {
  id: 'cn-security.rbac-least-privilege',
  evaluate({ facts }) {
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const bindings = new Map<string, SourcedObject>();
        const key = (b: SourcedObject) =>
          `${b.object.kind}/${b.object.metadata?.namespace}/${b.object.metadata?.name}`;
        for (const w of workloads)
          for (const b of bindingsOf(set, w)) bindings.set(key(b), b);
        // What the repository deploys is the service's, whoever a binding names (a Job's account, a group); a cluster set holds only the bindings of the entity's accounts.
        const fromRepo = set.origin === 'repo';
        if (fromRepo)
          for (const b of ofKind(set, 'RoleBinding', 'ClusterRoleBinding'))
            bindings.set(key(b), b);
        const bound = new Set(
          [...bindings.values()].map(
            b => `${b.object.roleRef?.kind}/${b.object.roleRef?.name}`,
          ),
        );
        const unboundRoles = fromRepo
          ? ofKind(set, 'Role', 'ClusterRole').filter(
              r =>
                !bound.has(`${r.object.kind}/${r.object.metadata?.name}`) &&
                !r.object.aggregationRule,
            )
          : [];
        if (bindings.size === 0 && unboundRoles.length === 0) {
          // Nothing grants anything: with workloads, nothing is over-granted; without, nothing decides.
          if (workloads.length === 0) return undefined;
          const accounts = [...new Set(workloads.map(serviceAccountOf))];
          return {
            verdict: 'pass',
            summary:
              'No Role or ClusterRole is bound to the app ServiceAccounts, so nothing is over-granted',
            evidence: [
              setWideEvidence(
                set,
                `no RoleBinding/ClusterRoleBinding for ServiceAccount(s) ${accounts.join(
                  ', ',
                )}`,
              ),
            ],
          };
        }
        const outcomes = [
          ...[...bindings.values()].map(b => judgeBinding(set, b)),
          ...unboundRoles.map(r => judgeRole(set, r)),
        ];
        const result = worstOf(outcomes);
        if (result.verdict === 'pass')
          result.summary = workloads.length
            ? `Roles bound to the app ServiceAccounts grant explicit verbs and resources only, no wildcard or cluster-admin`
            : `The RBAC objects of ${set.label} grant explicit verbs and resources only, no wildcard or cluster-admin`;
        return result;
      },
      labels =>
        `No workloads and no RBAC objects (Role, ClusterRole, RoleBinding, ClusterRoleBinding) in ${labels.join(
          ', ',
        )}.`,
      { withoutWorkloads: true },
    );
  },
};
