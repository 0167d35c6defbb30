import type {
  EngineMessage,
  Evidence,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import { type ObjectSet, offeredButOff } from '../../facts/objectSets';
import { mapSelectorMatches, selectorMatches } from '../../kube/labels';
import {
  identifyingLabels,
  ofKind,
  podLabels,
  primaryWorkload,
  sameNamespace,
} from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { advice, because, finding, paramList, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';

/** Network policy kinds: Kubernetes, Cilium and Calico. */
const POLICY_KINDS = [
  'NetworkPolicy',
  'CiliumNetworkPolicy',
  'CiliumClusterwideNetworkPolicy',
  'GlobalNetworkPolicy',
];

const isCalico = (np: Record<string, any>) =>
  /projectcalico\.org/.test(String(np.apiVersion ?? ''));

/** Policy types in effect: as declared, else Ingress plus Egress when egress rules are given. */
function policyTypes(np: Record<string, any>): string[] {
  if (np.kind.startsWith('Cilium'))
    return [
      ...(np.spec?.ingress || np.spec?.ingressDeny ? ['Ingress'] : []),
      ...(np.spec?.egress || np.spec?.egressDeny ? ['Egress'] : []),
    ];
  const declared = isCalico(np) ? np.spec?.types : np.spec?.policyTypes;
  if (Array.isArray(declared) && declared.length) return declared.map(String);
  return ['Ingress', ...(np.spec?.egress ? ['Egress'] : [])];
}

/** Whether a Calico selector (`app == 'api' && tier == 'web'`, `all()`) selects the labels; anything fancier is not read. */
function calicoSelects(selector: unknown, labels: Record<string, string>) {
  const text = String(selector ?? 'all()').trim();
  if (text === '' || text === 'all()') return true;
  return text.split('&&').every(term => {
    const m = /^\s*([\w./-]+)\s*==\s*["']([^"']*)["']\s*$/.exec(term);
    return !!m && labels[m[1]] === m[2];
  });
}

/** Whether a policy selects a workload's pods. */
function selects(np: Record<string, any>, w: Workload): boolean {
  const labels = podLabels(w);
  if (np.kind.startsWith('Cilium'))
    return selectorMatches(np.spec?.endpointSelector ?? {}, labels);
  if (isCalico(np)) return calicoSelects(np.spec?.selector, labels);
  return selectorMatches(np.spec?.podSelector ?? {}, labels);
}

/** The network policies (Kubernetes, Cilium, Calico) of a set. */
function policiesOf(set: ObjectSet) {
  return ofKind(set, ...POLICY_KINDS).filter(
    np => np.object.kind !== 'GlobalNetworkPolicy' || isCalico(np.object),
  );
}

/** The network policies selecting a workload's pods. */
function policiesFor(set: ObjectSet, w: Workload) {
  return policiesOf(set).filter(
    np =>
      (np.object.kind.includes('Clusterwide') ||
        np.object.kind === 'GlobalNetworkPolicy' ||
        sameNamespace(np.object.metadata?.namespace, w.namespace)) &&
      selects(np.object, w),
  );
}

/** Whether an Ingress of the set routes to a Service selecting the workload. */
function exposedByIngress(
  set: ObjectSet,
  w: Workload,
): { className?: string } | undefined {
  const services = ofKind(set, 'Service').filter(
    s =>
      sameNamespace(s.object.metadata?.namespace, w.namespace) &&
      mapSelectorMatches(s.object.spec?.selector, podLabels(w)),
  );
  const names = new Set(services.map(s => s.object.metadata?.name));
  for (const ing of ofKind(set, 'Ingress')) {
    const backends = [
      ing.object.spec?.defaultBackend,
      ...(ing.object.spec?.rules ?? []).flatMap((r: any) =>
        (r?.http?.paths ?? []).map((p: any) => p?.backend),
      ),
    ];
    if (backends.some(b => names.has(b?.service?.name)))
      return { className: ing.object.spec?.ingressClassName };
  }
  return undefined;
}

/** A NetworkPolicy for the workload: its container ports from the ingress controller and its own namespace; none for a worker. */
function policyFor(set: ObjectSet, w: Workload): string {
  const ports = w.containers
    .filter(c => !c.init)
    .flatMap(c =>
      (c.container.ports ?? []).map((p: any) => ({
        port: p.containerPort,
        protocol: p.protocol ?? 'TCP',
      })),
    );
  const ingress = exposedByIngress(set, w);
  const from: unknown[] = [{ podSelector: {} }];
  if (ingress)
    from.push({
      namespaceSelector: {
        matchLabels: {
          'kubernetes.io/metadata.name':
            ingress.className === 'nginx' || !ingress.className
              ? 'ingress-nginx'
              : ingress.className,
        },
      },
    });
  return toYaml({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: w.name,
      ...(w.namespace ? { namespace: w.namespace } : {}),
    },
    spec: {
      podSelector: { matchLabels: identifyingLabels(w) },
      policyTypes: ['Ingress'],
      // No ports: nothing may connect (a worker only dials out).
      ingress: ports.length ? [{ from, ports }] : [],
    },
  });
}

/** The workloads and the policies selecting them, as one note. */
function coveredNote(covered: EngineMessage[]) {
  if (covered.length === 1) return noted(covered[0].id, covered[0].params);
  return noted('cn-security.network-policy.covered-items', {
    items: paramList(covered, { sep: '; ' }),
  });
}

/** A NetworkPolicy the chart offers but its values switch off: its template's path and its evidence, with its message. */
function offered(
  set: ObjectSet,
): { path: string; evidence: Evidence } | undefined {
  const off = offeredButOff(set, 'NetworkPolicy');
  if (!off || off.evidence.type !== 'file') return undefined;
  const path = off.evidence.path;
  return {
    path,
    evidence: {
      ...off.evidence,
      noteMsg: {
        id: 'shared.chart-offers-note',
        params: { kind: 'NetworkPolicy', path },
      },
    },
  };
}

export const networkPolicy: TwelveFactorCheck = {
  id: 'cn-security.network-policy',
  evaluate({ facts }) {
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        if (workloads.length === 0) {
          // Policies whose pods are not among the objects still restrict them: judged as written.
          const ingress = policiesOf(set).filter(np =>
            policyTypes(np.object).includes('Ingress'),
          );
          if (ingress.length === 0) return undefined;
          return {
            verdict: 'pass',
            ...finding('cn-security.network-policy.detached', {
              policies: ingress
                .map(np => `${np.object.kind} ${np.object.metadata?.name}`)
                .join(', '),
            }),
            evidence: ingress.map(np =>
              objectEvidence(
                set,
                np,
                noted(
                  policyTypes(np.object).includes('Egress')
                    ? 'cn-security.network-policy.detached-egress-note'
                    : 'cn-security.network-policy.detached-note',
                  { set: set.label },
                ),
              ),
            ),
          };
        }
        const covered: EngineMessage[] = [];
        const open: Workload[] = [];
        for (const w of workloads) {
          const selecting = policiesFor(set, w);
          const nps = selecting.filter(np =>
            policyTypes(np.object).includes('Ingress'),
          );
          if (nps.length) {
            const egress = selecting.some(np =>
              policyTypes(np.object).includes('Egress'),
            );
            covered.push({
              id: egress
                ? 'cn-security.network-policy.covered-item-egress'
                : 'cn-security.network-policy.covered-item',
              params: {
                workload: w.name,
                policies: nps.map(np => np.object.metadata?.name).join(', '),
              },
            });
          } else open.push(w);
        }
        if (open.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-security.network-policy.all'),
            evidence: [
              objectEvidence(
                set,
                policiesOf(set)[0] ?? workloads[0].source,
                coveredNote(covered),
              ),
            ],
          };
        }
        const first = primaryWorkload(set, open) ?? open[0];
        const ordered = [first, ...open.filter(w => w !== first)].slice(0, 5);
        const off = offered(set);
        let id = covered.length
          ? 'cn-security.network-policy.uncovered'
          : 'cn-security.network-policy.none';
        if (off) id += '-offered';
        return {
          verdict: covered.length || off ? 'partial' : 'fail',
          ...finding(id, {
            ...(covered.length
              ? { names: open.map(w => w.name).join(', ') }
              : {}),
            ...(off ? { path: off.path } : {}),
          }),
          evidence: capEvidence([
            ...(off ? [off.evidence] : []),
            ...open.map(w =>
              objectEvidence(
                set,
                w.source,
                noted('cn-security.network-policy.open-note', {
                  labels: Object.entries(identifyingLabels(w))
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', '),
                }),
              ),
            ),
          ]),
          remediation: {
            ...advice(
              exposedByIngress(set, first)
                ? 'cn-security.network-policy.advice-ingress'
                : 'cn-security.network-policy.advice',
              { names: ordered.map(w => w.name).join(', ') },
            ),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              ordered.map(w => policyFor(set, w)).join('---\n'),
            ),
          },
        };
      },
      labels =>
        because('cn-security.network-policy.nothing-reason', {
          sets: labels.join(', '),
        }),
      { withoutWorkloads: true },
    );
  },
};
