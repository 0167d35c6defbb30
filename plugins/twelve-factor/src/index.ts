/**
 * Twelve-Factor scorecards on catalog entities.
 *
 * @packageDocumentation
 */
export {
  twelveFactorPlugin,
  EntityTwelveFactorContent,
  EntityTwelveFactorCard,
  TwelveFactorOverviewPage,
} from './plugin';
export { overviewRouteRef } from './routes';
export { TwelveFactorOverviewContent } from './components/TwelveFactorOverviewPage';
export type { TwelveFactorOverviewProps } from './components/TwelveFactorOverviewPage';
export { twelveFactorApiRef } from './api/TwelveFactorApi';
export type { TwelveFactorApi, CheckCatalog } from './api/TwelveFactorApi';
export { TwelveFactorClient } from './api/TwelveFactorClient';
export { isTwelveFactorAvailable } from './isTwelveFactorAvailable';
export {
  twelveFactorTranslationRef,
  twelveFactorTranslations,
} from './translation/ref';
