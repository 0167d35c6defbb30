import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  DatabaseScorecardStore,
  type EntityRecord,
} from '../database/ScorecardStore';
import { FleetIndex } from './FleetIndex';

jest.setTimeout(60_000);

function record(name: string, owner: string): EntityRecord {
  return {
    entityRef: `component:default/${name}`,
    owner,
    namespace: 'default',
    tags: [],
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { owner, type: 'service' },
    },
  };
}

describe('FleetIndex', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads again, in the overlap of each refresh, only the entity rows that changed, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const clock = { now: Date.parse('2026-12-07T12:00:00Z') };
      const now = () => clock.now;
      const store = new DatabaseScorecardStore(knex, now);
      // One catalog sync: every row written at the same time.
      await store.syncEntities(
        ['a', 'b', 'c'].map(n => record(n, 'group:default/team')),
        { complete: true },
      );
      const index = new FleetIndex(store, { now });
      await index.refresh();
      expect(index.active()).toHaveLength(3);

      const entityRows = jest.spyOn(store, 'entityRows');
      clock.now += 1000;
      await index.refresh({ force: true });
      // Within the overlap, unchanged: nothing parsed again.
      expect(await entityRows.mock.results[0].value).toEqual([]);

      clock.now += 1000;
      await store.syncEntities([record('b', 'group:default/other-team')]);
      await index.refresh({ force: true });
      expect(
        (await entityRows.mock.results[1].value).map((r: any) => r.entityRef),
      ).toEqual(['component:default/b']);
      expect(index.get('component:default/b')?.info.owner).toBe(
        'group:default/other-team',
      );
      expect(index.get('component:default/a')?.info.owner).toBe(
        'group:default/team',
      );
    },
  );
});
