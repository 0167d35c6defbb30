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
  type Verdict,
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
 * The query string of a fleet request: the query in its one text form,
 * without the parts the endpoint does not take, then the endpoint's own
 * parameters.
 */
function fleetParams(
  query: FleetQuery,
  omit: ReadonlyArray<keyof FleetQuery>,
  extra: Record<string, string | undefined> = {},
): string {
  const rest: FleetQuery = { ...query };
  for (const key of omit) delete rest[key];
  const params = fleetQueryToParams(rest);
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
    const body = await response.json();
    // 202: not scanned yet; the backend has queued the first scan.
    if (response.status === 202) {
      return {
        entityRef: body.entityRef,
        status: body.status === 'scanning' ? 'scanning' : 'queued',
        message: body.message ?? '',
      };
    }
    return body as Scorecard;
  }

  refreshScorecard(entity: CompoundEntityRef): Promise<Scorecard> {
    return this.request(
      `/scorecards/${TwelveFactorClient.path(entity)}/refresh`,
      { method: 'POST' },
    );
  }

  getHistory(
    entity: CompoundEntityRef,
  ): Promise<{ items: ScoreHistoryEntry[] }> {
    return this.request(
      `/scorecards/${TwelveFactorClient.path(entity)}/history?limit=20`,
    );
  }

  getFleet(query: FleetQuery): Promise<FleetPage> {
    return this.request(`/fleet${fleetParams(query, [])}`);
  }

  getRollups(by: FleetGrouping, query: FleetQuery): Promise<FleetRollups> {
    return this.request(
      `/fleet/rollups${fleetParams(
        query,
        ['groupBy', 'sort', 'order', 'offset', 'limit'],
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
    return this.request(
      `/fleet/campaigns/${encodeURIComponent(checkId)}${fleetParams(
        options.query,
        ['check', 'groupBy', 'sort', 'order', 'offset', 'limit'],
        {
          days: options.days ? String(options.days) : undefined,
          verdict: options.verdicts?.length
            ? options.verdicts.join(',')
            : undefined,
          perOwner:
            options.perOwner !== undefined
              ? String(options.perOwner)
              : undefined,
        },
      )}`,
    );
  }

  getTrend(options: {
    query: FleetQuery;
    days: FleetPeriod;
    groupBy?: FleetGrouping;
  }): Promise<FleetTrend> {
    return this.request(
      `/fleet/trend${fleetParams(
        options.query,
        ['groupBy', 'sort', 'order', 'offset', 'limit'],
        { days: String(options.days), groupBy: options.groupBy },
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
        ? `/fleet/export.csv${fleetParams(query, ['offset', 'limit'])}`
        : `/fleet/report.md${fleetParams(query, ['offset', 'limit'], {
            lang: options?.lang ?? 'en',
          })}`;
    const response = await this.fetch(path);
    return response.blob();
  }

  getCheckCatalog(): Promise<CheckCatalog> {
    // The catalog changes only with a backend deploy; one request per page load.
    this.catalog ??= this.request<CheckCatalog>('/checks').catch(e => {
      this.catalog = undefined;
      throw e;
    });
    return this.catalog;
  }
}
