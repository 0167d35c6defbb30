import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AreaDefinition,
  CheckDefinition,
  FleetCampaign,
  FleetPage,
  FleetQuery,
  FleetRollups,
  FleetTrend,
  Scorecard,
  ScorecardPending,
  ScoreHistoryEntry,
  Verdict,
  WaiverList,
  WaiverRecord,
  WaiverRequest,
} from '@internal/plugin-twelve-factor-common';

/** The check catalog as the backend serves it (built-in and custom checks). @public */
export interface CheckCatalog {
  areas: AreaDefinition[];
  checks: CheckDefinition[];
}

/** The dimensions the fleet rolls up and groups by. @public */
export type FleetGrouping = 'owner' | 'system' | 'domain';

/** The trend and campaign periods the backend serves, in days. @public */
export type FleetPeriod = 30 | 90 | 365;

/** What an export is written as: CSV of every matching service, or the Markdown report. @public */
export type FleetExportFormat = 'csv' | 'markdown';

/** Client of the twelve-factor backend. @public */
export interface TwelveFactorApi {
  /**
   * The entity's latest scorecard, or, before its first scan, a
   * ScorecardPending (the backend has queued the scan). Rejects with the
   * backend's message (a ResponseError, status 400) when the entity is not
   * scored at all.
   */
  getScorecard(
    entity: CompoundEntityRef,
  ): Promise<Scorecard | ScorecardPending>;
  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard>;
  getCheckCatalog(): Promise<CheckCatalog>;
  /** The entity's scores over time, newest first, one entry per change. */
  getHistory(
    entity: CompoundEntityRef,
  ): Promise<{ items: ScoreHistoryEntry[] }>;
  /** The entity's portal waivers, newest first, and the longest one allowed. */
  getWaivers(entity: CompoundEntityRef): Promise<WaiverList>;
  /** Waives a check (the backend checks twelve-factor.waiver.manage and rescans). */
  createWaiver(
    entity: CompoundEntityRef,
    request: WaiverRequest,
  ): Promise<WaiverRecord>;
  revokeWaiver(entity: CompoundEntityRef, id: string): Promise<WaiverRecord>;
  /** One page of the fleet (filtered, sorted and paged by the backend), with facets and the summary of the whole filter. */
  getFleet(query: FleetQuery): Promise<FleetPage>;
  /** The filtered fleet rolled up by owner, system or domain. */
  getRollups(by: FleetGrouping, query: FleetQuery): Promise<FleetRollups>;
  /**
   * A check across the filtered fleet: the services with one of the verdicts
   * (fail and partial unless given), grouped by owner, and the daily counts.
   */
  getCampaign(
    checkId: string,
    options: {
      query: FleetQuery;
      days?: FleetPeriod;
      verdicts?: Verdict[];
      /** Services listed per owner (the backend lists a few unless asked). */
      perOwner?: number;
    },
  ): Promise<FleetCampaign>;
  /** Mean scores over time of the filtered fleet, optionally per group. */
  getTrend(options: {
    query: FleetQuery;
    days: FleetPeriod;
    groupBy?: FleetGrouping;
  }): Promise<FleetTrend>;
  /**
   * The whole filtered fleet (not a page) as CSV, or the aggregated report as
   * Markdown in English or Korean, fetched with the user's token.
   */
  downloadExport(
    format: FleetExportFormat,
    query: FleetQuery,
    options?: { lang?: 'en' | 'ko' },
  ): Promise<Blob>;
}

/** @public */
export const twelveFactorApiRef = createApiRef<TwelveFactorApi>({
  id: 'plugin.twelve-factor.service',
});
