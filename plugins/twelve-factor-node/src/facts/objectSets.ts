import type {
  ClusterObjectEvidence,
  EngineMessage,
  Evidence,
  FileEvidence,
} from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../engine/facts';
import { unknownReason } from '../engine/unknownReason';
import {
  remoteHelmFactRef,
  type RemoteHelmRelease,
} from './manifests/remoteHelm';
import { leftOutItems } from './ancillary';
import { clusterFactRef } from './cluster/extractor';
import { manifestsFactRef } from './manifests/extractor';
import type { SourcedObject } from './manifests/yamlObjects';

/**
 * A set of objects that are deployed together: a deploy target of the
 * repository, or one namespace of the entity in one cluster. Checks about
 * Kubernetes objects judge every set, so that a gap in one environment or one
 * cluster is never hidden by another.
 * @public
 */
export interface ObjectSet {
  origin: 'repo' | 'cluster';
  /** `kubernetes/overlays/prd`, or `aks-prod/cms-prd`. */
  label: string;
  objects: SourcedObject[];
  cluster?: string;
  namespace?: string;
  /** Helm: kinds the chart offers that these values switch off (see DeployTarget.offered). */
  offered?: ReadonlyArray<{ kind: string; path: string; line: number }>;
}

/** Evidence and a note for a kind the set's chart offers but switches off, if it does. */
export function offeredButOff(
  set: ObjectSet,
  kind: string,
): { note: string; evidence: Evidence } | undefined {
  const o = set.offered?.find(x => x.kind === kind);
  if (!o) return undefined;
  const note = `the chart offers a ${kind} (${o.path}) that its values switch off`;
  return {
    note,
    evidence: {
      type: 'file',
      path: o.path,
      startLine: o.line,
      endLine: o.line,
      target: set.label,
      note,
    } as Evidence,
  };
}

/** Evidence for one object of a set, naming the set. @public */
export function setEvidence(
  set: ObjectSet,
  source: SourcedObject,
  note: string,
  fieldPath?: string,
): Evidence {
  // Built field by field in the stored order; checks make hundreds per scan, and conditional spreads allocate.
  const o = source.object;
  if ('cluster' in source.origin) {
    const e = {
      type: 'cluster-object',
      cluster: source.origin.cluster,
    } as ClusterObjectEvidence;
    if (o.metadata?.namespace) e.namespace = o.metadata.namespace;
    e.kind = o.kind;
    e.name = String(o.metadata?.name ?? '');
    if (fieldPath) e.fieldPath = fieldPath;
    e.note = note;
    return e;
  }
  const e: FileEvidence = { type: 'file', path: source.origin.path };
  if (source.origin.line !== undefined) e.startLine = source.origin.line;
  e.target = set.label;
  e.note = `${o.kind}/${o.metadata?.name ?? '?'}${
    fieldPath ? ` ${fieldPath}` : ''
  }: ${note}`;
  return e;
}

/** Evidence about a set as a whole (e.g. "no HPA in this target"). @public */
export function setWideEvidence(set: ObjectSet, note: string): Evidence {
  if (set.origin === 'cluster') {
    return {
      type: 'cluster-object',
      cluster: set.cluster!,
      ...(set.namespace ? { namespace: set.namespace } : {}),
      kind: 'Namespace',
      name: set.namespace ?? '',
      note,
    };
  }
  const first = set.objects.find(o => 'path' in o.origin);
  return {
    type: 'file',
    path: first && 'path' in first.origin ? first.origin.path : set.label,
    target: set.label,
    note,
  };
}

/**
 * The sets of each scan (per fact reader, as the FactStore is per scan) and
 * option combination. Most checks ask for them; computing them once also
 * keeps each set's identity, so that what is derived from a set (its
 * workloads, their process types) is derived once per scan too.
 */
const setsCache = new WeakMap<
  FactReader,
  Map<string, ObjectSet[] | UnknownVerdictError>
>();

/**
 * The object sets of the entity: the repository's deploy targets and, per
 * reachable cluster, each namespace holding its workloads. Throws
 * UnknownVerdictError when neither source has anything, with the reasons.
 * Every call returns a new array of the same sets; the sets are shared and
 * must not be changed.
 * @public
 */
export function objectSets(
  facts: FactReader,
  options: { repo?: boolean; cluster?: boolean } = {},
): ObjectSet[] {
  const key = `${options.repo !== false}/${options.cluster !== false}`;
  let byOptions = setsCache.get(facts);
  if (!byOptions) {
    byOptions = new Map();
    setsCache.set(facts, byOptions);
  }
  let cached = byOptions.get(key);
  if (!cached) {
    try {
      cached = computeObjectSets(facts, options);
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      cached = e;
    }
    byOptions.set(key, cached);
  }
  if (cached instanceof UnknownVerdictError) throw cached;
  return cached.slice();
}

