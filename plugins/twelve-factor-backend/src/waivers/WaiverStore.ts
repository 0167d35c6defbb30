import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  WaiverRecord,
  WaiverStatus,
} from '@internal/plugin-twelve-factor-common';
import type { Knex } from 'knex';

const TABLE = 'twelve_factor_waivers';

interface Row {
  id: string;
  entity_ref: string;
  check_id: string;
  reason: string;
  expires: string;
  ticket: string | null;
  author: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  revoked_by: string | null;
  expired_at: Date | string | null;
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The last day a waiver is in force is its `expires` day, in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function statusOf(row: Row, today: string): WaiverStatus {
  if (row.revoked_at) return 'revoked';
  if (row.expired_at || row.expires < today) return 'expired';
  return 'active';
}

function toRecord(row: Row, today: string): WaiverRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    expires: row.expires,
    ...(row.ticket ? { ticket: row.ticket } : {}),
    author: row.author,
    createdAt: iso(row.created_at),
    ...(row.revoked_at ? { revokedAt: iso(row.revoked_at) } : {}),
    ...(row.revoked_by ? { revokedBy: row.revoked_by } : {}),
    ...(row.expired_at ? { expiredAt: iso(row.expired_at) } : {}),
    status: statusOf(row, today),
  };
}

/** A new waiver as the service hands it to the store. */
export type NewWaiver = Pick<
  WaiverRecord,
  'id' | 'entityRef' | 'checkId' | 'reason' | 'expires' | 'ticket' | 'author'
> & { createdAt: Date };

/**
 * Portal waivers in the database. Revocation and expiry are conditional
 * writes, so that when two replicas race, exactly one of them wins and
 * audits the change.
 */
export class WaiverStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<WaiverStore> {
    // The scorecard store runs the plugin's migrations, this table's included.
    return new WaiverStore(await options.database.getClient());
  }

  constructor(private readonly db: Knex) {}

  async insert(waiver: NewWaiver): Promise<void> {
    await this.db<Row>(TABLE).insert({
      id: waiver.id,
      entity_ref: waiver.entityRef,
      check_id: waiver.checkId,
      reason: waiver.reason,
      expires: waiver.expires,
      ticket: waiver.ticket ?? null,
      author: waiver.author,
      created_at: waiver.createdAt,
    });
  }

  /** The entity's waivers, newest first. */
  async list(entityRef: string, now: Date): Promise<WaiverRecord[]> {
    const rows = await this.db<Row>(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('created_at', 'desc');
    return rows.map(r => toRecord(r, utcDay(now)));
  }

  async get(id: string, now: Date): Promise<WaiverRecord | undefined> {
    const row = await this.db<Row>(TABLE).where({ id }).first();
    return row ? toRecord(row, utcDay(now)) : undefined;
  }

  /** The waivers in force today, for the entity's scan. */
  async active(entityRef: string, now: Date): Promise<WaiverRecord[]> {
    const today = utcDay(now);
    const rows = await this.db<Row>(TABLE)
      .where({ entity_ref: entityRef })
      .whereNull('revoked_at')
      .andWhere('expires', '>=', today)
      .orderBy('created_at', 'asc');
    return rows.map(r => toRecord(r, today));
  }

  /** Revokes a waiver still in force; false when it was not (any more). */
  async revoke(id: string, by: string, at: Date): Promise<boolean> {
    const changed = await this.db<Row>(TABLE)
      .where({ id })
      .whereNull('revoked_at')
      .whereNull('expired_at')
      .andWhere('expires', '>=', utcDay(at))
      .update({ revoked_at: at, revoked_by: by });
    return changed === 1;
  }

  /** Waivers past their last day whose expiry nobody has recorded yet. */
  async lapsed(now: Date): Promise<WaiverRecord[]> {
    const today = utcDay(now);
    const rows = await this.db<Row>(TABLE)
      .whereNull('revoked_at')
      .whereNull('expired_at')
      .andWhere('expires', '<', today)
      .orderBy('expires', 'asc')
      .limit(1000);
    return rows.map(r => toRecord(r, today));
  }

  /** Records an expiry; true for the one caller (replica) that recorded it. */
  async markExpired(id: string, at: Date): Promise<boolean> {
    const changed = await this.db<Row>(TABLE)
      .where({ id })
      .whereNull('expired_at')
      .whereNull('revoked_at')
      .update({ expired_at: at });
    return changed === 1;
  }
}
