import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { createTwelveFactorEngine } from '@internal/plugin-twelve-factor-node';
import express from 'express';
import request from 'supertest';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { FleetIndex } from '../fleet/FleetIndex';
import type { FleetService } from '../fleet/FleetService';
import { createRouter } from './router';
import type { ScorecardService } from './ScorecardService';
import type { WaiverService } from '../waivers/WaiverService';

/** The router over fakes of the services it calls: what it parses and answers. */
async function appWith(options: {
  fleet?: Partial<FleetService>;
  scorecards?: Partial<ScorecardService>;
  store?: Partial<ScorecardStore>;
  waivers?: Partial<WaiverService>;
}) {
  const router = await createRouter({
    logger: mockServices.logger.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    engine: createTwelveFactorEngine(),
    store: (options.store ?? {}) as ScorecardStore,
    scorecards: (options.scorecards ?? {}) as ScorecardService,
    fleet: (options.fleet ?? {}) as FleetService,
    index: {
      checkPosition: () => undefined,
      checkOrder: () => [],
    } as unknown as FleetIndex,
    waivers: (options.waivers ?? {}) as WaiverService,
  });
  return express().use(router).use(mockErrorHandler());
}

const auth = mockCredentials.user.header();

describe('the router', () => {
  it('hands the parsed fleet query to the fleet service', async () => {
    const page = jest.fn(async () => ({ items: [], total: 0 }));
    const app = await appWith({ fleet: { page: page as any } });
    const res = await request(app)
      .get(
        '/fleet?owner=group:default/a&owner=group:default/b&band=poor&areaBelow=f3-config:50&sort=area:f3-config&order=desc&limit=25',
      )
      .set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(page).toHaveBeenCalledWith(
      {
        owner: ['group:default/a', 'group:default/b'],
        band: ['poor'],
        areaBelow: { area: 'f3-config', score: 50 },
        sort: 'area:f3-config',
        order: 'desc',
        limit: 25,
      },
      expect.anything(),
    );
  });

  // The schema's messages (src/schema/openapi.yaml); openapi.test.ts has every endpoint.
  it.each([
    ['/fleet?limit=abc', /query\/limit must be integer/],
    ['/fleet?limit=-5', /query\/limit must be >= 1/],
    ['/fleet?band=great', /query\/band\/0 must be equal to one of/],
    [
      '/fleet/rollups?by=tag',
      /query\/by must be equal to one of the allowed values: owner, system, domain/,
    ],
    [
      '/fleet/trend?days=7',
      /query\/days must be equal to one of the allowed values: 30, 90, 365/,
    ],
    [
      '/fleet/report.md?lang=fr',
      /query\/lang must be equal to one of the allowed values: en, ko/,
    ],
    ['/fleet/campaigns/not-a-check', /params\/checkId must match pattern/],
    [
      '/fleet/campaigns/f3-config.secrets?perOwner=9999',
      /query\/perOwner must be <= 500/,
    ],
    [
      '/scorecards/component/default/svc/history?limit=abc',
      /query\/limit must be integer/,
    ],
    [
      '/scorecards/component/default/svc/history?limit=0',
      /query\/limit must be >= 1/,
    ],
    ['/scorecards/component/default/a%20b', /params\/name must match pattern/],
    // Past the schema, parseFleetQuery's own rules still hold.
    ['/fleet?areaBelow=f3-config:101', /areaBelow must be <area>:<score/],
    [
      '/fleet?within=user:default/jo',
      /within must be a group, system or domain/,
    ],
  ])('refuses %s with 400 and says why', async (url, message) => {
    const app = await appWith({
      store: { history: async () => [] },
      fleet: {
        page: jest.fn(),
        rollups: jest.fn(),
        trend: jest.fn(),
        services: jest.fn(),
        campaign: jest.fn(),
      } as any,
    });
    const res = await request(app).get(url).set('Authorization', auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 202 with the queue status before the first scan, and 200 with the scorecard after', async () => {
    let pending = true;
    const app = await appWith({
      scorecards: {
        get: async (ref: string) =>
          pending
            ? { entityRef: ref, status: 'queued', message: 'queued' }
            : ({ entityRef: ref, results: [] } as any),
      },
    });
    const url = '/scorecards/component/default/svc';
    const first = await request(app).get(url).set('Authorization', auth);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({
      entityRef: 'component:default/svc',
      status: 'queued',
      message: 'queued',
    });
    pending = false;
    const second = await request(app).get(url).set('Authorization', auth);
    expect(second.status).toBe(200);
    expect(second.body.results).toEqual([]);
  });

  it('downloads the CSV and the report as files', async () => {
    const app = await appWith({
      fleet: { services: async () => [] },
    });
    const csv = await request(app)
      .get('/fleet/export.csv?owner=group:default/a')
      .set('Authorization', auth);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(
      'twelve-factor-fleet.csv',
    );
    expect(csv.text.split('\n')[0]).toMatch(/^entityRef,/);
    const md = await request(app)
      .get('/fleet/report.md?lang=ko')
      .set('Authorization', auth);
    expect(md.headers['content-disposition']).toContain(
      'twelve-factor-fleet.ko.md',
    );
    expect(md.text).toContain('# 12요소');
  });
});
