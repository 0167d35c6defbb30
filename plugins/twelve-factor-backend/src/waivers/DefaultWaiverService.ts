import type {
  AuditorService,
  AuditorServiceEvent,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  twelveFactorScorecardReadPermission,
  twelveFactorWaiverManagePermission,
  WAIVER_REASON_MAX_LENGTH,
  type WaiverList,
  type WaiverRecord,
  type WaiverRequest,
} from '@internal/plugin-twelve-factor-common';
import { Redactor } from '@internal/plugin-twelve-factor-node';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { authorizeEntity } from '../service/access';
import { utcDay, type WaiverStore } from './WaiverStore';
import type { WaiverService } from './WaiverService';

const DAY_MS = 24 * 60 * 60 * 1000;
const TYPED = new Redactor();
const TICKET_MAX_LENGTH = 2000;

/** What the waiver service needs of the scorecard service. */
export interface WaiverScans {
  /** The entity, if the caller may see it and the plugin scores it. */
  entity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<unknown>;
  /** Scans the entity now, so that the waiver shows at once. */
  rescan(entityRef: string): Promise<unknown>;
  /** Queues a scan nobody waits for. */
  queue: { enqueue(entityRef: string): unknown };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** The request, checked field by field; a bad one is a 400 naming the field. */
export function validateWaiverRequest(
  body: unknown,
  options: { checkIds: ReadonlySet<string>; today: string; maxDays: number },
): WaiverRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('The body must be a JSON object');
  const { checkId, reason, expires, ticket } = body as Record<string, unknown>;
  if (typeof checkId !== 'string' || !options.checkIds.has(checkId))
    throw new InputError(`checkId must name a check, not '${String(checkId)}'`);
  if (typeof reason !== 'string' || !reason.trim())
    throw new InputError('reason is required: say why the gap is acceptable');
  if (reason.length > WAIVER_REASON_MAX_LENGTH)
    throw new InputError(
      `reason must be at most ${WAIVER_REASON_MAX_LENGTH} characters`,
    );
  if (
    typeof expires !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(expires) ||
    Number.isNaN(Date.parse(`${expires}T00:00:00Z`)) ||
    new Date(`${expires}T00:00:00Z`).toISOString().slice(0, 10) !== expires
  )
    throw new InputError(
      `expires must be a date (YYYY-MM-DD), not '${String(expires)}'`,
    );
  const latest = addDays(options.today, options.maxDays);
  if (expires < options.today || expires > latest)
    throw new InputError(
      `expires must be from ${options.today} to ${latest} (at most ${options.maxDays} days), not ${expires}`,
    );
  if (ticket !== undefined && ticket !== null && ticket !== '') {
    let ok = false;
    if (typeof ticket === 'string' && ticket.length <= TICKET_MAX_LENGTH) {
      try {
        ok = ['http:', 'https:'].includes(new URL(ticket).protocol);
      } catch {
        ok = false;
      }
    }
    if (!ok) throw new InputError('ticket must be an http(s) link');
  }
  // What an owner types is stored, shown and audited: a credential pasted
  // into it is hidden like any other output of the plugin.
  return {
    checkId,
    reason: TYPED.quoted(reason.trim()),
    expires,
    ...(typeof ticket === 'string' && ticket
      ? { ticket: TYPED.text(ticket) }
      : {}),
  };
}

/** The user a waiver is recorded against; services and anonymous callers cannot waive. */
function authorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef)
    throw new NotAllowedError('Only a signed-in user can manage waivers');
  return principal.userEntityRef;
}

/**
 * Who asked, for the audit event: the auditor takes the actor from the
 * request, and a call without one (an action, through the actions registry)
 * would be recorded as the plugin's own.
 */
function callerMeta(
  credentials: BackstageCredentials,
  request: Request | undefined,
): { caller?: string } {
  if (request) return {};
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  const caller = principal.userEntityRef ?? principal.subject;
  return caller ? { caller } : {};
}

/**
 * Portal waivers: permission-checked, validated, stored, audited, and
 * applied by a scan started at once. Expiries are recorded by
 * {@link DefaultWaiverService.recordExpiries}, which a scheduled task runs.
 */
