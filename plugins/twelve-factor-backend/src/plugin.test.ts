import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import fs from 'node:fs';
import os from 'node:os';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { twelveFactorChecksExtensionPoint } from '@internal/plugin-twelve-factor-node';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { twelveFactorPlugin } from './plugin';

jest.setTimeout(60_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** The real catalog backend, reading the example's catalog file. */
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

async function waitForEntity(server: any, ref: string) {
  const [kind, rest] = ref.split(':');
  const [ns, name] = rest.split('/');
  for (let i = 0; i < 100; i++) {
    const res = await request(server).get(
      `/api/catalog/entities/by-name/${kind}/${ns}/${name}`,
    );
    if (res.status === 200) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`catalog never produced ${ref}`);
}

/** GET answers 202 until the queued first scan is stored; then the scorecard. */
async function waitForScorecard(server: any, name: string) {
  for (let i = 0; i < 150; i++) {
    const res = await request(server).get(
      `/api/twelve-factor/scorecards/component/default/${name}`,
    );
    if (res.status === 200) return res;
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      entityRef: `component:default/${name}`,
      status: expect.stringMatching(/^(queued|scanning)$/),
    });
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`${name} was never scored`);
}

describe('twelve-factor backend plugin', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('scores a catalog entity from its repository over HTTP, stores it, and serves it again', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: catalogConfig }),
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');

    // Reading queues the first scan instead of running it in the request.
    const res = await waitForScorecard(server, 'auto-builder-cms');
    const card: Scorecard = res.body;
    expect(card.entityRef).toBe('component:default/auto-builder-cms');
    expect(card.results).toHaveLength(92);
    const verdict = (id: string) =>
      card.results.find(r => r.checkId === id)?.verdict;
    expect(verdict('f2-dependencies.pinned')).toBe('partial');
    expect(verdict('cn-containerization.non-root-user')).toBe('pass');
    expect(card.areas.find(a => a.areaId === 'f2-dependencies')?.score).toBe(
      75,
    );

    // Served from the store: same generatedAt.
    const again = await request(server).get(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
    );
    expect(again.body.generatedAt).toBe(card.generatedAt);

    const refreshed = await request(server).post(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms/refresh',
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.generatedAt >= card.generatedAt).toBe(true);

    // The same result again: the stored scan is re-stamped, not stored twice.
    const history = await request(server).get(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms/history',
    );
    expect(history.body.items).toEqual([
      expect.objectContaining({
        generatedAt: refreshed.body.generatedAt,
        overall: card.overall,
      }),
    ]);
    const servedAgain = await request(server).get(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
    );
    expect(servedAgain.body.generatedAt).toBe(refreshed.body.generatedAt);

    // The fleet lists the latest scan, summarised, with the owner from the catalog.
    const fleet = await request(server).get('/api/twelve-factor/fleet');
    expect(fleet.status).toBe(200);
    expect(fleet.body.total).toBe(1);
    expect(fleet.body.items[0]).toMatchObject({
      entityRef: 'component:default/auto-builder-cms',
      status: 'scored',
      owner: 'group:default/platform-team',
      generatedAt: refreshed.body.generatedAt,
      overall: refreshed.body.overall,
      areas: expect.objectContaining({ 'f2-dependencies': 75 }),
    });
    expect(fleet.body.items[0]).not.toHaveProperty('results');
    const counts = fleet.body.items[0].counts;
    expect(
      Object.values(counts).reduce((a: number, b) => a + (b as number), 0),
    ).toBe(92);

    const checks = await request(server).get('/api/twelve-factor/checks');
    expect(checks.body.checks).toHaveLength(92);
    expect(checks.body.areas).toHaveLength(19);
  });

  it('answers 404 for an unknown entity and 400 for a malformed ref', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: catalogConfig }),
      ],
    });
    expect(
      (
        await request(server).get(
          '/api/twelve-factor/scorecards/component/default/nope',
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server).get(
          '/api/twelve-factor/scorecards/component/default/a%20b',
        )
      ).status,
    ).toBe(400);
  });

  it('refuses unauthenticated requests and denied permissions', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: catalogConfig }),
        mockServices.permissions.mock({
          authorize: async reqs =>
            reqs.map(() => ({ result: AuthorizeResult.DENY })),
        }).factory,
      ],
    });
    const anonymous = await request(server)
      .get('/api/twelve-factor/scorecards/component/default/auto-builder-cms')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const denied = await request(server)
      .get('/api/twelve-factor/scorecards/component/default/auto-builder-cms')
      .set('Authorization', mockCredentials.user.header());
    expect(denied.status).toBe(403);
  });

  it('lists in the fleet only the entities the caller may read, from one conditional decision', async () => {
    let ownedByPlatform = false;
    const asked: string[][] = [];
    const twoServices = {
      ...catalogConfig,
      catalog: {
        ...catalogConfig.catalog,
        locations: [
          ...catalogConfig.catalog.locations,
          {
            type: 'file',
            target: path.join(EXAMPLES, 'payments-api/repo/catalog-info.yaml'),
          },
        ],
      },
      // The policy's answer changes below: every read asks it (no reuse).
      twelveFactor: {
        ...catalogConfig.twelveFactor,
        permissionCache: { ttl: { seconds: 0 } },
      },
    };
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: twoServices }),
        mockServices.permissions.mock({
          authorize: async reqs =>
            reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
          authorizeConditional: async reqs => {
            asked.push(reqs.map(r => r.permission.name));
            return reqs.map(r =>
              ownedByPlatform &&
              r.permission.name === 'twelve-factor.scorecard.read'
                ? createCatalogConditionalDecision(
                    r.permission as any,
                    catalogConditions.isEntityOwner({
                      claims: ['group:default/platform-team'],
                    }),
                  )
                : { result: AuthorizeResult.ALLOW },
            );
          },
        }).factory,
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');
    await waitForEntity(server, 'component:default/payments-api');
    for (const name of ['auto-builder-cms', 'payments-api'])
      await waitForScorecard(server, name);
    const both = await request(server).get('/api/twelve-factor/fleet');
    expect(both.body.items.map((i: any) => [i.entityRef, i.owner])).toEqual([
      ['component:default/auto-builder-cms', 'group:default/platform-team'],
      ['component:default/payments-api', 'group:default/payments-team'],
    ]);

    ownedByPlatform = true;
    asked.length = 0;
    const fleet = await request(server).get('/api/twelve-factor/fleet');
    expect(fleet.status).toBe(200);
    expect(fleet.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/auto-builder-cms',
    ]);
    // One permission request for the page, whatever the fleet's size.
    expect(
      asked.filter(a => a.includes('twelve-factor.scorecard.read')),
    ).toEqual([['catalog.entity.read', 'twelve-factor.scorecard.read']]);
    const anonymous = await request(server)
      .get('/api/twelve-factor/fleet')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it('scores only what the entity filter matches: a Group, a System or a component outside the filter is refused with 400, stores nothing, and leaves the fleet unchanged', async () => {
    const knex = await databases.init('SQLITE_3');
    const countRows = async () => {
      const out: Record<string, number> = {};
      for (const table of [
        'twelve_factor_scorecards',
        'twelve_factor_entities',
        'twelve_factor_latest_results',
      ])
        out[table] = Number((await knex(table).count({ n: '*' }))[0].n);
      return out;
    };
    // A Component that is not a service: outside the configured filter.
    const bareComponentFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'tf-lib-')),
      'catalog-info.yaml',
    );
    fs.writeFileSync(
      bareComponentFile,
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shared-lib\nspec:\n  type: library\n  lifecycle: production\n  owner: group:default/platform-team\n',
    );
    const withOrg = {
      ...catalogConfig,
      twelveFactor: {
        ...catalogConfig.twelveFactor,
        entities: { filter: [{ kind: 'Component', 'spec.type': 'service' }] },
      },
      catalog: {
        ...catalogConfig.catalog,
        locations: [
          ...catalogConfig.catalog.locations,
          { type: 'file', target: path.join(EXAMPLES, 'org.yaml') },
          { type: 'file', target: bareComponentFile },
        ],
      },
    };
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: withOrg }),
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');
    await waitForEntity(server, 'group:default/platform-team');
    await waitForEntity(server, 'system:default/auto-builder');
    await waitForEntity(server, 'component:default/shared-lib');
    await waitForScorecard(server, 'auto-builder-cms');
    const before = await request(server).get('/api/twelve-factor/fleet');
    expect(before.body.total).toBe(1);
    const rowsBefore = await countRows();

    for (const [url, message] of [
      ['group/default/platform-team', /Group platform-team is not scored/],
      ['system/default/auto-builder', /System auto-builder is not scored/],
      ['component/default/shared-lib', /Component shared-lib is not scored/],
    ] as const) {
      const get = await request(server).get(
        `/api/twelve-factor/scorecards/${url}`,
      );
      expect(get.status).toBe(400);
      expect(get.body.error.message).toMatch(message);
      const refresh = await request(server).post(
        `/api/twelve-factor/scorecards/${url}/refresh`,
      );
      expect(refresh.status).toBe(400);
    }
    expect(await countRows()).toEqual(rowsBefore);
    const after = await request(server).get('/api/twelve-factor/fleet');
    expect(after.body.total).toBe(1);
    expect(after.body.summary).toEqual(before.body.summary);
  });

  it('runs custom checks added through the extension point', async () => {
    const module = createBackendModule({
      pluginId: 'twelve-factor',
      moduleId: 'test-checks',
      register(env) {
        env.registerInit({
          deps: { checks: twelveFactorChecksExtensionPoint },
          async init({ checks }) {
            checks.addChecks({
              id: 'cn-security.has-codeowners',
              definition: {
                area: 'cn-security',
                title: 'CODEOWNERS present',
                weight: 1,
                sources: ['repo'],
                criteria: { pass: 'a CODEOWNERS file' },
                docsUrl: 'https://docs.github.com/',
              },
              evaluate: () => ({
                verdict: 'fail',
                summary: 'No CODEOWNERS',
                remediation: { text: 'Add one' },
              }),
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        module,
        mockServices.rootConfig.factory({ data: catalogConfig }),
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');
    const res = await waitForScorecard(server, 'auto-builder-cms');
    expect(
      res.body.results.find(
        (r: any) => r.checkId === 'cn-security.has-codeowners',
      ),
    ).toMatchObject({
      verdict: 'fail',
      remediation: { docsUrl: 'https://docs.github.com/' },
    });
    const checks = await request(server).get('/api/twelve-factor/checks');
    expect(checks.body.checks).toHaveLength(93);
  });
});
