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
import { rootRouteRef } from './routes';

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
  routes: { root: rootRouteRef },
});

/** The entity tab. Mount it under an `EntityLayout.Route path="/twelve-factor"`. @public */
export const EntityTwelveFactorContent = twelveFactorPlugin.provide(
  createRoutableExtension({
    name: 'EntityTwelveFactorContent',
    component: () => import('./components/EntityTwelveFactorContent').then(m => m.EntityTwelveFactorContent),
    mountPoint: rootRouteRef,
  }),
);

/** The entity overview card. @public */
export const EntityTwelveFactorCard = twelveFactorPlugin.provide(
  createComponentExtension({
    name: 'EntityTwelveFactorCard',
    component: {
      lazy: () => import('./components/EntityTwelveFactorCard').then(m => m.EntityTwelveFactorCard),
    },
  }),
);
