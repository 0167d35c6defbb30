/*
 * Helpers shared by the checks of f11-logs, f12-admin-processes,
 * cn-observability and cn-resilience: which object sets have workloads,
 * which workloads run long or serve traffic, which image and config they
 * use, and the service's main language.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import { unknownBecause } from '../../engine/unknownReason';
import type { CheckOutcome } from '../../engine/types';
import {
  codeFactRef,
  type CodeFact,
  type SignalMatch,
} from '../../facts/code/extractor';
import type { Language } from '../../facts/code/patterns';
import { dependenciesFactRef } from '../../facts/dependencies/extractor';
import type { Ecosystem } from '../../facts/dependencies/types';
import {
  isLongRunningWorkload,
  setWorkloads,
  type Workload,
} from '../../facts/manifests/workloads';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { mapSelectorMatches } from '../../kube/labels';
import { worstOf } from '../combine';
import { routesTraffic } from '../serving';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence, type Note } from '../evidence';
import { perObjectPair } from '../memo';

/** An object set with its workloads, computed once per set. */
export interface JudgedSet {
  set: ObjectSet;
  workloads: Workload[];
}

const OWNED_KINDS = new Set(['Pod', 'ReplicaSet', 'Job']);

const setCache = new WeakMap<FactReader, JudgedSet[] | UnknownVerdictError>();

/**
 * The object sets that run something. Sets without workloads (e.g. a folder
 * of Argo CD Applications) say nothing about pods and are left out, so that
 * they neither pass nor fail a check. Throws UnknownVerdictError when no set
 * runs anything.
 */
export function workloadSets(facts: FactReader): JudgedSet[] {
  let cached = setCache.get(facts);
  if (!cached) {
    try {
      const sets = objectSets(facts)
        .map(set => ({
          set,
          // A live Pod, ReplicaSet or Job owned by a controller is judged through its controller.
          workloads: judgedWorkloads(
            setWorkloads(set.objects).filter(
              w =>
                !(
                  OWNED_KINDS.has(w.kind) &&
                  w.source.object.metadata?.ownerReferences?.length > 0
                ),
            ),
          ),
        }))
        .filter(s => s.workloads.length > 0);
      // The production target first: worstOf keeps the first remediation, so snippets are written for it.
      const first = preferredSet(sets);
      const ordered = first ? [first, ...sets.filter(s => s !== first)] : sets;
      cached =
        ordered.length > 0 ? ordered : unknownBecause('unknown.no-workload');
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      cached = e;
    }
    setCache.set(facts, cached);
  }
  if (cached instanceof UnknownVerdictError) throw cached;
  return cached;
}

/**
 * The workload lists of JudgedSets. They are shared and never change, so
 * what is derived from one (its app image and app workloads) is derived once
 * per scan; other lists (a caller's own filter) are not remembered.
 */
const judgedLists = new WeakSet<ReadonlyArray<Workload>>();

function judgedWorkloads(workloads: Workload[]): Workload[] {
  judgedLists.add(workloads);
  return workloads;
}

/** A value derived from a JudgedSet's workload list, computed once per list. */
function perJudgedList<T>(
  cache: WeakMap<ReadonlyArray<Workload>, T>,
  workloads: ReadonlyArray<Workload>,
  derive: () => T,
): T {
  if (!judgedLists.has(workloads)) return derive();
  let value = cache.get(workloads);
  if (value === undefined && !cache.has(workloads)) {
    value = derive();
    cache.set(workloads, value);
  }
  return value as T;
}

/** Like workloadSets, but an empty list instead of an unknown verdict. */
export function tryWorkloadSets(facts: FactReader): JudgedSet[] {
  try {
    return workloadSets(facts);
  } catch (e) {
    if (e instanceof UnknownVerdictError) return [];
    throw e;
  }
}

/**
 * Every object set, those without workloads too (a folder of mesh or
 * monitoring objects): the sets of workloadSets with their workloads, the
 * others with none. Empty when there is nothing to read.
 */
export function tryAllSets(facts: FactReader): JudgedSet[] {
  let sets: ObjectSet[];
  try {
    sets = objectSets(facts);
  } catch (e) {
    if (e instanceof UnknownVerdictError) return [];
    throw e;
  }
  const judged = tryWorkloadSets(facts);
  return sets.map(
    set => judged.find(j => j.set === set) ?? { set, workloads: [] },
  );
}

/** Deployments, StatefulSets, DaemonSets, Rollouts, and bare Pods (and ReplicaSets) that restart: what runs until stopped. */
export function longRunning(workloads: ReadonlyArray<Workload>): Workload[] {
  return workloads.filter(isLongRunningWorkload);
}

/** Jobs and CronJobs: the admin processes. */
export function jobsOf(workloads: ReadonlyArray<Workload>): Workload[] {
  return workloads.filter(w => w.kind === 'Job' || w.kind === 'CronJob');
}

