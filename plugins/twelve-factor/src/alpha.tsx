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
    twelveFactorOverviewPage,
  ],
  routes: { root: rootRouteRef as any, overview: overviewPageRouteRef },
});

export default twelveFactorFrontendPlugin;

export { twelveFactorTranslationRef } from './translation/ref';
