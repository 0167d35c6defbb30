import { createHash } from 'node:crypto';
import { ResourceRegistry } from './resources';
import { KubeObject, ResourceType, parseApiVersion } from './types';

/** The identity objects are keyed by: apiVersion/kind/namespace/name. */
export function objectKey(
  o: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>,
): string {
  return `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${
    o.metadata.name
  }`;
}

// Deterministic so that re-running a test or the dev server over the same dump
// yields the same uids (snapshots, links in the UI) as the previous run.
function stableUid(key: string): string {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20, 32)}`;
}

/**
 * Holds the cluster's objects and the resource types derived from them.
 *
 * Objects are normalised the way the real API server would have stored them:
 * namespaced kinds without a namespace land in `default`, cluster-scoped kinds
 * lose a stray namespace, and every object has a uid and a resourceVersion
 * (kept as in the dump when present, invented deterministically otherwise).
 * Everything else is served exactly as the dump has it.
 */
export class ObjectStore {
  private objects = new Map<string, KubeObject>();
  // Assigned by add(), which the constructor always calls.
  private currentRegistry!: ResourceRegistry;
  private latestResourceVersion = 0;

  constructor(objects: readonly KubeObject[] = []) {
    this.add(objects);
  }

  /** Adds or replaces objects (the later of two with one key wins). */
  add(objects: readonly KubeObject[]): void {
    // The registry must see the new CRDs before scopes can be decided.
    const all = [...this.objects.values(), ...objects];
    const registry = new ResourceRegistry(all);
    const next = new Map<string, KubeObject>();
    for (const raw of all) {
      const o = structuredClone(raw);
      const type = registry.byKind(o.apiVersion, o.kind);
      if (type?.namespaced) o.metadata.namespace ||= 'default';
      else delete o.metadata.namespace;
      next.delete(objectKey(o)); // re-insert so that the later one wins
      next.set(objectKey(o), o);
    }
    let max = 0;
    for (const o of next.values()) {
      const rv = Number(o.metadata.resourceVersion);
      if (Number.isSafeInteger(rv) && rv > max) max = rv;
    }
    for (const [key, o] of next) {
      o.metadata.uid ??= stableUid(key);
      if (o.metadata.resourceVersion === undefined)
        o.metadata.resourceVersion = String(++max);
    }
    this.objects = next;
    this.currentRegistry = registry;
    // The list resourceVersion must not go backwards across loads, as a real
    // server's never does.
    this.latestResourceVersion = Math.max(this.latestResourceVersion + 1, max);
  }

  get registry(): ResourceRegistry {
    return this.currentRegistry;
  }

  /** The resourceVersion list responses report. */
  get resourceVersion(): string {
    return String(this.latestResourceVersion);
  }

  all(): KubeObject[] {
    return [...this.objects.values()];
  }

  /**
   * Objects of one resource type, in the order etcd would return them (by
   * namespace, then name), optionally limited to one namespace.
   */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    return this.all()
      .filter(o => {
        const { group, version } = parseApiVersion(o.apiVersion);
        return (
          group === type.group &&
          version === type.version &&
          o.kind === type.kind &&
          (namespace === undefined || o.metadata.namespace === namespace)
        );
      })
      .sort((a, b) => compareKeys(storageKey(a), storageKey(b)));
  }

  get(
    type: ResourceType,
    name: string,
    namespace?: string,
  ): KubeObject | undefined {
    const apiVersion = type.group
      ? `${type.group}/${type.version}`
      : type.version;
    return this.objects.get(
      objectKey({
        apiVersion,
        kind: type.kind,
        metadata: { name, namespace: type.namespaced ? namespace : undefined },
      }),
    );
  }
}

/** The position of an object in a list: its etcd key below the resource prefix. */
export function storageKey(o: KubeObject): string {
  return o.metadata.namespace
    ? `${o.metadata.namespace}/${o.metadata.name}`
    : o.metadata.name;
}

/** Byte-wise order, as etcd sorts keys (localeCompare would not). */
export function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
