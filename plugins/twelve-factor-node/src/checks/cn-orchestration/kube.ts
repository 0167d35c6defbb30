/*
 * Helpers shared by the Kubernetes-object checks of the orchestration,
 * scalability, security and CI/CD areas: which workloads of an object set
 * are the application's, their labels, env and ConfigMap values, and the
 * per-set judging loop.
 */
import {
  UnknownVerdictError,
  type FactReader,
  type FactRef,
} from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { setWorkloads, type Workload } from '../../facts/manifests/workloads';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { worstOf } from '../combine';
import { paramList, noted } from '../messages';
import { perObject, perObjectPair } from '../memo';

/** Kinds whose children (ReplicaSets, Pods, Jobs) are not workloads of their own. */
const CONTROLLER_KINDS = new Set([
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Rollout',
  'ReplicationController',
]);

/** Whether a (cluster) object was created by a controller, e.g. a Pod of a ReplicaSet. */
export function isControlled(o: Record<string, any>): boolean {
  const refs: Array<{ kind?: string; controller?: boolean }> =
    o.metadata?.ownerReferences ?? [];
  return refs.some(
    r => r.controller === true || CONTROLLER_KINDS.has(String(r.kind)),
  );
}

/**
 * The workloads a team declares: everything that runs pods except what a
 * controller created (the ReplicaSets and Pods of a live cluster), so that a
 * Deployment is judged once, not once more per Pod.
 */
export function appWorkloads(set: ObjectSet): Workload[] {
  // A copy: callers may sort or filter in place.
  return declaredWorkloads(set.objects).slice();
}

/** appWorkloads per set (its objects do not change during a scan). */
const declaredWorkloads = perObject((objects: ReadonlyArray<SourcedObject>) =>
  setWorkloads(objects).filter(w => !isControlled(w.source.object)),
);

/** Kinds that run continuously (as opposed to Jobs and bare Pods). */
export const LONG_RUNNING = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

/** The labels of a workload's pods. */
export function podLabels(w: Workload): Record<string, string> {
  const o = w.source.object;
  if (w.kind === 'Pod') return o.metadata?.labels ?? {};
  if (w.kind === 'CronJob')
    return o.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return o.spec?.template?.metadata?.labels ?? {};
}

/** Labels that say nothing about which component a pod is. */
const NOISY_LABELS =
  /^(backstage\.io\/|app\.kubernetes\.io\/(part-of|managed-by|version|instance)$|helm\.sh\/|pod-template-hash$|controller-uid$|batch\.kubernetes\.io\/|job-name$)/;

/** Labels that identify a workload's pods, for selectors in snippets. */
export function identifyingLabels(w: Workload): Record<string, string> {
  const match = w.source.object.spec?.selector?.matchLabels;
  if (match && typeof match === 'object' && Object.keys(match).length)
    return { ...match };
  const own = Object.fromEntries(
    Object.entries(podLabels(w)).filter(([k]) => !NOISY_LABELS.test(k)),
  );
  return Object.keys(own).length ? own : podLabels(w);
}

/** Declared replicas (1 when unset, as the API server defaults it). */
export function replicasOf(w: Workload): number {
  const r = w.source.object.spec?.replicas;
  if (r === undefined) return 1;
  return typeof r === 'number' ? r : Number(r) || 0;
}

/** Whether two objects of a set are in the same namespace (repo targets may leave it unset). */
export function sameNamespace(
  a: string | undefined,
  b: string | undefined,
): boolean {
  return a === undefined || b === undefined || a === b;
}

/** The objects of a set with one of the kinds. */
export function ofKind(set: ObjectSet, ...kinds: string[]): SourcedObject[] {
  const index = kindIndex(set.objects);
  // Objects of several kinds keep the set's order, which only a pass over the set gives when more than one kind is present.
  let only: SourcedObject[] | undefined;
  for (const kind of kinds) {
    const found = index.get(kind);
    if (!found) continue;
    if (only) return set.objects.filter(o => kinds.includes(o.object.kind));
    only = found;
  }
  // A copy: callers may sort or filter in place.
  return only ? only.slice() : [];
}

/**
 * A set's objects by kind, in set order, built once per set: checks ask for
 * the Services, ConfigMaps or bindings of each set many times per scan.
 */
const kindIndex = perObject(
  (objects: ReadonlyArray<SourcedObject>): Map<string, SourcedObject[]> => {
    const index = new Map<string, SourcedObject[]>();
    for (const o of objects) {
      const list = index.get(o.object.kind);
      if (list) list.push(o);
      else index.set(o.object.kind, [o]);
    }
    return index;
  },
);

/** A literal value a container sees in its environment, with where it is set. */
export interface EnvValue {
  name: string;
  value: string;
  container: string;
  /** The Pod's own field path, or the ConfigMap the value comes from. */
  where:
    | { workload: Workload; fieldPath: string }
    | { configMap: ObjectSet['objects'][number]; key: string };
}

/** Every literal env value of a workload's containers, including those from ConfigMaps of the set. */
export function envValues(set: ObjectSet, w: Workload): EnvValue[] {
  // A copy: callers may sort or filter in place.
  return envValuesOfWorkload(set, w).slice();
}

/** Per set and workload: the stores checks (database, cache, event-driven) each read them. */
const envValuesOfWorkload = perObjectPair(collectEnvValues);

