import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { twelveFactorPermissions } from '@internal/plugin-twelve-factor-common';
import {
  createTwelveFactorEngine,
  FactExtractor,
  TwelveFactorCheck,
  twelveFactorChecksExtensionPoint,
} from '@internal/plugin-twelve-factor-node';
import { readTwelveFactorConfig } from './config';
import { DatabaseScorecardStore } from './database/ScorecardStore';
import { ScanLeases } from './database/ScanLeases';
import {
  catalogClusters,
  readClusterSpecs,
  usesCatalogLocator,
} from './kubernetes/clusterConfig';
import { CombinedClusterProvider } from './kubernetes/CombinedClusterProvider';
import { FleetCollector } from './kubernetes/FleetCollector';
import { registerTwelveFactorActions } from './actions/registerActions';
import { createRouter } from './service/router';
import { ConditionalDecisionCache } from './service/ConditionalDecisionCache';
import { ScorecardBodies } from './service/scorecardBodies';
import { CatalogSync } from './service/CatalogSync';
import { EntityFilter } from './service/entityFilter';
import { FleetIndex } from './fleet/FleetIndex';
import { DefaultWaiverService } from './waivers/DefaultWaiverService';
import { WaiverStore } from './waivers/WaiverStore';
import { FleetService } from './fleet/FleetService';
import { TwelveFactorMetrics } from './metrics/TwelveFactorMetrics';
import { redactingLogger } from './service/redactingLogger';
import { ClusterProvider, ScorecardService } from './service/ScorecardService';
import { ClusterDumpProvider } from './sources/ClusterDumpProvider';
import { LocalSourceResolver } from './sources/LocalSourceResolver';
import { UrlReaderSourceResolver } from './sources/UrlReaderSourceResolver';

/**
 * The twelve-factor backend plugin: scores catalog entities and serves the
 * scorecards at /api/twelve-factor; a scheduled task re-scores the fleet.
 * @public
 */
