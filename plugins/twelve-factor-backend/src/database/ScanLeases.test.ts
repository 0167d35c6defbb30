import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { DatabaseScorecardStore } from './ScorecardStore';
import { ScanLeases, ScanLeaseOptions } from './ScanLeases';

jest.setTimeout(60_000);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const REF = 'component:default/a';

/**
 * Two replicas on one database: on PostgreSQL each has its own connection
 * pool, as two processes would; SQLite (one process) shares its connection.
 */
async function twoReplicas(databases: TestDatabases, databaseId: any) {
  const knex = await databases.init(databaseId);
  await DatabaseScorecardStore.create({
    database: mockServices.database({ knex }),
  });
  const other = ScanLeases.isSqlite(knex)
    ? knex
    : knexFactory(knex.client.config as Knex.Config);
  const replica = (db: Knex, options: ScanLeaseOptions = {}) =>
    new ScanLeases(db, mockServices.logger.mock(), {
      pollMs: 25,
      ...options,
    });
  return {
    knex,
    replica,
    a: (options?: ScanLeaseOptions) => replica(knex, options),
    b: (options?: ScanLeaseOptions) => replica(other, options),
    close: async () => {
      if (other !== knex) await other.destroy();
    },
  };
}

/** A scan that records who ran it and stores what it found. */
function scanner() {
  const scans: string[] = [];
  let stored: string | undefined;
  return {
    scans,
    stored: async () => stored,
    scan:
      (who: string, ms: number, fail = false) =>
      async () => {
        scans.push(who);
        await sleep(ms);
        if (fail) throw new Error(`${who} failed`);
        stored = `${who}#${scans.length}`;
        return stored;
      },
  };
}

describe('ScanLeases', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "scans an entity once when two replicas ask at once, the other serving the holder's result, on %p",
    async databaseId => {
      const r = await twoReplicas(databases, databaseId);
      const s = scanner();
      const a = r.a();
      const b = r.b();
      const results = await Promise.all([
        a.exclusive(REF, s.scan('a', 300), s.stored),
        b.exclusive(REF.toUpperCase(), s.scan('b', 300), s.stored),
      ]);
      expect(s.scans).toHaveLength(1);
      expect(results[0]).toBe(results[1]);
      // A finished scan frees the entity: the next ask scans again.
      await b.exclusive(REF, s.scan('b', 10), s.stored);
      expect(s.scans).toHaveLength(2);
      // Other entities are not held up.
      const other = scanner();
      await Promise.all([
        a.exclusive('component:default/b', other.scan('a', 200), other.stored),
        b.exclusive('component:default/c', other.scan('b', 200), other.stored),
      ]);
      expect(other.scans.sort()).toEqual(['a', 'b']);
      await r.close();
    },
  );

  it.each(databases.eachSupportedId())(
    'scans an entity whose holder died once its lease lapses, on %p',
    async databaseId => {
      const r = await twoReplicas(databases, databaseId);
      // A replica that took the lease and died: it never renews nor releases.
      await r.knex('twelve_factor_scan_leases').insert({
        entity_ref: REF,
        holder: 'dead-replica/1',
        expires_ms: Date.now() + 1_000,
        completed: 3,
      });
      const s = scanner();
      const started = Date.now();
      expect(await r.b().exclusive(REF, s.scan('b', 10), s.stored)).toBe('b#1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(700);
      expect(s.scans).toEqual(['b']);
      expect(
        await r.knex('twelve_factor_scan_leases').where({ entity_ref: REF }),
      ).toEqual([
        {
          entity_ref: REF,
          holder: null,
          expires_ms: null,
          completed: expect.anything(),
        },
      ]);
      await r.close();
    },
  );

  it.each(databases.eachSupportedId())(
    'scans again when the scan it waited for failed, on %p',
    async databaseId => {
      const r = await twoReplicas(databases, databaseId);
      const s = scanner();
      const first = r.a().exclusive(REF, s.scan('a', 300, true), s.stored);
      await sleep(50);
      const second = r.b().exclusive(REF, s.scan('b', 10), s.stored);
      await expect(first).rejects.toThrow('a failed');
      expect(await second).toBe('b#2');
      expect(s.scans).toEqual(['a', 'b']);
      await r.close();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a long scan leased by renewing it, on %p',
    async databaseId => {
      const r = await twoReplicas(databases, databaseId);
      const s = scanner();
      // Four lease periods long: without renewal the second replica would
      // scan too. A period of a second, so that a loaded machine's event
      // loop stalls (a 300 ms period lapsed once in CI) do not read as a
      // holder that died.
      const first = r
        .a({ ttlMs: 1_000 })
        .exclusive(REF, s.scan('a', 4_000), s.stored);
      await sleep(100);
      const second = r
        .b({ ttlMs: 1_000 })
        .exclusive(REF, s.scan('b', 10), s.stored);
      expect(await Promise.all([first, second])).toEqual(['a#1', 'a#1']);
      expect(s.scans).toEqual(['a']);
      await r.close();
    },
  );

  it.each(databases.eachSupportedId())(
    'stops waiting for a stuck holder after the longest wait, on %p',
    async databaseId => {
      const r = await twoReplicas(databases, databaseId);
      await r.knex('twelve_factor_scan_leases').insert({
        entity_ref: REF,
        holder: 'stuck-replica/1',
        expires_ms: Date.now() + 3_600_000,
        completed: 0,
      });
      const s = scanner();
      expect(
        await r.b({ maxWaitMs: 300 }).exclusive(REF, s.scan('b', 10), s.stored),
      ).toBe('b#1');
      await r.close();
    },
  );
});
