import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CAMPAIGN_MAX_PER_OWNER,
  FLEET_MAX_LIMIT,
  SCORE_BANDS,
  VERDICTS,
  WAIVER_REASON_MAX_LENGTH,
} from '@internal/plugin-twelve-factor-common';
import Ajv from 'ajv';
import path from 'node:path';
import request from 'supertest';
import { TREND_DAYS } from '../fleet/FleetService';
import { twelveFactorPlugin } from '../plugin';
import { spec } from '../schema/openapi';

jest.setTimeout(120_000);

/*
 * Every endpoint of src/schema/openapi.yaml against the real plugin (with the
 * real catalog backend): bad input is a 400 whose message names the
 * parameter, good input still works and answers what the schema says.
 */

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const API = '/api/twelve-factor';
const ENTITY = '/scorecards/component/default/auto-builder-cms';
const CHECK = 'f2-dependencies.pinned';

const catalogConfig = {
  catalog: {
    rules: [{ allow: ['Component', 'System', 'Group', 'User', 'Location'] }],
    locations: [
      {
        type: 'file',
        target: path.join(EXAMPLES, 'auto-builder-cms/repo/catalog-info.yaml'),
      },
    ],
    processingInterval: { seconds: 1 },
  },
  twelveFactor: { sources: { fromFileLocations: true } },
};

type Method = 'get' | 'post' | 'delete';
const doc = spec as unknown as {
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
};

/** `GET /fleet/campaigns/{checkId}`: the schema's operations. */
const OPERATIONS = Object.entries(doc.paths).flatMap(([route, item]) =>
  Object.keys(item).map(method => `${method.toUpperCase()} ${route}`),
);

const waiver = {
  checkId: CHECK,
  reason: 'Pinned by the platform image; tracked in PLAT-1',
  expires: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
};

