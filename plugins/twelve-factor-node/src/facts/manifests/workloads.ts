import type { SourcedObject } from './yamlObjects';

/** Kinds that run pods, with where their pod spec lives. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
};

/** Long-running controllers (as opposed to Jobs and bare Pods). */
export const LONG_RUNNING_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

/**
 * Whether a workload runs until stopped: a long-running controller, a
 * ReplicaSet or ReplicationController of its own, or a bare Pod that
 * restarts (restartPolicy Always, the default). Objects a controller made
 * (the Pods and ReplicaSets of a live cluster) are judged through it and are
 * not long-running on their own.
 * @public
 */
export function isLongRunningWorkload(w: {
  kind: string;
  podSpec: Record<string, any>;
  source: { object: Record<string, any> };
}): boolean {
  if (LONG_RUNNING_KINDS.has(w.kind)) return true;
  if (
    w.kind !== 'Pod' &&
    w.kind !== 'ReplicaSet' &&
    w.kind !== 'ReplicationController'
  )
    return false;
  const owners = w.source.object.metadata?.ownerReferences;
  if (Array.isArray(owners) && owners.length > 0) return false;
  return (
    w.kind !== 'Pod' || String(w.podSpec.restartPolicy ?? 'Always') === 'Always'
  );
}

/** A container of a workload, with the field path to it. @public */
export interface WorkloadContainer {
  container: Record<string, any>;
  init: boolean;
  /** e.g. `spec.template.spec.containers[0]` */
  fieldPath: string;
}

/** An object that runs pods. @public */
export interface Workload {
  source: SourcedObject;
  kind: string;
  name: string;
  namespace?: string;
  podSpec: Record<string, any>;
  /** Field path of the pod spec, e.g. `spec.template.spec`. */
  podSpecPath: string;
  containers: WorkloadContainer[];
}

const ofObjectSet = new WeakMap<ReadonlyArray<SourcedObject>, Workload[]>();

/**
 * workloadsOf for the objects of an object set, computed once per array:
 * a set's objects do not change during a scan and most checks ask for its
 * workloads. The result is shared; callers must not change it.
 */
export function setWorkloads(
  objects: ReadonlyArray<SourcedObject>,
): ReadonlyArray<Workload> {
  let workloads = ofObjectSet.get(objects);
  if (!workloads) {
    workloads = workloadsOf(objects);
    ofObjectSet.set(objects, workloads);
  }
  return workloads;
}

/** The workloads among a set of objects. */
export function workloadsOf(objects: ReadonlyArray<SourcedObject>): Workload[] {
  const out: Workload[] = [];
  for (const source of objects) {
    const path = POD_SPEC_PATHS[source.object.kind];
    if (!path) continue;
    let spec: any = source.object;
    for (const key of path) spec = spec?.[key];
    if (!spec || typeof spec !== 'object') continue;
    const podSpecPath = path.join('.');
    const containers: WorkloadContainer[] = [];
    (['initContainers', 'containers'] as const).forEach(field => {
      const list = Array.isArray(spec[field]) ? spec[field] : [];
      list.forEach((container: any, i: number) => {
        if (container && typeof container === 'object') {
          containers.push({
            container,
            init: field === 'initContainers',
            fieldPath: `${podSpecPath}.${field}[${i}]`,
          });
        }
      });
    });
    out.push({
      source,
      kind: source.object.kind,
      name: String(source.object.metadata?.name ?? ''),
      ...(source.object.metadata?.namespace
        ? { namespace: String(source.object.metadata.namespace) }
        : {}),
      podSpec: spec,
      podSpecPath,
      containers,
    });
  }
  return out;
}