/** Why a service deployed from a chart outside the repository has no objects here. */
function remoteChartReason(releases: RemoteHelmRelease[]) {
  const files = releases.flatMap(r =>
    r.values.map(v => (v.line ? `${v.path}:${v.line}` : v.path)),
  );
  return unknownReason('unknown.remote-helm-chart', {
    charts: { list: [...new Set(releases.map(r => r.chart))] },
    files: { list: files.length ? [...new Set(files)] : ['-'] },
  });
}

function computeObjectSets(
  facts: FactReader,
  options: { repo?: boolean; cluster?: boolean },
): ObjectSet[] {
  const sets: ObjectSet[] = [];
  // Each with its message when it has one; the verdict's reason reads in other languages only when all do.
  const reasons: Array<{ text: string; msg?: EngineMessage }> = [];
  if (options.repo !== false) {
    try {
      const m = facts.get(manifestsFactRef);
      for (const t of m.targets)
        sets.push({
          origin: 'repo',
          label: t.id,
          objects: t.objects,
          ...(t.offered ? { offered: t.offered } : {}),
        });
      if (m.targets.length === 0 && m.scope?.otherTargets.length) {
        // A monorepo member that the repository's shared manifests do not deploy.
        reasons.push({
          text: `none of the repository's deploy targets (${m.scope.otherTargets.join(
            ', ',
          )}) deploys this entity, matched by ${m.scope.matchedBy.join('; ')}`,
        });
      } else if (m.targets.length === 0) {
        const items = m.leftOut?.length ? leftOutItems(m.leftOut) : [];
        const leftOut = items.length
          ? ` (left out as not the service's own: ${items
              .map(i => i.text)
              .join('; ')})`
          : '';
        const text = m.helmCharts.length
          ? `the repository's Helm charts (${m.helmCharts.join(
              ', ',
            )}) render no objects${leftOut}`
          : `the repository has no Kubernetes manifests${leftOut}`;
        const itemMsgs = items.flatMap(i => (i.msg ? [i.msg] : []));
        const charts = { charts: { list: m.helmCharts } };
        const left = { items: { list: itemMsgs, sep: '; ' } };
        let said;
        if (itemMsgs.length === items.length)
          said = m.helmCharts.length
            ? unknownReason(
                items.length
                  ? 'unknown.helm-renders-nothing-left-out'
                  : 'unknown.helm-renders-nothing',
                items.length ? { ...charts, ...left } : charts,
              )
            : unknownReason(
                items.length
                  ? 'unknown.no-manifests-left-out'
                  : 'unknown.no-manifests',
                items.length ? left : undefined,
              );
        reasons.push(said?.text === text ? said : { text });
        const remote = facts.tryGet(remoteHelmFactRef)?.releases ?? [];
        if (remote.length) reasons.push(remoteChartReason(remote));
      }
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
      reasons.push({ text: e.message, ...(e.msg ? { msg: e.msg } : {}) });
    }
  }
  if (options.cluster !== false) {
    const c = facts.tryGet(clusterFactRef);
    for (const cluster of c?.clusters ?? []) {
      if (cluster.status !== 'ok') {
        reasons.push(
          unknownReason('unknown.cluster-reason', {
            cluster: cluster.name,
            detail: cluster.reasonMsg ?? String(cluster.reason),
          }),
        );
        continue;
      }
      for (const ns of cluster.namespaces) {
        sets.push({
          origin: 'cluster',
          label: `${cluster.name}/${ns}`,
          cluster: cluster.name,
          namespace: ns,
          objects: cluster.objects
            .filter(
              o => (o.metadata.namespace ?? ns) === ns || !o.metadata.namespace,
            )
            .map(object => ({ object, origin: { cluster: cluster.name } })),
        });
      }
      if (cluster.namespaces.length === 0)
        reasons.push(
          unknownReason('unknown.cluster-no-workloads', {
            cluster: cluster.name,
            selector: String(cluster.selector),
          }),
        );
    }
  }
  if (sets.length === 0) {
    const said = reasons.length
      ? reasons
      : [unknownReason('unknown.no-manifests-no-cluster')];
    const msgs = said.flatMap(r => (r.msg ? [r.msg] : []));
    throw new UnknownVerdictError(
      `No Kubernetes objects to judge: ${said.map(r => r.text).join('; ')}.`,
      msgs.length === said.length
        ? unknownReason('unknown.no-objects', {
            reasons: { list: msgs, sep: '; ' },
          }).msg
        : undefined,
    );
  }
  return sets;
}
