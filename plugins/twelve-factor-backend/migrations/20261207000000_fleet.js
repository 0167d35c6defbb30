// @ts-check

/**
 * The fleet view (issue: only services are scored, rollups, heatmap,
 * campaigns, trends, proven at 5,000 services).
 *
 * - Scorecards are stored compressed (`body`, brotli of the JSON, about a
 *   twelfth of the text), and only for each service's latest scan: older
 *   scans keep their scores and verdicts for the history. `scorecard` stays
 *   for rows written before, and new rows leave it empty.
 * - `verdicts` holds one letter per check (p, a, f, u, w; `-` where the
 *   check did not run), in the order of `twelve_factor_checks`, so that the
 *   fleet's campaigns and trends read a check's verdict in every scan of
 *   the history without parsing scorecards.
 * - `updated_ms` is when a row was last written (insert or re-stamp): each
 *   backend replica keeps an in-memory index of the fleet and reads only
 *   the rows written since it last looked.
 * - `twelve_factor_entities` is what the catalog says of every scored
 *   service (owner, system, domain…), refreshed by the catalog sync; a
 *   service that leaves the catalog or the entity filter becomes inactive
 *   and leaves the fleet view, and its history stays.
 * - `twelve_factor_latest_results` keeps each service's latest one-line
 *   finding and remediation per check it does not meet, for campaigns.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.binary('body').nullable().comment('Scorecard JSON, brotli');
    table
      .text('verdicts')
      .nullable()
      .comment('One letter per check, in twelve_factor_checks order');
    table
      .bigInteger('updated_ms')
      .nullable()
      .comment('Epoch milliseconds of the last write of this row');
    table.index(['updated_ms'], 'twelve_factor_scorecards_updated_idx');
  });

  await knex.schema.createTable('twelve_factor_checks', table => {
    table.comment('Positions of the checks in the verdicts column');
    table.integer('position').primary();
    table.string('check_id', 255).notNullable().unique();
  });

  await knex.schema.createTable('twelve_factor_entities', table => {
    table.comment('The catalog facts of every scored service');
    table.string('entity_ref', 255).primary().comment('Lower-case entity ref');
    table.string('title', 255).nullable();
    table.string('owner', 255).nullable();
    table.string('system', 255).nullable();
    table.string('domain', 255).nullable();
    table.string('lifecycle', 255).nullable();
    table.string('type', 255).nullable();
    table.string('namespace', 255).notNullable();
    table.text('tags').notNullable().comment('JSON array');
    table
      .text('entity')
      .notNullable()
      .comment('The entity without status, for permission conditions');
    table.boolean('active').notNullable().defaultTo(true);
    table.bigInteger('updated_ms').notNullable();
    table.index(['updated_ms'], 'twelve_factor_entities_updated_idx');
  });

  await knex.schema.createTable('twelve_factor_latest_results', table => {
    table.comment(
      'The latest finding of each service per check, for campaigns',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('verdict', 16).notNullable();
    table.text('summary').notNullable();
    table.text('remediation').nullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id', 'verdict'], 'twelve_factor_latest_check_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('twelve_factor_latest_results');
  await knex.schema.dropTable('twelve_factor_entities');
  await knex.schema.dropTable('twelve_factor_checks');
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.dropIndex([], 'twelve_factor_scorecards_updated_idx');
    table.dropColumn('updated_ms');
    table.dropColumn('verdicts');
    table.dropColumn('body');
  });
};
