import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { DatabaseScorecardStore } from './ScorecardStore';

jest.setTimeout(60_000);

function card(ref: string, at: string, overall: number | null): Scorecard {
  return {
    entityRef: ref,
    generatedAt: at,
    overall,
    groups: [
      { groupId: 'twelve-factor', score: overall },
      { groupId: 'cloud-native', score: null },
    ],
    areas: [],
    results: [{ checkId: 'f1-codebase.version-control', area: 'f1-codebase', verdict: 'pass', summary: 'ok', evidence: [] }],
    diagnostics: [],
  };
}

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())('keeps history and returns the latest, on %p', async databaseId => {
    const knex = await databases.init(databaseId);
    const store = await DatabaseScorecardStore.create({ database: mockServices.database({ knex }) });

    expect(await store.latest('component:default/a')).toBeUndefined();
    await store.insert(card('component:default/a', '2026-11-20T10:00:00.000Z', 50), 'etag-1');
    await store.insert(card('component:default/a', '2026-11-21T10:00:00.000Z', 62.5));
    await store.insert(card('Component:default/B', '2026-11-22T10:00:00.000Z', 10));

    const latest = await store.latest('Component:Default/A');
    expect(latest?.scorecard.overall).toBe(62.5);
    expect(latest?.scorecard.results[0].verdict).toBe('pass');
    expect(latest?.sourceEtag).toBeUndefined();

    expect(await store.history('component:default/a', 10)).toEqual([
      { generatedAt: '2026-11-21T10:00:00.000Z', overall: 62.5, twelveFactor: 62.5, cloudNative: null },
      { generatedAt: '2026-11-20T10:00:00.000Z', overall: 50, twelveFactor: 50, cloudNative: null },
    ]);
    expect(await store.history('component:default/a', 1)).toHaveLength(1);
    expect((await store.latest('component:default/b'))?.scorecard.overall).toBe(10);
  });
});
