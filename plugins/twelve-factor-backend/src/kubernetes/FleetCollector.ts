import type { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import type { ClusterData } from '@internal/plugin-twelve-factor-node';
import type { ClusterProvider } from '../service/ScorecardService';
import {
  ClusterCollector,
  CollectionStats,
  CollectorOptions,
} from './ClusterCollector';
import { ClusterSpec, kubeConfigFor } from './clusterConfig';
import type { TwelveFactorMetrics } from '../metrics/TwelveFactorMetrics';

/** One collection of every cluster. */
export interface FleetSnapshot {
  clusters: ClusterData[];
  stats: Record<string, CollectionStats>;
  collectedAt: number;
  version: string;
}

/**
 * Collects every configured cluster once per scan, all in parallel and each
 * on its own: one cluster's failure or slowness never blocks another. The
 * last snapshot is reused while fresh, and concurrent callers share one
 * collection.
 */
export class FleetCollector implements ClusterProvider {
  private last?: FleetSnapshot;
  private running?: Promise<FleetSnapshot>;

  constructor(
    private readonly specs: () => Promise<ClusterSpec[]>,
    private readonly logger: LoggerService,
    private readonly options: {
      maxAgeMs: number;
      collector?: Partial<CollectorOptions>;
      /** Requests and errors per cluster and kind. */
      metrics?: TwelveFactorMetrics;
    },
  ) {}

  async current(): Promise<{ clusters: ClusterData[]; version: string }> {
    const snap =
      this.last && Date.now() - this.last.collectedAt < this.options.maxAgeMs
        ? this.last
        : await this.collect();
    return { clusters: snap.clusters, version: snap.version };
  }

  refresh(): Promise<FleetSnapshot> {
    return this.collect();
  }

  /** Collects now (sharing a collection already running). */
  collect(): Promise<FleetSnapshot> {
    this.running ??= this.doCollect().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async doCollect(): Promise<FleetSnapshot> {
    const specs = await this.specs();
    const results = await Promise.all(
      specs.map(async spec => {
        try {
          const collector = new ClusterCollector(
            spec.name,
            kubeConfigFor(spec),
            { ...this.options.collector, namespaces: spec.namespaces },
            this.options.metrics,
          );
          return await collector.collect();
        } catch (e) {
          return {
            cluster: {
              name: spec.name,
              objects: [],
              error: (e as Error).message,
            },
            stats: { requests: 0, retries: 0, durationMs: 0 },
          };
        }
      }),
    );
    const stats: Record<string, CollectionStats> = {};
    for (const r of results) {
      stats[r.cluster.name] = r.stats;
      if (r.cluster.error)
        this.logger.warn(`Cluster ${r.cluster.name}: ${r.cluster.error}`);
      else
        this.logger.info(
          `Cluster ${r.cluster.name}: ${r.cluster.objects.length} objects in ${
            r.stats.durationMs
          } ms, ${r.stats.requests} requests${
            r.cluster.unreadableKinds?.length
              ? `, unreadable: ${r.cluster.unreadableKinds
                  .map(k => k.kind)
                  .join(', ')}`
              : ''
          }`,
        );
    }
    const clusters = results.map(r => r.cluster);
    this.last = {
      clusters,
      stats,
      collectedAt: Date.now(),
      version: fingerprint(clusters),
    };
    return this.last;
  }
}

/**
 * Changes when any object changes (resourceVersion), appears or goes, or a
 * cluster's health does; lets unchanged entities skip re-evaluation.
 */
function fingerprint(clusters: ReadonlyArray<ClusterData>): string {
  const hash = createHash('sha1');
  for (const c of clusters) {
    hash.update(
      `${c.name}|${c.error ?? ''}|${(c.unreadableKinds ?? [])
        .map(k => k.kind)
        .join(',')}\n`,
    );
    const keys = c.objects
      .map(
        o =>
          `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}@${
            o.metadata.resourceVersion ?? ''
          }`,
      )
      .sort();
    for (const k of keys) hash.update(k);
  }
  return hash.digest('hex');
}
