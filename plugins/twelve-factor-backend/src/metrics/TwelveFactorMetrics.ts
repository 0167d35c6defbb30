import type {
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import type { Config } from '@backstage/config';
import type { IndexedService } from '../fleet/FleetIndex';
import { FleetGauges, fleetGauges } from './fleetGauges';

/** How a scan ended: evaluated and stored, re-stamped without evaluating (nothing changed), or thrown. */
export type ScanOutcome = 'scored' | 'unchanged' | 'failed';

/** One read of a repository through the UrlReader. */
export type RepositoryReadResult = 'downloaded' | 'not_modified' | 'failed';

/** The fleet as the gauges read it: FleetIndex's public face. */
export interface FleetSource {
  refresh(options?: { force?: boolean }): Promise<void>;
  active(): IndexedService[];
  readonly version: number;
}

/** Upper bounds of the scan-duration buckets, in seconds: a re-stamp takes milliseconds, a large monorepo minutes. */
const SCAN_DURATION_BUCKETS = [
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
];

/**
 * The plugin's OpenTelemetry instruments, created once. Attributes are kept
 * to bounded sets (outcomes, results, configured clusters, Kubernetes kinds,
 * score bands, owning groups): never a service's entity ref, so that a fleet
 * of thousands of services does not become thousands of series. Owners are
 * the one attribute that grows with the catalog; `ownerAttributes: false`
 * drops it.
 */
export class TwelveFactorMetrics {
  /** Reads `twelveFactor.metrics`. */
  static fromConfig(
    metrics: MetricsService,
    config: Config,
  ): TwelveFactorMetrics {
    return new TwelveFactorMetrics(metrics, {
      ownerAttributes:
        config.getOptionalBoolean('twelveFactor.metrics.ownerAttributes') ??
        true,
    });
  }

  private readonly scans: MetricsServiceCounter<{ outcome: ScanOutcome }>;
  private readonly scanDuration: MetricsServiceHistogram<{
    outcome: ScanOutcome;
  }>;
  private readonly repositoryReads: MetricsServiceCounter<{
    result: RepositoryReadResult;
  }>;
  private readonly clusterRequests: MetricsServiceCounter<{
    cluster: string;
    kind: string;
  }>;
  private readonly clusterErrors: MetricsServiceCounter<{
    cluster: string;
    kind: string;
  }>;
  private fleetCache?: { version: number; gauges: FleetGauges };

  constructor(
    private readonly metrics: MetricsService,
    private readonly options: { ownerAttributes?: boolean } = {},
  ) {
    this.scans = metrics.createCounter('twelve_factor.scans', {
      description:
        'Scans of a service, by outcome: scored (evaluated), unchanged (repository and clusters unchanged, re-stamped) or failed',
    });
    this.scanDuration = metrics.createHistogram('twelve_factor.scan.duration', {
      description: 'Duration of one service scan, by outcome',
      unit: 's',
      advice: { explicitBucketBoundaries: SCAN_DURATION_BUCKETS },
    });
    this.repositoryReads = metrics.createCounter(
      'twelve_factor.repository.reads',
      {
        description:
          'Repository reads through the UrlReader: downloaded, not_modified (the ETag held, nothing downloaded) or failed',
      },
    );
    this.clusterRequests = metrics.createCounter(
      'twelve_factor.cluster.requests',
      {
        description:
          'Kubernetes API requests of the collector, by cluster and kind (discovery for API discovery)',
      },
    );
    this.clusterErrors = metrics.createCounter('twelve_factor.cluster.errors', {
      description:
        'Failed Kubernetes API requests of the collector (retried ones included), by cluster and kind',
    });
  }

  scanFinished(outcome: ScanOutcome, durationMs: number): void {
    this.scans.add(1, { outcome });
    this.scanDuration.record(durationMs / 1000, { outcome });
  }

  repositoryRead(result: RepositoryReadResult): void {
    this.repositoryReads.add(1, { result });
  }

  clusterRequest(cluster: string, kind: string): void {
    this.clusterRequests.add(1, { cluster, kind });
  }

  clusterError(cluster: string, kind: string): void {
    this.clusterErrors.add(1, { cluster, kind });
  }

  /** Reports the scan queue's length at each collection. */
  observeQueue(length: () => number): void {
    this.metrics
      .createObservableGauge('twelve_factor.queue.length', {
        description:
          "Services waiting in this replica's scan queue (not counting those being scanned)",
      })
      .addCallback(result => result.observe(length()));
  }

  /** Reports the fleet's bands and average scores at each collection, from the index. */
  observeFleet(fleet: FleetSource): void {
    this.metrics
      .createObservableGauge<{ band: string }>('twelve_factor.services', {
        description:
          'Services the plugin scores, per band of their overall score (good: 80 and above, fair: 50 and above, poor, none: not scored yet)',
      })
      .addCallback(async result => {
        const { bands } = await this.fleetGauges(fleet);
        for (const [band, count] of Object.entries(bands))
          result.observe(count, { band });
      });
    this.metrics
      .createObservableGauge<{ owner?: string; score_group: string }>(
        'twelve_factor.group.score',
        {
          description:
            'Average score (0 to 100) of the services of each owning group, per score group (overall, twelve-factor, cloud-native)',
        },
      )
      .addCallback(async result => {
        const { scores } = await this.fleetGauges(fleet);
        for (const s of scores)
          result.observe(s.average, {
            ...(s.owner !== undefined ? { owner: s.owner } : {}),
            score_group: s.scoreGroup,
          });
      });
  }

  /**
   * Both fleet gauges of a collection come from one pass over the index.
   * The index is brought up to date first (the rows written since it last
   * looked, one small query shared by both gauges): without waiting for it,
   * each scrape would show the fleet as of the scrape before.
   */
  private async fleetGauges(fleet: FleetSource): Promise<FleetGauges> {
    await fleet.refresh({ force: true });
    if (this.fleetCache?.version !== fleet.version)
      this.fleetCache = {
        version: fleet.version,
        gauges: fleetGauges(fleet.active(), {
          ownerAttributes: this.options.ownerAttributes ?? true,
        }),
      };
    return this.fleetCache.gauges;
  }
}
