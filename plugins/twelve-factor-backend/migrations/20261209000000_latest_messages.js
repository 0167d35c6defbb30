// @ts-check

/**
 * Campaigns in the reader's language (issue: every text the engine writes
 * reads in English and Korean).
 *
 * `twelve_factor_latest_results` keeps, beside each finding and remediation
 * line in English, the engine's messages that say them (JSON of the
 * MessagePart[]), which the campaign view and the fleet report render in the
 * reader's language:
 *
 * - `summary_msg`: the finding's parts; `[]` when the result has none (a
 *   custom check's own English). NULL only on rows written before this
 *   migration, which the store fills from the entity's stored scorecard and
 *   which read in English until then.
 * - `remediation_msg`: the parts that say the remediation's first sentence;
 *   NULL when there is none or the parts do not say what the English says.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('twelve_factor_latest_results', table => {
    table
      .text('summary_msg')
      .nullable()
      .comment('The finding as message parts (JSON); NULL: not filled yet');
    table
      .text('remediation_msg')
      .nullable()
      .comment("The remediation's first sentence as message parts (JSON)");
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('twelve_factor_latest_results', table => {
    table.dropColumn('remediation_msg');
    table.dropColumn('summary_msg');
  });
};
