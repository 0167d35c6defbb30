import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  summarizeScorecard,
  type Scorecard,
  type ScorecardSummary,
  type ScoreHistoryEntry,
} from '@internal/plugin-twelve-factor-common';
import { Knex } from 'knex';

const TABLE = 'twelve_factor_scorecards';

/** A stored scorecard with what the store knows about it. */
export interface StoredScorecard {
  scorecard: Scorecard;
  sourceEtag?: string;
}

/** Persistence of scorecards and their history. */
export interface ScorecardStore {
  insert(scorecard: Scorecard, sourceEtag?: string): Promise<void>;
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
  /** Overall and group scores over time, newest first: one entry per change of the result. */
  history(entityRef: string, limit: number): Promise<ScoreHistoryEntry[]>;
  /** The summary of every entity's latest scan, in entity-ref order. */
  latestSummaries(): Promise<ScorecardSummary[]>;
  /** Deletes scans older than `before`, except each entity's latest; returns how many. */
  prune(before: Date): Promise<number>;
}

/** A timestamp column as ISO text (SQLite returns milliseconds, PostgreSQL a Date). */
function isoOf(value: unknown): string {
  return new Date(value as string | number | Date).toISOString();
}

const migrationsDir = resolvePackagePath(
  '@internal/plugin-twelve-factor-backend',
  'migrations',
);

/** Knex-backed store; runs its own migrations, as Backstage plugins do. */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: migrationsDir,
        tableName: 'twelve_factor_knex_migrations',
      });
    }
    return new DatabaseScorecardStore(client);
  }

  constructor(private readonly db: Knex) {}

  async insert(scorecard: Scorecard, sourceEtag?: string): Promise<void> {
    const summary = summarizeScorecard(scorecard);
    await this.db(TABLE).insert({
      entity_ref: scorecard.entityRef.toLocaleLowerCase('en-US'),
      generated_at: new Date(scorecard.generatedAt),
      first_found_at: new Date(scorecard.generatedAt),
      overall: summary.overall,
      twelve_factor_score: summary.twelveFactor,
      cloud_native_score: summary.cloudNative,
      source_etag: sourceEtag ?? null,
      scorecard: JSON.stringify(scorecard),
      summary: JSON.stringify(summary),
    });
  }

  async latest(entityRef: string): Promise<StoredScorecard | undefined> {
    const row = await this.newestFirst(entityRef).first(
      'scorecard',
      'source_etag',
      'generated_at',
    );
    if (!row) return undefined;
    // A restamped row keeps its scorecard text; the column says when it was last confirmed.
    const scorecard: Scorecard = {
      ...JSON.parse(row.scorecard),
      generatedAt: isoOf(row.generated_at),
    };
    return {
      scorecard,
      ...(row.source_etag ? { sourceEtag: row.source_etag } : {}),
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
        ...(sourceEtag !== undefined ? { source_etag: sourceEtag } : {}),
      });
  }

  async prune(before: Date): Promise<number> {
    const latestIds = this.latestRows().select(`${TABLE}.id`);
    return await this.db(TABLE)
      .where('generated_at', '<', before)
      .whereNotIn('id', latestIds)
      .delete();
  }

  /** One entity's rows, newest scan first; of rows with the same time, the last inserted first. */
  private newestFirst(entityRef: string) {
    return this.db(TABLE)
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

  async latestSummaries(): Promise<ScorecardSummary[]> {
    // The newest scan time per entity, then its rows; of several rows at that time the last inserted wins.
    const rows: Array<{
      id: string | number;
      entity_ref: string;
      summary: string | null;
      generated_at: unknown;
    }> = await this.latestRows()
      .orderBy([{ column: `${TABLE}.entity_ref` }, { column: `${TABLE}.id` }])
      .select(
        `${TABLE}.id`,
        `${TABLE}.entity_ref`,
        `${TABLE}.summary`,
        `${TABLE}.generated_at`,
      );
    const latestRow = new Map<
      string,
      { id: string | number; summary: string | null; generated_at: unknown }
    >();
    for (const r of rows) latestRow.set(r.entity_ref, r);
    const missing = [...latestRow.values()]
      .filter(r => r.summary === null)
      .map(r => r.id);
    const filled = await this.fillSummaries(missing);
    const out: ScorecardSummary[] = [];
    for (const r of latestRow.values()) {
      const summary =
        r.summary !== null
          ? (JSON.parse(r.summary) as ScorecardSummary)
          : filled.get(String(r.id));
      if (summary) out.push({ ...summary, generatedAt: isoOf(r.generated_at) });
    }
    return out;
  }

  /**
   * Summaries for rows stored without one (before the column existed, or by
   * an older replica), from their scorecards, written back so that each row
   * is parsed once.
   */
  private async fillSummaries(
    ids: ReadonlyArray<string | number>,
  ): Promise<Map<string, ScorecardSummary>> {
    const out = new Map<string, ScorecardSummary>();
    // Bounded batches: a first listing after the upgrade may cover every entity.
    for (let i = 0; i < ids.length; i += 100) {
      const rows: Array<{ id: string | number; scorecard: string }> =
        await this.db(TABLE)
          .whereIn('id', ids.slice(i, i + 100))
          .select('id', 'scorecard');
      for (const row of rows) {
        const summary = summarizeScorecard(JSON.parse(row.scorecard));
        out.set(String(row.id), summary);
        await this.db(TABLE)
          .where({ id: row.id })
          .update({ summary: JSON.stringify(summary) });
      }
    }
    return out;
  }
}
