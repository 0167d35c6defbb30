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