// [operation, method, url, body, what the message must say]
const BAD: Array<[string, Method, string, object | undefined, RegExp]> = [
  [
    'GET /health',
    'get',
    '/health?verbose=1',
    undefined,
    /Unknown query parameter 'verbose'/,
  ],
  [
    'GET /checks',
    'get',
    '/checks?lang=ko',
    undefined,
    /Unknown query parameter 'lang'/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?limit=abc',
    undefined,
    /query\/limit must be integer/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?limit=-5',
    undefined,
    /query\/limit must be >= 1/,
  ],
  [
    'GET /fleet',
    'get',
    `/fleet?limit=${FLEET_MAX_LIMIT + 1}`,
    undefined,
    /query\/limit must be <= 500/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?offset=-1',
    undefined,
    /query\/offset must be >= 0/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?pageSize=0',
    undefined,
    /Unknown query parameter 'pageSize'/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?sort=bogus',
    undefined,
    /query\/sort must match pattern/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?band=good,x',
    undefined,
    /query\/band\/1 must be equal to one of the allowed values: good, fair, poor, none/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?order=up',
    undefined,
    /query\/order must be equal to one of the allowed values: asc, desc/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?groupBy=tag',
    undefined,
    /query\/groupBy must be equal to one of the allowed values/,
  ],
  [
    'GET /fleet',
    'get',
    `/fleet?check=${CHECK}&verdict=maybe`,
    undefined,
    /query\/verdict\/0 must be equal to one of the allowed values/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?check=nodot',
    undefined,
    /query\/check must match pattern/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?areaBelow=f3-config',
    undefined,
    /query\/areaBelow must match pattern/,
  ],
  // The schema's shape holds; parseFleetQuery's rules come next.
  [
    'GET /fleet',
    'get',
    '/fleet?areaBelow=f3-config:101',
    undefined,
    /areaBelow must be <area>:<score from 0 to 100>, not 'f3-config:101'/,
  ],
  [
    'GET /fleet',
    'get',
    '/fleet?within=user:default/jo',
    undefined,
    /within must be a group, system or domain ref/,
  ],
  [
    'GET /fleet/rollups',
    'get',
    '/fleet/rollups?by=tag',
    undefined,
    /query\/by must be equal to one of the allowed values: owner, system, domain/,
  ],
  [
    'GET /fleet/rollups',
    'get',
    '/fleet/rollups?sort=name',
    undefined,
    /Unknown query parameter 'sort'/,
  ],
  [
    'GET /fleet/trend',
    'get',
    '/fleet/trend?days=7',
    undefined,
    /query\/days must be equal to one of the allowed values: 30, 90, 365/,
  ],
  [
    'GET /fleet/trend',
    'get',
    '/fleet/trend?groupBy=team',
    undefined,
    /query\/groupBy must be equal to one of the allowed values/,
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    'get',
    '/fleet/campaigns/not-a-check',
    undefined,
    /params\/checkId must match pattern/,
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    'get',
    `/fleet/campaigns/${CHECK}?perOwner=-1`,
    undefined,
    /query\/perOwner must be >= 0/,
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    'get',
    `/fleet/campaigns/${CHECK}?perOwner=${CAMPAIGN_MAX_PER_OWNER + 1}`,
    undefined,
    /query\/perOwner must be <= 500/,
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    'get',
    `/fleet/campaigns/${CHECK}?days=60`,
    undefined,
    /query\/days must be equal to one of the allowed values/,
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    'get',
    `/fleet/campaigns/${CHECK}?check=${CHECK}`,
    undefined,
    /Unknown query parameter 'check'/,
  ],
  [
    'GET /fleet/export.csv',
    'get',
    '/fleet/export.csv?band=great',
    undefined,
    /query\/band\/0 must be equal to one of the allowed values/,
  ],
  [
    'GET /fleet/export.csv',
    'get',
    '/fleet/export.csv?limit=10',
    undefined,
    /Unknown query parameter 'limit'/,
  ],
  [
    'GET /fleet/report.md',
    'get',
    '/fleet/report.md?lang=fr',
    undefined,
    /query\/lang must be equal to one of the allowed values: en, ko/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}',
    'get',
    '/scorecards/component/default/a%20b',
    undefined,
    /params\/name must match pattern/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}',
    'get',
    '/scorecards/comp%2Bonent/default/auto-builder-cms',
    undefined,
    /params\/kind must match pattern/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/refresh',
    'post',
    '/scorecards/component/de%20fault/auto-builder-cms/refresh',
    undefined,
    /params\/namespace must match pattern/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}/history',
    'get',
    `${ENTITY}/history?limit=abc`,
    undefined,
    /query\/limit must be integer/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}/history',
    'get',
    `${ENTITY}/history?limit=-5`,
    undefined,
    /query\/limit must be >= 1/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}/history',
    'get',
    `${ENTITY}/history?limit=501`,
    undefined,
    /query\/limit must be <= 500/,
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}/waivers',
    'get',
    '/scorecards/component/default/a%20b/waivers',
    undefined,
    /params\/name must match pattern/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { checkId: waiver.checkId, expires: waiver.expires },
    /request\/body must have required property 'reason'/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, reason: '' },
    /request\/body\/reason must NOT have fewer than 1 characters/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, reason: 'x'.repeat(WAIVER_REASON_MAX_LENGTH + 1) },
    /request\/body\/reason must NOT have more than 2000 characters/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, expires: '30.01.2030' },
    /request\/body\/expires must match format "date"/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, expires: 'next week' },
    /request\/body\/expires must match format "date"/,
  ],
  // A date's shape is the schema's; whether the day exists, the service's.
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, expires: '2030-02-30' },
    /expires must be a date/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, ticket: 'ftp://tickets/1' },
    /request\/body\/ticket must match pattern/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, checkId: 'nodot' },
    /request\/body\/checkId must match pattern/,
  ],
  [
    'POST /scorecards/{kind}/{namespace}/{name}/waivers',
    'post',
    `${ENTITY}/waivers`,
    { ...waiver, approvedBy: 'me' },
    /request\/body must NOT have additional properties/,
  ],
  [
    'DELETE /scorecards/{kind}/{namespace}/{name}/waivers/{id}',
    'delete',
    `${ENTITY}/waivers/no%20such%20id`,
    undefined,
    /params\/id must match pattern/,
  ],
];

