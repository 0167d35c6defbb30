import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  FleetQuery,
  FleetRollup,
  FleetSort,
  ScoreBand,
} from '@internal/plugin-twelve-factor-common';
import useAsync from 'react-use/esm/useAsync';
import {
  type FleetGrouping,
  type FleetPeriod,
  twelveFactorApiRef,
} from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { ExportButtons } from './ExportButtons';
import { FleetCampaignView } from './FleetCampaignView';
import { FleetError } from './FleetError';
import { FleetFilters } from './FleetFilters';
import { FleetHeadline } from './FleetHeadline';
import { FleetHeatmap } from './FleetHeatmap';
import { FleetRollupsView } from './FleetRollupsView';
import { FleetTrendView } from './FleetTrendView';
import { normalizeTabPath } from './links';
import { useFleetPages } from './useFleetPages';
import {
  DEFAULT_STATE,
  FLEET_VIEWS,
  type FleetUrlState,
  isFiltered,
  readFleetUrlState,
  writeFleetUrlState,
} from './urlState';

/** The order a column sorts in when first picked: scores weakest first, counts largest first. */
export function defaultOrder(sort: FleetSort): 'asc' | 'desc' {
  return sort === 'fail' || sort === 'unknown' || sort === 'generatedAt'
    ? 'desc'
    : 'asc';
}

/** Options of the fleet view. @public */
export interface FleetViewProps {
  /** Where the Twelve-Factor tab is mounted under an entity page; `twelve-factor` by default. */
  entityTabPath?: string;
  /** Keeps the view to the services of a Group, System or Domain (its entity ref). */
  within?: string;
  /** The rollups' dimension when the address names none; `owner` by default. */
  defaultRollupBy?: FleetGrouping;
  /** Height of the heatmap's scroll container (CSS); `70vh` by default. */
  heatmapHeight?: string | number;
}

/**
 * The fleet view: headline figures, filters from the facets, and the
 * heatmap, rollups, campaign and trend views, with the whole state in the
 * page's address so that any view can be shared as a link.
 */
