/*
 * The 20261209 migration on a database with findings stored before it: the
 * rows read in English without error, then get their messages from the
 * stored scorecards (the fleet scan's fill), and the migration goes down
 * and up again.
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  firstSentence,
  localized,
  localizedLead,
  REMEDIATION_SEPARATOR,
  renderParts,
  summarizeScorecard,
  type Scorecard,
} from '@internal/plugin-twelve-factor-common';
import {
  createTwelveFactorEngine,
  loadLocalRepo,
} from '@internal/plugin-twelve-factor-node';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseAllDocuments } from 'yaml';
import { DatabaseScorecardStore } from './ScorecardStore';
import { encodeVerdicts } from './verdictCodes';
import { fleetReport } from '../fleet/exports';
import { FleetIndex } from '../fleet/FleetIndex';

jest.setTimeout(120_000);

const MIGRATIONS = {
  directory: resolvePackagePath(
    '@internal/plugin-twelve-factor-backend',
    'migrations',
  ),
  tableName: 'twelve_factor_knex_migrations',
};
const THIS_MIGRATION = '20261209000000_latest_messages.js';
const EXAMPLE = path.resolve(
  __dirname,
  '../../../../examples/legacy-reporting',
);
const HANGUL = /[가-힣]/;

/** The example's scorecard as the engine writes it (messages included). */
async function exampleCard(): Promise<Scorecard> {
  const { snapshot } = await loadLocalRepo(path.join(EXAMPLE, 'repo'));
  const entity = parseAllDocuments(
    fs.readFileSync(path.join(EXAMPLE, 'repo/catalog-info.yaml'), 'utf8'),
  )[0].toJS();
  return createTwelveFactorEngine().evaluate(
    { entity, repo: snapshot },
    { now: new Date('2026-12-01T10:00:00Z') },
  );
}

/** The latest_results rows as the store wrote them before the migration. */
function oldRows(ref: string, card: Scorecard) {
  return card.results
    .filter(r => r.verdict !== 'pass')
    .map(r => {
      const m = r.remediation && /^(.+?[.!?])(\s|$)/s.exec(r.remediation.text);
      return {
        entity_ref: ref,
        check_id: r.checkId,
        verdict: r.verdict,
        summary: r.summary,
        remediation: m ? m[1] : r.remediation?.text ?? null,
      };
    });
}

