import type {
  FileEvidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import {
  objectSets,
  type ObjectSet,
  offeredButOff,
} from '../../facts/objectSets';
import { selectorMatches } from '../../kube/labels';
import { capEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { objectEvidence, setWideNote } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';
import {
  longRunning,
  podLabels,
  servingWorkloads,
  tryWorkloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { autoscalersOf } from '../f8-concurrency/processTypes';
import {
  data,
  joined,
  notedWith,
  partsOf,
  phrase,
  said,
  type Phrase,
} from './phrases';

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
function replicasOf(set: ObjectSet, w: Workload): { n: number; by: Phrase } {
  const scaler = autoscalersOf(set, w)[0]?.object;
  if (scaler) {
    const min =
      scaler.kind === 'ScaledObject'
        ? Number(scaler.spec?.minReplicaCount ?? 0)
        : Number(scaler.spec?.minReplicas ?? 1);
    if (Number.isFinite(min))
      return {
        n: min,
        by: phrase('cn-resilience.pdb.floor-scaler', {
          kind: String(scaler.kind),
          name: String(scaler.metadata?.name),
          min,
        }),
      };
  }
  const n = declaredReplicas(w);
  return { n, by: phrase('cn-resilience.pdb.floor-replicas', { n }) };
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
function describeBudget(p: Record<string, any>): Phrase {
  const spec = p.spec ?? {};
  if (spec.maxUnavailable !== undefined)
    return data(`maxUnavailable ${spec.maxUnavailable}`);
  if (spec.minAvailable !== undefined)
    return data(`minAvailable ${spec.minAvailable}`);
  return phrase('cn-resilience.pdb.budget-neither');
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
  undecided: Phrase[],
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
    floor: Phrase;
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
  const others: Array<{
    pdb: SourcedObject;
    ok: boolean;
    note: ReturnType<typeof noted>;
  }> = [];
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
        note: notedWith(
          blocked.length
            ? 'cn-resilience.pdb.covers-blocks-note'
            : 'cn-resilience.pdb.covers-others-note',
          {
            budget: describeBudget(p.object),
            targets: joined(
              targets.map(w =>
                phrase('cn-resilience.pdb.workload-floor', {
                  kind: w.kind,
                  name: w.name,
                  floor: replicasOf(set, w).by,
                }),
              ),
              ', ',
            ),
          },
        ),
      });
      continue;
    }
    const alone = budgetAlone(p.object);
    if (alone === 'depends') {
      const s = said('cn-resilience.pdb.undecided', {
        name: String(p.object.metadata?.name),
        budget: describeBudget(p.object),
        set: set.label,
      });
      undecided.push(s.msg);
      continue;
    }
    others.push({
      pdb: p,
      ok: alone === 'allows',
      note: notedWith(
        alone === 'allows'
          ? 'cn-resilience.pdb.alone-allows-note'
          : 'cn-resilience.pdb.alone-blocks-note',
        { budget: describeBudget(p.object), set: set.label },
      ),
    });
  }
  if (serving.length === 0 && others.length === 0) return undefined;

  const blocking = [
    ...covered.filter(c => !c.ok).map(c => c.pdb),
    ...others.filter(o => !o.ok).map(o => o.pdb),
  ];
  const evidence = capEvidence([
    ...covered.map(c =>
      objectEvidence(
        set,
        c.pdb,
        c.ok
          ? notedWith('cn-resilience.pdb.covers-note', {
              kind: c.w.kind,
              name: c.w.name,
              floor: c.floor,
            })
          : notedWith('cn-resilience.pdb.covers-no-disruption-note', {
              kind: c.w.kind,
              name: c.w.name,
              floor: c.floor,
              budget: describeBudget(c.pdb.object),
            }),
        'spec',
      ),
    ),
    ...others.map(o => objectEvidence(set, o.pdb, o.note, 'spec')),
    ...uncovered.map(w =>
      objectEvidence(
        set,
        w.source,
        noted('cn-resilience.pdb.uncovered-note', { kind: w.kind }),
      ),
    ),
  ]);
  if (uncovered.length === 0 && blocking.length === 0) {
    return {
      verdict: 'pass',
      ...(serving.length
        ? finding('cn-resilience.pdb.covered', undefined, [set.label])
        : finding(
            'cn-resilience.pdb.others-allow',
            { names: others.map(o => o.pdb.object.metadata?.name).join(', ') },
            [set.label],
          )),
      evidence,
    };
  }
  const fix = {
    ...advice(
      uncovered.length
        ? 'cn-resilience.pdb.uncovered-advice'
        : 'cn-resilience.pdb.blocking-advice',
    ),
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
    ...partsOf(
      set.label,
      [
        ...(uncovered.length
          ? [
              said('cn-resilience.pdb.uncovered', {
                names: uncovered.map(w => w.name).join(', '),
              }),
            ]
          : []),
        ...(blocking.length
          ? [
              said('cn-resilience.pdb.blocking', {
                names: [
                  ...new Set(blocking.map(b => b.object.metadata?.name)),
                ].join(', '),
              }),
            ]
          : []),
      ],
      off && offeredLead(off),
    ),
    evidence: [
      ...(off ? [offeredEvidence(off)] : []),
      ...(evidence.length
        ? evidence
        : [setWideNote(set, noted('cn-resilience.pdb.none-note'))]),
    ],
    remediation: fix,
  };
}

/** The chart's switched-off budget (offeredButOff), said before the set's finding. */
function offeredLead(off: NonNullable<ReturnType<typeof offeredButOff>>): {
  text: string;
  msg: MessagePart;
} {
  const path = (off.evidence as FileEvidence).path;
  const s = said('cn-resilience.pdb.offered', { path });
  // offeredButOff writes its own English; the message is used only when it says the same.
  return s.text === off.note ? s : { text: off.note, msg: s.msg };
}

/** offeredButOff's evidence, with its note as a message when it says the same. */
function offeredEvidence(off: NonNullable<ReturnType<typeof offeredButOff>>) {
  const path = (off.evidence as FileEvidence).path;
  const n = noted('cn-resilience.pdb.offered', { path });
  return n.note === off.evidence.note
    ? { ...off.evidence, noteMsg: n.noteMsg }
    : off.evidence;
}

export const pdb: TwelveFactorCheck = {
  id: 'cn-resilience.pdb',
  evaluate({ facts }) {
    // Every set: those without workloads may still hold a budget that decides (maxUnavailable 0).
    const sets = objectSets(facts);
    const withWorkloads = tryWorkloadSets(facts);
    const judged = new Set(withWorkloads.map(s => s.set));
    const outcomes: CheckOutcome[] = [];
    const undecided: Phrase[] = [];
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
      const s = undecided.length
        ? said('cn-resilience.pdb.none-reason-undecided', {
            undecided: joined(undecided, '; '),
          })
        : said('cn-resilience.pdb.none-reason', { undecided: '' });
      return {
        verdict: 'unknown',
        ...finding('cn-resilience.pdb.none'),
        reason: s.text,
        reasonMsg: [s.msg],
      };
    }
    return worstOfSets(outcomes);
  },
};
