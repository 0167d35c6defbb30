import { DatabaseService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  summarizeScorecard,
  type FleetEntityInfo,
  type FleetMessagePart,
  type Scorecard,
  type ScorecardSummary,
  type ScoreHistoryEntry,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { latestRowsOf, partsOf } from './latestRows';
import { runMigrations } from './migrations';
import { encodeVerdicts } from './verdictCodes';

const TABLE = 'twelve_factor_scorecards';
const ENTITIES = 'twelve_factor_entities';
const CHECKS = 'twelve_factor_checks';
const LATEST = 'twelve_factor_latest_results';

const compress = promisify(zlib.brotliCompress);
const decompress = promisify(zlib.brotliDecompress);
/** Quality 5: a 244 kB scorecard becomes about 20 kB in under 2 ms. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } };

/** A stored scorecard with what the store knows about it. */
export interface StoredScorecard {
  scorecard: Scorecard;
  sourceEtag?: string;
}

/** A scored service as the catalog describes it, with the entity for permission conditions. */
export interface EntityRecord extends FleetEntityInfo {
  entity: Entity;
}

/** The latest scorecard of an entity as stored, to serve without parsing it on every read. */
export interface RawScorecard {
  id: number;
  /** When the row was last written (inserted or restamped), epoch ms. */
  updatedMs: number;
  /** When the result was last confirmed: wins over the time in the stored JSON. */
  generatedAt: string;
  /** The scorecard's JSON, brotli-compressed; rows stored before compression have `text`. */
  body?: Buffer;
  text?: string;
}

/** An entity row as the fleet index reads it. */
export interface EntityRow extends EntityRecord {
  active: boolean;
  updatedMs: number;
}

/** One scan of the history, without its scorecard: what the fleet index keeps. */
export interface ScanRow {
  id: number;
  /** Lower-case entity ref. */
  entityRef: string;
  /** When this result was first found, epoch ms. */
  since: number;
  /** The last scan that confirmed it, epoch ms. */
  at: number;
  summary: ScorecardSummary;
  /** One letter per check position (verdictCodes.ts). */
  verdicts: string;
  updatedMs: number;
}

/** A service's latest finding for one check. */
export interface LatestResult {
  entityRef: string;
  verdict: Verdict;
  summary: string;
  /** The finding as messages (none on rows stored before they were kept). */
  summaryMsg?: FleetMessagePart[];
  /** The remediation's first sentence. */
  remediation?: string;
  remediationMsg?: FleetMessagePart[];
}

/** What a scan compared its result with: the entity's latest when it started. */
export interface SaveBasis {
  /** That latest's time (`scorecard.generatedAt` as `latest()` returned it). */
  generatedAt: string;
  /** Whether the scan found the same result. */
  same: boolean;
}

/** What `save` wrote. */
export type SaveOutcome = 'inserted' | 'restamped' | 'superseded';

/** Persistence of scorecards, their history, and the fleet's catalog facts. */
export interface ScorecardStore {
  insert(scorecard: Scorecard, sourceEtag?: string): Promise<void>;
  /**
   * Stores a scan's result: a history row when it differs from the entity's
   * latest, otherwise the latest row's time moves (`restamped`); nothing
   * when a later scan was stored meanwhile (`superseded`). Writers of one
   * entity are serialised and the latest is read again under that lock, so
   * two replicas scanning the entity at once never both insert a result.
   */
  save(
    scorecard: Scorecard,
    options: {
      sourceEtag?: string;
      basis?: SaveBasis;
      /** Compares the result with a latest another scan stored since `basis`. */
      sameAs(latest: Scorecard): boolean;
    },
  ): Promise<SaveOutcome>;
  /**
   * Marks the entity's latest scorecard as confirmed at `generatedAt` (a scan
   * that found the same result) without storing it again.
   */
  restamp(
    entityRef: string,
    generatedAt: string,
    sourceEtag?: string,
  ): Promise<void>;
  latest(entityRef: string): Promise<StoredScorecard | undefined>;
  /** The latest scorecard as stored, compressed. */
  latestRaw(entityRef: string): Promise<RawScorecard | undefined>;
  /** Calls `listener` with the (lower-case) entity ref after each scorecard this store writes (insert, save, restamp). */
  onWrite(listener: (entityRef: string) => void): void;
  /** Overall and group scores over time, newest first: one entry per change of the result. */
  history(entityRef: string, limit: number): Promise<ScoreHistoryEntry[]>;
  /** Deletes scans older than `before`, except each entity's latest; returns how many. */
  prune(before: Date): Promise<number>;
  /** The check ids in the order of the verdict letters. */
  checkOrder(): Promise<string[]>;
  /**
   * Writes what the catalog says of these services. With `complete`, they
   * are every service that matches now: the others become inactive.
   */
  syncEntities(
    records: ReadonlyArray<EntityRecord>,
    options?: { complete?: boolean },
  ): Promise<{ written: number; deactivated: number }>;
  /** Entity rows written at or after `sinceMs` (all without it). */
  entityRows(
    sinceMs?: number,
    /** Rows the caller has at this write time already: not read again. */
    known?: (entityRef: string, updatedMs: number) => boolean,
  ): Promise<EntityRow[]>;
  /** Scan rows written at or after `sinceMs` (all without it), in id order. */
  scanRows(sinceMs?: number): Promise<ScanRow[]>;
  /**
   * The latest finding of every service whose result of a check has one of
   * the verdicts. Only gaps keep a finding: a met check lists none.
   */
  latestResults(
    checkId: string,
    verdicts: ReadonlyArray<string>,
  ): Promise<LatestResult[]>;
  /**
   * Gives the findings stored before their messages were kept (the
   * 20261209 migration) their messages, from each entity's stored
   * scorecard; returns how many entities it rewrote. A scan that finds the
   * same result only moves its time, so without this they would read in
   * English until the service changes.
   */
  fillLatestMessages(): Promise<number>;
}

/** A timestamp column as epoch ms (SQLite returns milliseconds, PostgreSQL a Date). */
function msOf(value: unknown): number {
  return new Date(value as string | number | Date).getTime();
}

function isoOf(value: unknown): string {
  return new Date(msOf(value)).toISOString();
}

/** Bounded batches: SQLite and PostgreSQL limit the parameters of one statement. */
const BATCH = 400;

/** Knex-backed store; runs its own migrations, as Backstage plugins do. */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await runMigrations(client);
    }
    return new DatabaseScorecardStore(client);
  }

  /** Check id → position, as last read; positions never change once given. */
  private positions = new Map<string, number>();
  private readonly writeListeners: Array<(entityRef: string) => void> = [];

  constructor(private readonly db: Knex, private readonly now = Date.now) {}

  async insert(scorecard: Scorecard, sourceEtag?: string): Promise<void> {
    const prepared = await this.prepare(scorecard);
    await this.db.transaction(tx =>
      this.insertPrepared(tx, scorecard, prepared, sourceEtag),
    );
    this.written(scorecard.entityRef);
  }

  onWrite(listener: (entityRef: string) => void): void {
    this.writeListeners.push(listener);
  }

  /** Told once the write is committed, so that a listener reading again reads it. */
  private written(entityRef: string): void {
    const ref = entityRef.toLocaleLowerCase('en-US');
    for (const listener of this.writeListeners) listener(ref);
  }

  async save(
    scorecard: Scorecard,
    options: {
      sourceEtag?: string;
      basis?: SaveBasis;
      sameAs(latest: Scorecard): boolean;
    },
  ): Promise<SaveOutcome> {
    const ref = scorecard.entityRef.toLocaleLowerCase('en-US');
    // Prepared outside the transaction: SQLite's one connection is the transaction's.
    let prepared = options.basis?.same
      ? undefined
      : await this.prepare(scorecard);
    for (;;) {
      const ready = prepared;
      const outcome = await this.db.transaction(tx =>
        this.saveIn(tx, scorecard, options, ready),
      );
      if (outcome !== 'unprepared') {
        if (outcome !== 'superseded') this.written(ref);
        return outcome;
      }
      prepared = await this.prepare(scorecard);
    }
  }

  /** save() under the entity's lock; 'unprepared' when it must insert and was not prepared to. */
  private async saveIn(
    tx: Knex.Transaction,
    scorecard: Scorecard,
    options: {
      sourceEtag?: string;
      basis?: SaveBasis;
      sameAs(latest: Scorecard): boolean;
    },
    prepared: PreparedScan | undefined,
  ): Promise<SaveOutcome | 'unprepared'> {
    const ref = scorecard.entityRef.toLocaleLowerCase('en-US');
    const at = Date.parse(scorecard.generatedAt);
    await lockEntity(tx, ref);
    const latest = await this.newestFirst(ref, tx).first('id', 'generated_at');
    if (latest && msOf(latest.generated_at) > at) return 'superseded';
    let same = false;
    if (
      latest &&
      options.basis &&
      msOf(latest.generated_at) === Date.parse(options.basis.generatedAt)
    )
      same = options.basis.same;
    else if (latest)
      // Another scan stored a result since this one started.
      same = options.sameAs(await this.scorecardOf(tx, latest.id));
    if (same) {
      await tx(TABLE)
        .where({ id: latest.id })
        .update({
          generated_at: new Date(at),
          updated_ms: this.now(),
          ...(options.sourceEtag !== undefined
            ? { source_etag: options.sourceEtag }
            : {}),
        });
      return 'restamped';
    }
    if (!prepared) return 'unprepared';
    await this.insertPrepared(tx, scorecard, prepared, options.sourceEtag);
    return 'inserted';
  }

  /** What an insert writes that takes time or other queries to compute. */
  private async prepare(scorecard: Scorecard): Promise<PreparedScan> {
    const positions = await this.positionsOf(
      scorecard.results.map(r => r.checkId),
    );
    return {
      summary: summarizeScorecard(scorecard),
      verdicts: encodeVerdicts(scorecard.results, positions),
      body: await compress(Buffer.from(JSON.stringify(scorecard)), BROTLI),
    };
  }

  private async insertPrepared(
    tx: Knex.Transaction,
    scorecard: Scorecard,
    { summary, verdicts, body }: PreparedScan,
    sourceEtag: string | undefined,
  ): Promise<void> {
    const ref = scorecard.entityRef.toLocaleLowerCase('en-US');
    const at = new Date(scorecard.generatedAt);
    // Older scans keep their scores and verdicts for the history; the full
    // scorecard (evidence, remediation) is only ever served for the latest.
    await tx(TABLE)
      .where({ entity_ref: ref })
      .where('generated_at', '<=', at)
      .update({ body: null, scorecard: '' });
    await tx(TABLE).insert({
      entity_ref: ref,
      generated_at: at,
      first_found_at: at,
      overall: summary.overall,
      twelve_factor_score: summary.twelveFactor,
      cloud_native_score: summary.cloudNative,
      source_etag: sourceEtag ?? null,
      // Rows before compression kept the text here; new rows keep `body` only.
      scorecard: '',
      body,
      summary: JSON.stringify(summary),
      verdicts,
      updated_ms: this.now(),
    });
    await this.writeLatest(tx, ref, scorecard);
  }

  /** Replaces the entity's latest findings with the scorecard's. */
  private async writeLatest(
    tx: Knex.Transaction,
    ref: string,
    scorecard: Scorecard,
  ): Promise<void> {
    await tx(LATEST).where({ entity_ref: ref }).delete();
    const rows = latestRowsOf(ref, scorecard.results);
    // Seven columns a row: well within the parameters of one statement.
    for (let i = 0; i < rows.length; i += BATCH / 8)
      await tx(LATEST).insert(rows.slice(i, i + BATCH / 8));
  }

  /** A stored row's scorecard, as stored (its own generatedAt). */
  private async scorecardOf(db: Knex, id: string | number): Promise<Scorecard> {
    const row = await db(TABLE).where({ id }).first('scorecard', 'body');
    const json = row.body
      ? (await decompress(row.body)).toString('utf8')
      : row.scorecard;
    return JSON.parse(json);
  }

  async latest(entityRef: string): Promise<StoredScorecard | undefined> {
    const row = await this.newestFirst(entityRef).first(
      'scorecard',
      'body',
      'source_etag',
      'generated_at',
    );
    if (!row) return undefined;
    const json = row.body
      ? (await decompress(row.body)).toString('utf8')
      : row.scorecard;
    // A restamped row keeps its scorecard; the column says when it was last confirmed.
    const scorecard: Scorecard = {
      ...JSON.parse(json),
      generatedAt: isoOf(row.generated_at),
    };
    return {
      scorecard,
      ...(row.source_etag ? { sourceEtag: row.source_etag } : {}),
    };
  }

  async latestRaw(entityRef: string): Promise<RawScorecard | undefined> {
    const row = await this.newestFirst(entityRef).first(
      'id',
      'scorecard',
      'body',
      'generated_at',
      'updated_ms',
    );
    if (!row) return undefined;
    return {
      id: Number(row.id),
      updatedMs: Number(row.updated_ms ?? 0),
      generatedAt: isoOf(row.generated_at),
      ...(row.body ? { body: row.body } : { text: row.scorecard }),
    };
  }

  async restamp(
    entityRef: string,
    generatedAt: string,
    sourceEtag?: string,
  ): Promise<void> {
    const latest = await this.newestFirst(entityRef).first('id');
    if (!latest)
      throw new Error(`No stored scorecard of ${entityRef} to restamp`);
    await this.db(TABLE)
      .where({ id: latest.id })
      .update({
        generated_at: new Date(generatedAt),
        updated_ms: this.now(),
        ...(sourceEtag !== undefined ? { source_etag: sourceEtag } : {}),
      });
    this.written(entityRef);
  }

  async prune(before: Date): Promise<number> {
    const latestIds = this.latestRows().select(`${TABLE}.id`);
    return await this.db(TABLE)
      .where('generated_at', '<', before)
      .whereNotIn('id', latestIds)
      .delete();
  }

  async history(
    entityRef: string,
    limit: number,
  ): Promise<ScoreHistoryEntry[]> {
    const rows = await this.newestFirst(entityRef)
      .limit(limit)
      .select(
        'generated_at',
        'first_found_at',
        'overall',
        'twelve_factor_score',
        'cloud_native_score',
      );
    return rows.map(r => ({
      // Rows stored before the column: their own scan time.
      since: isoOf(r.first_found_at ?? r.generated_at),
      generatedAt: isoOf(r.generated_at),
      overall: r.overall,
      twelveFactor: r.twelve_factor_score,
      cloudNative: r.cloud_native_score,
    }));
  }

  async checkOrder(): Promise<string[]> {
    await this.readPositions();
    const out: string[] = [];
    for (const [id, at] of this.positions) out[at] = id;
    return out;
  }

  async syncEntities(
    records: ReadonlyArray<EntityRecord>,
    options: { complete?: boolean } = {},
  ): Promise<{ written: number; deactivated: number }> {
    const now = this.now();
    const refs = records.map(r => r.entityRef.toLocaleLowerCase('en-US'));
    // Only rows that changed are written: their updated_ms is what the indexes read.
    const existing = new Map<string, string>();
    for (let i = 0; i < refs.length; i += BATCH) {
      const rows = await this.db(ENTITIES)
        .whereIn('entity_ref', refs.slice(i, i + BATCH))
        .select('entity_ref', 'entity', 'title', 'owner', 'system', 'domain')
        .select('lifecycle', 'type', 'namespace', 'tags', 'active');
      for (const row of rows) existing.set(row.entity_ref, rowKey(row));
    }
    const changed = records
      .map((r, i) => ({ ...toRow(r, now), entity_ref: refs[i] }))
      .filter(row => existing.get(row.entity_ref) !== rowKey(row));
    for (let i = 0; i < changed.length; i += BATCH / 16) {
      await this.db(ENTITIES)
        .insert(changed.slice(i, i + BATCH / 16))
        .onConflict('entity_ref')
        .merge();
    }
    let deactivated = 0;
    if (options.complete) {
      const keep = new Set(refs);
      const active: string[] = (
        await this.db(ENTITIES).where({ active: true }).select('entity_ref')
      ).map((r: { entity_ref: string }) => r.entity_ref);
      const gone = active.filter(ref => !keep.has(ref));
      for (let i = 0; i < gone.length; i += BATCH) {
        deactivated += await this.db(ENTITIES)
          .whereIn('entity_ref', gone.slice(i, i + BATCH))
          .update({ active: false, updated_ms: now });
      }
    }
    return { written: changed.length, deactivated };
  }

  async entityRows(
    sinceMs?: number,
    known?: (entityRef: string, updatedMs: number) => boolean,
  ): Promise<EntityRow[]> {
    let rows: any[];
    if (known && sinceMs !== undefined) {
      // A catalog sync writes its rows at one time, which the index's overlap
      // then reads every second: their write times first, whole rows
      // (entities to parse) only for what changed.
      const heads = await this.db(ENTITIES)
        .where('updated_ms', '>=', sinceMs)
        .select('entity_ref', 'updated_ms');
      const changed = heads
        .filter(h => !known(h.entity_ref, Number(h.updated_ms)))
        .map(h => h.entity_ref);
      rows = [];
      for (let i = 0; i < changed.length; i += BATCH)
        rows.push(
          ...(await this.db(ENTITIES)
            .whereIn('entity_ref', changed.slice(i, i + BATCH))
            .select()),
        );
    } else {
      const query = this.db(ENTITIES).select();
      if (sinceMs !== undefined) query.where('updated_ms', '>=', sinceMs);
      rows = await query;
    }
    return rows.map(row => ({
      entityRef: row.entity_ref,
      ...(row.title ? { title: row.title } : {}),
      ...(row.owner ? { owner: row.owner } : {}),
      ...(row.system ? { system: row.system } : {}),
      ...(row.domain ? { domain: row.domain } : {}),
      ...(row.lifecycle ? { lifecycle: row.lifecycle } : {}),
      ...(row.type ? { type: row.type } : {}),
      namespace: row.namespace,
      tags: JSON.parse(row.tags),
      entity: JSON.parse(row.entity),
      active: !!row.active,
      updatedMs: Number(row.updated_ms),
    }));
  }

  async scanRows(sinceMs?: number): Promise<ScanRow[]> {
    const query = this.db(TABLE).select(
      'id',
      'entity_ref',
      'first_found_at',
      'generated_at',
      'summary',
      'verdicts',
      'updated_ms',
    );
    if (sinceMs === undefined) query.orderBy('id');
    else query.where('updated_ms', '>=', sinceMs);
    const rows = await query;
    // The few recent rows are sorted here: ORDER BY id made SQLite read the
    // whole table in id order (45 ms at 5,000 services, every second)
    // instead of the updated_ms index.
    if (sinceMs !== undefined) rows.sort((a, b) => Number(a.id) - Number(b.id));
    const missing = rows.filter(r => r.summary === null || r.verdicts === null);
    const filled = await this.fill(missing.map(r => r.id));
    return rows.map(row => {
      const fill = filled.get(String(row.id));
      return {
        id: Number(row.id),
        entityRef: row.entity_ref,
        since: msOf(row.first_found_at ?? row.generated_at),
        at: msOf(row.generated_at),
        summary: fill?.summary ?? JSON.parse(row.summary),
        verdicts: fill?.verdicts ?? row.verdicts,
        updatedMs: Number(row.updated_ms ?? 0),
      };
    });
  }

  async latestResults(
    checkId: string,
    verdicts: ReadonlyArray<string>,
  ): Promise<LatestResult[]> {
    const rows = await this.db(LATEST)
      .where({ check_id: checkId })
      .whereIn('verdict', verdicts as string[])
      .select(
        'entity_ref',
        'verdict',
        'summary',
        'remediation',
        'summary_msg',
        'remediation_msg',
      );
    return rows.map(r => {
      const summaryMsg = partsOf(r.summary_msg);
      const remediationMsg = r.remediation
        ? partsOf(r.remediation_msg)
        : undefined;
      return {
        entityRef: r.entity_ref,
        verdict: r.verdict,
        summary: r.summary,
        ...(summaryMsg ? { summaryMsg } : {}),
        ...(r.remediation ? { remediation: r.remediation } : {}),
        ...(remediationMsg ? { remediationMsg } : {}),
      };
    });
  }

  async fillLatestMessages(): Promise<number> {
    let filled = 0;
    for (;;) {
      const refs: string[] = (
        await this.db(LATEST)
          .whereNull('summary_msg')
          .distinct('entity_ref')
          .limit(100)
      ).map((r: { entity_ref: string }) => r.entity_ref);
      if (refs.length === 0) return filled;
      for (const ref of refs) if (await this.fillLatestOf(ref)) filled++;
    }
  }

  /**
   * One entity's findings stored before their messages were kept, written
   * again from its latest scorecard; false when a scan did it first. Under
   * the entity's lock, so that a scan storing a new result either went
   * first (its rows have messages) or waits for this.
   */
  private async fillLatestOf(ref: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      await lockEntity(tx, ref);
      const left = await tx(LATEST)
        .where({ entity_ref: ref })
        .whereNull('summary_msg')
        .first('check_id');
      if (!left) return false;
      const latest = await this.newestFirst(ref, tx).first('id');
      const card = latest
        ? await this.scorecardOf(tx, latest.id).catch(() => undefined)
        : undefined;
      if (card) {
        await this.writeLatest(tx, ref, card);
      } else {
        // No scorecard to read them from: they stay in English, and are not looked at again.
        await tx(LATEST)
          .where({ entity_ref: ref })
          .whereNull('summary_msg')
          .update({ summary_msg: '[]' });
      }
      return true;
    });
  }

  /**
   * Summaries and verdicts for rows stored without them (before the columns
   * existed, or by an older replica), from their scorecards, written back so
   * that each row is parsed once.
   */
  private async fill(
    ids: ReadonlyArray<string | number>,
  ): Promise<Map<string, { summary: ScorecardSummary; verdicts: string }>> {
    const out = new Map<
      string,
      { summary: ScorecardSummary; verdicts: string }
    >();
    for (let i = 0; i < ids.length; i += 100) {
      const rows: Array<{ id: string | number; scorecard: string }> =
        await this.db(TABLE)
          .whereIn('id', ids.slice(i, i + 100))
          .select('id', 'scorecard');
      for (const row of rows) {
        const card: Scorecard = JSON.parse(row.scorecard);
        const positions = await this.positionsOf(
          card.results.map(r => r.checkId),
        );
        const filled = {
          summary: summarizeScorecard(card),
          verdicts: encodeVerdicts(card.results, positions),
        };
        out.set(String(row.id), filled);
        await this.db(TABLE)
          .where({ id: row.id })
          .update({
            summary: JSON.stringify(filled.summary),
            verdicts: filled.verdicts,
          });
      }
    }
    return out;
  }

  private async readPositions(): Promise<void> {
    const rows = await this.db(CHECKS).select('position', 'check_id');
    this.positions = new Map(rows.map(r => [r.check_id, Number(r.position)]));
  }

  /**
   * The positions of these checks, giving new ones the next free positions.
   * Two replicas may add the same check at once: the loser reads again.
   */
  private async positionsOf(
    ids: ReadonlyArray<string>,
  ): Promise<ReadonlyMap<string, number>> {
    for (let attempt = 0; ; attempt++) {
      const missing = ids.filter(id => !this.positions.has(id));
      if (missing.length === 0) return this.positions;
      await this.readPositions();
      const still = [...new Set(ids.filter(id => !this.positions.has(id)))];
      if (still.length === 0) return this.positions;
      let next = Math.max(-1, ...this.positions.values()) + 1;
      try {
        await this.db(CHECKS).insert(
          still.map(check_id => ({ position: next++, check_id })),
        );
      } catch (e) {
        if (attempt >= 3) throw e;
      }
      await this.readPositions();
    }
  }

  /** One entity's rows, newest scan first; of rows with the same time, the last inserted first. */
  private newestFirst(entityRef: string, db: Knex = this.db) {
    return db(TABLE)
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .orderBy([
        { column: 'generated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
  }

  /** Each entity's rows at its newest scan time (several when scans share that time). */
  private latestRows() {
    const newest = this.db(TABLE)
      .select('entity_ref')
      .max({ at: 'generated_at' })
      .groupBy('entity_ref')
      .as('newest');
    return this.db(TABLE).join(newest, join =>
      join
        .on(`${TABLE}.entity_ref`, '=', 'newest.entity_ref')
        .andOn(`${TABLE}.generated_at`, '=', 'newest.at'),
    );
  }
}

/** An insert's computed parts. */
interface PreparedScan {
  summary: ScorecardSummary;
  verdicts: string;
  body: Buffer;
}

/**
 * Holds the entity's write lock until the transaction ends. PostgreSQL: an
 * advisory transaction lock keyed by the entity (other entities may share a
 * key: they then wait, never corrupt). SQLite runs one transaction at a time
 * on its one connection already.
 */
async function lockEntity(tx: Knex.Transaction, ref: string): Promise<void> {
  if (String(tx.client.config.client) === 'pg')
    await tx.raw('select pg_advisory_xact_lock(hashtext(?))', [
      `${TABLE}:${ref}`,
    ]);
}

function toRow(r: EntityRecord, now: number) {
  return {
    title: r.title ?? null,
    owner: r.owner ?? null,
    system: r.system ?? null,
    domain: r.domain ?? null,
    lifecycle: r.lifecycle ?? null,
    type: r.type ?? null,
    namespace: r.namespace,
    tags: JSON.stringify(r.tags),
    entity: JSON.stringify(r.entity),
    active: true,
    updated_ms: now,
  };
}

/** What makes an entity row different from another (not its write time). */
function rowKey(row: Record<string, unknown>): string {
  return JSON.stringify([
    row.title ?? null,
    row.owner ?? null,
    row.system ?? null,
    row.domain ?? null,
    row.lifecycle ?? null,
    row.type ?? null,
    row.namespace,
    row.tags,
    row.entity,
    !!row.active,
  ]);
}
