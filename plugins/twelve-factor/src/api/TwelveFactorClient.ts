import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  type FleetCampaign,
  type FleetPage,
  type FleetQuery,
  type FleetRollups,
  type FleetTrend,
  fleetQueryToParams,
  type Scorecard,
  type ScorecardPending,
  type ScoreHistoryEntry,
  type TwelveFactorOpenApi as Api,
  type Verdict,
  type WaiverList,
  type WaiverRecord,
  type WaiverRequest,
} from '@internal/plugin-twelve-factor-common';
import type {
  CheckCatalog,
  FleetExportFormat,
  FleetGrouping,
  FleetPeriod,
  TwelveFactorApi,
} from './TwelveFactorApi';

/** Whether getScorecard answered with a scan on its way rather than a scorecard. @public */
export function isScorecardPending(
  value: Scorecard | ScorecardPending,
): value is ScorecardPending {
  return (
    !('results' in value) &&
    ((value as ScorecardPending).status === 'queued' ||
      (value as ScorecardPending).status === 'scanning')
  );
}

/**
 * The query string of a fleet request, typed by the endpoint's query in the
 * backend's OpenAPI schema (Q): the fleet query in its one text form without
 * the parts the endpoint does not take, then the endpoint's own parameters.
 * `omit` must name every part of FleetQuery that Q lacks, so sending a
 * parameter the backend refuses (a 400) is a compile error here; it may
 * name more (trend's `groupBy` names its series, not the rows' grouping).
 */
function fleetParams<Q extends object>(
  query: FleetQuery,
  omit: { [K in Exclude<keyof FleetQuery, keyof Q>]: true } & {
    [K in keyof FleetQuery]?: true;
  },
  extra: { [K in keyof Q]?: Q[K] } = {},
): string {
  const rest: FleetQuery = { ...query };
  for (const key of Object.keys(omit) as Array<keyof FleetQuery>)
    delete rest[key];
  const params = fleetQueryToParams(rest);
  for (const [key, value] of Object.entries(extra)) {
    // Lists are comma-separated, as the schema's `explode: false` says.
    if (value !== undefined)
      params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The parts of FleetQuery that only the heatmap's page takes. */
const PAGING = {
  groupBy: true,
  sort: true,
  order: true,
  offset: true,
  limit: true,
} as const;

/** Talks to /api/twelve-factor with the signed-in user's token. @public */
export class TwelveFactorClient implements TwelveFactorApi {
  private catalog?: Promise<CheckCatalog>;

  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async fetch(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.deps.discoveryApi.getBaseUrl('twelve-factor');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await this.fetch(path, init)).json()) as T;
  }

  private static path(entity: CompoundEntityRef): string {
    return [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
  }

  async getScorecard(
    entity: CompoundEntityRef,
  ): Promise<Scorecard | ScorecardPending> {
    const response = await this.fetch(
      `/scorecards/${TwelveFactorClient.path(entity)}`,
    );
    const body: Api.GetScorecard['response'] = await response.json();
    // 202: not scanned yet; the backend has queued the first scan.
    if (response.status === 202) {
      const pending = body as Api.ScorecardPending;
      return {
        entityRef: pending.entityRef,
        status: pending.status === 'scanning' ? 'scanning' : 'queued',
        message: pending.message ?? '',
      };
    }
    return body as Api.Scorecard;
  }

  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard> {
    return this.request<Api.RefreshScorecard['response']>(
      `/scorecards/${TwelveFactorClient.path(entity)}/refresh`,
      { method: 'POST' },
    );
  }

  getWaivers(entity: CompoundEntityRef): Promise<WaiverList> {
    return this.request<Api.ListWaivers['response']>(
      `/scorecards/${TwelveFactorClient.path(entity)}/waivers`,
    );
  }

  createWaiver(
    entity: CompoundEntityRef,
    request: WaiverRequest,
  ): Promise<WaiverRecord> {
    const body: Api.CreateWaiver['body'] = request;
    return this.request<Api.CreateWaiver['response']>(
      `/scorecards/${TwelveFactorClient.path(entity)}/waivers`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
  }

  revokeWaiver(entity: CompoundEntityRef, id: string): Promise<WaiverRecord> {
    return this.request<Api.RevokeWaiver['response']>(
      `/scorecards/${TwelveFactorClient.path(
        entity,
      )}/waivers/${encodeURIComponent(id)}`,
      { method: 'DELETE' },
    );
  }

  getHistory(
    entity: CompoundEntityRef,
  ): Promise<{ items: ScoreHistoryEntry[] }> {
    const query: Api.GetScorecardHistory['query'] = { limit: 20 };
    return this.request<Api.GetScorecardHistory['response']>(
      `/scorecards/${TwelveFactorClient.path(entity)}/history?limit=${
        query.limit
      }`,
    );
  }

  getFleet(query: FleetQuery): Promise<FleetPage> {
    return this.request<Api.GetFleet['response']>(
      `/fleet${fleetParams<Api.GetFleet['query']>(query, {})}`,
    );
  }

  getRollups(by: FleetGrouping, query: FleetQuery): Promise<FleetRollups> {
    return this.request<Api.GetFleetRollups['response']>(
      `/fleet/rollups${fleetParams<Api.GetFleetRollups['query']>(
        query,
        PAGING,
        { by },
      )}`,
    );
  }

  getCampaign(
    checkId: string,
    options: {
      query: FleetQuery;
      days?: FleetPeriod;
      verdicts?: Verdict[];
      perOwner?: number;
    },
  ): Promise<FleetCampaign> {
    // The check is the path; the query's own check filter would narrow the
    // services to a second check, which a campaign does not mean.
    return this.request<Api.GetFleetCampaign['response']>(
      `/fleet/campaigns/${encodeURIComponent(checkId)}${fleetParams<
        Api.GetFleetCampaign['query']
      >(
        options.query,
        { ...PAGING, check: true },
        {
          days: options.days,
          verdict: options.verdicts?.length ? options.verdicts : undefined,
          perOwner: options.perOwner,
        },
      )}`,
    );
  }

  getTrend(options: {
    query: FleetQuery;
    days: FleetPeriod;
    groupBy?: FleetGrouping;
  }): Promise<FleetTrend> {
    return this.request<Api.GetFleetTrend['response']>(
      `/fleet/trend${fleetParams<Api.GetFleetTrend['query']>(
        options.query,
        PAGING,
        { days: options.days, groupBy: options.groupBy },
      )}`,
    );
  }

  async downloadExport(
    format: FleetExportFormat,
    query: FleetQuery,
    options?: { lang?: 'en' | 'ko' },
  ): Promise<Blob> {
    // Every matching service, not a page: paging is left out.
    const path =
      format === 'csv'
        ? `/fleet/export.csv${fleetParams<Api.ExportFleetCsv['query']>(query, {
            offset: true,
            limit: true,
          })}`
        : `/fleet/report.md${fleetParams<Api.GetFleetReport['query']>(
            query,
            { offset: true, limit: true },
            { lang: options?.lang ?? 'en' },
          )}`;
    const response = await this.fetch(path);
    return response.blob();
  }

  getCheckCatalog(): Promise<CheckCatalog> {
    // The catalog changes only with a backend deploy; one request per page load.
    this.catalog ??= this.request<Api.GetChecks['response']>('/checks').catch(
      e => {
        this.catalog = undefined;
        throw e;
      },
    );
    return this.catalog;
  }
}
