/*
 * No credential value leaves the backend. A copy of the example service
 * with credentials planted everywhere (repository and cluster dump) is
 * scored by the real backend, and a second entity points at a repository
 * URL with a token in it, which the UrlReader fails to read and logs. No
 * planted value, nor the token, may appear in an API response, a stored row
 * of any of the plugin's tables, or a log line.
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  plantCredentials,
  plantedLeaks,
} from '@internal/plugin-twelve-factor-node/testUtils';
import { loadLocalRepo } from '@internal/plugin-twelve-factor-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { twelveFactorPlugin } from './plugin';
import { capturingLogger } from './__testUtils__/capturingLogger';

jest.setTimeout(120_000);

const FIXTURE = path.resolve(__dirname, '../../../examples/auto-builder-cms');
const URL_TOKEN = 'ghp_PlantedUrlToken000000000000000000000';

/** The planted repository and dump on disk, as a service's checkout and a cluster dump would be. */
async function writePlanted() {
  const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
  const files: Record<string, string> = {};
  for (const p of snapshot.paths()) {
    const text = snapshot.read(p);
    if (text !== undefined) files[p] = text;
  }
  const planted = plantCredentials(files, {
    clusterDump: fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8'),
    name: 'auto-builder-cms',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-planted-'));
  for (const [p, text] of Object.entries(planted.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'repo', p)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'repo', p), text);
  }
  fs.writeFileSync(path.join(dir, 'cluster.yaml'), planted.clusterDump!);
  fs.writeFileSync(
    path.join(dir, 'tokened.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: tokened
  annotations:
    backstage.io/source-location: url:https://bot:${URL_TOKEN}@git.invalid.example/org/tokened/tree/main/
spec:
  type: service
  lifecycle: production
  owner: group:default/team
`,
  );
  return { dir, planted: planted.planted };
}

describe('no credential value leaves the backend', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps planted credentials out of responses, stored rows and logs (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const logger = capturingLogger();
      const { dir, planted } = await writePlanted();
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
                    target: path.join(dir, 'repo/catalog-info.yaml'),
                  },
                  { type: 'file', target: path.join(dir, 'tokened.yaml') },
                ],
                processingInterval: { seconds: 1 },
              },
              twelveFactor: {
                // A configured folder: the tokened entity goes to the UrlReader.
                sources: {
                  local: [
                    {
                      entityRef: 'component:default/auto-builder-cms',
                      path: path.join(dir, 'repo'),
                    },
                  ],
                },
                clusterDumps: [
                  { name: 'planted', path: path.join(dir, 'cluster.yaml') },
                ],
              },
            },
          }),
        ],
      });

      const responses: string[] = [];
      const scan = async (name: string) => {
        for (let i = 0; i < 100; i++) {
          const res = await request(server).post(
            `/api/twelve-factor/scorecards/component/default/${name}/refresh`,
          );
          if (res.status === 200) {
            responses.push(JSON.stringify(res.body));
            return res.body;
          }
          await new Promise(r => setTimeout(r, 200));
        }
        throw new Error(`${name} was never scored`);
      };
      const card = await scan('auto-builder-cms');
      const tokened = await scan('tokened');
      // The token's repository could not be read, and the scan says why.
      expect(
        tokened.results.find(
          (r: any) => r.checkId === 'f2-dependencies.declared',
        ).verdict,
      ).toBe('unknown');
      // The planted credentials were judged.
      expect(
        card.results.find((r: any) => r.checkId === 'f3-config.secrets')
          .verdict,
      ).toBe('fail');

      for (const url of [
        '/api/twelve-factor/scorecards/component/default/auto-builder-cms',
        '/api/twelve-factor/scorecards/component/default/auto-builder-cms/history',
        '/api/twelve-factor/scorecards/component/default/tokened',
        '/api/twelve-factor/fleet',
        '/api/twelve-factor/fleet/export.csv',
        '/api/twelve-factor/fleet/report.md?lang=ko',
        '/api/twelve-factor/fleet/campaigns/f3-config.secrets',
      ]) {
        const res = await request(server).get(url);
        expect(res.status).toBe(200);
        responses.push(res.text);
      }

      const names =
        databaseId === 'SQLITE_3'
          ? (
              await knex.raw(
                "select name from sqlite_master where type = 'table' and name like 'twelve_factor%'",
              )
            ).map((r: any) => r.name)
          : (
              await knex.raw(
                "select table_name as name from information_schema.tables where table_name like 'twelve_factor%'",
              )
            ).rows.map((r: any) => r.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'twelve_factor_scorecards',
          'twelve_factor_entities',
          'twelve_factor_latest_results',
        ]),
      );
      const rows: string[] = [];
      for (const name of names) {
        for (const row of await knex(name).select()) {
          // Compressed scorecards are read as what they hold.
          if (row.body)
            row.body = zlib.brotliDecompressSync(row.body).toString();
          rows.push(JSON.stringify(row));
        }
      }
      const logged = logger.lines.join('\n');
      expect(logged).toContain('git.invalid.example');

      const everything = {
        responses: responses.join('\n'),
        rows: rows.join('\n'),
        logs: logged,
      };
      // The rows were read as text, scorecards included: the search below is not vacuous.
      expect(everything.rows).toContain('DB_PASSWORD is a literal value');
      const leaks: Record<string, string[]> = {};
      for (const [where, text] of Object.entries(everything)) {
        const found = plantedLeaks(text, [
          ...planted,
          { place: 'source-location token', value: URL_TOKEN },
        ]);
        if (found.length) leaks[where] = found;
      }
      expect(leaks).toEqual({});
    },
  );
});