export const twelveFactorPlugin = createBackendPlugin({
  pluginId: 'twelve-factor',
  register(env) {
    const customChecks: TwelveFactorCheck[] = [];
    const customExtractors: FactExtractor<any>[] = [];
    env.registerExtensionPoint(twelveFactorChecksExtensionPoint, {
      addChecks: (...checks) => customChecks.push(...checks),
      addFactExtractors: (...extractors) =>
        customExtractors.push(...extractors),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        metricsService: metricsServiceRef,
        auditor: coreServices.auditor,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger: rawLogger,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        catalog,
        metricsService,
        auditor,
        actionsRegistry,
      }) {
        const logger = redactingLogger(rawLogger);
        const metrics = TwelveFactorMetrics.fromConfig(metricsService, config);
        const settings = readTwelveFactorConfig(config);
        permissionsRegistry.addPermissions(twelveFactorPermissions);
        const engine = createTwelveFactorEngine({
          customChecks,
          customExtractors,
        });
        const store = await DatabaseScorecardStore.create({ database });
        const db = await database.getClient();
        const leases = ScanLeases.supports(db)
          ? new ScanLeases(db, logger, settings.scanLease)
          : undefined;
        if (!leases)
          logger.warn(
            'Scan leases need PostgreSQL or SQLite: replicas on this database may scan an entity at the same time',
          );
        const waiverStore = await WaiverStore.create({ database });

        const providers: ClusterProvider[] = [];
        const configured = readClusterSpecs(config);
        const catalogLocator = usesCatalogLocator(config);
        if (configured.length || catalogLocator) {
          providers.push(
            new FleetCollector(
              async () => {
                if (!catalogLocator) return configured;
                const { items } = await catalog.getEntities(
                  {
                    filter: {
                      kind: 'Resource',
                      'spec.type': 'kubernetes-cluster',
                    },
                  },
                  { credentials: await auth.getOwnServiceCredentials() },
                );
                return [...configured, ...catalogClusters(items, configured)];
              },
              logger,
              {
                maxAgeMs: settings.maxAgeMs,
                collector: settings.collector,
                metrics,
              },
            ),
          );
        }
        const dumps = ClusterDumpProvider.fromConfig(config, logger);
        if (dumps) providers.push(dumps);

        const localSources = LocalSourceResolver.fromConfig(config);
        const filter = EntityFilter.fromConfig(config, entity =>
          localSources.has(entity),
        );
        const catalogSync = new CatalogSync({
          catalog,
          auth,
          store,
          filter,
          logger,
        });
        const scorecards = new ScorecardService({
          engine,
          store,
          catalog,
          // Local folders first (examples, air-gapped mirrors), then the SCM.
          sources: [
            localSources,
            new UrlReaderSourceResolver(
              urlReader,
              logger,
              settings.limits,
              metrics,
            ),
          ],
          ...(providers.length
            ? { clusters: new CombinedClusterProvider(providers) }
            : {}),
          logger,
          maxAgeMs: settings.maxAgeMs,
          filter,
          catalogSync,
          serviceCredentials: () => auth.getOwnServiceCredentials(),
          queue: settings.queue,
          metrics,
          ...(leases ? { leases } : {}),
          waivers: waiverStore,
        });
        const waivers = new DefaultWaiverService({
          store: waiverStore,
          permissions,
          auditor,
          logger,
          scans: scorecards,
          checkIds: () => new Set(engine.checkDefinitions().map(d => d.id)),
          maxDays: settings.waivers.maxDays,
        });
        const index = new FleetIndex(store);
        metrics.observeQueue(() => scorecards.queue.length);
        metrics.observeFleet(index);
        // Reads apply a caller's conditional decision to each entity: kept for a few seconds.
        const readPermissions = new ConditionalDecisionCache(permissions, {
          ttlMs: settings.permissionCacheTtlMs,
        });
        const fleet = new FleetService({
          index,
          store,
          permissions: readPermissions,
          catalog,
          auth,
          logger,
        });
        const bodies = new ScorecardBodies({
          store,
          index,
          permissions: readPermissions,
          filter,
          maxAgeMs: settings.maxAgeMs,
          onStale: ref => scorecards.queue.enqueue(ref),
        });
        store.onWrite(ref => bodies.written(ref));
        registerTwelveFactorActions(actionsRegistry, {
          permissions,
          scorecards,
          fleet,
          index,
          store,
          waivers,
          checks: () => engine.checkDefinitions(),
          logger,
        });
        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            permissions,
            engine,
            store,
            scorecards,
            fleet,
            index,
            waivers,
            bodies,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        await scheduler.scheduleTask({
          id: 'twelve-factor-catalog-sync',
          frequency: settings.catalogSync.frequency,
          timeout: { minutes: 5 },
          initialDelay: settings.catalogSync.initialDelay,
          fn: async () => {
            const entities = await catalogSync.run();
            // Services never scanned are queued now rather than at the next fleet scan.
            await index.refresh({ force: true });
            for (const e of entities) {
              if (!index.get(stringifyEntityRef(e))?.latest)
                scorecards.queue.enqueue(stringifyEntityRef(e));
            }
          },
        });

        await scheduler.scheduleTask({
          id: 'twelve-factor-waiver-expiry',
          frequency: settings.waivers.expiryCheckFrequency,
          timeout: { minutes: 5 },
          initialDelay: settings.catalogSync.initialDelay,
          fn: async () => {
            await waivers.recordExpiries();
          },
        });

        await scheduler.scheduleTask({
          id: 'twelve-factor-fleet-scan',
          frequency: settings.schedule.frequency,
          timeout: settings.schedule.timeout,
          initialDelay: settings.schedule.initialDelay,
          fn: async () => {
            // Findings stored before their messages were kept get them, once.
            const filled = await store.fillLatestMessages().catch(e => {
              logger.warn(`Could not fill the findings' messages: ${e}`);
              return 0;
            });
            if (filled)
              logger.info(
                `Filled the findings' messages of ${filled} services stored before they were kept`,
              );
            await scorecards.scanFleet(await auth.getOwnServiceCredentials());
            const pruned = await store.prune(
              new Date(Date.now() - settings.historyMaxAgeMs),
            );
            if (pruned)
              logger.info(
                `Deleted ${pruned} scans older than the history's maximum age`,
              );
          },
        });
      },
    });
  },
});
