/*
 * Finding the service's data stores (databases, caches) and how they scale:
 * a managed cloud service (by host name), an operator-managed cluster (by
 * custom resource), or a plain pod of the application's own manifests.
 */
import type {
  EngineMessage,
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { localDevFactRef } from '../../facts/localDev';
import type { Workload } from '../../facts/manifests/workloads';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { repoAddressesFactRef } from '../../facts/repoAddresses';
import {
  appWorkloads,
  commandLine,
  envValues,
  imageRepository,
  optionalFact,
  replicasOf,
} from '../cn-orchestration/kube';
import { capEvidence, fileEvidence } from '../evidence';
import { english, noted } from '../messages';
import { combineSetMessages, objectEvidence } from '../setMessages';

/** A custom resource that provisions a store through an operator or a cloud provider. */
export interface StoreResource {
  apiVersion: RegExp;
  kind?: RegExp;
  product: string;
  /** Standalone flavours of an otherwise replicated product. */
  single?: (spec: Record<string, any>) => boolean;
}

/** What a kind of store looks like. */
export interface StoreSpec {
  /** The kind of store, as in its check's id and its messages' ids (`cn-scalability.database.pass`). */
  key: 'database' | 'cache';
  resources: StoreResource[];
  /** Host names of managed cloud services. */
  managedHosts: RegExp;
  /**
   * Optional: a cheap pattern every value that `managedHosts` matches also
   * matches (its domain suffixes alone), tested first because most values
   * name no managed host and the host pattern is slow to fail on them.
   * managedHostPatterns builds both from one list.
   */
  managedHostHint?: RegExp;
  /** Whether an image (repository, lower case) is such a store. */
  image: (repository: string) => boolean;
  /** Whether a store workload replicates (HA flavour of the image, sentinel/replica arguments). */
  replicated: (w: Workload) => boolean;
}

export interface StoreFinding {
  verdict: 'pass' | 'partial';
  note: string;
  noteMsg: EngineMessage;
  evidence: Evidence;
  /** The workload or resource found, when it is one. */
  object?: { kind: string; name: string; namespace?: string };
}

/**
 * The managed-host pattern of a StoreSpec and its hint, from the domain
 * suffixes of the services (regular-expression sources) and an optional
 * alternative of its own (e.g. a Cloud SQL socket path).
 */
export function managedHostPatterns(
  suffixes: string[],
  alternative?: string,
): Pick<StoreSpec, 'managedHosts' | 'managedHostHint'> {
  const other = alternative ? `|${alternative}` : '';
  return {
    managedHosts: new RegExp(
      `\\b[a-z0-9][a-z0-9.-]{0,200}?\\.(${suffixes.join('|')})\\b${other}`,
      'i',
    ),
    managedHostHint: new RegExp(`\\.(?:${suffixes.join('|')})\\b${other}`, 'i'),
  };
}

/** The managed host a value names, if any. */
function managedHostIn(spec: StoreSpec, value: string): string | undefined {
  if (spec.managedHostHint && !spec.managedHostHint.test(value))
    return undefined;
  return spec.managedHosts.exec(value)?.[0];
}

/** The store resource an object is, if any. */
function storeResource(
  spec: StoreSpec,
  object: Record<string, any>,
): StoreResource | undefined {
  const apiVersion = String(object.apiVersion ?? '');
  for (const r of spec.resources)
    if (r.apiVersion.test(apiVersion) && (!r.kind || r.kind.test(object.kind)))
      return r;
  return undefined;
}

function findInSet(set: ObjectSet, spec: StoreSpec): StoreFinding[] {
  const out: StoreFinding[] = [];
  for (const o of set.objects) {
    const r = storeResource(spec, o.object);
    if (!r) continue;
    const single = r.single?.(o.object.spec ?? {}) ?? false;
    const said = noted(
      single
        ? 'cn-scalability.datastores.resource-single'
        : 'cn-scalability.datastores.resource',
      {
        product: r.product,
        object: `${o.object.kind}/${o.object.metadata?.name}`,
      },
    );
    const object = {
      kind: o.object.kind,
      name: String(o.object.metadata?.name ?? ''),
      ...(o.object.metadata?.namespace
        ? { namespace: o.object.metadata.namespace }
        : {}),
    };
    out.push({
      verdict: single ? 'partial' : 'pass',
      ...said,
      evidence: objectEvidence(set, o, said),
      object,
    });
  }
  const workloads = appWorkloads(set);
  for (const w of workloads) {
    const store = w.containers.find(
      c => !c.init && spec.image(imageRepository(c.container.image)),
    );
    if (store) {
      const n = replicasOf(w);
      const ha = spec.replicated(w);
      const params = {
        workload: `${w.kind}/${w.name}`,
        image: String(store.container.image),
        ...(ha || n > 1 ? { n } : {}),
      };
      let id = 'cn-scalability.datastores.replicated';
      if (!ha)
        id = `cn-scalability.datastores.single-${spec.key}${
          n > 1 ? '-replicas' : ''
        }`;
      const said = noted(id, params);
      const object = {
        kind: w.kind,
        name: w.name,
        ...(w.namespace ? { namespace: w.namespace } : {}),
      };
      out.push({
        verdict: ha ? 'pass' : 'partial',
        ...said,
        evidence: objectEvidence(
          set,
          w.source,
          said,
          `${store.fieldPath}.image`,
        ),
        object,
      });
    }
  }
  const seen = new Set<string>();
  for (const w of workloads) {
    for (const env of envValues(set, w)) {
      const host = managedHostIn(spec, env.value);
      if (!host || seen.has(host)) continue;
      seen.add(host);
      const said = managed(spec, host);
      const where = managed(spec, host, env.name);
      const ev =
        'configMap' in env.where
          ? objectEvidence(
              set,
              env.where.configMap,
              where,
              `data.${env.where.key}`,
            )
          : objectEvidence(set, w.source, where, env.where.fieldPath);
      out.push({ verdict: 'pass', ...said, evidence: ev });
    }
  }
  return out;
}

/** `managed database HOST`, or with where it was read: `… (DATABASE_URL)`. */
function managed(spec: StoreSpec, host: string, source?: string) {
  return source === undefined
    ? noted(`cn-scalability.datastores.managed-${spec.key}`, { host })
    : noted(`cn-scalability.datastores.managed-${spec.key}-from`, {
        host,
        source,
      });
}

/** Managed hosts in deploy-environment env files and in source/config files. */
function findInRepo(facts: FactReader, spec: StoreSpec): StoreFinding[] {
  const out: StoreFinding[] = [];
  const seen = new Set<string>();
  const add = (
    host: string,
    path: string,
    line: number | undefined,
    what: string,
  ) => {
    if (seen.has(host)) return;
    seen.add(host);
    out.push({
      verdict: 'pass',
      ...managed(spec, host),
      evidence: fileEvidence(path, managed(spec, host, what), line, line),
    });
  };
  for (const f of optionalFact(facts, localDevFactRef)?.envFiles ?? []) {
    if (/local|example|sample|test|template/i.test(f.path)) continue;
    for (const [k, v] of Object.entries(f.vars)) {
      const host = managedHostIn(spec, v);
      if (host) add(host, f.path, undefined, k);
    }
  }
  for (const m of optionalFact(facts, repoAddressesFactRef)?.hosts ?? []) {
    const host = managedHostIn(spec, m.address);
    if (host) add(host, m.path, m.line, m.text);
  }
  return out;
}

/**
 * Judges the stores of every object set (worst wins) plus the managed hosts
 * the repository names. Undefined when no store of the kind is found.
 */
export function judgeStores(
  facts: FactReader,
  spec: StoreSpec,
  remediate: (partial: StoreFinding[]) => CheckOutcome['remediation'],
): CheckOutcome | undefined {
  const judged: Array<{ label: string; outcome: CheckOutcome }> = [];
  let sets: ObjectSet[] = [];
  try {
    sets = objectSets(facts);
  } catch (e) {
    // No manifests and no cluster: the repository's settings may still name a managed store.
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  const all: StoreFinding[] = [];
  const judge = (findings: StoreFinding[]): CheckOutcome => {
    all.push(...findings);
    const partial = findings.filter(f => f.verdict === 'partial');
    if (partial.length) {
      return {
        verdict: 'partial',
        ...summaryOf(partial),
        evidence: capEvidence(findings.map(f => f.evidence)),
        remediation: remediate(partial),
      };
    }
    return {
      verdict: 'pass',
      ...summaryOf(findings),
      evidence: capEvidence(findings.map(f => f.evidence)),
    };
  };
  for (const set of sets) {
    const findings = findInSet(set, spec);
    if (findings.length)
      judged.push({ label: set.label, outcome: judge(findings) });
  }
  const repo = findInRepo(facts, spec);
  if (repo.length)
    judged.push({ label: 'repository settings', outcome: judge(repo) });
  if (judged.length === 0) return undefined;
  const result = combineSetMessages(judged);
  if (result.verdict === 'pass') {
    // Each environment names its own host; one list reads better than one clause per set.
    const notes = uniqueNotes(all);
    const more = notes.length - 4;
    const pass = `cn-scalability.${spec.key}.pass`;
    result.summary = `${english(pass)}: ${notes
      .slice(0, 4)
      .map(f => f.note)
      .join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    // In other languages, the stores are said one after the other.
    result.summaryMsg = [
      { id: pass },
      ...notes.slice(0, 4).map(f => f.noteMsg),
      ...(more > 0
        ? [{ id: 'cn-scalability.datastores.and-more', params: { n: more } }]
        : []),
    ];
  }
  return result;
}

/** Each note once, in order. */
function uniqueNotes(findings: StoreFinding[]): StoreFinding[] {
  const seen = new Set<string>();
  return findings.filter(f => !seen.has(f.note) && !!seen.add(f.note));
}

/** What the findings say, each note once: the summary and its messages. */
function summaryOf(findings: StoreFinding[]): {
  summary: string;
  summaryMsg: MessagePart[];
} {
  const notes = uniqueNotes(findings);
  return {
    summary: notes.map(f => f.note).join('; '),
    summaryMsg: notes.map(f => f.noteMsg),
  };
}

/** The last segment of an image repository: `bitnami/redis` → `redis`. */
export function imageName(repository: string): string {
  return repository.split('/').pop() ?? repository;
}

/** Whether any container's command, arguments or image mentions the pattern. */
export function mentions(w: Workload, re: RegExp): boolean {
  return w.containers.some(
    c =>
      re.test(commandLine(c.container)) ||
      re.test(String(c.container.image ?? '')),
  );
}
