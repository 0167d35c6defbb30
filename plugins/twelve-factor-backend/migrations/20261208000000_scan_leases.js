// @ts-check

/**
 * Scan leases (issue: ready to run in production, several replicas on one
 * database). A replica takes an entity's lease before scanning it, so that
 * replicas asked to scan the same entity at once (a refresh on each, a
 * refresh during the fleet scan) scan it once: the others wait for the
 * holder and serve what it stored.
 *
 * - `holder` is null when nobody scans; `expires_ms` (database clock, epoch
 *   milliseconds) is renewed while the holder scans, so a replica that died
 *   mid-scan blocks the entity only until its lease lapses.
 * - `completed` counts scans that finished under a lease: a waiter that sees
 *   it move knows the scan it waited for stored its result.
 *
 * One small row per entity ever scanned; rows are kept (a lease is released
 * by clearing `holder`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('twelve_factor_scan_leases', table => {
    table.comment('Which replica scans an entity now');
    table.string('entity_ref', 255).primary().comment('Lower-case entity ref');
    table
      .string('holder', 255)
      .nullable()
      .comment('The scan holding the lease; null when free');
    table
      .bigInteger('expires_ms')
      .nullable()
      .comment('Epoch milliseconds (database clock) when the lease lapses');
    table
      .bigInteger('completed')
      .notNullable()
      .defaultTo(0)
      .comment('Scans completed under a lease');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('twelve_factor_scan_leases');
};