describe('the latest findings’ messages migration', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps rows stored before it readable in English, fills their messages from the stored scorecards, and goes down and up, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // The schema as it was before the migration.
      const names = fs
        .readdirSync(MIGRATIONS.directory)
        .filter(n => n.endsWith('.js'))
        .sort();
      expect(names).toContain(THIS_MIGRATION);
      for (const name of names.filter(n => n < THIS_MIGRATION))
        await knex.migrate.up({ ...MIGRATIONS, name });

      const card = await exampleCard();
      const ref = card.entityRef.toLocaleLowerCase('en-US');
      await knex('twelve_factor_checks').insert(
        card.results.map((r, position) => ({ position, check_id: r.checkId })),
      );
      await knex('twelve_factor_scorecards').insert({
        entity_ref: ref,
        generated_at: new Date(card.generatedAt),
        first_found_at: new Date(card.generatedAt),
        overall: card.overall,
        twelve_factor_score: card.groups[0].score,
        cloud_native_score: card.groups[1].score,
        scorecard: '',
        body: zlib.brotliCompressSync(Buffer.from(JSON.stringify(card))),
        summary: JSON.stringify(summarizeScorecard(card)),
        verdicts: encodeVerdicts(
          card.results,
          new Map(card.results.map((r, i) => [r.checkId, i])),
        ),
        updated_ms: 1,
      });
      const rows = oldRows(ref, card);
      expect(rows.length).toBeGreaterThan(20);
      for (let i = 0; i < rows.length; i += 50)
        await knex('twelve_factor_latest_results').insert(
          rows.slice(i, i + 50),
        );
      // A finding whose service has no stored scorecard (nothing to fill it from).
      await knex('twelve_factor_latest_results').insert({
        entity_ref: 'component:default/gone',
        check_id: rows[0].check_id,
        verdict: 'fail',
        summary: 'Found before',
        remediation: 'Fix it.',
      });

      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const applied: string[] = await knex('twelve_factor_knex_migrations')
        .orderBy('id')
        .pluck('name');
      expect(applied[applied.length - 1]).toBe(THIS_MIGRATION);

      // Before the fill: English, no messages, no error.
      const check = rows[0].check_id;
      const before = await store.latestResults(check, ['fail', 'partial']);
      expect(before.map(r => r.entityRef).sort()).toEqual([
        'component:default/gone',
        ref,
      ]);
      for (const r of before) {
        expect(r).not.toHaveProperty('summaryMsg');
        expect(r).not.toHaveProperty('remediationMsg');
        expect(localized(r.summary, r.summaryMsg, 'ko')).toBe(r.summary);
      }
      await store.syncEntities([
        {
          entityRef: ref,
          owner: 'group:default/finance-team',
          namespace: 'default',
          tags: [],
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'legacy-reporting' },
          },
        },
      ]);
      const index = new FleetIndex(store);
      await index.refresh({ force: true });
      const report = (findings: Map<string, any>) =>
        fleetReport(index.active(), {
          lang: 'ko',
          query: { check: { id: check, verdicts: ['fail', 'partial'] } },
          checkOrder: index.checkOrder(),
          definitions: [],
          now: new Date(),
          findings,
        });
      const englishReport = report(new Map(before.map(r => [r.entityRef, r])));
      expect(englishReport).toContain(`| ${rows[0].summary.split('|')[0]}`);

      // The fill: every row of the stored scorecard gets its messages, once.
      expect(await store.fillLatestMessages()).toBe(2);
      expect(await store.fillLatestMessages()).toBe(0);
      expect(
        Number(
          (
            await knex('twelve_factor_latest_results')
              .whereNull('summary_msg')
              .count({ n: '*' })
          )[0].n,
        ),
      ).toBe(0);
      // Every finding of the stored scorecard: in Korean, and its remediation line too.
      const problems: string[] = [];
      for (const r of rows) {
        const [after] = (
          await store.latestResults(r.check_id, [r.verdict])
        ).filter(x => x.entityRef === ref);
        if (after.summary !== r.summary)
          problems.push(`${r.check_id}: summary`);
        if (!HANGUL.test(localized(after.summary, after.summaryMsg, 'ko')))
          problems.push(`${r.check_id}: ${after.summary}`);
        if (
          after.remediation &&
          (firstSentence(
            renderParts(after.remediationMsg, 'en', REMEDIATION_SEPARATOR),
          ) !== after.remediation ||
            !HANGUL.test(
              localizedLead(after.remediation, after.remediationMsg, 'ko'),
            ))
        )
          problems.push(`${r.check_id}: ${after.remediation}`);
      }
      expect(problems).toEqual([]);
      expect(rows.filter(r => r.remediation).length).toBeGreaterThan(15);
      // The finding without a scorecard stays in English.
      const gone = (await store.latestResults(check, ['fail'])).find(
        r => r.entityRef === 'component:default/gone',
      );
      expect(gone).toEqual({
        entityRef: 'component:default/gone',
        verdict: 'fail',
        summary: 'Found before',
        remediation: 'Fix it.',
      });
      const after = await store.latestResults(check, ['fail', 'partial']);
      expect(report(new Map(after.map(r => [r.entityRef, r])))).not.toEqual(
        englishReport,
      );

      // Down and up again.
      await knex.migrate.down({ ...MIGRATIONS, name: THIS_MIGRATION });
      expect(
        await knex.schema.hasColumn(
          'twelve_factor_latest_results',
          'summary_msg',
        ),
      ).toBe(false);
      expect(
        Number(
          (await knex('twelve_factor_latest_results').count({ n: '*' }))[0].n,
        ),
      ).toBe(rows.length + 1);
      await knex.migrate.latest(MIGRATIONS);
      expect(
        await knex.schema.hasColumn(
          'twelve_factor_latest_results',
          'remediation_msg',
        ),
      ).toBe(true);
    },
  );
});