// [operation, url, status, what must hold of the answer]
const GOOD: Array<[string, string, number, (res: request.Response) => void]> = [
  ['GET /health', '/health', 200, res => expect(res.body.status).toBe('ok')],
  [
    'GET /checks',
    '/checks',
    200,
    res => expect(res.body.checks.length).toBeGreaterThanOrEqual(92),
  ],
  [
    'GET /fleet',
    // Unencoded refs (':' and '/'), a comma list and a repeated key, as links have them.
    '/fleet?owner=group:default/platform-team&band=good,fair&band=poor&sort=area:f3-config&order=desc&limit=10&offset=0',
    200,
    res =>
      expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/auto-builder-cms',
      ]),
  ],
  [
    'GET /fleet/rollups',
    '/fleet/rollups?by=system',
    200,
    res => expect(res.body.by).toBe('system'),
  ],
  [
    'GET /fleet/trend',
    '/fleet/trend?days=30&groupBy=owner',
    200,
    res => expect(res.body.days).toBe(30),
  ],
  [
    'GET /fleet/campaigns/{checkId}',
    `/fleet/campaigns/${CHECK}?verdict=partial&perOwner=5&days=365`,
    200,
    res =>
      expect(res.body).toMatchObject({
        checkId: CHECK,
        verdicts: ['partial'],
        total: 1,
      }),
  ],
  [
    'GET /fleet/export.csv',
    `/fleet/export.csv?check=${CHECK}&verdict=partial`,
    200,
    res => expect(res.text).toContain('component:default/auto-builder-cms'),
  ],
  [
    'GET /fleet/report.md',
    '/fleet/report.md?lang=ko',
    200,
    res => expect(res.text).toContain('# 12요소'),
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}',
    ENTITY,
    200,
    res => expect(res.body.results).toHaveLength(92),
  ],
  [
    'GET /scorecards/{kind}/{namespace}/{name}/history',
    `${ENTITY}/history?limit=5`,
    200,
    res => expect(res.body.items.length).toBeGreaterThanOrEqual(1),
  ],
];

/** The schema of an operation's JSON answer with one status, to hold real answers to. */
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'openapi', components: doc.components });
function answerSchema(operation: string, status: number) {
  const [method, route] = operation.split(' ');
  let response = doc.paths[route][method.toLowerCase()].responses[status];
  if (response.$ref)
    response = doc.components.responses[response.$ref.split('/').pop()!];
  const schema = response.content?.['application/json']?.schema;
  return schema && ajv.compile({ $ref: `openapi${schema.$ref}` });
}

function send(server: any, method: Method, url: string, body?: object) {
  const req = request(server)[method](`${API}${url}`);
  return body ? req.send(body) : req;
}

