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
  EntityTwelveFactorFleetContent,
  EntityTwelveFactorFleetCard,
  TwelveFactorFleetCard,
} from './plugin';
export { overviewRouteRef } from './routes';
export { TwelveFactorOverviewContent } from './components/TwelveFactorOverviewPage';
export type { TwelveFactorOverviewProps } from './components/TwelveFactorOverviewPage';
export type { EntityTwelveFactorContentProps } from './components/EntityTwelveFactorContent';
export type { EntityTwelveFactorFleetContentProps } from './components/EntityTwelveFactorFleetContent';
export type { TwelveFactorFleetCardProps } from './components/TwelveFactorFleetCard';
export type { FleetViewProps } from './components/fleet/FleetView';
export { twelveFactorApiRef } from './api/TwelveFactorApi';
export type {
  TwelveFactorApi,
  CheckCatalog,
  FleetExportFormat,
  FleetGrouping,
  FleetPeriod,
} from './api/TwelveFactorApi';
export {
  TwelveFactorClient,
  isScorecardPending,
} from './api/TwelveFactorClient';
export {
  isTwelveFactorAvailable,
  isTwelveFactorFleetAvailable,
} from './isTwelveFactorAvailable';
export {
  twelveFactorTranslationRef,
  twelveFactorTranslations,
} from './translation/ref';
