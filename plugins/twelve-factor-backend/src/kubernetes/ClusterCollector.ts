import {
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type ConfigurationOptions,
  type ObservableMiddleware,
} from '@kubernetes/client-node';
import type {
  ClusterData,
  KubeObject,
} from '@internal/plugin-twelve-factor-node';
import { redactSecret } from '@internal/plugin-twelve-factor-node';
import type { TwelveFactorMetrics } from '../metrics/TwelveFactorMetrics';
import { classify } from './errors';
import {
  BUILT_IN_KINDS,
  CollectedKind,
  CUSTOM_KINDS,
  METADATA_ONLY_ACCEPT,
} from './resources';

/** Limits of one collection. */
export interface CollectorOptions {
  /** Objects per page (LIST limit). */
  pageSize: number;
  /** Timeout of one request. */
  requestTimeoutMs: number;
  /** Timeout of the whole collection of one cluster. */
  scanTimeoutMs: number;
  /** Attempts for 429/5xx and dropped connections, with exponential backoff. */
  maxAttempts: number;
  /** Base of the backoff; doubled each attempt, Retry-After honoured up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Restrict to these namespaces (cluster-wide when empty). */
  namespaces: string[];
}

export const DEFAULT_COLLECTOR_OPTIONS: CollectorOptions = {
  pageSize: 500,
  requestTimeoutMs: 15_000,
  scanTimeoutMs: 120_000,
  maxAttempts: 4,
  backoffMs: 250,
  maxBackoffMs: 5_000,
  namespaces: [],
};

/** What a collection did, for logs and the benchmark. */
export interface CollectionStats {
  requests: number;
  retries: number;
  durationMs: number;
}

class ClusterFailure extends Error {}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The generated client's middleware returns its own minimal Observable (an
 * object with toPromise/pipe), which the package does not export; this is
 * the same shape, resolved.
 */
function resolved<T>(value: T): ReturnType<ObservableMiddleware['pre']> & any {
  const promise = Promise.resolve(value);
  return {
    promise,
    toPromise: () => promise,
    pipe: (cb: (v: T) => unknown) => resolved(promise.then(cb)),
  };
}

/**
 * JSON.parse(JSON.stringify(value)) without the text in between: toJSON
 * (Dates become ISO strings), boxed primitives unwrapped, non-finite numbers
 * null and -0 zero, undefined/functions/symbols left out of objects and null
 * in arrays, own enumerable string keys in order, a cycle a TypeError.
 * Exported for tests.
 */
export function jsonCopy(
  value: unknown,
  key = '',
  ancestors: unknown[] = [],
): unknown {
  let v = value;
  if (
    v !== null &&
    (typeof v === 'object' ||
      typeof v === 'function' ||
      typeof v === 'bigint') &&
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  ) {
    v = (v as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (v instanceof Number || v instanceof String || v instanceof Boolean)
    v = v.valueOf();
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object': {
      if (v === null) return null;
      if (ancestors.includes(v))
        throw new TypeError('Converting circular structure to JSON');
      ancestors.push(v);
      let out: unknown;
      if (Array.isArray(v)) {
        const list = new Array(v.length);
        for (let i = 0; i < v.length; i++)
          list[i] = jsonCopy(v[i], String(i), ancestors) ?? null;
        out = list;
      } else {
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          const x = jsonCopy((v as Record<string, unknown>)[k], k, ancestors);
          if (x === undefined) continue;
          // JSON.parse creates own properties, even one named __proto__.
          if (k === '__proto__')
            Object.defineProperty(o, k, {
              value: x,
              writable: true,
              enumerable: true,
              configurable: true,
            });
          else o[k] = x;
        }
        out = o;
      }
      ancestors.pop();
      return out;
    }
    default:
      // undefined, functions and symbols have no JSON form.
      return undefined;
  }
}

/**
 * Collects one cluster: API discovery, then one paginated LIST per kind
 * (cluster-wide, or per configured namespace). Never throws: a cluster that
 * cannot be read at all comes back with `error`; kinds that cannot be read
 * (403, timeouts, exhausted retries) are listed in `unreadableKinds` and the
 * rest is kept.
 */
export class ClusterCollector {
  private readonly options: CollectorOptions;
  private requests = 0;
  private retries = 0;
  private deadline = 0;

  constructor(
    private readonly name: string,
    private readonly kubeConfig: KubeConfig,
    options: Partial<CollectorOptions> = {},
    private readonly metrics?: Pick<
      TwelveFactorMetrics,
      'clusterRequest' | 'clusterError'
    >,
  ) {
    this.options = { ...DEFAULT_COLLECTOR_OPTIONS, ...options };
  }

