import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import {
  objectSets,
  setEvidence,
  setWideEvidence,
  type ObjectSet,
  offeredButOff,
} from '../../facts/objectSets';
import { selectorMatches } from '../../kube/labels';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import {
  longRunning,
  podLabels,
  servingWorkloads,
  tryWorkloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { autoscalersOf } from '../f8-concurrency/processTypes';

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

/**
 * What a PDB says on its own, whatever it covers: it blocks every voluntary
 * disruption (maxUnavailable 0 or 0 %, minAvailable 100 %), it always lets
 * one pod go (maxUnavailable at least 1 or a non-zero percentage), or it
 * depends on the replicas (minAvailable a count or under 100 %).
 */
export function budgetAlone(
  pdb: Record<string, any>,
): 'blocks' | 'allows' | 'depends' {
  const spec = pdb.spec ?? {};
  const pct = (v: unknown) =>
    typeof v === 'string' && v.trim().endsWith('%') ? parseFloat(v) : undefined;
  if (spec.maxUnavailable !== undefined) {
    const p = pct(spec.maxUnavailable);
    const n = p ?? Number(spec.maxUnavailable);
    return n > 0 ? 'allows' : 'blocks';
  }
  if (spec.minAvailable !== undefined) {
    const p = pct(spec.minAvailable);
    if (p !== undefined && p >= 100) return 'blocks';
    if (p === undefined && Number(spec.minAvailable) <= 0) return 'allows';
    return 'depends';
  }
  // Neither set: judged against the replicas, as allowsDisruption does.
  return 'depends';
}

/** Declared replicas (1 when unset, as the API server defaults them). */
function declaredReplicas(w: Workload): number {
  const r = w.source.object.spec?.replicas;
  return r === undefined ? 1 : Number(r);
}

/**
 * The fewest replicas a workload runs: an autoscaler's minimum (HPA
 * minReplicas, KEDA minReplicaCount) when one targets it, else its replicas.
 * A budget must let one pod go at that floor.
 */
function replicasOf(set: ObjectSet, w: Workload): { n: number; by: string } {
  const scaler = autoscalersOf(set, w)[0]?.object;
  if (scaler) {
    const min =
      scaler.kind === 'ScaledObject'
        ? Number(scaler.spec?.minReplicaCount ?? 0)
        : Number(scaler.spec?.minReplicas ?? 1);
    if (Number.isFinite(min))
      return {
        n: min,
        by: `${scaler.kind} ${scaler.metadata?.name} minimum ${min}`,
      };
  }
  const n = declaredReplicas(w);
  return { n, by: `${n} replica(s)` };
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

/** Describes a budget: `maxUnavailable 0`, `minAvailable 100%`. */
function describeBudget(p: Record<string, any>): string {
  const spec = p.spec ?? {};
  return spec.maxUnavailable !== undefined
    ? `maxUnavailable ${spec.maxUnavailable}`
    : spec.minAvailable !== undefined
    ? `minAvailable ${spec.minAvailable}`
    : 'neither minAvailable nor maxUnavailable';
}

/**
 * Judges one set: its serving workloads must be covered by a budget that
 * lets one pod go; any budget of the set that lets none go (whatever it
 * covers, a worker too, or pods not among the objects) keeps the verdict
 * from passing. Undefined when the set has neither.
 */
function judgeSet(
  set: ObjectSet,
  workloads: ReadonlyArray<Workload>,
  undecided: string[],
): CheckOutcome | undefined {
  // A bare Pod is recreated by no controller, so a budget cannot keep it up; cn-orchestration.deployments judges it.
  const serving = servingWorkloads(set, workloads)
    .map(s => s.workload)
    .filter(w => w.kind !== 'Pod');
  const controllers = longRunning(workloads).filter(w => w.kind !== 'Pod');
  const pdbs = set.objects.filter(o => o.object.kind === 'PodDisruptionBudget');
  if (serving.length === 0 && pdbs.length === 0) return undefined;
  const covers = (p: SourcedObject, w: Workload) =>
    (p.object.metadata?.namespace ?? w.namespace) === w.namespace &&
    !!p.object.spec?.selector &&
    selectorMatches(p.object.spec.selector, podLabels(w));

  const covered: Array<{
    w: Workload;
    pdb: SourcedObject;
    ok: boolean;
    floor: string;
  }> = [];
  const uncovered: Workload[] = [];
  for (const w of serving) {
    const p = pdbs.find(o => covers(o, w));
    if (p) {
      const floor = replicasOf(set, w);
      covered.push({
        w,
        pdb: p,
        ok: floor.n === 0 || allowsDisruption(p.object, floor.n),
        floor: floor.by,
      });
    } else uncovered.push(w);
  }
  // Budgets over workloads that serve no traffic (workers), and budgets whose pods are not among the objects.
  const others: Array<{ pdb: SourcedObject; ok: boolean; note: string }> = [];
  for (const p of pdbs) {
    if (covered.some(c => c.pdb === p)) continue;
    const targets = controllers.filter(w => covers(p, w));
    if (targets.length) {
      const blocked = targets.filter(w => {
        const floor = replicasOf(set, w);
        return floor.n > 0 && !allowsDisruption(p.object, floor.n);
      });
      others.push({
        pdb: p,
        ok: blocked.length === 0,
        note: `${describeBudget(p.object)} covers ${targets
          .map(w => `${w.kind} ${w.name} (${replicasOf(set, w).by})`)
          .join(', ')}${blocked.length ? ', which it lets no pod leave' : ''}`,
      });
      continue;
    }
    const alone = budgetAlone(p.object);
    if (alone === 'depends') {
      undecided.push(
        `PDB ${p.object.metadata?.name} (${describeBudget(
          p.object,
        )}) covers no workload among the objects of ${
          set.label
        }, so whether it lets a pod go depends on replicas that cannot be seen`,
      );
      continue;
    }
    others.push({
      pdb: p,
      ok: alone === 'allows',
      note: `${describeBudget(p.object)}: ${
        alone === 'allows'
          ? 'lets a pod go whatever the replicas'
          : 'lets no pod go, whatever the replicas'
      } (its pods are not among the objects of ${set.label})`,
    });
  }
  if (serving.length === 0 && others.length === 0) return undefined;

  const blocking = [
    ...covered.filter(c => !c.ok).map(c => c.pdb),
    ...others.filter(o => !o.ok).map(o => o.pdb),
  ];
  const evidence = capEvidence([
    ...covered.map(c =>
      setEvidence(
        set,
        c.pdb,
        `covers ${c.w.kind} ${c.w.name} (${c.floor})${
          c.ok
            ? ''
            : ` but allows no voluntary disruption (${describeBudget(
                c.pdb.object,
              )})`
        }`,
        'spec',
      ),
    ),
    ...others.map(o => setEvidence(set, o.pdb, o.note, 'spec')),
    ...uncovered.map(w =>
      setEvidence(
        set,
        w.source,
        `serving ${w.kind} without a PodDisruptionBudget`,
      ),
    ),
  ]);
  if (uncovered.length === 0 && blocking.length === 0) {
    return {
      verdict: 'pass',
      summary: serving.length
        ? `${set.label}: every serving workload has a PDB that allows one disruption`
        : `${set.label}: the PDBs allow one disruption (${others
            .map(o => o.pdb.object.metadata?.name)
            .join(', ')})`,
      evidence,
    };
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
  const off = offeredButOff(set, 'PodDisruptionBudget');
  return {
    verdict:
      serving.length > 0 && covered.length === 0 && !off ? 'fail' : 'partial',
    summary: `${off ? `${off.note}; ` : ''}${set.label}: ${[
      uncovered.length
        ? `no PDB covers ${uncovered.map(w => w.name).join(', ')}`
        : '',
      blocking.length
        ? `PDB ${[...new Set(blocking.map(b => b.object.metadata?.name))].join(
            ', ',
          )} block(s) every voluntary disruption`
        : '',
    ]
      .filter(Boolean)
      .join('; ')}`,
    evidence: [
      ...(off ? [off.evidence] : []),
      ...(evidence.length
        ? evidence
        : [setWideEvidence(set, 'no PodDisruptionBudget')]),
    ],
    remediation: fix,
  };
}

export const pdb: TwelveFactorCheck = {
  id: 'cn-resilience.pdb',
  evaluate({ facts }) {
    // Every set: those without workloads may still hold a budget that decides (maxUnavailable 0).
    const sets = objectSets(facts);
    const withWorkloads = tryWorkloadSets(facts);
    const judged = new Set(withWorkloads.map(s => s.set));
    const outcomes: CheckOutcome[] = [];
    const undecided: string[] = [];
    for (const { set, workloads } of withWorkloads) {
      const outcome = judgeSet(set, workloads, undecided);
      if (outcome) outcomes.push(outcome);
    }
    for (const set of sets) {
      if (judged.has(set)) continue;
      const outcome = judgeSet(set, [], undecided);
      if (outcome) outcomes.push(outcome);
    }
    if (outcomes.length === 0) {
      const reason = [
        'No Deployment or StatefulSet behind a Service in any deploy target or cluster namespace',
        ...undecided,
      ].join('; ');
      return {
        verdict: 'unknown',
        summary: 'No serving workload',
        reason: `${reason}.`,
      };
    }
    return worstOfSets(outcomes);
  },
};
