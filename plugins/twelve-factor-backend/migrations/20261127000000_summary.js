// @ts-check

/**
 * The overview page lists every entity's latest scan with its area scores
 * and verdict counts. Parsing each full scorecard (results and evidence) for
 * that would cost megabytes per page load, so each row also keeps a small
 * JSON summary (see summarizeScorecard in the common package). Existing rows
 * are filled from their scorecard, in batches.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.text('summary').nullable().comment('Scores and verdict counts as JSON, for the overview');
  });
  const BATCH = 200;
  for (let after = 0; ; ) {
    const rows = await knex('twelve_factor_scorecards').where('id', '>', after).orderBy('id').limit(BATCH).select('id', 'scorecard');
    if (rows.length === 0) break;
    for (const row of rows) {
      await knex('twelve_factor_scorecards').where({ id: row.id }).update({ summary: JSON.stringify(summarize(JSON.parse(row.scorecard))) });
    }
    after = Number(rows[rows.length - 1].id);
  }
};

/**
 * The summary of a stored scorecard. A copy of summarizeScorecard: a
 * migration must keep giving the same answer when that code changes later.
 * @param {any} card
 */
function summarize(card) {
  /** @type {Record<string, number>} */
  const counts = { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 };
  for (const r of card.results ?? []) counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
  /** @param {string} id */
  const group = id => (card.groups ?? []).find((/** @type {any} */ g) => g.groupId === id)?.score ?? null;
  return {
    entityRef: card.entityRef,
    generatedAt: card.generatedAt,
    overall: card.overall ?? null,
    twelveFactor: group('twelve-factor'),
    cloudNative: group('cloud-native'),
    areas: Object.fromEntries((card.areas ?? []).map((/** @type {any} */ a) => [a.areaId, a.score])),
    counts,
  };
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.dropColumn('summary');
  });
};
