/**
 * Waivers granted from the portal: stored in the database, audited, and
 * applied at the next scan of the entity like a repository waiver.
 */

/** The state of a portal waiver. @public */
export type WaiverStatus = 'active' | 'revoked' | 'expired';

/** A waiver granted from the portal, as the API returns it. @public */
export interface WaiverRecord {
  id: string;
  /** Lower-case entity ref. */
  entityRef: string;
  checkId: string;
  reason: string;
  /** ISO date (YYYY-MM-DD): the last day the waiver is in force. */
  expires: string;
  ticket?: string;
  /** The user entity ref of who granted it. */
  author: string;
  /** ISO timestamp. */
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
  /** When the expiry was recorded (the first run after the last day). */
  expiredAt?: string;
  status: WaiverStatus;
}

/** What the owner fills in to waive a check. @public */
export interface WaiverRequest {
  checkId: string;
  /** Why the gap is acceptable; required, at most 2,000 characters. */
  reason: string;
  /** ISO date (YYYY-MM-DD), from today to today + the configured maximum. */
  expires: string;
  /** An http(s) link to a ticket. */
  ticket?: string;
}

/** The entity's portal waivers, newest first, with the configured maximum. @public */
export interface WaiverList {
  items: WaiverRecord[];
  /** The longest a waiver may run, in days (twelveFactor.waivers.maxDays). */
  maxDays: number;
}

/** The default of twelveFactor.waivers.maxDays. @public */
export const DEFAULT_WAIVER_MAX_DAYS = 180;

/** The longest reason accepted. @public */
export const WAIVER_REASON_MAX_LENGTH = 2000;
