import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/plugin-twelve-factor-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { twelveFactorPlugin } from './plugin';
import { capturingLogger } from './__testUtils__/capturingLogger';

jest.setTimeout(120_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const FIXTURE = path.join(EXAMPLES, 'auto-builder-cms');
const expected = parse(
  fs.readFileSync(path.join(FIXTURE, 'expected.yaml'), 'utf8'),
);

describe('the backend against a live cluster (test API server over HTTPS)', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  let kube: KubeApiServer;
  let kubeconfig: string;
  beforeAll(async () => {
    kube = await startKubeApiServer({
      dumps: [path.join(FIXTURE, 'cluster.yaml')],
    });
    kubeconfig = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'tf-kube-')),
      'kubeconfig',
    );
    await kube.writeKubeconfig(kubeconfig);
  });
  afterAll(() => kube.close());

  it.each(databases.eachSupportedId())(
    'scores from the live cluster as from the dump, and no Secret value reaches a response, a stored row or a log line (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const logger = capturingLogger();
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          twelveFactorPlugin,
          mockServices.database.factory({ knex }),
          logger.factory,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Component', 'Location'] }],
                locations: [
                  {
                    type: 'file',
                    target: path.join(FIXTURE, 'repo/catalog-info.yaml'),
                  },
                ],
                processingInterval: { seconds: 1 },
              },
              twelveFactor: {
                sources: { fromFileLocations: true },
                clusters: [
                  {
                    name: 'aks-autobuilder',
                    authProvider: 'kubeconfig',
                    kubeconfigPath: kubeconfig,
                  },
                ],
              },
            },
          }),
        ],
      });
      let res: request.Response | undefined;
      for (let i = 0; i < 100; i++) {
        res = await request(server).get(
          '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
        );
        if (res.status === 200) break;
        await new Promise(r => setTimeout(r, 200));
      }
      expect(res!.status).toBe(200);
      const card = res!.body;

      // Same verdicts as the by-hand report (repo + live cluster), within the golden tolerance.
      const agree = card.results.filter(
        (r: any) => r.verdict === expected.verdicts[r.checkId],
      ).length;
      expect(agree / 92).toBeGreaterThanOrEqual(0.95);
      expect(
        card.results
          .find((r: any) => r.checkId === 'cn-orchestration.kubernetes')
          .evidence.some(
            (e: any) =>
              e.type === 'cluster-object' && e.cluster === 'aks-autobuilder',
          ),
      ).toBe(true);
      expect(card.drift.map((d: any) => d.namespace)).toEqual([
        'cms-dev',
        'cms-prd',
      ]);

      // Secrets: never asked for with values…
      const secretRequests = kube.requests
        .all()
        .filter(r => r.resource?.plural === 'secrets');
      expect(secretRequests.length).toBeGreaterThan(0);
      for (const r of secretRequests)
        expect({ path: r.path, representation: r.representation }).toEqual({
          path: r.path,
          representation: 'metadata',
        });
      // …and no value anywhere: the response, the stored rows, the logs.
      const rows = JSON.stringify(
        await knex('twelve_factor_scorecards').select(),
      );
      const logged = logger.lines.join('\n');
      expect(logged).toContain('Cluster aks-autobuilder');
      for (const secret of expected.secret_values as string[]) {
        expect({
          secret,
          response: JSON.stringify(card).includes(secret),
          rows: rows.includes(secret),
          logs: logged.includes(secret),
        }).toEqual({ secret, response: false, rows: false, logs: false });
      }
      kube.requests.reset();
    },
  );
});
