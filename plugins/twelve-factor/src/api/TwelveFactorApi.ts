import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AreaDefinition,
  CheckDefinition,
  Scorecard,
  ScorecardOverview,
  ScoreHistoryEntry,
} from '@internal/plugin-twelve-factor-common';

/** The check catalog as the backend serves it (built-in and custom checks). @public */
export interface CheckCatalog {
  areas: AreaDefinition[];
  checks: CheckDefinition[];
}

/** Client of the twelve-factor backend. @public */
export interface TwelveFactorApi {
  getScorecard(entity: CompoundEntityRef): Promise<Scorecard>;
  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard>;
  getCheckCatalog(): Promise<CheckCatalog>;
  /** The entity's scores over time, newest first, one entry per change. */
  getHistory(
    entity: CompoundEntityRef,
  ): Promise<{ items: ScoreHistoryEntry[] }>;
  /** The latest scan of every entity the user may read, summarised. */
  getOverview(): Promise<ScorecardOverview>;
}

/** @public */
export const twelveFactorApiRef = createApiRef<TwelveFactorApi>({
  id: 'plugin.twelve-factor.service',
});
