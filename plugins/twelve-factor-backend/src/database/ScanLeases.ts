import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import os from 'node:os';

const TABLE = 'twelve_factor_scan_leases';

/** How leases behave; the defaults suit production. */
export interface ScanLeaseOptions {
  /**
   * How long a lease lasts unless renewed (a holder renews it three times
   * per period): how long a replica that died mid-scan keeps others from
   * scanning the entity. Default 30 seconds.
   */
  ttlMs?: number;
  /** How often a waiting replica looks at the lease again. Default 500 ms. */
  pollMs?: number;
  /**
   * The longest a replica waits for another's scan before scanning the
   * entity itself (a holder that is alive but stuck). Default 5 minutes.
   */
  maxWaitMs?: number;
}

/** What a replica found when it asked for an entity's lease. */
interface LeaseState {
  acquired: boolean;
  holder?: string;
  completed: number;
}

/**
 * The database's clock in epoch milliseconds: leases are compared with one
 * clock, whatever the replicas' clocks say.
 */
function dbNowMs(db: Knex): Knex.Raw {
  if (ScanLeases.isSqlite(db))
    return db.raw(`cast((julianday('now') - 2440587.5) * 86400000 as integer)`);
  return db.raw(`(extract(epoch from clock_timestamp()) * 1000)::bigint`);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * One scan of an entity at a time across the replicas sharing a database
 * (the in-process sharing of ScorecardService covers one replica). A replica
 * takes the entity's lease before scanning it; another replica asked to scan
 * the same entity meanwhile waits for that scan and serves what it stored,
 * instead of scanning again. The holder renews its lease while it scans; a
 * replica that dies mid-scan stops renewing, its lease lapses after `ttlMs`,
 * and the next replica to ask scans the entity.
 */
export class ScanLeases {
  /** Leases need an atomic conditional upsert and a clock expression: PostgreSQL or SQLite. */
  static supports(db: Knex): boolean {
    const client = String(db.client.config.client);
    return client === 'pg' || ScanLeases.isSqlite(db);
  }

  static isSqlite(db: Knex): boolean {
    return String(db.client.config.client).includes('sqlite');
  }

  private readonly ttlMs: number;
  private readonly pollMs: number;
  private readonly maxWaitMs: number;
  /** Names the holder in the table, for whoever looks at a stuck lease. */
  private readonly replica = `${os.hostname()}:${process.pid}`;

  constructor(
    private readonly db: Knex,
    private readonly logger: LoggerService,
    options: ScanLeaseOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.pollMs = options.pollMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 5 * 60_000;
  }

  /**
   * Runs `scan` holding the entity's lease, or, when another replica holds
   * it, waits for that replica's scan and returns `stored()` (the result it
   * stored). If the holder fails or dies instead, this replica scans.
   */
  async exclusive<T>(
    entityRef: string,
    scan: () => Promise<T>,
    stored: () => Promise<T | undefined>,
  ): Promise<T> {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const holder = `${this.replica}/${randomUUID()}`;
    const started = Date.now();
    /** The completed count when the lease was first found held: it moves when that scan is stored. */
    let seen: number | undefined;
    for (;;) {
      const state = await this.tryAcquire(ref, holder);
      if (seen !== undefined && state.completed > seen) {
        if (state.acquired) await this.release(ref, holder, false);
        const result = await stored();
        if (result !== undefined) {
          this.logger.info(
            `${ref} was scanned by another replica meanwhile; its result is served`,
          );
          return result;
        }
        // Nothing stored after all: ask again, and scan.
        seen = undefined;
        continue;
      }
      if (state.acquired) return this.hold(ref, holder, scan);
      if (seen === undefined) {
        seen = state.completed;
        this.logger.debug(
          `${ref} is being scanned by ${state.holder}; waiting for its result`,
        );
      }
      if (Date.now() - started >= this.maxWaitMs) {
        this.logger.warn(
          `${ref} has been scanned by ${state.holder} for over ${Math.round(
            this.maxWaitMs / 1000,
          )} s; scanning it here too`,
        );
        return scan();
      }
      await sleep(this.pollMs);
    }
  }

  /**
   * Takes the lease when it is free or lapsed, in one statement (the
   * database orders concurrent askers), and reads who holds it now.
   */
  private async tryAcquire(ref: string, holder: string): Promise<LeaseState> {
    const expires = this.db.raw('? + ?', [dbNowMs(this.db), this.ttlMs]);
    await this.db(TABLE)
      .insert({ entity_ref: ref, holder, expires_ms: expires, completed: 0 })
      .onConflict('entity_ref')
      .merge({ holder, expires_ms: expires })
      .where(q =>
        q
          .whereNull(`${TABLE}.holder`)
          .orWhere(`${TABLE}.expires_ms`, '<', dbNowMs(this.db)),
      );
    const row = await this.db(TABLE)
      .where({ entity_ref: ref })
      .first('holder', 'completed');
    return {
      acquired: row?.holder === holder,
      ...(row?.holder ? { holder: row.holder } : {}),
      completed: Number(row?.completed ?? 0),
    };
  }

  private async hold<T>(
    ref: string,
    holder: string,
    scan: () => Promise<T>,
  ): Promise<T> {
    let lost = false;
    const renewal = setInterval(() => {
      this.renew(ref, holder).then(
        held => {
          if (!held && !lost) {
            lost = true;
            this.logger.warn(
              `The scan lease of ${ref} lapsed before the scan ended (the replica was too busy to renew it); another replica may scan it too`,
            );
          }
        },
        e =>
          this.logger.warn(
            `Renewing the scan lease of ${ref} failed: ${(e as Error).message}`,
          ),
      );
    }, Math.max(50, Math.floor(this.ttlMs / 3)));
    renewal.unref?.();
    let completed = false;
    try {
      const result = await scan();
      completed = true;
      return result;
    } finally {
      clearInterval(renewal);
      // A release that fails leaves the lease to lapse: the scan's result stands.
      await this.release(ref, holder, completed).catch(e =>
        this.logger.warn(
          `Releasing the scan lease of ${ref} failed: ${(e as Error).message}`,
        ),
      );
    }
  }

  private async renew(ref: string, holder: string): Promise<boolean> {
    const updated = await this.db(TABLE)
      .where({ entity_ref: ref, holder })
      .update({
        expires_ms: this.db.raw('? + ?', [dbNowMs(this.db), this.ttlMs]),
      });
    return updated > 0;
  }

  /** Frees the lease if still ours; a completed scan moves the count its waiters watch. */
  private async release(
    ref: string,
    holder: string,
    completed: boolean,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ entity_ref: ref, holder })
      .update({
        holder: null,
        expires_ms: null,
        ...(completed ? { completed: this.db.raw('completed + 1') } : {}),
      });
  }
}
