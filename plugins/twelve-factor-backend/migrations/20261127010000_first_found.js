// @ts-check

/**
 * A scan that finds what the previous one found moves that row's
 * `generated_at` forward (the last time the result was confirmed), so the
 * row also keeps when the result was first found: the history can then say
 * from when to when each result held. Rows stored before have none; reads
 * fall back to `generated_at`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table
      .timestamp('first_found_at', { useTz: true, precision: 3 })
      .nullable()
      .comment('First scan that found this result');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('twelve_factor_scorecards', table => {
    table.dropColumn('first_found_at');
  });
};
