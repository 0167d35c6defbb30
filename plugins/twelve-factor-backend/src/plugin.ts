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
import { LocalSourceResolver } from './sources/LocalSourceResolver';

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
      },
      async init({ config, logger, database, httpRouter, httpAuth, permissions, permissionsRegistry, catalog }) {
        const settings = readTwelveFactorConfig(config);
        permissionsRegistry.addPermissions(twelveFactorPermissions);
        const engine = createTwelveFactorEngine({ customChecks, customExtractors });
        const store = await DatabaseScorecardStore.create({ database });
        const scorecards = new ScorecardService({
          engine,
          store,
          catalog,
          sources: [LocalSourceResolver.fromConfig(config)],
          logger,
          maxAgeMs: settings.maxAgeMs,
        });
        httpRouter.use(await createRouter({ logger, httpAuth, permissions, engine, store, scorecards }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
