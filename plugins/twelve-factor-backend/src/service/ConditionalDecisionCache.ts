import type {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import type {
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';

interface Entry {
  at: number;
  decisions: Promise<PolicyDecision[]>;
}

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * The permission service, with the conditional decisions of each caller
 * kept for a few seconds.
 *
 * A conditional decision does not depend on the resource: the policy
 * answers it from the caller's identity alone, and the conditions are then
 * applied to each entity. Opening a service's tab asks the same question
 * (may this user read entities and scorecards, and on what conditions?)
 * for every request the tab and the overview make; with the real
 * permission backend, each answer is an HTTP round trip through the whole
 * backend. Keeping it for `ttlMs` per caller takes that off the scorecard
 * GET. What is not kept: `authorize` (decisions on one resource), callers
 * without a principal, and failed requests.
 *
 * The price: a changed policy or a caller's changed group membership shows
 * in these reads up to `ttlMs` later (twelveFactor.permissionCache.ttl; 0
 * turns the cache off). Credentials are still verified on every request.
 */
export class ConditionalDecisionCache implements PermissionsService {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly permissions: PermissionsService,
    private readonly options: {
      ttlMs: number;
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  authorize: PermissionsService['authorize'] = (requests, options) =>
    this.permissions.authorize(requests, options);

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<PolicyDecision[]> {
    const caller = callerKey(options.credentials);
    if (this.options.ttlMs <= 0 || !caller)
      return this.permissions.authorizeConditional(requests, options);
    const key = `${caller}\n${requests.map(r => r.permission.name).join('\n')}`;
    const now = (this.options.now ?? Date.now)();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.options.ttlMs) return kept.decisions;
    const decisions = this.permissions.authorizeConditional(requests, options);
    this.keep(key, { at: now, decisions });
    // A failure is the caller's answer this time, never the next caller's.
    decisions.catch(() => {
      if (this.entries.get(key)?.decisions === decisions)
        this.entries.delete(key);
    });
    return decisions;
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    // Oldest first: a Map iterates in insertion order.
    for (const old of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(old);
    }
  }
}

/** Who asks: a user or a service; undefined for anonymous callers. */
function callerKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string; actor?: { subject: string } }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  if (principal.type === 'user')
    // A service acting for a user may be decided differently from the user.
    return `user:${principal.userEntityRef}\n${principal.actor?.subject ?? ''}`;
  if (principal.type === 'service') return `service:${principal.subject}`;
  return undefined;
}