/** The labels of a workload's pods. */
export function podLabels(w: Workload): Record<string, string> {
  if (w.kind === 'Pod') return w.source.object.metadata?.labels ?? {};
  if (w.kind === 'CronJob')
    return (
      w.source.object.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {}
    );
  return w.source.object.spec?.template?.metadata?.labels ?? {};
}

/** The Services of a set. */
export function servicesOf(set: ObjectSet): SourcedObject[] {
  return set.objects.filter(o => o.object.kind === 'Service');
}

/** A long-running workload behind at least one Service of its set. */
export interface ServingWorkload {
  workload: Workload;
  services: SourcedObject[];
}

/**
 * Deployments, StatefulSets and Rollouts that a Service of the set routes
 * traffic to. A Service that only exposes metrics or health ports (a worker
 * scraped by Prometheus) does not make a workload serving, unless
 * `metricsServices` asks for every selecting Service.
 */
export function servingWorkloads(
  set: ObjectSet,
  workloads: ReadonlyArray<Workload>,
  options: { metricsServices?: boolean } = {},
): ServingWorkload[] {
  const services = servicesOf(set);
  const out: ServingWorkload[] = [];
  for (const w of longRunning(workloads)) {
    if (w.kind === 'DaemonSet') continue;
    const labels = podLabels(w);
    const ns = w.namespace;
    const selecting = services.filter(
      s =>
        (s.object.metadata?.namespace ?? ns) === ns &&
        mapSelectorMatches(s.object.spec?.selector, labels) &&
        (options.metricsServices || routesTraffic(s, w)),
    );
    if (selecting.length) out.push({ workload: w, services: selecting });
  }
  return out;
}

/** The containers of a serving workload that serve: those declaring ports, or all when none does. */
export function servingContainers(w: Workload) {
  const main = w.containers.filter(c => !c.init);
  const withPorts = main.filter(
    c => Array.isArray(c.container.ports) && c.container.ports.length > 0,
  );
  return withPorts.length ? withPorts : main;
}

/** `registry/repo:tag@sha` → `registry/repo`. */
export function imageRepository(image: unknown): string {
  const s = String(image ?? '');
  const at = s.indexOf('@');
  const noDigest = at === -1 ? s : s.slice(0, at);
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > lastSlash ? noDigest.slice(0, colon) : noDigest;
}

/** ConfigMaps and Secrets a pod spec reads (envFrom, env valueFrom, volumes, projected volumes). */
export function configRefsOf(podSpec: Record<string, any>): Set<string> {
  const refs = new Set<string>();
  for (const c of [
    ...(podSpec.containers ?? []),
    ...(podSpec.initContainers ?? []),
  ]) {
    for (const e of c?.envFrom ?? []) {
      if (e?.configMapRef?.name) refs.add(`ConfigMap/${e.configMapRef.name}`);
      if (e?.secretRef?.name) refs.add(`Secret/${e.secretRef.name}`);
    }
    for (const e of c?.env ?? []) {
      if (e?.valueFrom?.configMapKeyRef?.name)
        refs.add(`ConfigMap/${e.valueFrom.configMapKeyRef.name}`);
      if (e?.valueFrom?.secretKeyRef?.name)
        refs.add(`Secret/${e.valueFrom.secretKeyRef.name}`);
    }
  }
  for (const v of podSpec.volumes ?? []) {
    if (v?.configMap?.name) refs.add(`ConfigMap/${v.configMap.name}`);
    if (v?.secret?.secretName) refs.add(`Secret/${v.secret.secretName}`);
    for (const s of v?.projected?.sources ?? []) {
      if (s?.configMap?.name) refs.add(`ConfigMap/${s.configMap.name}`);
      if (s?.secret?.name) refs.add(`Secret/${s.secret.name}`);
    }
  }
  return refs;
}

/**
 * The environment a container sees from literal env values and the
 * ConfigMaps of its set (envFrom and configMapKeyRef), by variable name.
 * Computed once per set and container (tracing, timeouts and the log
 * pipeline all read it); the map is shared and must not be changed.
 */
export const containerEnv: (
  set: ObjectSet,
  container: Record<string, any>,
) => ReadonlyMap<string, string> = perObjectPair(collectContainerEnv);

function collectContainerEnv(
  set: ObjectSet,
  container: Record<string, any>,
): Map<string, string> {
  const env = new Map<string, string>();
  const configMaps = configMapsByName(set);
  for (const e of container.envFrom ?? []) {
    const cm = e?.configMapRef?.name
      ? configMaps.get(e.configMapRef.name)
      : undefined;
    for (const [k, v] of Object.entries(cm?.data ?? {}))
      env.set(`${e.prefix ?? ''}${k}`, String(v));
  }
  for (const e of container.env ?? []) {
    if (!e?.name) continue;
    if (e.value !== undefined) env.set(e.name, String(e.value));
    const ref = e.valueFrom?.configMapKeyRef;
    if (ref?.name) {
      const v = configMaps.get(ref.name)?.data?.[ref.key];
      if (v !== undefined) env.set(e.name, String(v));
    }
  }
  return env;
}

