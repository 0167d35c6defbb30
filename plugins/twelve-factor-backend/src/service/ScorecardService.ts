import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  Scorecard,
  ScorecardOverviewItem,
} from '@internal/plugin-twelve-factor-common';
import type {
  ClusterData,
  TwelveFactorEngine,
} from '@internal/plugin-twelve-factor-node';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { ResolvedSource, SourceResolver } from '../sources/SourceResolver';

/** Live cluster data for scans, with a version that changes when the data does. */
export interface ClusterProvider {
  current(): Promise<{ clusters: ClusterData[]; version: string }>;
  /** Collects anew, for the scheduled fleet scan. */
  refresh?(): Promise<unknown>;
}

/** What a stored scorecard was computed from, to skip scans whose inputs did not change. */
interface Inputs {
  repo?: string;
  clusters: string;
}

function encodeInputs(inputs: Inputs): string {
  return JSON.stringify(inputs);
}

function decodeInputs(raw: string | undefined): Inputs | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** An owner as a full ref (`group:default/team`), as the catalog's relations write it. */
function normalizeOwner(owner: string, namespace: string | undefined): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace ?? 'default',
      }),
    );
  } catch {
    return owner;
  }
}

/** Whether two scorecards say the same, whenever they were made. */
function sameResult(a: Scorecard, b: Scorecard): boolean {
  return (
    JSON.stringify({ ...a, generatedAt: '' }) ===
    JSON.stringify({ ...b, generatedAt: '' })
  );
}

/** Scans entities and serves their scorecards from the store while fresh. */
export class ScorecardService {
  constructor(
    private readonly deps: {
      engine: TwelveFactorEngine;
      store: ScorecardStore;
      catalog: CatalogService;
      sources: ReadonlyArray<SourceResolver>;
      clusters?: ClusterProvider;
      logger: LoggerService;
      /** A stored scorecard younger than this is served without a new scan. */
      maxAgeMs: number;
      now?: () => Date;
    },
  ) {}

  private readonly inFlight = new Map<string, Promise<Scorecard>>();

