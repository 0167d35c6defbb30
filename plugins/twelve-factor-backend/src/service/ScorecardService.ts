import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  EngineMessage,
  Scorecard,
  ScorecardPending,
  Waiver,
  WaiverRecord,
} from '@internal/plugin-twelve-factor-common';
import type {
  ClusterData,
  TwelveFactorEngine,
} from '@internal/plugin-twelve-factor-node';
import type { ScanLeases } from '../database/ScanLeases';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { ResolvedSource, SourceResolver } from '../sources/SourceResolver';
import { unavailableBecause } from '../sources/SourceResolver';
import type {
  ScanOutcome,
  TwelveFactorMetrics,
} from '../metrics/TwelveFactorMetrics';
import type { CatalogSync } from './CatalogSync';
import type { EntityFilter } from './entityFilter';
import { ScanQueue } from './ScanQueue';

const NO_SOURCE = unavailableBecause('unknown.no-source');

/** Why the engine has no repository, for its unknowns' reasons. */
function unavailableInput(why: { reason: string; reasonMsg?: EngineMessage }) {
  return {
    repoUnavailableReason: why.reason,
    ...(why.reasonMsg ? { repoUnavailableReasonMsg: why.reasonMsg } : {}),
  };
}

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
  /** The portal waivers in force (waiverFingerprint); absent when none. */
  waivers?: string;
}

/** The portal waivers a scan applies, in the engine's terms. */
export interface ActiveWaivers {
  active(entityRef: string, now: Date): Promise<ReadonlyArray<WaiverRecord>>;
}

function engineWaiver(w: WaiverRecord): Waiver {
  return {
    check: w.checkId,
    reason: w.reason,
    expires: w.expires,
    source: 'portal',
    origin: 'portal',
    id: w.id,
    author: w.author,
    ...(w.ticket ? { ticket: w.ticket } : {}),
  };
}

/**
 * Which portal waivers are in force: a scan whose repository and clusters
 * did not change must still be recomputed when a waiver was granted,
 * revoked or lapsed since.
 */
