import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { ScorecardOverviewItem } from '@internal/plugin-twelve-factor-common';
import { createTwelveFactorEngine } from '@internal/plugin-twelve-factor-node';
import express from 'express';
import request from 'supertest';
import type { ScorecardStore } from '../database/ScorecardStore';
import { createRouter, PERMISSION_CHUNK } from './router';
import type { ScorecardService } from './ScorecardService';

function item(i: number): ScorecardOverviewItem {
  return {
    entityRef: `component:default/svc-${i}`,
    generatedAt: '2026-11-26T10:00:00.000Z',
    overall: i % 100,
    twelveFactor: null,
    cloudNative: null,
    areas: {},
    counts: { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 },
  };
}

describe('GET /overview', () => {
  it('asks permissions in bounded chunks and keeps exactly the allowed entities', async () => {
    const items = Array.from({ length: 2 * PERMISSION_CHUNK + 37 }, (_, i) =>
      item(i),
    );
    const chunkSizes: number[] = [];
    // Every third entity is denied, so a misaligned decision would show.
    const authorize = jest.fn(async (reqs: any[]) => {
      chunkSizes.push(reqs.length);
      return reqs.map(r => ({
        result:
          Number(r.resourceRef.split('-').pop()) % 3 === 0
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    });
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({
        authorize: authorize as any,
      }),
      engine: createTwelveFactorEngine(),
      store: {} as ScorecardStore,
      scorecards: {
        summaries: async () => items,
      } as unknown as ScorecardService,
    });
    const app = express().use(router).use(mockErrorHandler());

    const res = await request(app)
      .get('/overview')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(chunkSizes).toEqual([PERMISSION_CHUNK, PERMISSION_CHUNK, 37]);
    const expected = items.filter((_, i) => i % 3 !== 0).map(i => i.entityRef);
    expect(
      res.body.items.map((i: ScorecardOverviewItem) => i.entityRef),
    ).toEqual(expected);
    expect(
      authorize.mock.calls.flatMap(([reqs]) =>
        reqs.map((r: any) => r.permission.name),
      ),
    ).toEqual(items.map(() => 'twelve-factor.scorecard.read'));
  });

  it('asks nothing when nothing is stored', async () => {
    const authorize = jest.fn();
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({ authorize }),
      engine: createTwelveFactorEngine(),
      store: {} as ScorecardStore,
      scorecards: { summaries: async () => [] } as unknown as ScorecardService,
    });
    const res = await request(express().use(router))
      .get('/overview')
      .set('Authorization', mockCredentials.user.header());
    expect(res.body).toEqual({ items: [] });
    expect(authorize).not.toHaveBeenCalled();
  });
});