  /**
   * The latest summary of every stored entity that is still in the catalog
   * and visible to the caller there, with its current owner: a service
   * removed from the catalog leaves the overview, though its history stays
   * in the store.
   */
  async summaries(
    credentials: BackstageCredentials,
  ): Promise<ScorecardOverviewItem[]> {
    const summaries = await this.deps.store.latestSummaries();
    if (summaries.length === 0) return [];
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: summaries.map(s => s.entityRef),
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.owner'],
      },
      { credentials },
    );
    const out: ScorecardOverviewItem[] = [];
    summaries.forEach((summary, i) => {
      const entity = items[i];
      if (!entity) return;
      const owner = entity.spec?.owner;
      out.push(
        typeof owner === 'string' && owner
          ? {
              ...summary,
              owner: normalizeOwner(owner, entity.metadata.namespace),
            }
          : summary,
      );
    });
    return out;
  }

  /**
   * Scores every scorable entity of the catalog: the clusters are collected
   * once for the whole fleet, then each entity is mapped to its objects and
   * scored. A failing entity is logged and skipped; the others go on.
   */
  async scanFleet(
    credentials: BackstageCredentials,
    options: { concurrency?: number } = {},
  ): Promise<{ scanned: number; failed: number; durationMs: number }> {
    const started = Date.now();
    await this.deps.clusters?.refresh?.();
    const { items } = await this.deps.catalog.getEntities(
      { filter: { kind: 'Component', 'spec.type': ['service', 'website'] } },
      { credentials },
    );
    let scanned = 0;
    let failed = 0;
    const queue = [...items];
    const worker = async () => {
      for (let entity = queue.shift(); entity; entity = queue.shift()) {
        const ref = stringifyEntityRef(entity);
        const running = this.inFlight.get(ref);
        try {
          if (running) await running;
          else {
            const scan = this.scan(entity).finally(() =>
              this.inFlight.delete(ref),
            );
            this.inFlight.set(ref, scan);
            await scan;
          }
          scanned++;
        } catch (e) {
          failed++;
          this.deps.logger.error(
            `Scoring ${ref} failed: ${(e as Error).message}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
    const durationMs = Date.now() - started;
    this.deps.logger.info(
      `Fleet scan: ${scanned} entities scored, ${failed} failed, in ${durationMs} ms`,
    );
    return { scanned, failed, durationMs };
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /**
   * The entity's scorecard. The entity is read with the caller's credentials,
   * so an entity the caller cannot see is reported as not found.
   */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
    options: { refresh?: boolean } = {},
  ): Promise<Scorecard> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const ref = stringifyEntityRef(entity);
    if (!options.refresh) {
      const stored = await this.deps.store.latest(ref);
      if (
        stored &&
        this.now().getTime() - Date.parse(stored.scorecard.generatedAt) <
          this.deps.maxAgeMs
      ) {
        return stored.scorecard;
      }
    }
    // Concurrent requests for one entity share a scan.
    const running = this.inFlight.get(ref);
    if (running) return running;
    const scan = this.scan(entity).finally(() => this.inFlight.delete(ref));
    this.inFlight.set(ref, scan);
    return scan;
  }

  private async resolveSource(
    entity: Entity,
    previousEtag: string | undefined,
  ): Promise<ResolvedSource | undefined> {
    for (const resolver of this.deps.sources) {
      try {
        const source = await resolver.resolve(entity, { etag: previousEtag });
        if (source) return source;
      } catch (e) {
        return {
          status: 'unavailable',
          reason: `Reading the repository failed: ${(e as Error).message}`,
          diagnostics: [],
        };
      }
    }
    return undefined;
  }

  /**
   * Scans one entity and stores the result. Never throws for bad input:
   * problems become diagnostics and `unknown` verdicts. When neither the
   * repository (same ETag) nor the cluster data changed, the previous
   * scorecard is re-stamped instead of recomputed.
   */
  async scan(entity: Entity): Promise<Scorecard> {
    const ref = stringifyEntityRef(entity);
    const started = Date.now();
    const stored = await this.deps.store.latest(ref);
    const previous = decodeInputs(stored?.sourceEtag);
    const clusterInput = (await this.deps.clusters?.current()) ?? {
      clusters: [],
      version: 'none',
    };
    const source = await this.resolveSource(entity, previous?.repo);
    const now = this.now();

    if (
      source?.status === 'not-modified' &&
      stored &&
      previous?.clusters === clusterInput.version
    ) {
      const scorecard = { ...stored.scorecard, generatedAt: now.toISOString() };
      await this.deps.store.restamp(
        ref,
        scorecard.generatedAt,
        stored.sourceEtag,
      );
      this.deps.logger.debug(
        `${ref}: repository and clusters unchanged, scorecard re-stamped`,
      );
      return scorecard;
    }
    let repoSource = source;
    if (source?.status === 'not-modified') {
      // The stored scorecard cannot be reused (clusters changed) and we have no
      // tree: read again without the ETag.
      repoSource = await this.resolveSource(entity, undefined);
    }

    const scorecard = await this.deps.engine.evaluate(
      {
        entity,
        ...(repoSource?.status === 'ok' ? { repo: repoSource.snapshot } : {}),
        repoUnavailableReason:
          repoSource?.status === 'unavailable'
            ? repoSource.reason
            : 'No repository source is configured for this entity (backstage.io/source-location or twelveFactor.sources).',
        ...(clusterInput.clusters.length
          ? { clusters: clusterInput.clusters }
          : {}),
      },
      { diagnostics: repoSource?.diagnostics ?? [], now },
    );
    const etag = repoSource?.status === 'ok' ? repoSource.etag : undefined;
    const inputs = encodeInputs({
      ...(etag ? { repo: etag } : {}),
      clusters: clusterInput.version,
    });
    // History keeps changes: a scan that finds what the last one found only moves its time.
    if (stored && sameResult(stored.scorecard, scorecard))
      await this.deps.store.restamp(ref, scorecard.generatedAt, inputs);
    else await this.deps.store.insert(scorecard, inputs);
    this.deps.logger.info(
      `Scored ${ref}: overall ${scorecard.overall ?? 'n/a'} in ${
        Date.now() - started
      } ms`,
    );
    return scorecard;
  }
}
