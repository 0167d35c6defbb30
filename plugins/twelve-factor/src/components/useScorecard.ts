import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useCallback, useState } from 'react';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';

/** The current entity's scorecard and the check catalog, with a rescan action. */
export function useScorecard() {
  const { entity } = useEntity();
  const api = useApi(twelveFactorApiRef);
  const ref = getCompoundEntityRef(entity);
  const [refreshing, setRefreshing] = useState(false);
  const state = useAsyncRetry(async () => {
    const [scorecard, catalog] = await Promise.all([
      api.getScorecard(ref),
      api.getCheckCatalog(),
    ]);
    return { scorecard, catalog };
  }, [api, ref.kind, ref.namespace, ref.name]);
  const { retry } = state;
  const rescan = useCallback(async () => {
    setRefreshing(true);
    try {
      await api.refreshScorecard(ref);
    } finally {
      setRefreshing(false);
      retry();
    }
  }, [api, ref, retry]);
  return { ...state, rescan, refreshing, ref };
}
