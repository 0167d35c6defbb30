/*
 * The fleet reads in Korean: the example services are scored by the real
 * backend (catalog, store, HTTP), and then every campaign lists each
 * service's finding and remediation with the messages that say them in
 * Korean, and the campaigns' Korean reports are Korean prose (at least 90 %
 * of their finding and remediation cells, counted as the CLI's Korean
 * report test counts its own).
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  firstSentence,
  localizedLead,
  REMEDIATION_SEPARATOR,
  renderParts,
  type FleetCampaign,
} from '@internal/plugin-twelve-factor-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { twelveFactorPlugin } from '../plugin';

jest.setTimeout(180_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const SERVICES = [
  'auto-builder-cms',
  'payments-api',
  'legacy-reporting',
  'storefront-web',
];
const HANGUL = /[가-힣]/;

/**
 * The finding and remediation cells of a report's campaign table (owner,
 * service, status, finding, remediation).
 */
function campaignCells(markdown: string): {
  findings: string[];
  remediations: string[];
} {
  const findings: string[] = [];
  const remediations: string[] = [];
  const section = markdown.split(/^## 5\. /m)[1] ?? '';
  for (const line of section.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('|---')) continue;
    const row = line
      .slice(2, -2)
      .split(/(?<!\\)\|/)
      .map(c => c.trim());
    if (row.length !== 5) continue;
    const [, , , found, improve] = row;
    // The table head.
    if (found === '현황' || found === 'What was found') continue;
    if (found) findings.push(found);
    if (improve) remediations.push(improve);
  }
  return { findings, remediations };
}

describe('the fleet in Korean', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'lists every campaign finding with its Korean, and writes the campaign reports in Korean, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          twelveFactorPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [{ allow: ['Component', 'Location'] }],
                locations: SERVICES.map(s => ({
                  type: 'file',
                  target: path.join(EXAMPLES, s, 'repo/catalog-info.yaml'),
                })),
                processingInterval: { seconds: 1 },
              },
              twelveFactor: {
                sources: { fromFileLocations: true },
                clusterDumps: SERVICES.filter(s =>
                  fs.existsSync(path.join(EXAMPLES, s, 'cluster.yaml')),
                ).map(s => ({
                  name: s,
                  path: path.join(EXAMPLES, s, 'cluster.yaml'),
                })),
              },
            },
          }),
        ],
      });
      for (const name of SERVICES) {
        let scored = false;
        for (let i = 0; i < 150 && !scored; i++) {
          const res = await request(server).post(
            `/api/twelve-factor/scorecards/component/default/${name}/refresh`,
          );
          scored = res.status === 200;
          if (!scored) await new Promise(r => setTimeout(r, 200));
        }
        expect([name, scored]).toEqual([name, true]);
      }

      const checks: Array<{ id: string }> = (
        await request(server).get('/api/twelve-factor/checks')
      ).body.checks;
      expect(checks).toHaveLength(92);

      // Every campaign: each service's finding and remediation in Korean.
      let listed = 0;
      let remediations = 0;
      const untranslated: string[] = [];
      const unlike: string[] = [];
      const campaigns: string[] = [];
      for (const { id } of checks) {
        const res = await request(server).get(
          `/api/twelve-factor/fleet/campaigns/${id}?perOwner=500`,
        );
        expect([id, res.status]).toEqual([id, 200]);
        const campaign: FleetCampaign = res.body;
        if (campaign.total > 0) campaigns.push(id);
        for (const s of campaign.owners.flatMap(o => o.services)) {
          listed++;
          const finding = renderParts(s.summaryMsg, 'ko');
          if (!finding || !HANGUL.test(finding))
            untranslated.push(`${id} ${s.entityRef}: ${s.summary}`);
          if (!s.remediation) continue;
          remediations++;
          // The line's parts say what its English says.
          const english = renderParts(
            s.remediationMsg,
            'en',
            REMEDIATION_SEPARATOR,
          );
          if (firstSentence(english) !== s.remediation)
            unlike.push(`${id} ${s.entityRef}: ${s.remediation}`);
          const ko = localizedLead(s.remediation, s.remediationMsg, 'ko');
          if (!s.remediationMsg || !HANGUL.test(ko))
            untranslated.push(`${id} ${s.entityRef}: ${s.remediation}`);
        }
      }
      // The examples fail or partly meet many checks: the loop is not vacuous.
      expect(campaigns.length).toBeGreaterThan(40);
      expect(listed).toBeGreaterThan(80);
      expect(remediations).toBeGreaterThan(60);
      expect(untranslated).toEqual([]);
      expect(unlike).toEqual([]);

      // Each campaign's Korean report: its finding and remediation cells.
      let cells = 0;
      const english: string[] = [];
      for (const id of campaigns) {
        const ko = await request(server).get(
          `/api/twelve-factor/fleet/report.md?lang=ko&check=${id}`,
        );
        expect(ko.status).toBe(200);
        const { findings, remediations: fixes } = campaignCells(ko.text);
        expect([id, findings.length > 0]).toEqual([id, true]);
        for (const c of [...findings, ...fixes]) {
          cells++;
          if (!HANGUL.test(c)) english.push(`${id}: ${c}`);
        }
      }
      const share = 1 - english.length / cells;
      expect(cells).toBeGreaterThan(150);
      expect({
        share: share >= 0.9,
        english: share >= 0.9 ? [] : english,
      }).toEqual({ share: true, english: [] });

      // The English report of a campaign keeps the English the engine wrote.
      const secrets = await request(server).get(
        '/api/twelve-factor/fleet/campaigns/f10-dev-prod-parity.staging?perOwner=500',
      );
      const first = secrets.body.owners[0].services[0];
      const en = await request(server).get(
        '/api/twelve-factor/fleet/report.md?lang=en&check=f10-dev-prod-parity.staging',
      );
      expect(campaignCells(en.text).findings).toContain(first.summary);
      // Headings of the Korean fleet report are Korean.
      const fleetKo = await request(server).get(
        '/api/twelve-factor/fleet/report.md?lang=ko&check=f10-dev-prod-parity.staging&verdict=fail',
      );
      const headings = fleetKo.text
        .split('\n')
        .filter(l => l.startsWith('#') && !/^### P\d/.test(l));
      expect(headings.filter(h => !HANGUL.test(h))).toEqual([]);
      expect(fleetKo.text).toContain('- 범위: 점검 항목: ');
    },
  );
});