export function FleetView(props: FleetViewProps) {
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const tabPath = normalizeTabPath(props.entityTabPath);
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const defaults = useMemo<FleetUrlState>(
    () => ({ ...DEFAULT_STATE, by: props.defaultRollupBy ?? DEFAULT_STATE.by }),
    [props.defaultRollupBy],
  );
  const search = searchParams.toString();
  const { state, error: addressError } = useMemo(
    () => readFleetUrlState(new URLSearchParams(search), defaults),
    [search, defaults],
  );
  const { within } = props;
  const query = useMemo<FleetQuery>(
    () => (within ? { ...state.query, within } : state.query),
    [state.query, within],
  );

  // Handlers read the latest state through a ref, so that they stay the same
  // functions across renders (the search box's delay depends on it).
  const stateRef = useRef(state);
  stateRef.current = state;
  const write = useCallback(
    (next: FleetUrlState) => {
      const q = { ...next.query };
      if (within) delete q.within;
      return writeFleetUrlState({ ...next, query: q }, defaults);
    },
    [within, defaults],
  );
  const navigate = useCallback(
    (next: Partial<FleetUrlState>) =>
      setSearchParams(write({ ...stateRef.current, ...next })),
    [setSearchParams, write],
  );
  const patchQuery = useCallback(
    (patch: Partial<FleetQuery>) =>
      navigate({ query: { ...stateRef.current.query, ...patch } }),
    [navigate],
  );
  const hrefFor = useCallback(
    (next: Partial<FleetUrlState>) => {
      const text = write({ ...stateRef.current, ...next }).toString();
      return `${location.pathname}${text ? `?${text}` : ''}`;
    },
    [location.pathname, write],
  );

  const pages = useFleetPages(query);

  const groupBy = query.groupBy;
  const rollupQuery = useMemo(() => {
    const { groupBy: _g, sort: _s, order: _o, ...rest } = query;
    return rest;
  }, [query]);
  const groupRollups = useAsync(async () => {
    if (state.view !== 'heatmap' || !groupBy) return undefined;
    const { items } = await api.getRollups(groupBy, rollupQuery);
    return new Map<string, FleetRollup>(items.map(r => [r.key, r]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, state.view, groupBy, pages.key]);

  const onSort = useCallback(
    (sort: FleetSort) => {
      const q = stateRef.current.query;
      let order = defaultOrder(sort);
      if (q.sort === sort)
        order = (q.order ?? 'asc') === 'asc' ? 'desc' : 'asc';
      patchQuery({ sort, order });
    },
    [patchQuery],
  );
  const onToggleBand = useCallback(
    (band: ScoreBand) => {
      const bands = stateRef.current.query.band ?? [];
      const next = bands.includes(band)
        ? bands.filter(b => b !== band)
        : [...bands, band];
      patchQuery({ band: next.length ? next : undefined });
    },
    [patchQuery],
  );
  const onClear = useCallback(() => {
    const { groupBy: g, sort, order } = stateRef.current.query;
    navigate({ query: { groupBy: g, sort, order } });
  }, [navigate]);

  const emptyFleet = pages.total === 0 && !isFiltered(query) && !pages.error;

  let content;
  switch (state.view) {
    case 'rollups':
      content = (
        <FleetRollupsView
          query={query}
          by={state.by}
          onByChange={by => navigate({ by })}
          heatmapHref={q => hrefFor({ view: 'heatmap', query: q })}
          tabPath={tabPath}
        />
      );
      break;
    case 'campaign':
      content = (
        <FleetCampaignView
          query={query}
          days={state.days}
          onCheckChange={check => patchQuery({ check })}
          onDaysChange={(days: FleetPeriod) => navigate({ days })}
          tabPath={tabPath}
        />
      );
      break;
    case 'trend':
      content = (
        <FleetTrendView
          query={query}
          days={state.days}
          onDaysChange={(days: FleetPeriod) => navigate({ days })}
          onGroupByChange={g => patchQuery({ groupBy: g })}
        />
      );
      break;
    default:
      content = (
        <>
          <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
            <Typography variant="body2">{t('fleet.groupBy')}</Typography>
            <Tabs
              value={groupBy ?? 'none'}
              onChange={(_e, v) =>
                patchQuery({ groupBy: v === 'none' ? undefined : v })
              }
              indicatorColor="primary"
              aria-label={t('fleet.groupBy')}
              style={{ minHeight: 32 }}
            >
              {(['none', 'owner', 'system', 'domain'] as const).map(g => (
                <Tab
                  key={g}
                  value={g}
                  style={{ minHeight: 32, minWidth: 72, padding: '0 8px' }}
                  label={
                    g === 'none'
                      ? t('fleet.noGrouping')
                      : t(`fleet.dimensions.${g}`)
                  }
                  data-testid={`heatmap-group-by-${g}`}
                />
              ))}
            </Tabs>
          </Box>
          {pages.error && (
            <FleetError error={pages.error} onRetry={pages.retry} />
          )}
          {emptyFleet ? (
            <Typography data-testid="twelve-factor-overview-empty">
              {t('overviewEmpty')}
            </Typography>
          ) : (
            <FleetHeatmap
              pages={pages}
              query={query}
              onSort={onSort}
              groupRollups={groupRollups.value}
              tabPath={tabPath}
              height={props.heatmapHeight}
            />
          )}
        </>
      );
  }

  return (
    <Box data-testid="twelve-factor-overview">
      {addressError && (
        <Box mb={2}>
          <Alert
            severity="warning"
            data-testid="fleet-address-error"
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => setSearchParams(new URLSearchParams())}
              >
                {t('fleet.reset')}
              </Button>
            }
          >
            {t('fleet.badAddress', { message: addressError })}
          </Alert>
        </Box>
      )}
      <FleetHeadline
        summary={pages.summary}
        stale={pages.stale}
        bands={query.band}
        onToggleBand={onToggleBand}
      />
      {pages.error && state.view !== 'heatmap' && (
        <Box mt={1}>
          <FleetError error={pages.error} onRetry={pages.retry} />
        </Box>
      )}
      <Box mt={2}>
        <FleetFilters
          query={query}
          facets={pages.facets}
          onChange={patchQuery}
          onClear={onClear}
        />
      </Box>
      <Box display="flex" alignItems="center" mt={1} mb={1}>
        <Tabs
          value={state.view}
          onChange={(_e, view) => navigate({ view })}
          indicatorColor="primary"
          textColor="primary"
          aria-label={t('fleet.views.label')}
        >
          {FLEET_VIEWS.map(v => (
            <Tab
              key={v}
              value={v}
              label={t(`fleet.views.${v}`)}
              id={`fleet-tab-${v}`}
              aria-controls="fleet-tabpanel"
              data-testid={`fleet-view-${v}`}
            />
          ))}
        </Tabs>
        <Box flex={1} />
        {state.view !== 'campaign' && <ExportButtons query={query} />}
      </Box>
      <div
        role="tabpanel"
        id="fleet-tabpanel"
        aria-labelledby={`fleet-tab-${state.view}`}
      >
        {content}
      </div>
    </Box>
  );
}
