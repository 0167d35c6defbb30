/*
 * The authorisation table of the README, row by row: every endpoint and
 * action, the permission it needs, and a caller without it who is refused
 * (or, for the fleet, shown nothing). The same calls by a permitted caller
 * succeed, so a refusal is the permission's doing, not a broken route.
 * The actions' rows are proven through the MCP backend in
 * src/actions/actions.test.ts; this file checks that the README lists them.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { twelveFactorPlugin } from './plugin';

jest.setTimeout(120_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const README = path.resolve(__dirname, '../../../README.md');
const API = '/api/twelve-factor';
const SERVICE = `${API}/scorecards/component/default/auto-builder-cms`;
const ALLOWED = 'user:default/alice.meyer';
const DENIED = 'user:default/chen.li';

type Outcome = (res: request.Response) => void;
const forbidden: Outcome = res => expect(res.status).toBe(403);
const unauthenticated: Outcome = res => expect(res.status).toBe(401);
const noServices: Outcome = res => {
  expect(res.status).toBe(200);
  const body = res.body;
  if ('total' in body) expect(body.total).toBe(0);
  if (Array.isArray(body.items)) expect(body.items).toHaveLength(0);
  if (Array.isArray(body.points))
    for (const p of body.points) expect(p.services).toBe(0);
  if (Array.isArray(body.owners)) expect(body.owners).toHaveLength(0);
};
const noCsvRows: Outcome = res => {
  expect(res.status).toBe(200);
  expect(res.text.trim().split('\n')).toHaveLength(1);
  expect(res.text).not.toContain('auto-builder-cms');
};
const noReportRows: Outcome = res => {
  expect(res.status).toBe(200);
  expect(res.text).not.toContain('auto-builder-cms');
  expect(res.text).not.toContain('platform-team');
};

interface Row {
  /** As the README's table writes it. */
  endpoint: string;
  permission: string;
  method: 'get' | 'post' | 'delete';
  url: string;
  body?: object;
  /** The caller who is refused: a user without the permission, or nobody. */
  as: 'denied' | 'anonymous';
  refused: Outcome;
}

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const ROWS: Row[] = [
  {
    endpoint: 'GET /openapi.json',
    permission: 'a signed-in caller',
    method: 'get',
    url: `${API}/openapi.json`,
    as: 'anonymous',
    refused: unauthenticated,
  },
  {
    endpoint: 'GET /checks',
    permission: 'a signed-in caller',
    method: 'get',
    url: `${API}/checks`,
    as: 'anonymous',
    refused: unauthenticated,
  },
  ...(
    [
      ['GET /fleet', '/fleet', noServices],
      ['GET /fleet/rollups', '/fleet/rollups?by=owner', noServices],
      ['GET /fleet/trend', '/fleet/trend?days=30', noServices],
      [
        'GET /fleet/campaigns/{checkId}',
        '/fleet/campaigns/f2-dependencies.pinned',
        noServices,
      ],
      ['GET /fleet/export.csv', '/fleet/export.csv', noCsvRows],
      ['GET /fleet/report.md', '/fleet/report.md', noReportRows],
    ] as const
  ).map(
    ([endpoint, url, refused]): Row => ({
      endpoint,
      permission:
        'twelve-factor.scorecard.read and catalog.entity.read, per service',
      method: 'get',
      url: `${API}${url}`,
      as: 'denied',
      refused,
    }),
  ),
  {
    endpoint: 'GET /scorecards/{kind}/{namespace}/{name}',
    permission: 'twelve-factor.scorecard.read',
    method: 'get',
    url: SERVICE,
    as: 'denied',
    refused: forbidden,
  },
  {
    endpoint: 'POST /scorecards/{kind}/{namespace}/{name}/refresh',
    permission: 'twelve-factor.scorecard.refresh',
    method: 'post',
    url: `${SERVICE}/refresh`,
    as: 'denied',
    refused: forbidden,
  },
  {
    endpoint: 'GET /scorecards/{kind}/{namespace}/{name}/history',
    permission: 'twelve-factor.scorecard.read',
    method: 'get',
    url: `${SERVICE}/history`,
    as: 'denied',
    refused: forbidden,
  },
  {
    endpoint: 'GET /scorecards/{kind}/{namespace}/{name}/waivers',
    permission: 'twelve-factor.scorecard.read',
    method: 'get',
    url: `${SERVICE}/waivers`,
    as: 'denied',
    refused: forbidden,
  },
  {
    endpoint: 'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    permission: 'twelve-factor.waiver.manage',
    method: 'post',
    url: `${SERVICE}/waivers`,
    body: {
      checkId: 'f8-concurrency.hpa',
      reason: 'One replica by design',
      expires: day(30),
    },
    as: 'denied',
    refused: forbidden,
  },
  {
    endpoint: 'DELETE /scorecards/{kind}/{namespace}/{name}/waivers/{id}',
    permission: 'twelve-factor.waiver.manage',
    method: 'delete',
    // The permitted call below creates the waiver this row revokes.
    url: `${SERVICE}/waivers/:created`,
    as: 'denied',
    refused: forbidden,
  },
];

