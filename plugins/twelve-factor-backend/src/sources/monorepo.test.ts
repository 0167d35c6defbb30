import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTwelveFactorEngine } from '@internal/plugin-twelve-factor-node';
import { DatabaseScorecardStore } from '../database/ScorecardStore';
import { CatalogSync } from '../service/CatalogSync';
import { EntityFilter } from '../service/entityFilter';
import { ScorecardService } from '../service/ScorecardService';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { LocalSourceResolver } from './LocalSourceResolver';
import { UrlReaderSourceResolver } from './UrlReaderSourceResolver';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SHOP = path.join(REPO_ROOT, 'examples/shop-monorepo/repo');

function member(location: string, extra: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'cart',
      namespace: 'default',
      annotations: { 'backstage.io/source-location': location, ...extra },
    },
    spec: { type: 'service' },
  };
}

/** A UrlReader over in-memory trees by URL, recording the URLs and the files read. */
function reader(trees: Record<string, Record<string, string>>) {
  const urls: string[] = [];
  const read: string[] = [];
  const r: UrlReaderService = {
    readUrl: async () => {
      throw new Error('not used');
    },
    search: async () => {
      throw new Error('not used');
    },
    readTree: async url => {
      urls.push(url);
      const files = trees[url];
      if (!files) throw new Error(`NotFoundError: ${url}`);
      return {
        etag: 'e1',
        files: async () =>
          Object.entries(files).map(([p, text]) => ({
            path: p,
            content: async () => {
              read.push(p);
              return Buffer.from(text);
            },
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
  return { reader: r, urls, read };
}

const MONOREPO = {
  '.github/workflows/ci.yml': 'on: push',
  'k8s/cart.yaml': 'kind: Deployment',
  'src/cart/main.go': 'package main',
  'src/cart/Dockerfile': 'FROM scratch',
  'src/payment/main.go': 'package main',
  'src/payment/k8s/deployment.yaml': 'kind: Deployment',
};

describe('UrlReaderSourceResolver and monorepo members', () => {
  it('reads the repository root for a source location in a folder, and scopes the scan to the folder', async () => {
    const {
      reader: r,
      urls,
      read,
    } = reader({
      'https://github.com/acme/shop/tree/main': MONOREPO,
    });
    const source = await new UrlReaderSourceResolver(
      r,
      mockServices.logger.mock(),
    ).resolve(member('url:https://github.com/acme/shop/tree/main/src/cart/'));
    expect(urls).toEqual(['https://github.com/acme/shop/tree/main']);
    expect(source).toMatchObject({
      status: 'ok',
      codeRoot: 'src/cart',
      etag: 'e1',
    });
    // The other service's code is listed, never read; its YAML is (a shared tree may include it).
    expect(read).not.toContain('src/payment/main.go');
    expect(read).toContain('src/payment/k8s/deployment.yaml');
    if (source?.status !== 'ok') throw new Error('not ok');
    expect(source.snapshot.file('src/payment/main.go')?.skipped).toBe(
      'other-service',
    );
  });

  it('reads the folder alone, as before, when the root cannot be read', async () => {
    const { reader: r, urls } = reader({
      'https://github.com/acme/shop/tree/main/src/cart/': {
        'main.go': 'package main',
      },
    });
    const source = await new UrlReaderSourceResolver(
      r,
      mockServices.logger.mock(),
    ).resolve(member('url:https://github.com/acme/shop/tree/main/src/cart/'));
    expect(urls).toEqual([
      'https://github.com/acme/shop/tree/main',
      'https://github.com/acme/shop/tree/main/src/cart/',
    ]);
    expect(source).toMatchObject({ status: 'ok' });
    expect(source).not.toHaveProperty('codeRoot');
  });

  it('reads a repository-root source location as before', async () => {
    const { reader: r, urls } = reader({
      'https://github.com/acme/svc/tree/main/': { 'main.go': 'package main' },
    });
    const source = await new UrlReaderSourceResolver(
      r,
      mockServices.logger.mock(),
    ).resolve(member('url:https://github.com/acme/svc/tree/main/'));
    expect(urls).toEqual(['https://github.com/acme/svc/tree/main/']);
    expect(source).not.toHaveProperty('codeRoot');
  });
});

describe('LocalSourceResolver and monorepo members', () => {
  const cart = member('url:https://github.com/acme/shop/tree/main/src/cart/', {
    'backstage.io/managed-by-location': `file:${path.join(
      SHOP,
      'src/cart/catalog-info.yaml',
    )}`,
  });

  it('takes the folder above a catalog file in its service’s folder for the repository', async () => {
    const source = await LocalSourceResolver.fromConfig(
      new ConfigReader({
        twelveFactor: { sources: { fromFileLocations: true } },
      }),
    ).resolve(cart);
    expect(source).toMatchObject({
      status: 'ok',
      codeRoot: 'src/cart',
      location: path.join(SHOP, 'src/cart'),
    });
    if (source?.status !== 'ok') throw new Error('not ok');
    expect(source.snapshot.has('kubernetes/base/kustomization.yaml')).toBe(
      true,
    );
    expect(source.snapshot.file('src/checkout/app/main.py')?.skipped).toBe(
      'other-service',
    );
  });

  it('uses a configured entry’s path and codeRoot, or the source location’s folder when the path holds it', async () => {
    const configured = (entry: Record<string, string>) =>
      LocalSourceResolver.fromConfig(
        new ConfigReader({
          twelveFactor: {
            sources: {
              local: [{ entityRef: 'component:default/cart', ...entry }],
            },
          },
        }),
        REPO_ROOT,
      );
    const explicit = await configured({
      path: 'examples/shop-monorepo/repo',
      codeRoot: 'src/checkout',
    }).resolve(cart);
    expect(explicit).toMatchObject({ status: 'ok', codeRoot: 'src/checkout' });
    const derived = await configured({
      path: 'examples/shop-monorepo/repo',
    }).resolve(cart);
    expect(derived).toMatchObject({ status: 'ok', codeRoot: 'src/cart' });
    // A folder that does not hold the source location's folder is the repository, as before.
    const whole = await configured({
      path: 'examples/shop-monorepo/repo/src/cart',
    }).resolve(cart);
    expect(whole).toMatchObject({ status: 'ok' });
    expect(whole).not.toHaveProperty('codeRoot');
  });
});

describe('ScorecardService and monorepo members', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('hands the engine the code root its source found', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const entity = member(
      'url:https://github.com/acme/shop/tree/main/src/cart/',
    );
    const catalog = catalogServiceMock({ entities: [entity] });
    const logger = mockServices.logger.mock();
    const auth = mockServices.auth();
    const filter = new EntityFilter(
      [{ kind: ['component'] }],
      true,
      () => false,
    );
    const engine = createTwelveFactorEngine();
    const evaluate = jest.spyOn(engine, 'evaluate');
    const { reader: r } = reader({
      'https://github.com/acme/shop/tree/main': MONOREPO,
    });
    const service = new ScorecardService({
      engine,
      store,
      catalog,
      sources: [new UrlReaderSourceResolver(r, logger)],
      logger,
      maxAgeMs: 60_000,
      filter,
      catalogSync: new CatalogSync({ catalog, auth, store, filter, logger }),
      serviceCredentials: () => auth.getOwnServiceCredentials(),
    });
    const card = await service.scan(entity);
    expect(evaluate.mock.calls[0][0]).toMatchObject({ codeRoot: 'src/cart' });
    expect(card.diagnostics).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: expect.stringContaining(
          '1 other service folder not read (src/payment/)',
        ),
      }),
    );
  });
});