function collectEnvValues(set: ObjectSet, w: Workload): EnvValue[] {
  const out: EnvValue[] = [];
  const configMaps = ofKind(set, 'ConfigMap');
  const configMap = (name: string) =>
    configMaps.find(
      o =>
        o.object.metadata?.name === name &&
        sameNamespace(o.object.metadata?.namespace, w.namespace),
    );
  for (const { container, fieldPath } of w.containers) {
    const cname = String(container.name ?? '');
    (container.env ?? []).forEach((e: any, i: number) => {
      if (e?.value !== undefined)
        out.push({
          name: String(e.name),
          value: String(e.value),
          container: cname,
          where: { workload: w, fieldPath: `${fieldPath}.env[${i}]` },
        });
      const ref = e?.valueFrom?.configMapKeyRef;
      const cm = ref?.name ? configMap(ref.name) : undefined;
      const v = cm?.object.data?.[ref.key];
      if (cm && v !== undefined)
        out.push({
          name: String(e.name),
          value: String(v),
          container: cname,
          where: { configMap: cm, key: ref.key },
        });
    });
    for (const from of container.envFrom ?? []) {
      const cm = from?.configMapRef?.name
        ? configMap(from.configMapRef.name)
        : undefined;
      for (const [key, v] of Object.entries(cm?.object.data ?? {})) {
        out.push({
          name: `${from.prefix ?? ''}${key}`,
          value: String(v),
          container: cname,
          where: { configMap: cm!, key },
        });
      }
    }
  }
  return out;
}

/** Command and arguments of a container, as one string. */
export function commandLine(container: Record<string, any>): string {
  return [...(container.command ?? []), ...(container.args ?? [])]
    .map(String)
    .join(' ');
}

/** The repository (path and tag stripped) of an image reference. */
export function imageRepository(image: string | undefined): string {
  return String(image ?? '')
    .replace(/@sha256:.*$/, '')
    .replace(/:[^/:]*$/, '')
    .toLowerCase();
}

/**
 * Judges every object set that has workloads of the application and combines
 * the outcomes (worst wins). Sets without workloads (e.g. a folder holding
 * only Argo CD Applications) say nothing about the workloads and are skipped,
 * unless `withoutWorkloads` is set: then the check judges them too (with no
 * workloads), for objects that decide it alone (a ClusterRoleBinding to
 * cluster-admin, an Ingress without TLS). `judge` may also skip a set by
 * returning undefined. When nothing is left the verdict is `unknown` with
 * `nothing` as the reason.
 */
export function judgeWorkloadSets(
  facts: FactReader,
  judge: (set: ObjectSet, workloads: Workload[]) => CheckOutcome | undefined,
  nothing: (labels: string[]) => string,
  options: { withoutWorkloads?: boolean } = {},
): CheckOutcome {
  const sets = objectSets(facts);
  const judged: Array<{ label: string; outcome: CheckOutcome }> = [];
  for (const set of sets) {
    const workloads = appWorkloads(set);
    if (workloads.length === 0 && !options.withoutWorkloads) continue;
    const outcome = judge(set, workloads);
    if (outcome) judged.push({ label: set.label, outcome });
  }
  if (judged.length === 0) {
    const reason = nothing(sets.map(s => s.label));
    return { verdict: 'unknown', summary: reason, reason };
  }
  return combineSets(judged);
}

/**
 * worstOf for per-set outcomes, with one summary: the same finding in every
 * set is said once, a finding of some sets names them.
 */
export function combineSets(
  judged: ReadonlyArray<{ label: string; outcome: CheckOutcome }>,
): CheckOutcome {
  const result = worstOf(judged.map(j => j.outcome));
  const bySummary = new Map<string, string[]>();
  for (const { label, outcome } of judged) {
    if (outcome.verdict !== result.verdict) continue;
    const labels = bySummary.get(outcome.summary);
    if (labels) labels.push(label);
    else bySummary.set(outcome.summary, [label]);
  }
  const clauses: string[] = [];
  for (const [summary, labels] of bySummary)
    clauses.push(
      labels.length === judged.length
        ? summary
        : `${summary} (${labels.join(', ')})`,
    );
  result.summary = clauses.join('; ');
  return result;
}

/**
 * Several notes said in one evidence note, joined with semicolons as the
 * English always was: the message lists the notes' own messages.
 */
export function joinedNote(
  id: string,
  notes: ReadonlyArray<ReturnType<typeof noted>>,
): ReturnType<typeof noted> {
  return noted(id, {
    notes: paramList(
      notes.map(n => n.noteMsg),
      { sep: '; ' },
    ),
  });
}

/**
 * A fact that may not be registered in this engine (a newer extractor, or a
 * custom engine without it): its value, or undefined when it is missing or
 * cannot be derived.
 */
export function optionalFact<T>(
  facts: FactReader,
  ref: FactRef<T>,
): T | undefined {
  try {
    return facts.get(ref);
  } catch (e) {
    if (
      e instanceof UnknownVerdictError ||
      /No extractor registered/.test((e as Error).message)
    )
      return undefined;
    throw e;
  }
}

/**
 * The workload snippets are best written for: a long-running one behind a
 * Service (one named like a web/API server first), else the first
 * long-running one, else the first.
 */
export function primaryWorkload(
  set: ObjectSet,
  workloads: Workload[],
): Workload | undefined {
  const services = ofKind(set, 'Service').map(s => s.object);
  const served = (w: Workload) =>
    services.some(
      s =>
        mapSelectorMatches(s.spec?.selector, podLabels(w)) &&
        sameNamespace(s.metadata?.namespace, w.namespace),
    );
  const candidates = workloads.filter(
    w => LONG_RUNNING.has(w.kind) && served(w),
  );
  return (
    candidates.find(w =>
      /(^|-)(web|api|app|server|frontend|backend|gateway)(-|$)/.test(w.name),
    ) ??
    candidates[0] ??
    workloads.find(w => LONG_RUNNING.has(w.kind)) ??
    workloads[0]
  );
}
