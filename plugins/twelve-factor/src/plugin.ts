import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { twelveFactorApiRef } from './api/TwelveFactorApi';
import { TwelveFactorClient } from './api/TwelveFactorClient';
import { overviewRouteRef, rootRouteRef } from './routes';

/** The twelve-factor frontend plugin (legacy frontend system). @public */
export const twelveFactorPlugin = createPlugin({
  id: 'twelve-factor',
  apis: [
    createApiFactory({
      api: twelveFactorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new TwelveFactorClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, overview: overviewRouteRef },
});

/** The entity tab. Mount it under an `EntityLayout.Route path="/twelve-factor"`. @public */
export const EntityTwelveFactorContent = twelveFactorPlugin.provide(
  createRoutableExtension({
    name: 'EntityTwelveFactorContent',
    component: () =>
      import('./components/EntityTwelveFactorContent').then(
        m => m.EntityTwelveFactorContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** The entity overview card. @public */
export const EntityTwelveFactorCard = twelveFactorPlugin.provide(
  createComponentExtension({
    name: 'EntityTwelveFactorCard',
    component: {
      lazy: () =>
        import('./components/EntityTwelveFactorCard').then(
          m => m.EntityTwelveFactorCard,
        ),
    },
  }),
);

/** The org-wide overview page for the platform team. Mount it under a top-level route, e.g. `/twelve-factor`. @public */
export const TwelveFactorOverviewPage = twelveFactorPlugin.provide(
  createRoutableExtension({
    name: 'TwelveFactorOverviewPage',
    component: () =>
      import('./components/TwelveFactorOverviewPage').then(
        m => m.TwelveFactorOverviewPage,
      ),
    mountPoint: overviewRouteRef,
  }),
);

/**
 * The fleet view of a Group, System or Domain: the services within it,
 * rolled up and as a heatmap. Mount it under an
 * `EntityLayout.Route path="/twelve-factor"` of those kinds' pages. @public
 */
export const EntityTwelveFactorFleetContent = twelveFactorPlugin.provide(
  createComponentExtension({
    name: 'EntityTwelveFactorFleetContent',
    component: {
      lazy: () =>
        import('./components/EntityTwelveFactorFleetContent').then(
          m => m.EntityTwelveFactorFleetContent,
        ),
    },
  }),
);

/** The headline figures of a Group's, System's or Domain's services, for its overview tab. @public */
export const EntityTwelveFactorFleetCard = twelveFactorPlugin.provide(
  createComponentExtension({
    name: 'EntityTwelveFactorFleetCard',
    component: {
      lazy: () =>
        import('./components/TwelveFactorFleetCard').then(
          m => m.EntityTwelveFactorFleetCard,
        ),
    },
  }),
);

/** The fleet's headline figures (services, average, bands, weakest areas), for a home page. @public */
export const TwelveFactorFleetCard = twelveFactorPlugin.provide(
  createComponentExtension({
    name: 'TwelveFactorFleetCard',
    component: {
      lazy: () =>
        import('./components/TwelveFactorFleetCard').then(
          m => m.TwelveFactorFleetCard,
        ),
    },
  }),
);
