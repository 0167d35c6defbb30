// @ts-check

/**
 * The overview page lists every entity's latest scan with its area scores
 * and verdict counts. Parsing each full scorecard (results and evidence) for
 * that would cost megabytes per page load, so each row also keeps a small
 * JSON summary (summarizeScorecard in the common package).
 *
 * Rows stored before this column, or by a replica still on the previous
 * version during a rolling deploy, have none: the store summarises those
 * from their scorecard when they are first listed and writes the summary
 * back. Backfilling here would rewrite the whole history inside the
 * migration's transaction, with the table locked, for rows the overview
 * never reads.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table
      .text('summary')
      .nullable()
      .comment('Scores and verdict counts as JSON, for the overview');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.dropColumn('summary');
  });
};