export class DefaultWaiverService implements WaiverService {
  constructor(
    private readonly deps: {
      store: WaiverStore;
      permissions: PermissionsService;
      auditor: AuditorService;
      logger: LoggerService;
      scans: WaiverScans;
      checkIds: () => ReadonlySet<string>;
      maxDays: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  async list(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<WaiverList> {
    await authorizeEntity(
      this.deps.permissions,
      credentials,
      twelveFactorScorecardReadPermission,
      entityRef,
    );
    await this.deps.scans.entity(entityRef, credentials);
    return {
      items: await this.deps.store.list(entityRef, this.now()),
      maxDays: this.deps.maxDays,
    };
  }

  async create(
    entityRef: string,
    body: WaiverRequest,
    credentials: BackstageCredentials,
    options: { request?: Request } = {},
  ): Promise<WaiverRecord> {
    return this.audited(
      { actionType: 'create', entityRef },
      credentials,
      options.request,
      async event => {
        const author = await this.managerOf(entityRef, credentials);
        await this.deps.scans.entity(entityRef, credentials);
        const now = this.now();
        const request = validateWaiverRequest(body, {
          checkIds: this.deps.checkIds(),
          today: utcDay(now),
          maxDays: this.deps.maxDays,
        });
        const current = (await this.deps.store.active(entityRef, now)).find(
          w => w.checkId === request.checkId,
        );
        if (current)
          throw new ConflictError(
            `${request.checkId} is already waived until ${current.expires} (waiver ${current.id}); revoke it first`,
          );
        const id = randomUUID();
        await this.deps.store.insert({
          id,
          entityRef,
          ...request,
          author,
          createdAt: now,
        });
        const record = (await this.deps.store.get(id, now))!;
        await event.success({
          meta: {
            waiverId: id,
            checkId: record.checkId,
            expires: record.expires,
            author,
            reason: record.reason,
            ...(record.ticket ? { ticket: record.ticket } : {}),
          },
        });
        await this.applyNow(entityRef);
        return record;
      },
    );
  }

  async revoke(
    entityRef: string,
    id: string,
    credentials: BackstageCredentials,
    options: { request?: Request } = {},
  ): Promise<WaiverRecord> {
    return this.audited(
      { actionType: 'revoke', entityRef, waiverId: id },
      credentials,
      options.request,
      async event => {
        const by = await this.managerOf(entityRef, credentials);
        const now = this.now();
        const existing = await this.deps.store.get(id, now);
        if (!existing || existing.entityRef !== entityRef)
          throw new NotFoundError(`No waiver ${id} on ${entityRef}`);
        if (!(await this.deps.store.revoke(id, by, now)))
          throw new ConflictError(`Waiver ${id} is ${existing.status} already`);
        const record = (await this.deps.store.get(id, now))!;
        await event.success({
          meta: { checkId: record.checkId, revokedBy: by },
        });
        await this.applyNow(entityRef);
        return record;
      },
    );
  }

  /** The user who may manage the entity's waivers (403 for anyone else). */
  private async managerOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    await authorizeEntity(
      this.deps.permissions,
      credentials,
      twelveFactorWaiverManagePermission,
      entityRef,
    );
    return authorOf(credentials);
  }

  /**
   * One waiver change as one audit event, named after its caller: the
   * change reports its own success with what it did; a change that throws
   * (refused, invalid, conflicting) is recorded as failed with the error.
   */
  private async audited<T>(
    meta: JsonObject,
    credentials: BackstageCredentials,
    request: Request | undefined,
    change: (event: AuditorServiceEvent) => Promise<T>,
  ): Promise<T> {
    const event = await this.deps.auditor.createEvent({
      eventId: 'waiver',
      severityLevel: 'medium',
      ...(request ? { request } : {}),
      meta: { ...meta, ...callerMeta(credentials, request) },
    });
    try {
      return await change(event);
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  /**
   * Records every waiver past its last day, once across replicas (the store's
   * conditional write decides which replica audits it), and queues the
   * entity's scan, which brings the verdict back into the score and history.
   */
  async recordExpiries(): Promise<number> {
    const now = this.now();
    let recorded = 0;
    for (const waiver of await this.deps.store.lapsed(now)) {
      if (!(await this.deps.store.markExpired(waiver.id, now))) continue;
      recorded++;
      const event = await this.deps.auditor.createEvent({
        eventId: 'waiver',
        severityLevel: 'medium',
        meta: {
          actionType: 'expire',
          entityRef: waiver.entityRef,
          waiverId: waiver.id,
          checkId: waiver.checkId,
          expires: waiver.expires,
          author: waiver.author,
        },
      });
      await event.success();
      this.deps.scans.queue.enqueue(waiver.entityRef);
    }
    if (recorded)
      this.deps.logger.info(`Recorded the expiry of ${recorded} waiver(s)`);
    return recorded;
  }

  /** The waiver is stored either way; a failed scan only delays its effect. */
  private async applyNow(entityRef: string): Promise<void> {
    try {
      await this.deps.scans.rescan(entityRef);
    } catch (e) {
      this.deps.logger.warn(
        `Rescanning ${entityRef} after a waiver change failed; the next scan applies it: ${
          (e as Error).message
        }`,
      );
    }
  }
}