  /** Middleware that counts requests and bounds each one in time. */
  private requestOptions(accept?: string): ConfigurationOptions {
    const timeout = this.options.requestTimeoutMs;
    const counter: ObservableMiddleware = {
      pre: request => {
        this.requests++;
        request.setSignal(
          AbortSignal.timeout(
            Math.max(1, Math.min(timeout, this.deadline - Date.now())),
          ),
        );
        if (accept) request.setHeaderParam('Accept', accept);
        return resolved(request);
      },
      post: response => resolved(response),
    };
    return { middleware: [counter], middlewareMergeStrategy: 'append' };
  }

  /**
   * Runs a request with bounded retries for 429, 5xx and dropped connections.
   * `kind` names what is read in the metrics (each attempt is one request).
   */
  private async withRetry<T>(kind: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.metrics?.clusterRequest(this.name, kind);
        return await call();
      } catch (e) {
        this.metrics?.clusterError(this.name, kind);
        const f = classify(e);
        if (f.kind === 'unauthorized')
          throw new ClusterFailure(
            `unauthorized (${f.message}): check the cluster's credentials`,
          );
        if (f.kind === 'tls')
          throw new ClusterFailure(`TLS failure: ${f.message}`);
        if (f.kind === 'unreachable')
          throw new ClusterFailure(`unreachable: ${f.message}`);
        const retryable = f.kind === 'retryable' || f.kind === 'timeout';
        if (
          !retryable ||
          attempt >= this.options.maxAttempts ||
          Date.now() >= this.deadline
        )
          throw e;
        this.retries++;
        const wait = Math.min(
          this.options.maxBackoffMs,
          f.retryAfterMs ?? this.options.backoffMs * 2 ** (attempt - 1),
        );
        await sleep(Math.min(wait, Math.max(0, this.deadline - Date.now())));
      }
    }
  }

  /** Discovery: which custom kinds the cluster serves, at which version. */
  private async discover(): Promise<CollectedKind[]> {
    const apis = this.kubeConfig.makeApiClient(ApisApi);
    const groups = await this.withRetry('discovery', () =>
      apis.getAPIVersions({}, this.requestOptions()),
    );
    const served = new Map<string, string[]>();
    for (const g of groups.groups ?? [])
      served.set(
        g.name,
        (g.versions ?? []).map(v => v.version),
      );
    const custom = this.kubeConfig.makeApiClient(CustomObjectsApi);
    const found: CollectedKind[] = [];
    const byGroupVersion = new Map<string, Promise<Set<string>>>();
    for (const k of CUSTOM_KINDS) {
      const versions = served.get(k.group);
      const version = k.versions.find(v => versions?.includes(v));
      if (!version) continue;
      const key = `${k.group}/${version}`;
      if (!byGroupVersion.has(key)) {
        byGroupVersion.set(
          key,
          this.withRetry('discovery', () =>
            custom.getAPIResources(
              { group: k.group, version },
              this.requestOptions(),
            ),
          ).then(
            list => new Set((list.resources ?? []).map(r => r.name)),
            () => new Set<string>(),
          ),
        );
      }
      if ((await byGroupVersion.get(key)!).has(k.plural))
        found.push({ ...k, versions: [version] });
    }
    return found;
  }

  /** One kind, all pages, in one namespace or cluster-wide. */
  private async listKind(
    kind: CollectedKind,
    namespace: string | undefined,
  ): Promise<KubeObject[]> {
    const out: KubeObject[] = [];
    const version = kind.versions[0];
    const apiVersion = kind.group ? `${kind.group}/${version}` : version;
    let cont: string | undefined;
    do {
      const token = cont;
      const page: any = await this.withRetry(kind.kind, () =>
        this.page(kind, version, namespace, token),
      );
      for (const item of page.items ?? []) {
        // Custom-object lists are parsed JSON already, plain data of our own;
        // core lists come as the generated client's model classes, with Date
        // fields: those become what a JSON round trip makes of them.
        const obj = (kind.group === '' ? jsonCopy(item) : item) as KubeObject;
        // List items of built-in kinds come without apiVersion/kind.
        obj.apiVersion ??= apiVersion;
        obj.kind = kind.kind;
        out.push(kind.metadataOnly ? redactSecret(obj) : obj);
      }
      cont = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
    } while (cont);
    return out;
  }

  private page(
    kind: CollectedKind,
    version: string,
    namespace: string | undefined,
    cont: string | undefined,
  ): Promise<unknown> {
    const limit = this.options.pageSize;
    const paging = { limit, ...(cont ? { _continue: cont } : {}) };
    if (kind.group === '') {
      const core = this.kubeConfig.makeApiClient(CoreV1Api);
      const opts = this.requestOptions(
        kind.metadataOnly ? METADATA_ONLY_ACCEPT : undefined,
      );
      const ns = namespace ? { namespace, ...paging } : paging;
      switch (kind.plural) {
        case 'pods':
          return namespace
            ? core.listNamespacedPod(ns as any, opts)
            : core.listPodForAllNamespaces(paging, opts);
        case 'services':
          return namespace
            ? core.listNamespacedService(ns as any, opts)
            : core.listServiceForAllNamespaces(paging, opts);
        case 'configmaps':
          return namespace
            ? core.listNamespacedConfigMap(ns as any, opts)
            : core.listConfigMapForAllNamespaces(paging, opts);
        case 'serviceaccounts':
          return namespace
            ? core.listNamespacedServiceAccount(ns as any, opts)
            : core.listServiceAccountForAllNamespaces(paging, opts);
        case 'persistentvolumeclaims':
          return namespace
            ? core.listNamespacedPersistentVolumeClaim(ns as any, opts)
            : core.listPersistentVolumeClaimForAllNamespaces(paging, opts);
        case 'secrets':
          return namespace
            ? core.listNamespacedSecret(ns as any, opts)
            : core.listSecretForAllNamespaces(paging, opts);
        default:
          throw new Error(`no core list for ${kind.plural}`);
      }
    }
    const custom = this.kubeConfig.makeApiClient(CustomObjectsApi);
    const base = { group: kind.group, version, plural: kind.plural, ...paging };
    return namespace && kind.namespaced
      ? custom.listNamespacedCustomObject(
          { ...base, namespace },
          this.requestOptions(),
        )
      : custom.listClusterCustomObject(base, this.requestOptions());
  }

  async collect(): Promise<{ cluster: ClusterData; stats: CollectionStats }> {
    const started = Date.now();
    this.deadline = started + this.options.scanTimeoutMs;
    this.requests = 0;
    this.retries = 0;
    const stats = () => ({
      requests: this.requests,
      retries: this.retries,
      durationMs: Date.now() - started,
    });
    let custom: CollectedKind[];
    try {
      custom = await this.discover();
    } catch (e) {
      const message =
        e instanceof ClusterFailure
          ? e.message
          : `discovery failed: ${classify(e).message}`;
      return {
        cluster: { name: this.name, objects: [], error: message },
        stats: stats(),
      };
    }
    const objects: KubeObject[] = [];
    const unreadableKinds: Array<{ kind: string; reason: string }> = [];
    const namespaces = this.options.namespaces.length
      ? this.options.namespaces
      : [undefined];
    let fatal: string | undefined;
    // Kinds are listed a few at a time: enough to hide latency, few enough
    // not to be throttled by the API server's priority and fairness.
    const queue = [...BUILT_IN_KINDS, ...custom].flatMap(kind =>
      (kind.namespaced ? namespaces : [undefined]).map(ns => ({ kind, ns })),
    );
    const worker = async () => {
      for (let job = queue.shift(); job && !fatal; job = queue.shift()) {
        if (Date.now() >= this.deadline) {
          unreadableKinds.push({
            kind: job.kind.kind,
            reason: 'scan timeout reached before this kind was read',
          });
          continue;
        }
        try {
          objects.push(...(await this.listKind(job.kind, job.ns)));
        } catch (e) {
          if (e instanceof ClusterFailure) {
            fatal = e.message;
            return;
          }
          const f = classify(e);
          const where = job.ns ? ` in namespace ${job.ns}` : '';
          const reason =
            f.kind === 'forbidden'
              ? `forbidden${where}: the collector's RBAC does not allow listing ${job.kind.plural}`
              : f.kind === 'timeout'
              ? `timed out${where}`
              : f.kind === 'not-found'
              ? `not served${where}`
              : `${f.message}${where}`;
          unreadableKinds.push({ kind: job.kind.kind, reason });
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    if (fatal)
      return {
        cluster: { name: this.name, objects: [], error: fatal },
        stats: stats(),
      };
    return {
      cluster: {
        name: this.name,
        objects,
        installedKinds: custom.map(k => k.kind),
        ...(unreadableKinds.length ? { unreadableKinds } : {}),
      },
      stats: stats(),
    };
  }
}
