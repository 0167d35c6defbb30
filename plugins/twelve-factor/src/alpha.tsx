/**
 * The twelve-factor plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  FrontendPlugin,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { twelveFactorApiRef } from './api/TwelveFactorApi';
import { TwelveFactorClient } from './api/TwelveFactorClient';
import { isTwelveFactorAvailable } from './isTwelveFactorAvailable';

/** Groups, Systems and Domains: the kinds whose pages show their services' fleet view. */
const FLEET_KINDS_FILTER = 'kind:group,system,domain';
import { overviewRouteRef, rootRouteRef } from './routes';

const overviewPageRouteRef = convertLegacyRouteRef(overviewRouteRef);

const twelveFactorApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: twelveFactorApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new TwelveFactorClient(deps),
    }),
});

const twelveFactorEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/twelve-factor',
    title: 'Twelve-Factor',
    filter: isTwelveFactorAvailable,
    loader: () =>
      import('./components/EntityTwelveFactorContent').then(m => (
        <m.EntityTwelveFactorContent />
      )),
  },
});

const twelveFactorEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'info',
    filter: isTwelveFactorAvailable,
    loader: () =>
      import('./components/EntityTwelveFactorCard').then(m => (
        <m.EntityTwelveFactorCard />
      )),
  },
});

/** The Twelve-Factor tab of a Group, System or Domain: its services rolled up and as a heatmap. */
const twelveFactorFleetEntityContent = EntityContentBlueprint.make({
  name: 'fleet',
  params: {
    path: '/twelve-factor',
    title: 'Twelve-Factor',
    filter: FLEET_KINDS_FILTER,
    loader: () =>
      import('./components/EntityTwelveFactorFleetContent').then(m => (
        <m.EntityTwelveFactorFleetContent />
      )),
  },
});

/** The headline figures of a Group's, System's or Domain's services on its overview. */
const twelveFactorFleetEntityCard = EntityCardBlueprint.make({
  name: 'fleet',
  params: {
    type: 'content',
    filter: FLEET_KINDS_FILTER,
    loader: () =>
      import('./components/TwelveFactorFleetCard').then(m => (
        <m.EntityTwelveFactorFleetCard />
      )),
  },
});

const twelveFactorOverviewPage = PageBlueprint.make({
  params: {
    path: '/twelve-factor',
    title: 'Twelve-Factor',
    icon: <AssessmentIcon />,
    routeRef: overviewPageRouteRef,
    loader: () =>
      import('./components/TwelveFactorOverviewPage').then(m => (
        <m.TwelveFactorOverviewContent />
      )),
  },
});

/** @alpha */
const twelveFactorFrontendPlugin: FrontendPlugin = createFrontendPlugin({
  pluginId: 'twelve-factor',
  extensions: [
    twelveFactorApi,
    twelveFactorEntityContent,
    twelveFactorEntityCard,
    twelveFactorFleetEntityContent,
    twelveFactorFleetEntityCard,
    twelveFactorOverviewPage,
  ],
  routes: { root: rootRouteRef as any, overview: overviewPageRouteRef },
});

export default twelveFactorFrontendPlugin;

export { twelveFactorTranslationRef } from './translation/ref';

/**
 * The fleet's headline figures as a plain component, for an app's home page
 * (the new frontend system's home page widgets come with the home plugin,
 * which this app does not install). @alpha
 */
export { TwelveFactorFleetCard } from './components/TwelveFactorFleetCard';
