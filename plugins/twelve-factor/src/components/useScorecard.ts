import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  Scorecard,
  ScorecardPending,
} from '@internal/plugin-twelve-factor-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useCallback, useEffect, useState } from 'react';
import { type CheckCatalog, twelveFactorApiRef } from '../api/TwelveFactorApi';
import { isScorecardPending } from '../api/TwelveFactorClient';

/** How often a tab waiting for the first scan asks again, in ms. */
export const PENDING_POLL_MS = 4000;

/** The scorecard with the catalog, or the scan the backend has queued. */
export type ScorecardState =
  | { scorecard: Scorecard; pending?: undefined; catalog: CheckCatalog }
  | { scorecard?: undefined; pending: ScorecardPending; catalog: CheckCatalog };

/** What the last rescan did: the overall score before and after, or why it failed. */
export type RescanResult =
  | { kind: 'done'; before: number | null; after: number | null }
  | { kind: 'failed'; message: string };

/** Whether an error is the backend's "this entity is not scored" (400). */
export function isNotScoredError(error: Error | undefined): boolean {
  return (
    !!error &&
    (error instanceof ResponseError || error.name === 'ResponseError') &&
    (error as ResponseError).statusCode === 400
  );
}

/**
 * The current entity's scorecard and the check catalog, with a rescan
 * action. Before the first scan the backend answers that it has queued one;
 * the hook then asks again every few seconds until the scorecard arrives.
 */
export function useScorecard(options?: { pollInterval?: number }) {
  const { entity } = useEntity();
  const api = useApi(twelveFactorApiRef);
  const ref = getCompoundEntityRef(entity);
  const [refreshing, setRefreshing] = useState(false);
  const state = useAsyncRetry(async (): Promise<ScorecardState> => {
    const [answer, catalog] = await Promise.all([
      api.getScorecard(ref),
      api.getCheckCatalog(),
    ]);
    return isScorecardPending(answer)
      ? { pending: answer, catalog }
      : { scorecard: answer, catalog };
  }, [api, ref.kind, ref.namespace, ref.name]);
  const { retry, value, loading } = state;
  const interval = options?.pollInterval ?? PENDING_POLL_MS;
  useEffect(() => {
    if (!value?.pending || loading) return undefined;
    const timer = setTimeout(retry, interval);
    return () => clearTimeout(timer);
  }, [value, loading, retry, interval]);
  const [rescanResult, setRescanResult] = useState<RescanResult>();
  const before = value?.scorecard?.overall;
  const rescan = useCallback(async () => {
    setRefreshing(true);
    setRescanResult(undefined);
    try {
      const after = await api.refreshScorecard(ref);
      setRescanResult({
        kind: 'done',
        before: before ?? null,
        after: after.overall,
      });
    } catch (e) {
      setRescanResult({ kind: 'failed', message: (e as Error).message });
    } finally {
      setRefreshing(false);
      retry();
    }
  }, [api, ref, retry, before]);
  return { ...state, rescan, refreshing, rescanResult, ref };
}