const ACTIONS = [
  ['get-scorecard-summary', 'twelve-factor.scorecard.read'],
  ['list-gaps', 'twelve-factor.scorecard.read'],
  ['explain-check', 'twelve-factor.scorecard.read'],
  ['request-rescan', 'twelve-factor.scorecard.refresh'],
  ['create-waiver', 'twelve-factor.waiver.manage'],
];

/** The rows of the README's authorisation table: first cell → second cell. */
function readmeTable(): Map<string, string> {
  const text = fs.readFileSync(README, 'utf8');
  const start = text.indexOf('## Authorisation');
  expect(start).toBeGreaterThan(-1);
  const section = text.slice(start, text.indexOf('\n## ', start + 1));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    if (
      cells.length < 4 ||
      /^-+$/.test(cells[1]) ||
      cells[1] === 'Endpoint or action'
    )
      continue;
    rows.set(cells[1].replace(/`/g, ''), cells[2].replace(/`/g, ''));
  }
  return rows;
}

describe('authorisation', () => {
  it('the README lists every endpoint and action with its permission', () => {
    const table = readmeTable();
    const expected = new Map<string, string>([
      ['GET /health', 'none (unauthenticated)'],
      ...ROWS.map(r => [r.endpoint, r.permission] as [string, string]),
      ...ACTIONS.map(
        ([name, permission]) =>
          [`action twelve-factor.${name}`, permission] as [string, string],
      ),
    ]);
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(expected));
  });

  it('refuses each endpoint to a caller without its permission, and serves it to one with it', async () => {
    const deniedTwelveFactor = (credentials: any, name: string) =>
      name.startsWith('twelve-factor.') &&
      credentials.principal?.userEntityRef === DENIED
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(
                    EXAMPLES,
                    'auto-builder-cms/repo/catalog-info.yaml',
                  ),
                },
              ],
              processingInterval: { seconds: 1 },
            },
            twelveFactor: { sources: { fromFileLocations: true } },
          },
        }),
        mockServices.permissions.mock({
          authorize: async (reqs, { credentials }) =>
            reqs.map(r => ({
              result: deniedTwelveFactor(credentials, r.permission.name),
            })),
          authorizeConditional: async (reqs, { credentials }) =>
            reqs.map(r => ({
              result: deniedTwelveFactor(credentials, r.permission.name),
            })),
        }).factory,
      ],
    });
    const as = (who: string) => mockCredentials.user.header(who);

    // The health check needs nobody.
    for (const open of ['/health'])
      expect(
        (
          await request(server)
            .get(`${API}${open}`)
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(200);

    // A scored service, so that an empty fleet answer means hidden.
    let scored = false;
    for (let i = 0; i < 200 && !scored; i++) {
      const res = await request(server)
        .get(SERVICE)
        .set('Authorization', as(ALLOWED));
      scored = res.status === 200;
      if (!scored) await new Promise(r => setTimeout(r, 200));
    }
    expect(scored).toBe(true);
    let seen = 0;
    for (let i = 0; i < 100 && seen === 0; i++) {
      const page = await request(server)
        .get(`${API}/fleet`)
        .set('Authorization', as(ALLOWED));
      seen = page.body.total;
      if (seen === 0) await new Promise(r => setTimeout(r, 200));
    }
    expect(seen).toBe(1);

    const created = await request(server)
      .post(`${SERVICE}/waivers`)
      .set('Authorization', as(ALLOWED))
      .send({
        checkId: 'f2-dependencies.pinned',
        reason: 'For the revocation row',
        expires: day(10),
      });
    expect(created.status).toBe(201);

    const call = (row: Row, who?: string) => {
      const url = row.url.replace(':created', created.body.id);
      // Without a header the test backend signs the caller in as a default
      // user; the "none" header is how it sends a request without a token.
      const req = request(server)
        [row.method](url)
        .set('Authorization', who ? as(who) : mockCredentials.none.header());
      return row.body ? req.send(row.body) : req;
    };
    for (const row of ROWS) {
      const refused = await call(row, row.as === 'denied' ? DENIED : undefined);
      try {
        row.refused(refused);
      } catch (e) {
        throw new Error(
          `${row.endpoint} as ${row.as}: ${(e as Error).message}\n${
            refused.status
          } ${refused.text.slice(0, 300)}`,
        );
      }
      const served = await call(row, ALLOWED);
      expect([row.endpoint, served.status < 300]).toEqual([row.endpoint, true]);
    }
  });
});
