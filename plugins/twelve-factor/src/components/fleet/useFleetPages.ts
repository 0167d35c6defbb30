import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  type FleetItem,
  type FleetPage,
  type FleetQuery,
  type FleetSummary,
  fleetQueryToParams,
  parseFleetQuery,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorApiRef } from '../../api/TwelveFactorApi';

/**
 * Rows per request. The API serves up to 500; 200 keep the first answer
 * small (the first rows appear fast) while a fast scroll through 5,000
 * services still takes only 25 requests.
 */
export const FLEET_PAGE_SIZE = 200;

interface PageStore {
  key: string;
  pages: Map<number, FleetItem[]>;
  inflight: Set<number>;
}

interface Snapshot {
  key: string;
  total?: number;
  summary?: FleetSummary;
  facets?: FleetPage['facets'];
  error?: Error;
  /** Bumped on every page that arrives, to re-render the rows. */
  version: number;
}

/** The state of the fleet for one query: the pages loaded so far, the total, the summary and facets. */
export interface FleetPages {
  /** The query's key (its text form): changes when the filter, grouping or sort does. */
  key: string;
  /** Matching services; undefined until the first page arrives. */
  total?: number;
  summary?: FleetSummary;
  facets?: FleetPage['facets'];
  /** True while the figures shown are those of the previous query. */
  stale: boolean;
  error?: Error;
  version: number;
  /** The row at an offset, when its page has arrived. */
  itemAt(index: number): FleetItem | undefined;
  /** Loads the pages that hold rows start … end (inclusive) unless they are loaded or on their way. */
  ensureRange(start: number, end: number): void;
  /** Forgets everything loaded and starts again from the first page. */
  retry(): void;
}

/**
 * Loads the fleet page by page for a query. Answers for a query that is no
 * longer current are dropped; the figures of the previous query stay on
 * screen (marked stale) until the new ones arrive, so the layout holds still.
 */
export function useFleetPages(
  query: FleetQuery,
  pageSize: number = FLEET_PAGE_SIZE,
): FleetPages {
  const api = useApi(twelveFactorApiRef);
  const key = fleetQueryToParams(query).toString();
  // The query as the key says it, so that effects depend on its text only.
  const stableQuery = useMemo(() => parseFleetQuery(key), [key]);
  const store = useRef<PageStore>({
    key,
    pages: new Map(),
    inflight: new Set(),
  });
  const [snapshot, setSnapshot] = useState<Snapshot>({ key, version: 0 });

  const load = useCallback(
    (page: number) => {
      const s = store.current;
      if (s.key !== key || s.pages.has(page) || s.inflight.has(page)) return;
      s.inflight.add(page);
      api
        .getFleet({ ...stableQuery, offset: page * pageSize, limit: pageSize })
        .then(
          res => {
            if (store.current !== s) return;
            s.inflight.delete(page);
            s.pages.set(page, res.items);
            setSnapshot(prev => ({
              key,
              total: res.total,
              summary: res.summary,
              facets: res.facets,
              version: prev.version + 1,
            }));
          },
          (error: Error) => {
            if (store.current !== s) return;
            s.inflight.delete(page);
            setSnapshot(prev =>
              prev.key === key
                ? { ...prev, error }
                : { ...prev, key, total: undefined, error },
            );
          },
        );
    },
    [api, key, stableQuery, pageSize],
  );

  const reset = useCallback(() => {
    store.current = { key, pages: new Map(), inflight: new Set() };
    load(0);
  }, [key, load]);

  useEffect(() => {
    if (store.current.key !== key || store.current.pages.size === 0) reset();
  }, [key, reset]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (snapshot.error && snapshot.key === key) return;
      const first = Math.max(0, Math.floor(start / pageSize));
      const last = Math.max(first, Math.floor(end / pageSize));
      for (let page = first; page <= last; page++) load(page);
    },
    [load, pageSize, snapshot.error, snapshot.key, key],
  );

  const itemAt = useCallback(
    (index: number) => {
      const s = store.current;
      if (s.key !== key) return undefined;
      return s.pages.get(Math.floor(index / pageSize))?.[index % pageSize];
    },
    [key, pageSize],
  );

  const retry = useCallback(() => {
    setSnapshot(prev => ({ ...prev, error: undefined }));
    reset();
  }, [reset]);

  const current = snapshot.key === key;
  return {
    key,
    total: current ? snapshot.total : undefined,
    summary: snapshot.summary,
    facets: snapshot.facets,
    stale: !current || snapshot.total === undefined,
    error: current ? snapshot.error : undefined,
    version: snapshot.version,
    itemAt,
    ensureRange,
    retry,
  };
}
