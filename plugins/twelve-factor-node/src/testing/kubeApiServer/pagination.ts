import { compareKeys, storageKey } from './store';
import { KubeObject } from './types';

/** A bad `limit` or `continue`; answered with 400 BadRequest. */
export class PaginationError extends Error {}

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  start: string;
}

/**
 * Encodes where the next page starts. The shape follows the real server's
 * token (base64 of {"v","rv","start"} with the key to resume from plus a NUL,
 * so that the resumed page starts strictly after the last item served);
 * clients must treat it as opaque either way.
 */
export function encodeContinue(
  resourceVersion: string,
  lastKey: string,
): string {
  const token: ContinueToken = {
    v: 'meta.k8s.io/v1',
    rv: Number(resourceVersion),
    start: `${lastKey}\u0000`,
  };
  return Buffer.from(JSON.stringify(token)).toString('base64');
}

export function decodeContinue(raw: string): ContinueToken {
  try {
    const token = JSON.parse(
      Buffer.from(raw, 'base64').toString('utf8'),
    ) as ContinueToken;
    if (
      token.v !== 'meta.k8s.io/v1' ||
      typeof token.start !== 'string' ||
      typeof token.rv !== 'number'
    ) {
      throw new Error('unexpected token content');
    }
    return token;
  } catch (e) {
    throw new PaginationError(
      `continue key is not valid: ${(e as Error).message}`,
    );
  }
}

export interface Page {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/**
 * Cuts one page out of a list already filtered and sorted by storage key.
 * Like the real server, `remainingItemCount` is only reported when no label
 * or field selector was applied (with one, it cannot know the count without
 * evaluating the rest), and `continue` only when more items follow.
 */
export function paginate(
  sorted: KubeObject[],
  options: {
    limit?: string;
    continue?: string;
    resourceVersion: string;
    filtered: boolean;
  },
): Page {
  let resourceVersion = options.resourceVersion;
  let items = sorted;
  if (options.continue) {
    const token = decodeContinue(options.continue);
    // A continued list is a snapshot at the first page's resourceVersion.
    resourceVersion = String(token.rv);
    items = items.filter(o => compareKeys(storageKey(o), token.start) >= 0);
  }
  const limit =
    options.limit === undefined || options.limit === ''
      ? 0
      : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new PaginationError(
      `limit must be a non-negative integer, got "${options.limit}"`,
    );
  }
  if (limit === 0 || items.length <= limit) {
    return { items, resourceVersion };
  }
  const page = items.slice(0, limit);
  const remaining = items.length - limit;
  return {
    items: page,
    resourceVersion,
    continue: encodeContinue(
      resourceVersion,
      storageKey(page[page.length - 1]),
    ),
    remainingItemCount: options.filtered ? undefined : remaining,
  };
}
