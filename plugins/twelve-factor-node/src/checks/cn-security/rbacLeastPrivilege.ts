import type {
  EngineMessage,
  Evidence,
  MessagePart,
  ParamList,
} from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { ObjectSet } from '../../facts/objectSets';
import { bindingsOf, serviceAccountOf } from '../cn-orchestration/rbac';
import { ofKind, sameNamespace } from '../cn-orchestration/kube';
import { worstOf } from '../combine';
import type { Note } from '../evidence';
import {
  advice,
  because,
  english,
  finding,
  paramList,
  msg,
  noted,
} from '../messages';
import { judgeSetMessages, objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';

type Rule = {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
};

/**
 * What is too broad about a rule: `fail` for wildcards, `partial` for broad
 * grants; `what` names its messages (`cn-security.rbac-least-privilege.why-<what>`).
 */
function ruleFinding(rule: Rule):
  | {
      level: 'fail' | 'partial';
      what: string;
      params?: EngineMessage['params'];
    }
  | undefined {
  const verbs = (rule.verbs ?? []).map(String);
  const resources = (rule.resources ?? []).map(String);
  if (verbs.includes('*') || resources.includes('*'))
    return {
      level: 'fail',
      what: verbs.includes('*') ? 'wildcard-verbs' : 'wildcard-resources',
      params: {
        resources: resources.join(', ') || 'nonResourceURLs',
        verbs: verbs.join(', '),
      },
    };
  const sensitive = verbs.filter(v =>
    ['escalate', 'bind', 'impersonate'].includes(v),
  );
  if (sensitive.length)
    return {
      level: 'partial',
      what: 'sensitive',
      params: { verbs: sensitive.join(', '), resources: resources.join(', ') },
    };
  if (
    resources.includes('secrets') &&
    !rule.resourceNames?.length &&
    verbs.some(v => ['get', 'list', 'watch'].includes(v))
  )
    return { level: 'partial', what: 'secrets' };
  if (
    resources.some(r =>
      ['pods/exec', 'pods/attach', 'nodes/proxy'].includes(r),
    ) &&
    verbs.some(v => ['create', 'get'].includes(v))
  )
    return {
      level: 'partial',
      what: 'exec',
      params: {
        resources: resources
          .filter(r => /exec|attach|proxy/.test(r))
          .join(', '),
      },
    };
  if (
    resources.some(r =>
      ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].includes(
        r,
      ),
    ) &&
    verbs.some(v => ['create', 'update', 'patch'].includes(v))
  )
    return { level: 'partial', what: 'rbac' };
  return undefined;
}

type RuleFinding = NonNullable<ReturnType<typeof ruleFinding>>;

const RBAC = 'cn-security.rbac-least-privilege';

/** The findings said one after the other. */
function whys(findings: RuleFinding[]): ParamList {
  return paramList(
    findings.map(f => msg(`${RBAC}.why-${f.what}`, f.params)),
    { sep: '; ' },
  );
}

/**
 * The summary of an object's findings: `RoleBinding/a → Role/b wildcard
 * verbs (…); reads every Secret…`, the first finding said of the object.
 */
function findingsSummary(
  object: string,
  findings: RuleFinding[],
  wide: boolean,
): { summary: string; summaryMsg: MessagePart[] } {
  const summaryMsg: MessagePart[] = findings.map((f, i) => {
    let id = `${RBAC}.why-${f.what}`;
    if (i === 0) id = `${RBAC}.object-${wide ? 'wide-' : ''}${f.what}`;
    const params = i === 0 ? { ...f.params, object } : f.params;
    return params ? { id, params } : { id };
  });
  return {
    summary: summaryMsg.map(m => english(m.id, m.params)).join('; '),
    summaryMsg,
  };
}

/** A note said of an object (`RoleBinding/a → Role/b: …`), the note's message inside its own. */
function objectNote(
  object: string,
  note: { note: string; noteMsg: EngineMessage },
): Note {
  return noted(`${RBAC}.object-note`, { object, note: note.noteMsg });
}