function waiverFingerprint(
  waivers: ReadonlyArray<WaiverRecord>,
): string | undefined {
  if (!waivers.length) return undefined;
  return waivers
    .map(w => `${w.id}@${w.expires}`)
    .sort()
    .join(',');
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
      /** A stored scorecard older than this is queued for a new scan when read. */
      maxAgeMs: number;
      /** What is scored. */
      filter: EntityFilter;
      /** Writes services' catalog facts for the fleet view. */
      catalogSync: CatalogSync;
      /** Portal waivers, applied at each scan. */
      waivers?: ActiveWaivers;
      /** Service credentials, for scans nobody waits for. */
      serviceCredentials: () => Promise<BackstageCredentials>;
      queue?: { maxSize?: number; concurrency?: number };
      /** Scan outcomes and durations. */
      metrics?: TwelveFactorMetrics;
      /** Shares scans of one entity across replicas; without it, within this process only. */
      leases?: ScanLeases;
      now?: () => Date;
    },
  ) {
    this.queue = new ScanQueue(ref => this.scanRef(ref), {
      logger: deps.logger,
      ...deps.queue,
    });
  }

  private readonly inFlight = new Map<string, Promise<Scorecard>>();
  /** Scans nobody waits for: first scans of services opened before the fleet scan reached them, stale scorecards. */
  readonly queue: ScanQueue;

  /**
   * Scores every scorable entity of the catalog: the clusters are collected
   * once for the whole fleet, then each entity is mapped to its objects and
   * scored. A failing entity is logged and skipped; the others go on.
   */
  async scanFleet(
    credentials: BackstageCredentials,
    options: { concurrency?: number } = {},
  ): Promise<{ scanned: number; failed: number; durationMs: number }> {
    void credentials;
    const started = Date.now();
    await this.deps.clusters?.refresh?.();
    // The sync writes every matching service's catalog facts, so scans need not.
    const items = await this.deps.catalogSync.run({ full: true });
    // With the end line, says which replica ran which fleet scan and when.
    this.deps.logger.info(`Fleet scan of ${items.length} entities started`);
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
            const scan = this.scanLeased(entity, { record: false }).finally(
              () => this.inFlight.delete(ref),
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
   * The entity, read with the caller's credentials (an entity the caller
   * cannot see is not found), if the plugin scores it.
   */
  private async scoredEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const decision = this.deps.filter.decide(entity);
    if (!decision.scored) throw new InputError(decision.reason);
    return entity;
  }

  /**
   * The entity's stored scorecard. Reading never scans: a service without a
   * scorecard is queued and the answer says so; a stale one is served and
   * queued for a new scan.
   */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Scorecard | ScorecardPending> {
    const entity = await this.scoredEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entity);
    const stored = await this.deps.store.latest(ref);
    if (stored) {
      if (
        this.now().getTime() - Date.parse(stored.scorecard.generatedAt) >=
        this.deps.maxAgeMs
      )
        this.queue.enqueue(ref);
      return stored.scorecard;
    }
    const status = this.inFlight.has(ref)
      ? 'scanning'
      : this.queue.enqueue(ref);
    if (status === 'full')
      throw new ServiceUnavailableError(
        `${ref} has not been scanned yet and the scan queue is full; the next fleet scan will score it.`,
      );
    return {
      entityRef: ref,
      status,
      message:
        status === 'scanning'
          ? `${ref} is being scanned for the first time.`
          : `${ref} has not been scanned yet; it is queued for its first scan.`,
    };
  }

  /** The entity, if the caller may see it and the plugin scores it (404 or 400 otherwise). */
  entity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    return this.scoredEntity(entityRef, credentials);
  }

  /**
   * Scans an entity the caller was already allowed to change (a waiver was
   * granted or revoked), as the plugin itself sees it; shares a running scan.
   */
  async rescan(entityRef: string): Promise<Scorecard | undefined> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.serviceCredentials(),
    });
    if (!entity || !this.deps.filter.decide(entity).scored) return undefined;
    return this.scanShared(entity);
  }

  /** Scans the entity now (the refresh button) and returns the new scorecard. */
  async refresh(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Scorecard> {
    const entity = await this.scoredEntity(entityRef, credentials);
    return this.scanShared(entity);
  }

  /** A scan of the queue: the entity as the plugin itself sees it, if it is still scored. */
  private async scanRef(entityRef: string): Promise<void> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: await this.deps.serviceCredentials(),
    });
    if (!entity || !this.deps.filter.decide(entity).scored) {
      this.deps.logger.debug(`${entityRef} is no longer scored; not scanned`);
      return;
    }
    await this.scanShared(entity);
  }

  /** Concurrent scans of one entity share one. */
  private scanShared(entity: Entity): Promise<Scorecard> {
    const ref = stringifyEntityRef(entity);
    const running = this.inFlight.get(ref);
    if (running) return running;
    const scan = this.scanLeased(entity).finally(() =>
      this.inFlight.delete(ref),
    );
    this.inFlight.set(ref, scan);
    return scan;
  }

  /** A scan, unless another replica is scanning the entity: then the result it stores. */
  private scanLeased(
    entity: Entity,
    options: { record?: boolean } = {},
  ): Promise<Scorecard> {
    const leases = this.deps.leases;
    if (!leases) return this.scan(entity, options);
    const ref = stringifyEntityRef(entity);
    return leases.exclusive(
      ref,
      () => this.scan(entity, options),
      async () => (await this.deps.store.latest(ref))?.scorecard,
    );
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
          ...unavailableBecause('unknown.repo-read-failed', {
            detail: (e as Error).message,
          }),
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
  async scan(
    entity: Entity,
    options: { record?: boolean } = {},
  ): Promise<Scorecard> {
    const started = Date.now();
    const measured: { outcome: ScanOutcome } = { outcome: 'failed' };
    try {
      return await this.scanMeasured(entity, options, measured);
    } finally {
      this.deps.metrics?.scanFinished(measured.outcome, Date.now() - started);
    }
  }

  /** scan(), saying how it ended in `measured` (a throw leaves it failed). */
  private async scanMeasured(
    entity: Entity,
    options: { record?: boolean },
    measured: { outcome: ScanOutcome },
  ): Promise<Scorecard> {
    const ref = stringifyEntityRef(entity);
    const started = Date.now();
    // The fleet view needs the service's catalog facts before its first scan row.
    if (options.record !== false) await this.deps.catalogSync.record(entity);
    const stored = await this.deps.store.latest(ref);
    const previous = decodeInputs(stored?.sourceEtag);
    const clusterInput = (await this.deps.clusters?.current()) ?? {
      clusters: [],
      version: 'none',
    };
    const source = await this.resolveSource(entity, previous?.repo);
    const now = this.now();
    const waivers = (await this.deps.waivers?.active(ref, now)) ?? [];
    const waiverInput = waiverFingerprint(waivers);

    if (
      source?.status === 'not-modified' &&
      stored &&
      previous?.clusters === clusterInput.version &&
      previous?.waivers === waiverInput
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
      measured.outcome = 'unchanged';
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
        ...(repoSource?.status === 'ok' && repoSource.codeRoot
          ? { codeRoot: repoSource.codeRoot }
          : {}),
        ...unavailableInput(
          repoSource?.status === 'unavailable' ? repoSource : NO_SOURCE,
        ),
        ...(clusterInput.clusters.length
          ? { clusters: clusterInput.clusters }
          : {}),
      },
      {
        diagnostics: repoSource?.diagnostics ?? [],
        now,
        waivers: waivers.map(engineWaiver),
      },
    );
    const etag = repoSource?.status === 'ok' ? repoSource.etag : undefined;
    const inputs = encodeInputs({
      ...(etag ? { repo: etag } : {}),
      clusters: clusterInput.version,
      ...(waiverInput ? { waivers: waiverInput } : {}),
    });
    // History keeps changes: a scan that finds what the last one found only moves its time.
    await this.deps.store.save(scorecard, {
      sourceEtag: inputs,
      ...(stored
        ? {
            basis: {
              generatedAt: stored.scorecard.generatedAt,
              same: sameResult(stored.scorecard, scorecard),
            },
          }
        : {}),
      sameAs: latest => sameResult(latest, scorecard),
    });
    this.deps.logger.info(
      `Scored ${ref}: overall ${scorecard.overall ?? 'n/a'} in ${
        Date.now() - started
      } ms`,
    );
    measured.outcome = 'scored';
    return scorecard;
  }
}
