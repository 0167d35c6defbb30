import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { twelveFactorPermissions } from '@internal/plugin-twelve-factor-common';
import {
  createTwelveFactorEngine,
  FactExtractor,
  TwelveFactorCheck,
  twelveFactorChecksExtensionPoint,
} from '@internal/plugin-twelve-factor-node';
import { DatabaseScorecardStore } from './database/ScorecardStore';
import { readTwelveFactorConfig } from './config';
import { createRouter } from './service/router';
import { ScorecardService } from './service/ScorecardService';
import { ClusterDumpProvider } from './sources/ClusterDumpProvider';
import { LocalSourceResolver } from './sources/LocalSourceResolver';
import { UrlReaderSourceResolver } from './sources/UrlReaderSourceResolver';

/**
 * The twelve-factor backend plugin: scores catalog entities and serves the
 * scorecards at /api/twelve-factor.
 * @public
 */
export const twelveFactorPlugin = createBackendPlugin({
  pluginId: 'twelve-factor',
  register(env) {
    const customChecks: TwelveFactorCheck[] = [];
    const customExtractors: FactExtractor<any>[] = [];
    env.registerExtensionPoint(twelveFactorChecksExtensionPoint, {
      addChecks: (...checks) => customChecks.push(...checks),
      addFactExtractors: (...extractors) => customExtractors.push(...extractors),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
      },
      async init({ config, logger, database, httpRouter, httpAuth, permissions, permissionsRegistry, catalog, urlReader }) {
        const settings = readTwelveFactorConfig(config);
        permissionsRegistry.addPermissions(twelveFactorPermissions);
        const engine = createTwelveFactorEngine({ customChecks, customExtractors });
        const store = await DatabaseScorecardStore.create({ database });
        const scorecards = new ScorecardService({
          engine,
          store,
          catalog,
          // Local folders first (examples, air-gapped mirrors), then the SCM.
          sources: [LocalSourceResolver.fromConfig(config), new UrlReaderSourceResolver(urlReader, logger, settings.limits)],
          clusters: ClusterDumpProvider.fromConfig(config, logger),
          logger,
          maxAgeMs: settings.maxAgeMs,
        });
        httpRouter.use(await createRouter({ logger, httpAuth, permissions, engine, store, scorecards }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
