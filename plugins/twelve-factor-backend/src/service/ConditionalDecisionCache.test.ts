import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ConditionalDecisionCache } from './ConditionalDecisionCache';

const read = createPermission({
  name: 'test.read',
  attributes: { action: 'read' },
  resourceType: 'test-resource',
});
const other = createPermission({
  name: 'test.other',
  attributes: { action: 'read' },
  resourceType: 'test-resource',
});

/** A permission service that answers from `answer` and records who asked. */
function counting(answer: () => Promise<PolicyDecision>) {
  const asked: string[] = [];
  const service: PermissionsService = {
    authorize: async requests => {
      asked.push('authorize');
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
    authorizeConditional: async (requests, { credentials }) => {
      asked.push(JSON.stringify(credentials.principal));
      return Promise.all(requests.map(() => answer()));
    },
  };
  return { service, asked };
}

describe('ConditionalDecisionCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('asks once per caller and permissions within the ttl, and again after it', async () => {
    const { service, asked } = counting(async () => ({
      result: AuthorizeResult.DENY,
    }));
    const cache = new ConditionalDecisionCache(service, {
      ttlMs: 10_000,
      now: clock,
    });
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');
    const ask = (credentials: BackstageCredentials, permissions = [read]) =>
      cache.authorizeConditional(
        permissions.map(permission => ({ permission })),
        { credentials },
      );

    expect(await ask(alice)).toEqual([{ result: AuthorizeResult.DENY }]);
    await ask(alice);
    expect(asked).toHaveLength(1);
    await ask(bob);
    await ask(alice, [read, other]);
    expect(asked).toHaveLength(3);

    now += 9_999;
    await ask(alice);
    expect(asked).toHaveLength(3);
    now += 1;
    await ask(alice);
    expect(asked).toHaveLength(4);
  });

  it('shares one request between concurrent reads of one caller', async () => {
    const { service, asked } = counting(async () => ({
      result: AuthorizeResult.ALLOW,
    }));
    const cache = new ConditionalDecisionCache(service, {
      ttlMs: 10_000,
      now: clock,
    });
    const credentials = mockCredentials.user();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        cache.authorizeConditional([{ permission: read }], { credentials }),
      ),
    );
    expect(asked).toHaveLength(1);
  });

  it('keeps no failure, no anonymous caller, no resource decision, and nothing with ttl 0', async () => {
    let fail = true;
    const { service, asked } = counting(async () => {
      if (fail) throw new Error('permission backend down');
      return { result: AuthorizeResult.ALLOW };
    });
    const cache = new ConditionalDecisionCache(service, {
      ttlMs: 10_000,
      now: clock,
    });
    const credentials = mockCredentials.user();
    const ask = (c: BackstageCredentials = credentials) =>
      cache.authorizeConditional([{ permission: read }], { credentials: c });
    await expect(ask()).rejects.toThrow('permission backend down');
    fail = false;
    expect(await ask()).toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(asked).toHaveLength(2);

    await ask(mockCredentials.none());
    await ask(mockCredentials.none());
    expect(asked).toHaveLength(4);

    await cache.authorize([{ permission: read, resourceRef: 'test:a' }], {
      credentials,
    });
    await cache.authorize([{ permission: read, resourceRef: 'test:a' }], {
      credentials,
    });
    expect(asked.filter(a => a === 'authorize')).toHaveLength(2);

    const off = new ConditionalDecisionCache(service, { ttlMs: 0 });
    await off.authorizeConditional([{ permission: read }], { credentials });
    await off.authorizeConditional([{ permission: read }], { credentials });
    expect(asked).toHaveLength(8);
  });

  it('tells a service acting for a user from the user, and services apart', async () => {
    const { service, asked } = counting(async () => ({
      result: AuthorizeResult.ALLOW,
    }));
    const cache = new ConditionalDecisionCache(service, {
      ttlMs: 10_000,
      now: clock,
    });
    const ask = (credentials: BackstageCredentials) =>
      cache.authorizeConditional([{ permission: read }], { credentials });
    await ask(mockCredentials.user('user:default/alice'));
    await ask(
      mockCredentials.user('user:default/alice', {
        actor: { subject: 'plugin:mcp-actions' },
      }),
    );
    await ask(mockCredentials.service('plugin:a'));
    await ask(mockCredentials.service('plugin:b'));
    await ask(mockCredentials.service('plugin:a'));
    expect(asked).toHaveLength(4);
  });

  it('keeps at most maxEntries callers, dropping the oldest', async () => {
    const { service, asked } = counting(async () => ({
      result: AuthorizeResult.ALLOW,
    }));
    const cache = new ConditionalDecisionCache(service, {
      ttlMs: 10_000,
      maxEntries: 2,
      now: clock,
    });
    const ask = (name: string) =>
      cache.authorizeConditional([{ permission: read }], {
        credentials: mockCredentials.user(`user:default/${name}`),
      });
    await ask('a');
    await ask('b');
    await ask('c');
    await ask('c');
    await ask('b');
    expect(asked).toHaveLength(3);
    await ask('a');
    expect(asked).toHaveLength(4);
  });
});
