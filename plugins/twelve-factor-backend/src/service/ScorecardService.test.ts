import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTwelveFactorEngine } from '@internal/plugin-twelve-factor-node';
import { DatabaseScorecardStore } from '../database/ScorecardStore';
import { UrlReaderSourceResolver } from '../sources/UrlReaderSourceResolver';
import { ScorecardService } from './ScorecardService';

jest.setTimeout(60_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'svc',
    namespace: 'default',
    annotations: {
      'backstage.io/source-location':
        'url:https://github.com/example-org/svc/tree/main/',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:team' },
};

/** A UrlReader over an in-memory tree whose ETag changes with its content. */
function treeReader(files: Record<string, string>) {
  const state = { files, etag: 'v1', reads: 0, urls: [] as string[] };
  const reader: UrlReaderService = {
    readUrl: async () => {
      throw new Error('not used');
    },
    search: async () => {
      throw new Error('not used');
    },
    readTree: async (url, options) => {
      state.urls.push(url);
      if (options?.etag === state.etag) throw new NotModifiedError();
      state.reads++;
      return {
        etag: state.etag,
        files: async () =>
          Object.entries(state.files).map(([path, text]) => ({
            path,
            content: async () => Buffer.from(text),
            lastModifiedAt: undefined,
          })),
        archive: async () => {
          throw new Error('not used');
        },
        dir: async () => {
          throw new Error('not used');
        },
      };
    },
  };
  return { reader, state };
}

describe('ScorecardService with a UrlReader source', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the tree once while its ETag holds, and again when it changes, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await DatabaseScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const { reader, state } = treeReader({
        'requirements.txt': 'fastapi==0.1.0\n',
        Dockerfile: 'FROM python:3.12-slim\nUSER app\n',
      });
      const engine = createTwelveFactorEngine();
      const evaluate = jest.spyOn(engine, 'evaluate');
      let clock = Date.parse('2026-11-26T10:00:00Z');
      const service = new ScorecardService({
        engine,
        store,
        catalog: catalogServiceMock({ entities: [entity] }),
        sources: [
          new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
        ],
        logger: mockServices.logger.mock(),
        maxAgeMs: 60_000,
        now: () => new Date(clock),
      });

      const first = await service.get(
        'component:default/svc',
        mockCredentials.user(),
      );
      expect(state.urls).toEqual([
        'https://github.com/example-org/svc/tree/main/',
      ]);
      expect(
        first.results.find(
          r => r.checkId === 'cn-containerization.non-root-user',
        )?.verdict,
      ).toBe('pass');

      // Fresh: served from the store, no read at all.
      clock += 1_000;
      await service.get('component:default/svc', mockCredentials.user());
      expect(state.urls).toHaveLength(1);

      // Stale but unchanged: a conditional read, no download, no evaluation.
      clock += 120_000;
      const restamped = await service.get(
        'component:default/svc',
        mockCredentials.user(),
      );
      expect(state.urls).toHaveLength(2);
      expect(state.reads).toBe(1);
      expect(evaluate).toHaveBeenCalledTimes(1);
      expect(restamped.generatedAt).toBe(new Date(clock).toISOString());
      expect(restamped.results).toEqual(first.results);
      // Re-stamped in place: one stored scan, confirmed at the new time.
      expect(await store.history('component:default/svc', 10)).toEqual([
        expect.objectContaining({
          since: first.generatedAt,
          generatedAt: restamped.generatedAt,
        }),
      ]);
      expect(
        (await store.latest('component:default/svc'))?.scorecard.generatedAt,
      ).toBe(restamped.generatedAt);

      // Evaluated again (a forced refresh reads the tree anew) with the same result: still one scan.
      clock += 1_000;
      await service.get('component:default/svc', mockCredentials.user(), {
        refresh: true,
      });
      expect(await store.history('component:default/svc', 10)).toHaveLength(1);

      // Changed: downloaded and evaluated again.
      clock += 1_000;
      state.files = { ...state.files, Dockerfile: 'FROM python:3.12-slim\n' };
      state.etag = 'v2';
      const changed = await service.get(
        'component:default/svc',
        mockCredentials.user(),
        { refresh: true },
      );
      expect(state.reads).toBe(2);
      expect(evaluate).toHaveBeenCalledTimes(2);
      expect(
        changed.results.find(
          r => r.checkId === 'cn-containerization.non-root-user',
        )?.verdict,
      ).toBe('fail');
      // A different result is a new entry of the history.
      expect(
        (await store.history('component:default/svc', 10)).map(
          h => h.generatedAt,
        ),
      ).toEqual([changed.generatedAt, new Date(clock - 1_000).toISOString()]);
    },
  );

  it('turns an unreadable repository into unknown verdicts with the reason', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const reader = {
      readTree: async () => {
        throw new Error('401 Bad credentials');
      },
    } as unknown as UrlReaderService;
    const service = new ScorecardService({
      engine: createTwelveFactorEngine(),
      store,
      catalog: catalogServiceMock({ entities: [entity] }),
      sources: [
        new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
      ],
      logger: mockServices.logger.mock(),
      maxAgeMs: 60_000,
    });
    const card = await service.get(
      'component:default/svc',
      mockCredentials.user(),
    );
    const pinned = card.results.find(
      r => r.checkId === 'f2-dependencies.pinned',
    )!;
    expect(pinned.verdict).toBe('unknown');
    expect(pinned.reason).toContain('401 Bad credentials');
  });

  it('leaves out of the summaries the entities no longer in the catalog', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const { reader } = treeReader({ Dockerfile: 'FROM python:3.12-slim\n' });
    const gone = { ...entity, metadata: { ...entity.metadata, name: 'gone' } };
    const options = {
      engine: createTwelveFactorEngine(),
      store,
      sources: [
        new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
      ],
      logger: mockServices.logger.mock(),
      maxAgeMs: 60_000,
    };
    // Both were scored while in the catalog; then 'gone' was removed from it.
    const before = new ScorecardService({
      ...options,
      catalog: catalogServiceMock({ entities: [entity, gone] }),
    });
    await before.get('component:default/svc', mockCredentials.user());
    await before.get('component:default/gone', mockCredentials.user());
    expect(
      (await before.summaries(mockCredentials.user())).map(s => s.entityRef),
    ).toEqual(['component:default/gone', 'component:default/svc']);

    const after = new ScorecardService({
      ...options,
      catalog: catalogServiceMock({ entities: [entity] }),
    });
    const summaries = await after.summaries(mockCredentials.user());
    expect(summaries.map(s => s.entityRef)).toEqual(['component:default/svc']);
    // With the owner as a full ref ('group:team' in the entity).
    expect(summaries[0].owner).toBe('group:default/team');
    // The history stays in the store.
    expect(await store.history('component:default/gone', 10)).toHaveLength(1);
  });
});
