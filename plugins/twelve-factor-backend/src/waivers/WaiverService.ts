import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import type {
  WaiverList,
  WaiverRecord,
  WaiverRequest,
} from '@internal/plugin-twelve-factor-common';

/**
 * Portal waivers: granted by an entity's owners (twelve-factor.waiver.manage),
 * stored in the database, recorded through the auditor, applied at the
 * entity's next scan (which create and revoke start at once).
 *
 * Every method checks the caller's permission itself, so the HTTP routes and
 * the actions share one rule.
 */
export interface WaiverService {
  /** The entity's waivers, newest first (read permission). */
  list(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<WaiverList>;
  /** Grants a waiver (waiver.manage permission); 400 on bad input. */
  create(
    entityRef: string,
    request: WaiverRequest,
    credentials: BackstageCredentials,
    options?: { request?: Request },
  ): Promise<WaiverRecord>;
  /** Revokes an active waiver (waiver.manage permission). */
  revoke(
    entityRef: string,
    id: string,
    credentials: BackstageCredentials,
    options?: { request?: Request },
  ): Promise<WaiverRecord>;
}
