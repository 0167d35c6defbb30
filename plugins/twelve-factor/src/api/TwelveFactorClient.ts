import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Scorecard,
  ScorecardOverview,
  ScoreHistoryEntry,
} from '@internal/plugin-twelve-factor-common';
import type { CheckCatalog, TwelveFactorApi } from './TwelveFactorApi';

/** Talks to /api/twelve-factor with the signed-in user's token. @public */
export class TwelveFactorClient implements TwelveFactorApi {
  private catalog?: Promise<CheckCatalog>;

  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('twelve-factor');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  private static path(entity: CompoundEntityRef): string {
    return [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
  }

  getScorecard(entity: CompoundEntityRef): Promise<Scorecard> {
    return this.request(`/scorecards/${TwelveFactorClient.path(entity)}`);
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

  getOverview(): Promise<ScorecardOverview> {
    return this.request('/overview');
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
