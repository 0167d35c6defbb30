import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type express from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type {
  EntityRow,
  RawScorecard,
  ScorecardStore,
} from '../database/ScorecardStore';
import type { FleetIndex } from '../fleet/FleetIndex';
import { readableFromStoredEntity } from '../fleet/visibility';
import type { EntityFilter } from './entityFilter';

const compress = promisify(zlib.brotliCompress);
const decompress = promisify(zlib.brotliDecompress);
/** As the store compresses: a 244 kB scorecard becomes about 20 kB in a few ms, once per write. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

/** Bodies kept: about 20 kB each, so some 3,000 services' at the default. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** An entity's latest scorecard, ready to send. */
export interface ScorecardBody {
  /** The scan row it was read from and that row's write time: what the fleet index compares. */
  id: number;
  updatedMs: number;
  /** When the result was last confirmed, epoch ms. */
  generatedAtMs: number;
  /** The JSON a plain GET sends, brotli-compressed. */
  br: Buffer;
  etag: string;
}

interface Cached {
  body: ScorecardBody;
  /** When the row was read (before the query), epoch ms. */
  readAt: number;
}

/**
 * The entity scorecard GET without a catalog round-trip or a parse of the
 * scorecard per request, for the reads that can be decided from what the
 * plugin stores:
 * - who may read it: one permission request, the conditions applied to the
 *   entity as the catalog sync stored it (as the fleet view does), so an
 *   entity's visibility and whether it is scored follow the catalog within
 *   a catalog sync (5 minutes by default);
 * - the body: the latest scorecard's JSON, compressed once per write of its
 *   row and kept in memory (least recently used go first).
 *
 * A kept body is current while no row of the entity was written since it
 * was read: writes through this replica's store drop it at once; writes of
 * other replicas show in the fleet index (id and write time of the latest
 * row) at its next refresh, within about a second.
 *
 * `latest` answers undefined whenever it cannot decide (the index is not
 * loaded yet, the entity is not in it, not scored there, never scanned, or
 * the caller is not plainly allowed): the route then takes the catalog's word as before, so
 * 404s, 403s, 400s and 202s are answered exactly as they were.
 */
export class ScorecardBodies {
  private readonly cache = new Map<string, Cached>();
  private bytes = 0;
  private readonly reading = new Map<string, Promise<Cached | undefined>>();
  /** Writes per entity: a read that a write overtook is not kept. */
  private readonly writes = new Map<string, number>();
  private readonly scoredRows = new WeakMap<EntityRow, boolean>();

  constructor(
    private readonly deps: {
      store: ScorecardStore;
      index: FleetIndex;
      permissions: PermissionsService;
      filter: EntityFilter;
      /** A scorecard older than this is served and queued for a new scan. */
      maxAgeMs: number;
      /** Queues the entity for a new scan. */
      onStale(entityRef: string): void;
      maxBytes?: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** A scorecard of this entity was written through this replica's store. */
  written(entityRef: string): void {
    const ref = entityRef.toLocaleLowerCase('en-US');
    this.writes.set(ref, (this.writes.get(ref) ?? 0) + 1);
    this.drop(ref);
  }

  /** The entity's latest scorecard for this caller, or undefined when that is not decided here. */
  async latest(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ScorecardBody | undefined> {
    const { index } = this.deps;
    // Loaded by the catalog sync at start (or the fleet view): nobody waits
    // for the first load of a large fleet here.
    if (index.readAt === undefined) return undefined;
    await index.refresh();
    const service = index.get(entityRef);
    const latest = service?.latest;
    if (!service?.info.active || !latest) return undefined;
    const entity = service.info.entity;
    if (!this.scored(service.info)) return undefined;
    if (
      !(await readableFromStoredEntity(
        this.deps.permissions,
        credentials,
        entity,
      ))
    )
      return undefined;

    const ref = service.info.entityRef;
    let cached = this.cache.get(ref);
    const current =
      cached &&
      (cached.readAt > index.readAt! ||
        (cached.body.id === latest.id &&
          cached.body.updatedMs === latest.updatedMs));
    if (cached && current) {
      // Most recently used last.
      this.cache.delete(ref);
      this.cache.set(ref, cached);
    } else {
      if (cached) this.drop(ref);
      cached = await this.read(ref);
      if (!cached) return undefined;
    }
    if (this.now() - cached.body.generatedAtMs >= this.deps.maxAgeMs)
      this.deps.onStale(stringifyEntityRef(entity));
    return cached.body;
  }

  /** Whether the filter scores the stored entity, once per entity row (the index replaces a row that changed). */
  private scored(info: EntityRow): boolean {
    let scored = this.scoredRows.get(info);
    if (scored === undefined) {
      scored = this.deps.filter.decide(info.entity).scored;
      this.scoredRows.set(info, scored);
    }
    return scored;
  }

  /** Concurrent reads of one entity share one query and one compression. */
  private read(ref: string): Promise<Cached | undefined> {
    let reading = this.reading.get(ref);
    if (!reading) {
      reading = this.readNow(ref).finally(() => this.reading.delete(ref));
      this.reading.set(ref, reading);
    }
    return reading;
  }

  private async readNow(ref: string): Promise<Cached | undefined> {
    const writes = this.writes.get(ref);
    const readAt = this.now();
    const raw = await this.deps.store.latestRaw(ref);
    if (!raw) return undefined;
    const cached = { body: await bodyOf(raw), readAt };
    if (this.writes.get(ref) === writes) {
      this.cache.set(ref, cached);
      this.bytes += cached.body.br.length;
      this.evict();
    }
    return cached;
  }

  private drop(ref: string): void {
    const cached = this.cache.get(ref);
    if (!cached) return;
    this.cache.delete(ref);
    this.bytes -= cached.body.br.length;
  }

  private evict(): void {
    const max = this.deps.maxBytes ?? DEFAULT_MAX_BYTES;
    for (const ref of this.cache.keys()) {
      if (this.bytes <= max) return;
      this.drop(ref);
    }
  }
}

/**
 * The body of a stored row: the JSON a plain GET sends (the stored
 * scorecard with the row's time, which a restamp moves), compressed; the
 * stored compressed bytes as they are when nothing moved.
 */
async function bodyOf(raw: RawScorecard): Promise<ScorecardBody> {
  const stored = raw.body
    ? (await decompress(raw.body)).toString('utf8')
    : raw.text!;
  const json = JSON.stringify({
    ...JSON.parse(stored),
    generatedAt: raw.generatedAt,
  });
  return {
    id: raw.id,
    updatedMs: raw.updatedMs,
    generatedAtMs: Date.parse(raw.generatedAt),
    br:
      raw.body && json === stored
        ? raw.body
        : await compress(Buffer.from(json), BROTLI),
    etag: `W/"${createHash('sha1').update(json).digest('base64url')}"`,
  };
}

/**
 * Sends a body: 304 when the client has it (If-None-Match), the stored
 * brotli bytes to a client that accepts br (browsers), the JSON otherwise
 * (the root router's compression then applies as to any answer).
 */
export async function sendScorecardBody(
  req: express.Request<any, any, any, any>,
  res: express.Response<any>,
  body: ScorecardBody,
): Promise<void> {
  res.vary('Accept-Encoding');
  res.set('ETag', body.etag);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type('application/json');
  if (req.acceptsEncodings('br') === 'br') {
    res.set('Content-Encoding', 'br').send(body.br);
    return;
  }
  res.send(await decompress(body.br));
}
