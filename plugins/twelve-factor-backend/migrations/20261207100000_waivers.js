// @ts-check

/**
 * Waivers granted from the portal (issue: ready to run in production). One
 * row per waiver; a revocation or an expiry is written on the row (and sent
 * to the auditor), so the row is the waiver's history. `expired_at` is set
 * once, by the first replica that notices the expiry: that conditional
 * write is what makes the expiry audited exactly once across replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('twelve_factor_waivers', table => {
    table.comment('Waivers of checks granted from the portal');
    table.string('id', 36).primary().comment('UUID');
    table.string('entity_ref', 255).notNullable().comment('Lower-case');
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table
      .string('expires', 10)
      .notNullable()
      .comment('YYYY-MM-DD, the last day in force');
    table.text('ticket').nullable();
    table.string('author', 255).notNullable().comment('User entity ref');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('revoked_at', { useTz: true, precision: 3 }).nullable();
    table.string('revoked_by', 255).nullable();
    table.timestamp('expired_at', { useTz: true, precision: 3 }).nullable();
    table.index(['entity_ref'], 'twelve_factor_waivers_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('twelve_factor_waivers');
};