describe('the HTTP API, validated by src/schema/openapi.yaml', () => {
  let server: any;

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: catalogConfig }),
      ],
    }));
    // Scored once and in the fleet index (which catches up within a second),
    // so that the good requests have something to answer with.
    for (let i = 0; i < 300; i++) {
      const scored = await request(server).get(
        `${API}/fleet?check=${CHECK}&verdict=partial`,
      );
      if (scored.status === 200 && scored.body.total === 1) return;
      await request(server).get(`${API}${ENTITY}`);
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('auto-builder-cms was never scored');
  });

  it('has a bad and a good request for every endpoint', () => {
    expect(new Set(BAD.map(([operation]) => operation))).toEqual(
      new Set(OPERATIONS),
    );
    const good = new Set([
      ...GOOD.map(([operation]) => operation),
      'POST /scorecards/{kind}/{namespace}/{name}/refresh',
      'GET /scorecards/{kind}/{namespace}/{name}/waivers',
      'POST /scorecards/{kind}/{namespace}/{name}/waivers',
      'DELETE /scorecards/{kind}/{namespace}/{name}/waivers/{id}',
    ]);
    expect(good).toEqual(new Set(OPERATIONS));
  });

  it('allows what the code allows: periods, page size, bands, verdicts, reason length', () => {
    const parameter = (name: string) => doc.components.parameters[name].schema;
    expect(parameter('days').enum).toEqual([...TREND_DAYS]);
    expect(parameter('limit').maximum).toBe(FLEET_MAX_LIMIT);
    expect(doc.components.schemas.ScoreBand.enum).toEqual([...SCORE_BANDS]);
    expect(doc.components.schemas.Verdict.enum).toEqual([...VERDICTS]);
    expect(
      doc.components.schemas.WaiverRequest.properties.reason.maxLength,
    ).toBe(WAIVER_REASON_MAX_LENGTH);
    const perOwner = doc.paths[
      '/fleet/campaigns/{checkId}'
    ].get.parameters.find((p: any) => p.name === 'perOwner');
    expect(perOwner.schema.maximum).toBe(CAMPAIGN_MAX_PER_OWNER);
  });

  it('serves the schema it validates with at /openapi.json', async () => {
    const res = await request(server).get(`${API}/openapi.json`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      Object.keys(doc.paths).map(route => `${API}${route}`),
    );
  });

  it.each(BAD)(
    '%s: %s %s is a 400 that names the parameter',
    async (_operation, method, url, body, message) => {
      const res = await send(server, method, url, body);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual(
        expect.objectContaining({ name: 'InputError' }),
      );
      expect(res.body.error.message).toMatch(message);
    },
  );

  it.each(GOOD)(
    '%s: GET %s answers %i as the schema says',
    async (operation, url, status, check) => {
      const res = await send(server, 'get', url);
      expect(res.status).toBe(status);
      check(res);
      const validate = answerSchema(operation, status);
      if (validate && !validate(res.body))
        throw new Error(ajv.errorsText(validate.errors));
    },
  );

  it('POST …/refresh rescans and answers the scorecard as the schema says', async () => {
    const res = await send(server, 'post', `${ENTITY}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/auto-builder-cms');
    const validate = answerSchema(
      'POST /scorecards/{kind}/{namespace}/{name}/refresh',
      200,
    )!;
    expect(validate(res.body) || ajv.errorsText(validate.errors)).toBe(true);
    // The messages it validated include nested ones and lists (MessageParam's recursion).
    const json = JSON.stringify(res.body);
    expect(json).toMatch(/"params":\{[^{}]*"\w+":\{"id":/);
    expect(json).toMatch(/"params":\{[^{}]*"\w+":\{"list":/);
    // …and the schema refuses a malformed one.
    const broken = structuredClone(res.body);
    broken.results[0].summaryMsg = [{ id: 'x', params: { a: { b: 1 } } }];
    expect(validate(broken)).toBe(false);
  });

  it('grants, lists and revokes a waiver through the validated routes', async () => {
    const created = await send(server, 'post', `${ENTITY}/waivers`, {
      ...waiver,
      ticket: 'https://tickets.example/PLAT-1',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ checkId: CHECK, status: 'active' });
    const asRecord = answerSchema(
      'POST /scorecards/{kind}/{namespace}/{name}/waivers',
      201,
    )!;
    expect(asRecord(created.body) || ajv.errorsText(asRecord.errors)).toBe(
      true,
    );

    const listed = await send(server, 'get', `${ENTITY}/waivers`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((w: any) => w.id)).toContain(created.body.id);
    const asList = answerSchema(
      'GET /scorecards/{kind}/{namespace}/{name}/waivers',
      200,
    )!;
    expect(asList(listed.body) || ajv.errorsText(asList.errors)).toBe(true);

    const revoked = await send(
      server,
      'delete',
      `${ENTITY}/waivers/${created.body.id}`,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
  });
});