/** The first ConfigMap of each name in a set (as a scan in set order finds it), built once per set. */
function configMapsByName(set: ObjectSet): Map<unknown, Record<string, any>> {
  let byName = configMapCache.get(set.objects);
  if (!byName) {
    byName = new Map();
    for (const o of set.objects) {
      if (o.object.kind === 'ConfigMap' && !byName.has(o.object.metadata?.name))
        byName.set(o.object.metadata?.name, o.object);
    }
    configMapCache.set(set.objects, byName);
  }
  return byName;
}

const configMapCache = new WeakMap<
  ReadonlyArray<SourcedObject>,
  Map<unknown, Record<string, any>>
>();

/** The most common image repository among a set's workloads: the app's own image. */
export function appImage(
  workloads: ReadonlyArray<Workload>,
): string | undefined {
  return perJudgedList(appImageCache, workloads, () =>
    mostCommonImage(workloads),
  );
}

const appImageCache = new WeakMap<
  ReadonlyArray<Workload>,
  string | undefined
>();

function mostCommonImage(
  workloads: ReadonlyArray<Workload>,
): string | undefined {
  const counts = new Map<string, number>();
  for (const w of workloads)
    for (const c of w.containers) {
      const repo = imageRepository(c.container.image);
      if (repo) counts.set(repo, (counts.get(repo) ?? 0) + 1);
    }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Workloads running the app's own image; all long-running ones when the image is unclear. */
export function appWorkloads(workloads: ReadonlyArray<Workload>): Workload[] {
  // A copy: callers may sort or filter in place.
  return perJudgedList(appWorkloadCache, workloads, () =>
    ownImageWorkloads(workloads),
  ).slice();
}

const appWorkloadCache = new WeakMap<ReadonlyArray<Workload>, Workload[]>();

function ownImageWorkloads(workloads: ReadonlyArray<Workload>): Workload[] {
  const image = appImage(workloads);
  const own = longRunning(workloads).filter(w =>
    w.containers.some(c => imageRepository(c.container.image) === image),
  );
  return own.length ? own : longRunning(workloads);
}

const ECOSYSTEM_LANGUAGE: Partial<Record<Ecosystem, Language>> = {
  python: 'python',
  node: 'javascript',
  go: 'go',
  java: 'java',
  dotnet: 'csharp',
};

/**
 * The service's main language: that of its largest dependency manifest
 * (source-file extensions mislead, e.g. YAML named application*.yaml), else
 * the first language of its code.
 */
export function primaryLanguage(
  facts: FactReader,
  code?: CodeFact,
): Language | undefined {
  const deps = facts.tryGet(dependenciesFactRef);
  const ranked = [...(deps?.manifests ?? [])]
    .filter(m => ECOSYSTEM_LANGUAGE[m.ecosystem])
    .sort((a, b) => b.dependencies.length - a.dependencies.length);
  if (ranked.length) return ECOSYSTEM_LANGUAGE[ranked[0].ecosystem];
  return (code ?? facts.tryGet(codeFactRef))?.languages[0];
}

/** Whether a dependency is declared (exact name, case-insensitive). */
export function hasDependency(facts: FactReader, name: string): boolean {
  const deps = facts.tryGet(dependenciesFactRef);
  const n = name.toLowerCase();
  return (deps?.manifests ?? []).some(m =>
    m.dependencies.some(d => d.name.toLowerCase() === n),
  );
}

/**
 * The code fact, or an unknown verdict when the repository holds no source
 * file the pattern table reads.
 */
export function requireCode(facts: FactReader): CodeFact {
  const code = facts.get(codeFactRef);
  if (code.files === 0) throw unknownBecause('unknown.no-source-files');
  return code;
}

/** The set a snippet is best written for: production first, then the repository's. */
export function preferredSet<T extends { set: ObjectSet }>(
  sets: ReadonlyArray<T>,
): T | undefined {
  return (
    sets.find(
      s =>
        s.set.origin === 'repo' &&
        /(^|[/-])(prod|prd|production)($|[/-])/.test(s.set.label),
    ) ??
    sets.find(s => s.set.origin === 'repo') ??
    sets[0]
  );
}

/** Evidence for code matches, one per line (several patterns can match the same line). */
export function codeEvidence(
  matches: ReadonlyArray<SignalMatch>,
  note?: (m: SignalMatch) => Note,
): Evidence[] {
  const seen = new Set<string>();
  return matches
    .filter(
      m => !seen.has(`${m.path}:${m.line}`) && seen.add(`${m.path}:${m.line}`),
    )
    .map(m =>
      fileEvidence(m.path, note ? note(m) : codeNote(m), m.line, m.line),
    );
}

/** worstOf over the sets, with the evidence kept readable. */
export function worstOfSets(
  outcomes: ReadonlyArray<CheckOutcome>,
  extra: Evidence[] = [],
): CheckOutcome {
  const result = worstOf(outcomes);
  return {
    ...result,
    evidence: capEvidence([...extra, ...(result.evidence ?? [])], 12),
  };
}
