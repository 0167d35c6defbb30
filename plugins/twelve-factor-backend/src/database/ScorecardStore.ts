import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { summarizeScorecard, type Scorecard, type ScorecardSummary } from '@internal/plugin-twelve-factor-common';
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
  latest(entityRef: string): Promise<StoredScorecard | undefined>;
  /** Overall and group scores over time, newest first. */
  history(entityRef: string, limit: number): Promise<Array<{ generatedAt: string; overall: number | null; twelveFactor: number | null; cloudNative: number | null }>>;
  /** The summary of every entity's latest scan, in entity-ref order. */
  latestSummaries(): Promise<ScorecardSummary[]>;
}

const migrationsDir = resolvePackagePath('@internal/plugin-twelve-factor-backend', 'migrations');

/** Knex-backed store; runs its own migrations, as Backstage plugins do. */
export class DatabaseScorecardStore implements ScorecardStore {
  static async create(options: { database: DatabaseService; skipMigrations?: boolean }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir, tableName: 'twelve_factor_knex_migrations' });
    }
    return new DatabaseScorecardStore(client);
  }

  constructor(private readonly db: Knex) {}

  async insert(scorecard: Scorecard, sourceEtag?: string): Promise<void> {
    const score = (id: string) => scorecard.groups.find(g => g.groupId === id)?.score ?? null;
    await this.db(TABLE).insert({
      entity_ref: scorecard.entityRef.toLocaleLowerCase('en-US'),
      generated_at: new Date(scorecard.generatedAt),
      overall: scorecard.overall,
      twelve_factor_score: score('twelve-factor'),
      cloud_native_score: score('cloud-native'),
      source_etag: sourceEtag ?? null,
      scorecard: JSON.stringify(scorecard),
      summary: JSON.stringify(summarizeScorecard(scorecard)),
    });
  }

  async latest(entityRef: string): Promise<StoredScorecard | undefined> {
    const row = await this.db(TABLE)
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .orderBy([{ column: 'generated_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .first('scorecard', 'source_etag');
    if (!row) return undefined;
    return { scorecard: JSON.parse(row.scorecard), ...(row.source_etag ? { sourceEtag: row.source_etag } : {}) };
  }

  async history(entityRef: string, limit: number) {
    const rows = await this.db(TABLE)
      .where({ entity_ref: entityRef.toLocaleLowerCase('en-US') })
      .orderBy([{ column: 'generated_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(limit)
      .select('generated_at', 'overall', 'twelve_factor_score', 'cloud_native_score');
    return rows.map(r => ({
      generatedAt: new Date(r.generated_at).toISOString(),
      overall: r.overall,
      twelveFactor: r.twelve_factor_score,
      cloudNative: r.cloud_native_score,
    }));
  }

  async latestSummaries(): Promise<ScorecardSummary[]> {
    // The newest scan time per entity, then its rows; several rows at that time keep the last inserted.
    const newest = this.db(TABLE).select('entity_ref').max({ at: 'generated_at' }).groupBy('entity_ref').as('newest');
    const rows: Array<{ id: string | number; entity_ref: string; summary: string | null }> = await this.db(TABLE)
      .join(newest, join => join.on(`${TABLE}.entity_ref`, '=', 'newest.entity_ref').andOn(`${TABLE}.generated_at`, '=', 'newest.at'))
      .orderBy([{ column: `${TABLE}.entity_ref` }, { column: `${TABLE}.id` }])
      .select(`${TABLE}.id`, `${TABLE}.entity_ref`, `${TABLE}.summary`);
    const byEntity = new Map<string, string | null>();
    for (const r of rows) byEntity.set(r.entity_ref, r.summary);
    const out: ScorecardSummary[] = [];
    for (const summary of byEntity.values()) if (summary) out.push(JSON.parse(summary));
    return out;
  }
}
