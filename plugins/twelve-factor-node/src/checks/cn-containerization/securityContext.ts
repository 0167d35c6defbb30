import type { TwelveFactorCheck } from '../../engine/types';
import { setWorkloads, type Workload } from '../../facts/manifests/workloads';
import { objectSets } from '../../facts/objectSets';
import { worstOf } from '../combine';
import { capEvidence } from '../evidence';
import { lazySnippet, podSpecPatch } from '../snippets';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';

/** Whether a container runs non-root by its own or its pod's securityContext. */
export function runsNonRoot(
  podSpec: Record<string, any>,
  container: Record<string, any>,
): boolean {
  const c = container.securityContext ?? {};
  const p = podSpec.securityContext ?? {};
  if (c.runAsNonRoot === false) return false;
  if (c.runAsUser !== undefined) return Number(c.runAsUser) !== 0;
  if (c.runAsNonRoot === true) return true;
  if (p.runAsUser !== undefined) return Number(p.runAsUser) !== 0;
  return p.runAsNonRoot === true;
}

function hardened(w: Workload, container: Record<string, any>): boolean {
  return (
    container.securityContext?.allowPrivilegeEscalation === false &&
    runsNonRoot(w.podSpec, container)
  );
}

function remediationFor(w: Workload, containers: string[]) {
  return {
    ...advice('cn-containerization.security-context.advice'),
    snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
      podSpecPatch(
        { apiVersion: w.source.object.apiVersion, kind: w.kind, name: w.name },
        {
          securityContext: {
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: containers.map(name => ({
            name,
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
            },
          })),
        },
      ),
    ),
  };
}

export const securityContext: TwelveFactorCheck = {
  id: 'cn-containerization.security-context',
  evaluate({ facts }) {
    const sets = objectSets(facts);
    const outcomes = sets.flatMap(set => {
      // A live Pod made by a controller is judged through it; a bare Pod is judged itself.
      const workloads = setWorkloads(set.objects).filter(
        w =>
          w.kind !== 'Pod' ||
          set.origin === 'repo' ||
          !w.source.object.metadata?.ownerReferences?.length,
      );
      let total = 0;
      const bad: Array<{ w: Workload; names: string[] }> = [];
      for (const w of workloads) {
        total += w.containers.length;
        const names = w.containers
          .filter(c => !hardened(w, c.container))
          .map(c => String(c.container.name));
        if (names.length) bad.push({ w, names });
      }
      // A set without workloads (a folder of Argo CD Applications) says nothing about containers: it neither passes nor hides a verdict.
      if (total === 0) return [];
      const badCount = bad.reduce((n, b) => n + b.names.length, 0);
      if (badCount === 0) {
        return {
          verdict: 'pass' as const,
          ...finding('cn-containerization.security-context.all', { total }),
          evidence: [
            objectEvidence(
              set,
              workloads[0].source,
              noted('cn-containerization.security-context.all-note', {
                total,
                set: set.label,
              }),
            ),
          ],
        };
      }
      return {
        verdict: badCount === total ? ('fail' as const) : ('partial' as const),
        ...finding(
          'cn-containerization.security-context.some',
          { hardened: total - badCount, total },
          [set.label],
        ),
        evidence: capEvidence(
          bad.map(b =>
            objectEvidence(
              set,
              b.w.source,
              noted('cn-containerization.security-context.lacking-note', {
                containers: b.names.join(', '),
              }),
              `${b.w.podSpecPath}.containers`,
            ),
          ),
        ),
        remediation: remediationFor(bad[0].w, bad[0].names),
      };
    });
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('cn-containerization.security-context.no-workloads'),
        ...because('cn-containerization.security-context.no-workloads-reason', {
          sets: sets.map(x => x.label).join(', '),
        }),
      };
    }
    return worstOf(outcomes);
  },
};
