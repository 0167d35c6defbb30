import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
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

describe('twelve-factor backend plugin', () => {
  it('scores a catalog entity from its repository over HTTP, stores it, and serves it again', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: catalogConfig }),
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');

    const res = await request(server).get(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
    );
    expect(res.status).toBe(200);
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

    // The overview lists the latest scan, summarised.
    const overview = await request(server).get('/api/twelve-factor/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.items).toHaveLength(1);
    expect(overview.body.items[0]).toMatchObject({
      entityRef: 'component:default/auto-builder-cms',
      owner: 'group:default/platform-team',
      generatedAt: refreshed.body.generatedAt,
      overall: refreshed.body.overall,
      areas: expect.objectContaining({ 'f2-dependencies': 75 }),
    });
    expect(overview.body.items[0]).not.toHaveProperty('results');
    const counts = overview.body.items[0].counts;
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

  it('lists in the overview only the entities the caller may read', async () => {
    let denyPayments = false;
    const asked: string[] = [];
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
    };
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.rootConfig.factory({ data: twoServices }),
        mockServices.permissions.mock({
          authorize: async reqs =>
            reqs.map(r => {
              const ref = 'resourceRef' in r ? r.resourceRef : undefined;
              if (r.permission.name === 'twelve-factor.scorecard.read' && ref)
                asked.push(ref);
              const denied =
                denyPayments &&
                r.permission.name === 'twelve-factor.scorecard.read' &&
                ref === 'component:default/payments-api';
              return {
                result: denied ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
              };
            }),
          // The catalog asks for conditional decisions on its own permissions.
          authorizeConditional: async reqs =>
            reqs.map(() => ({ result: AuthorizeResult.ALLOW })),
        }).factory,
      ],
    });
    await waitForEntity(server, 'component:default/auto-builder-cms');
    await waitForEntity(server, 'component:default/payments-api');
    for (const name of ['auto-builder-cms', 'payments-api']) {
      expect(
        (
          await request(server).get(
            `/api/twelve-factor/scorecards/component/default/${name}`,
          )
        ).status,
      ).toBe(200);
    }
    const both = await request(server).get('/api/twelve-factor/overview');
    expect(both.body.items.map((i: any) => [i.entityRef, i.owner])).toEqual([
      ['component:default/auto-builder-cms', 'group:default/platform-team'],
      ['component:default/payments-api', 'group:default/payments-team'],
    ]);

    denyPayments = true;
    asked.length = 0;
    const overview = await request(server).get('/api/twelve-factor/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.items.map((i: any) => i.entityRef)).toEqual([
      'component:default/auto-builder-cms',
    ]);
    expect(asked).toEqual([
      'component:default/auto-builder-cms',
      'component:default/payments-api',
    ]);
    const anonymous = await request(server)
      .get('/api/twelve-factor/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
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
    const res = await request(server).get(
      '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
    );
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
