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
import { CatalogSync } from './CatalogSync';
import { EntityFilter } from './entityFilter';
import { ScorecardService } from './ScorecardService';
import type { Entity } from '@backstage/catalog-model';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { SourceResolver } from '../sources/SourceResolver';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';

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

/** The service as the plugin wires it, over a catalog of `entities`. */
function serviceOf(options: {
  store: ScorecardStore;
  entities: Entity[];
  sources: SourceResolver[];
  engine?: ReturnType<typeof createTwelveFactorEngine>;
  now?: () => Date;
}) {
  const catalog = catalogServiceMock({ entities: options.entities });
  const logger = mockServices.logger.mock();
  const filter = new EntityFilter([{ kind: ['component'] }], true, () => false);
  const auth = mockServices.auth();
  const catalogSync = new CatalogSync({
    catalog,
    auth,
    store: options.store,
    filter,
    logger,
  });
  return new ScorecardService({
    engine: options.engine ?? createTwelveFactorEngine(),
    store: options.store,
    catalog,
    sources: options.sources,
    logger,
    maxAgeMs: 60_000,
    filter,
    catalogSync,
    serviceCredentials: () => auth.getOwnServiceCredentials(),
    ...(options.now ? { now: options.now } : {}),
  });
}

function asCard(x: unknown): Scorecard {
  expect(x).toHaveProperty('results');
  return x as Scorecard;
}

describe('ScorecardService with a UrlReader source', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'queues the first scan of a service that is read, reads the tree once while its ETag holds, and again when it changes, on %p',
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
      const service = serviceOf({
        engine,
        store,
        entities: [entity],
        sources: [
          new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
        ],
        now: () => new Date(clock),
      });

      // Reading never scans: the first read queues the service and says so.
      const pending = await service.get(
        'component:default/svc',
        mockCredentials.user(),
      );
      expect(pending).toEqual({
        entityRef: 'component:default/svc',
        status: expect.stringMatching(/^(queued|scanning)$/),
        message: expect.stringContaining('first scan'),
      });
      // A second read does not queue it twice.
      await service.get('component:default/svc', mockCredentials.user());
      await service.queue.drained();
      expect(evaluate).toHaveBeenCalledTimes(1);
      expect(state.urls).toEqual([
        'https://github.com/example-org/svc/tree/main/',
      ]);
      const first = asCard(
        await service.get('component:default/svc', mockCredentials.user()),
      );
      expect(
        first.results.find(
          r => r.checkId === 'cn-containerization.non-root-user',
        )?.verdict,
      ).toBe('pass');

      // Fresh: served from the store, no read at all.
      clock += 1_000;
      await service.get('component:default/svc', mockCredentials.user());
      await service.queue.drained();
      expect(state.urls).toHaveLength(1);

      // Stale: served as stored, and queued; unchanged, so a conditional read, no download, no evaluation.
      clock += 120_000;
      const stale = asCard(
        await service.get('component:default/svc', mockCredentials.user()),
      );
      expect(stale.generatedAt).toBe(first.generatedAt);
      await service.queue.drained();
      expect(state.urls).toHaveLength(2);
      expect(state.reads).toBe(1);
      expect(evaluate).toHaveBeenCalledTimes(1);
      const restamped = asCard(
        await service.get('component:default/svc', mockCredentials.user()),
      );
      expect(restamped.generatedAt).toBe(new Date(clock).toISOString());
      expect(restamped.results).toEqual(first.results);
      // Re-stamped in place: one stored scan, confirmed at the new time.
      expect(await store.history('component:default/svc', 10)).toEqual([
        expect.objectContaining({
          since: first.generatedAt,
          generatedAt: restamped.generatedAt,
        }),
      ]);

      // Evaluated again (a refresh reads the tree anew) with the same result: still one scan.
      clock += 1_000;
      await service.refresh('component:default/svc', mockCredentials.user());
      expect(await store.history('component:default/svc', 10)).toHaveLength(1);

      // Changed: downloaded and evaluated again.
      clock += 1_000;
      state.files = { ...state.files, Dockerfile: 'FROM python:3.12-slim\n' };
      state.etag = 'v2';
      const changed = await service.refresh(
        'component:default/svc',
        mockCredentials.user(),
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
    const service = serviceOf({
      store,
      entities: [entity],
      sources: [
        new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
      ],
    });
    const card = await service.refresh(
      'component:default/svc',
      mockCredentials.user(),
    );
    const pinned = card.results.find(
      r => r.checkId === 'f2-dependencies.pinned',
    )!;
    expect(pinned.verdict).toBe('unknown');
    expect(pinned.reason).toContain('401 Bad credentials');
  });

  it('scores only what the filter scores: other kinds and components with nothing to read are refused, and nothing is stored', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const { reader } = treeReader({ Dockerfile: 'FROM python:3.12-slim\n' });
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    };
    const bare = {
      ...entity,
      metadata: { name: 'bare', namespace: 'default' },
    };
    const service = serviceOf({
      store,
      entities: [entity, group, bare],
      sources: [
        new UrlReaderSourceResolver(reader, mockServices.logger.mock()),
      ],
    });
    await expect(
      service.get('group:default/team', mockCredentials.user()),
    ).rejects.toThrow(/Group team is not scored: only kind component/);
    await expect(
      service.refresh('group:default/team', mockCredentials.user()),
    ).rejects.toThrow(/not scored/);
    await expect(
      service.get('component:default/bare', mockCredentials.user()),
    ).rejects.toThrow(/no backstage.io\/source-location/);
    await expect(
      service.get('component:default/missing', mockCredentials.user()),
    ).rejects.toThrow(/No entity/);
    await service.queue.drained();
    expect(await knex('twelve_factor_scorecards').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
    expect(await knex('twelve_factor_entities').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
  });
});