/** A note of findings: one finding's message, or the findings listed. */
function findingsNote(findings: RuleFinding[]) {
  if (findings.length === 1)
    return noted(`${RBAC}.why-${findings[0].what}`, findings[0].params);
  return noted(`${RBAC}.why-list`, { findings: whys(findings) });
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
  const ev = (
    note: { note: string; noteMsg: EngineMessage },
    o: SourcedObject = b,
  ): Evidence => objectEvidence(set, o, objectNote(label, note));
  const wide = b.object.kind === 'ClusterRoleBinding';
  if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
    return {
      verdict: 'fail',
      ...finding(`${RBAC}.cluster-admin`, { object: label }),
      evidence: [ev(noted(`${RBAC}.cluster-admin-note`))],
      remediation: {
        ...advice(`${RBAC}.cluster-admin-advice`, {
          binding: `${b.object.kind}/${b.object.metadata?.name}`,
        }),
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
      ...finding(`${RBAC}.built-in${wide ? '-wide' : ''}`, {
        object: label,
        role: ref.name,
      }),
      evidence: [
        ev(
          noted(`${RBAC}.built-in${wide ? '-wide' : ''}-note`, {
            role: ref.name,
          }),
        ),
      ],
      remediation: advice(`${RBAC}.built-in-advice`, { role: ref.name }),
    };
  }
  if (ref.kind === 'ClusterRole' && ref.name === 'view')
    return {
      verdict: 'pass',
      ...finding(`${RBAC}.view`),
      evidence: [ev(noted(`${RBAC}.view-note`))],
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
      ...finding(`${RBAC}.role-not-found`, { object: label }),
      ...because(`${RBAC}.role-not-found-reason`, {
        role: `${ref.kind} ${ref.name}`,
        binding: `${b.object.kind}/${b.object.metadata?.name}`,
        set: set.label,
      }),
      evidence: [ev(noted(`${RBAC}.role-not-found-note`))],
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
      ...finding(`${RBAC}.explicit`),
      evidence: [ev(noted(`${RBAC}.explicit-note`, { grants }), role)],
    };
  }
  return {
    verdict: worst.level,
    ...findingsSummary(label, findings, wide),
    evidence: [ev(findingsNote(findings), role)],
    remediation: {
      ...advice(
        worst.level === 'fail'
          ? `${RBAC}.narrow-wildcard-advice`
          : `${RBAC}.narrow-advice`,
        { role: `${ref.kind} ${ref.name}` },
      ),
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
      ...finding(`${RBAC}.explicit`),
      evidence: [
        objectEvidence(
          set,
          role,
          objectNote(
            label,
            noted(`${RBAC}.explicit-unbound-note`, { set: set.label }),
          ),
        ),
      ],
    };
  return {
    verdict: worst.level,
    ...findingsSummary(label, findings, false),
    evidence: [
      objectEvidence(
        set,
        role,
        noted(`${RBAC}.unbound-note`, {
          object: label,
          note: whys(findings),
          set: set.label,
        }),
      ),
    ],
    remediation: {
      ...advice(
        worst.level === 'fail'
          ? `${RBAC}.narrow-wildcard-advice`
          : `${RBAC}.narrow-advice`,
        { role: label },
      ),
      snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
        narrowed(role.object),
      ),
    },
  };
}

export const rbacLeastPrivilege: TwelveFactorCheck = {
  id: 'cn-security.rbac-least-privilege',
  evaluate({ facts }) {
    return judgeSetMessages(
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
            ...finding(`${RBAC}.unbound-accounts`),
            evidence: [
              setWideNote(
                set,
                noted(`${RBAC}.unbound-accounts-note`, {
                  accounts: accounts.join(', '),
                }),
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
          Object.assign(
            result,
            workloads.length
              ? finding(`${RBAC}.explicit-bound`)
              : finding(`${RBAC}.explicit-objects`, { set: set.label }),
          );
        return result;
      },
      labels => because(`${RBAC}.nothing-reason`, { sets: labels.join(', ') }),
      { withoutWorkloads: true },
    );
  },
};
