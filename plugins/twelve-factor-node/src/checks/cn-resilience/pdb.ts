import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { setEvidence, setWideEvidence } from '../../facts/objectSets';
import { selectorMatches } from '../../kube/labels';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import {
  podLabels,
  servingWorkloads,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';

/** Whether a PDB lets at least one pod of a workload with `replicas` go. */
export function allowsDisruption(
  pdb: Record<string, any>,
  replicas: number,
): boolean {
  const spec = pdb.spec ?? {};
  const amount = (v: unknown, whole: number) =>
    typeof v === 'string' && v.endsWith('%')
      ? Math.ceil((parseFloat(v) / 100) * whole)
      : Number(v);
  if (spec.maxUnavailable !== undefined) {
    const v = spec.maxUnavailable;
    // Kubernetes rounds a percentage of maxUnavailable up, so any non-zero percentage allows one.
    return typeof v === 'string' && v.endsWith('%')
      ? parseFloat(v) > 0
      : Number(v) > 0;
  }
  if (spec.minAvailable !== undefined)
    return amount(spec.minAvailable, replicas) < replicas;
  return false;
}

function replicasOf(w: Workload): number {
  const r = w.source.object.spec?.replicas;
  return r === undefined ? 1 : Number(r);
}

function pdbSnippet(ws: Workload[]): string {
  return ws
    .map(w =>
      toYaml({
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: {
          name: w.name,
          ...(w.namespace ? { namespace: w.namespace } : {}),
        },
        spec: {
          maxUnavailable: 1,
          selector: w.source.object.spec?.selector ?? {
            matchLabels: podLabels(w),
          },
        },
      }),
    )
    .join('---\n');
}

export const pdb: TwelveFactorCheck = {
  id: 'cn-resilience.pdb',
  evaluate({ facts }) {
    const outcomes: CheckOutcome[] = [];
    for (const { set, workloads } of workloadSets(facts)) {
      const serving = servingWorkloads(set, workloads).map(s => s.workload);
      if (serving.length === 0) continue;
      const pdbs = set.objects.filter(
        o => o.object.kind === 'PodDisruptionBudget',
      );
      const covered: Array<{ w: Workload; pdb: SourcedObject; ok: boolean }> =
        [];
      const uncovered: Workload[] = [];
      for (const w of serving) {
        const p = pdbs.find(
          o =>
            (o.object.metadata?.namespace ?? w.namespace) === w.namespace &&
            o.object.spec?.selector &&
            selectorMatches(o.object.spec.selector, podLabels(w)),
        );
        if (p)
          covered.push({
            w,
            pdb: p,
            ok: allowsDisruption(p.object, replicasOf(w)),
          });
        else uncovered.push(w);
      }
      const blocking = covered.filter(c => !c.ok);
      const evidence = capEvidence([
        ...covered.map(c =>
          setEvidence(
            set,
            c.pdb,
            `covers ${c.w.kind} ${c.w.name} (${replicasOf(c.w)} replica(s))${
              c.ok ? '' : ' but allows no voluntary disruption'
            }`,
            'spec',
          ),
        ),
        ...uncovered.map(w =>
          setEvidence(
            set,
            w.source,
            `serving ${w.kind} without a PodDisruptionBudget`,
          ),
        ),
      ]);
      if (uncovered.length === 0 && blocking.length === 0) {
        outcomes.push({
          verdict: 'pass',
          summary: `${set.label}: every serving workload has a PDB that allows one disruption`,
          evidence,
        });
        continue;
      }
      const fix = {
        text: `Give every serving workload a PodDisruptionBudget that lets one pod go at a time (and run at least 2 replicas, or a drain still takes the service down)${
          uncovered.length
            ? ':'
            : '; change minAvailable/maxUnavailable so that one pod may be evicted.'
        }`,
        ...(uncovered.length
          ? {
              snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
                pdbSnippet(uncovered),
              ),
            }
          : {}),
      };
      outcomes.push({
        verdict: covered.length === 0 ? 'fail' : 'partial',
        summary: `${set.label}: ${[
          uncovered.length
            ? `no PDB covers ${uncovered.map(w => w.name).join(', ')}`
            : '',
          blocking.length
            ? `PDB ${blocking
                .map(b => b.pdb.object.metadata?.name)
                .join(', ')} block(s) every voluntary disruption`
            : '',
        ]
          .filter(Boolean)
          .join('; ')}`,
        evidence: evidence.length
          ? evidence
          : [setWideEvidence(set, 'no PodDisruptionBudget')],
        remediation: fix,
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No serving workload',
        reason:
          'No Deployment or StatefulSet behind a Service in any deploy target or cluster namespace.',
      };
    }
    return worstOfSets(outcomes);
  },
};
