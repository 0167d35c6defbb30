// @ts-check

/**
 * Scorecards: one row per scan (history), with the latest per entity found by
 * the (entity_ref, generated_at) index. The full scorecard is kept as JSON;
 * overall and the group scores are columns so that the overview page can
 * sort and filter without parsing JSON.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('twelve_factor_scorecards', table => {
    table.comment('Twelve-factor scorecards, one row per scan');
    table.bigIncrements('id').primary();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Lower-case entity ref');
    table
      .timestamp('generated_at', { useTz: true, precision: 3 })
      .notNullable();
    table.float('overall').nullable();
    table.float('twelve_factor_score').nullable();
    table.float('cloud_native_score').nullable();
    table
      .string('source_etag', 255)
      .nullable()
      .comment('ETag of the repository tree the scan read');
    table.text('scorecard', 'longtext').notNullable().comment('Scorecard JSON');
    table.index(
      ['entity_ref', 'generated_at'],
      'twelve_factor_scorecards_entity_time_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('twelve_factor_scorecards');
};
