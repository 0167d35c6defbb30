import type { BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorEngine } from '@internal/plugin-twelve-factor-node';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { SourceResolver } from '../sources/SourceResolver';

/** Scans entities and serves their scorecards from the store while fresh. */
export class ScorecardService {
  constructor(
    private readonly deps: {
      engine: TwelveFactorEngine;
      store: ScorecardStore;
      catalog: CatalogService;
      sources: ReadonlyArray<SourceResolver>;
      logger: LoggerService;
      /** A stored scorecard younger than this is served without a new scan. */
      maxAgeMs: number;
      now?: () => Date;
    },
  ) {}

  private readonly inFlight = new Map<string, Promise<Scorecard>>();

  /**
   * The entity's scorecard. The entity is read with the caller's credentials,
   * so an entity the caller cannot see is reported as not found.
   */
  async get(entityRef: string, credentials: BackstageCredentials, options: { refresh?: boolean } = {}): Promise<Scorecard> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const ref = stringifyEntityRef(entity);
    if (!options.refresh) {
      const stored = await this.deps.store.latest(ref);
      const now = (this.deps.now ?? (() => new Date()))().getTime();
      if (stored && now - Date.parse(stored.scorecard.generatedAt) < this.deps.maxAgeMs) {
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

  /** Scans one entity and stores the result. Never throws for bad input: problems become diagnostics and `unknown` verdicts. */
  async scan(entity: Entity): Promise<Scorecard> {
    const ref = stringifyEntityRef(entity);
    const started = Date.now();
    let source;
    for (const resolver of this.deps.sources) {
      try {
        source = await resolver.resolve(entity);
      } catch (e) {
        source = { status: 'unavailable' as const, reason: `Reading the repository failed: ${(e as Error).message}`, diagnostics: [] };
      }
      if (source) break;
    }
    const scorecard = await this.deps.engine.evaluate(
      {
        entity,
        ...(source?.status === 'ok' ? { repo: source.snapshot } : {}),
        repoUnavailableReason:
          source?.status === 'unavailable'
            ? source.reason
            : 'No repository source is configured for this entity (twelveFactor.sources).',
      },
      { diagnostics: source?.diagnostics ?? [], now: (this.deps.now ?? (() => new Date()))() },
    );
    await this.deps.store.insert(scorecard, source?.status === 'ok' ? source.etag : undefined);
    this.deps.logger.info(`Scored ${ref}: overall ${scorecard.overall ?? 'n/a'} in ${Date.now() - started} ms`);
    return scorecard;
  }
}
