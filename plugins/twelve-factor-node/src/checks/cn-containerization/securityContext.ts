import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { Workload, workloadsOf } from '../../facts/manifests/workloads';
import { capEvidence, fileEvidence, objectEvidence } from '../evidence';

/** Whether a container runs non-root by its own or its pod's securityContext. */
export function runsNonRoot(podSpec: Record<string, any>, container: Record<string, any>): boolean {
  const c = container.securityContext ?? {};
  const p = podSpec.securityContext ?? {};
  if (c.runAsNonRoot === false) return false;
  if (c.runAsUser !== undefined) return Number(c.runAsUser) !== 0;
  if (c.runAsNonRoot === true) return true;
  if (p.runAsUser !== undefined) return Number(p.runAsUser) !== 0;
  return p.runAsNonRoot === true;
}

function hardened(w: Workload, container: Record<string, any>): boolean {
  return container.securityContext?.allowPrivilegeEscalation === false && runsNonRoot(w.podSpec, container);
}

function patchFor(w: Workload, names: string[]): string {
  return [
    `apiVersion: ${w.source.object.apiVersion}`,
    `kind: ${w.kind}`,
    'metadata:',
    `  name: ${w.name}`,
    'spec:',
    ...(w.kind === 'Pod' ? [] : w.kind === 'CronJob' ? ['  jobTemplate:', '    spec:', '      template:', '        spec:'] : ['  template:', '    spec:']).map(l => l),
  ]
    .concat(
      (() => {
        const indent = w.kind === 'Pod' ? '  ' : w.kind === 'CronJob' ? '          ' : '      ';
        return [
          `${indent}securityContext:`,
          `${indent}  runAsNonRoot: true`,
          `${indent}  seccompProfile: {type: RuntimeDefault}`,
          `${indent}containers:`,
          ...names.flatMap(n => [
            `${indent}  - name: ${n}`,
            `${indent}    securityContext:`,
            `${indent}      allowPrivilegeEscalation: false`,
            `${indent}      capabilities: {drop: [ALL]}`,
          ]),
        ];
      })(),
    )
    .join('\n');
}

export const securityContext: TwelveFactorCheck = {
  id: 'cn-containerization.security-context',
  evaluate({ facts }) {
    const { targets, helmCharts } = facts.get(manifestsFactRef);
    let total = 0;
    let good = 0;
    const missing: Evidence[] = [];
    const ok: Evidence[] = [];
    let firstBad: { w: Workload; names: string[] } | undefined;
    for (const target of targets) {
      for (const w of workloadsOf(target.objects)) {
        const bad = w.containers.filter(c => !hardened(w, c.container));
        total += w.containers.length;
        good += w.containers.length - bad.length;
        if (bad.length) {
          missing.push(objectEvidence(w.source, target.id, `container(s) ${bad.map(b => b.container.name).join(', ')} without allowPrivilegeEscalation: false and a non-root user`));
          if (!firstBad) firstBad = { w, names: bad.filter(b => !b.init).map(b => String(b.container.name)) };
        } else {
          ok.push(objectEvidence(w.source, target.id, 'hardened'));
        }
      }
    }
    if (total === 0) {
      return {
        verdict: 'unknown',
        summary: 'No workloads in the repository manifests',
        reason: helmCharts.length
          ? `Workloads are defined by Helm charts (${helmCharts.join(', ')}), which are detected but not rendered.`
          : 'No Kubernetes workload manifests were found in the repository.',
        evidence: helmCharts.map(c => fileEvidence(`${c}/Chart.yaml`, 'Helm chart (not rendered)')),
      };
    }
    if (good === total) {
      return { verdict: 'pass', summary: `All ${total} containers set allowPrivilegeEscalation: false and run as non-root`, evidence: capEvidence(ok, 5) };
    }
    const remediation = firstBad
      ? {
          text: 'Set allowPrivilegeEscalation: false and run as a non-root user in every container (a strategic-merge patch for your kustomization).',
          snippet: { language: 'yaml' as const, action: 'create' as const, content: `${patchFor(firstBad.w, firstBad.names.length ? firstBad.names : ['app'])}\n` },
        }
      : undefined;
    return {
      verdict: good === 0 ? 'fail' : 'partial',
      summary: `${good} of ${total} containers are hardened`,
      evidence: capEvidence(missing),
      ...(remediation ? { remediation } : {}),
    };
  },
};
