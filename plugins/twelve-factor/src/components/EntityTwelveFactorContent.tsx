import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Skeleton from '@material-ui/lab/Skeleton';
import { useEffect, useRef, useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useSearchParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AREAS,
  GROUPS,
  type Scorecard,
  VERDICTS,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import { type CheckCatalog, twelveFactorApiRef } from '../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../translation/ref';
import { CheckResultRow, type WaiverActions } from './CheckResultRow';
import { CheckFilters } from './CheckFilters';
import {
  type CheckFilter,
  filterFromParams,
  filterToParams,
  isGap,
  matchesFilter,
} from './checkFilter';
import { UnknownsPanel } from './UnknownsPanel';
import { WaiveDialog } from './waivers/WaiveDialog';
import { WaiverHistorySection } from './waivers/WaiverHistorySection';
import { useWaivers } from './waivers/useWaivers';
import { DriftSection } from './DriftSection';
import { DiagnosticsCard } from './DiagnosticsCard';
import { HistorySection } from './HistorySection';
import { formatScore } from './format';
import { ScoreSummary } from './ScoreSummary';
import { NotScored, PendingScorecard } from './ScorecardStatus';
import { useAreaTitle, useCheckTitle, useLanguage } from './useLanguage';
import {
  isNotScoredError,
  type RescanResult,
  useScorecard,
} from './useScorecard';
import { ErrorWithRetry } from './ErrorWithRetry';
import { RescanStatus } from './RescanStatus';

/** The tab's shape while the first answer comes, so nothing jumps when it does. */
function TabSkeleton() {
  return (
    <Grid container spacing={3} data-testid="twelve-factor-loading">
      <Grid item xs={12}>
        <Skeleton variant="rect" height={260} />
      </Grid>
      <Grid item xs={12}>
        <Skeleton variant="rect" height={40} />
      </Grid>
      {Array.from({ length: 6 }, (_, i) => (
        <Grid item xs={12} key={i}>
          <Skeleton variant="rect" height={56} />
        </Grid>
      ))}
    </Grid>
  );
}
import { VerdictChip } from './VerdictChip';

function AreaSection({
  scorecard,
  catalog,
  areaId,
  focused,
  waiverActionsFor,
  filter,
}: {
  scorecard: Scorecard;
  catalog: CheckCatalog;
  areaId: string;
  filter: CheckFilter;
  waiverActionsFor?: (checkId: string) => WaiverActions;
  /** Opened from a link to this area (`?area=`): expanded and scrolled into view. */
  focused?: boolean;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const area = AREAS.find(a => a.id === areaId);
  const score = scorecard.areas.find(a => a.areaId === areaId);
  const definitions = new Map(catalog.checks.map(c => [c.id, c]));
  const results = scorecard.results.filter(
    r =>
      r.area === areaId && matchesFilter(r, definitions.get(r.checkId), filter),
  );
  const hasGap = results.some(
    r => r.verdict === 'fail' || r.verdict === 'partial',
  );
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) element.current?.scrollIntoView?.({ block: 'start' });
  }, [focused]);
  // A narrowed list opens every area it shows; the full list opens the gaps.
  const narrowed =
    filter.view === 'gaps' || filter.verdicts.length > 0 || !!filter.q.trim();
  if (results.length === 0 && narrowed) return null;
  return (
    <Accordion
      ref={element}
      defaultExpanded={narrowed || hasGap || focused}
      data-testid={`area-${areaId}`}
      data-score={score?.score ?? ''}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box
          display="flex"
          alignItems="center"
          width="100%"
          style={{ gap: 16 }}
        >
          <Typography variant="h6" style={{ flex: 1 }}>
            {areaTitle(area, areaId)}
          </Typography>
          <Box display="flex" style={{ gap: 4 }}>
            {VERDICTS.filter(v => (score?.counts[v] ?? 0) > 0).map(v => (
              <VerdictChip key={v} verdict={v} count={score!.counts[v]} />
            ))}
          </Box>
          <Typography variant="h6" data-testid={`area-score-${areaId}`}>
            {formatScore(score?.score, t('noScore'))}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%">
          {results.map(r => (
            <CheckResultRow
              key={r.checkId}
              result={r}
              definition={definitions.get(r.checkId)}
              waiverActions={waiverActionsFor?.(r.checkId)}
            />
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}

/** Options of the entity tab. @public */
export interface EntityTwelveFactorContentProps {
  /** How often to ask again while the first scan is queued, in ms (4 s by default). */
  pollInterval?: number;
}

/**
 * The entity tab: scores, every area's checks, evidence and remediation.
 * `?area=<id>` opens that area and scrolls it into view. Before the first
 * scan it says that the scan is queued (or running) and asks again every
 * few seconds. @public
 */
export function EntityTwelveFactorContent(
  props: EntityTwelveFactorContentProps = {},
) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const [searchParams] = useSearchParams();
  const focusArea = searchParams.get('area');
  const {
    value,
    loading,
    error,
    rescan,
    refreshing,
    rescanResult,
    ref,
    retry,
  } = useScorecard({
    pollInterval: props.pollInterval,
  });
  if (loading && !value) return <TabSkeleton />;
  if (error && isNotScoredError(error)) {
    return (
      <InfoCard title={t('tabTitle')}>
        <NotScored error={error} />
      </InfoCard>
    );
  }
  if (error) return <ErrorWithRetry error={error} onRetry={retry} />;
  if (!value) return null;
  if (value.pending) {
    return (
      <InfoCard title={t('tabTitle')}>
        <PendingScorecard pending={value.pending} />
      </InfoCard>
    );
  }
  return (
    <ScorecardView
      scorecard={value.scorecard}
      catalog={value.catalog}
      entityRef={ref}
      rescan={rescan}
      refreshing={refreshing}
      rescanResult={rescanResult}
      reload={retry}
      focusArea={focusArea}
    />
  );
}

/** The scored entity: scores, areas, drift, history and waivers. */
function ScorecardView({
  scorecard,
  catalog,
  entityRef: ref,
  rescan,
  refreshing,
  rescanResult,
  reload,
  focusArea,
}: {
  scorecard: Scorecard;
  catalog: CheckCatalog;
  entityRef: CompoundEntityRef;
  rescan: () => void;
  refreshing: boolean;
  rescanResult?: RescanResult;
  reload: () => void;
  focusArea: string | null;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const lang = useLanguage();
  const api = useApi(twelveFactorApiRef);
  const alerts = useApi(alertApiRef);
  const { canManage, list } = useWaivers(ref, scorecard.generatedAt);
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFromParams(searchParams, scorecard.results);
  // An area opened from the overview shows all its checks, gaps or not.
  if (focusArea && !searchParams.has('view')) filter.view = 'all';
  const setFilter = (next: CheckFilter) =>
    setSearchParams(filterToParams(next, searchParams), { replace: true });
  const definitionsById = new Map(catalog.checks.map(c => [c.id, c]));
  const shownCount = scorecard.results.filter(r =>
    matchesFilter(r, definitionsById.get(r.checkId), filter),
  ).length;
  const verdictCounts = Object.fromEntries(
    VERDICTS.map(v => [
      v,
      scorecard.results.filter(r => r.verdict === v).length,
    ]),
  ) as Record<Verdict, number>;
  const [waiving, setWaiving] = useState<string>();
  const checkTitle = useCheckTitle();
  const definitions = new Map(catalog.checks.map(c => [c.id, c]));
  const titleOf = (id: string) => checkTitle(id, definitions.get(id));
  const waiverActionsFor = canManage
    ? (checkId: string): WaiverActions => ({
        onWaive: () => setWaiving(checkId),
        onRevoke: async id => {
          try {
            await api.revokeWaiver(ref, id);
            reload();
          } catch (e) {
            alerts.post({ message: (e as Error).message, severity: 'error' });
          }
        },
      })
    : undefined;
  return (
    <Grid container spacing={3} data-testid="twelve-factor-content">
      <Grid item xs={12}>
        <InfoCard
          title={t('tabTitle')}
          subheader={t('generatedAt', {
            time: new Date(scorecard.generatedAt).toLocaleString(lang),
          })}
          action={
            <Button variant="outlined" onClick={rescan} disabled={refreshing}>
              {t('refresh')}
            </Button>
          }
        >
          <RescanStatus
            refreshing={refreshing}
            result={rescanResult}
            onRetry={rescan}
          />
          <ScoreSummary scorecard={scorecard} />
          <UnknownsPanel
            scorecard={scorecard}
            onShowUnknowns={() =>
              setFilter({ view: 'all', verdicts: ['unknown'], q: '' })
            }
          />
          <Box mt={2} maxWidth={900}>
            <Typography
              variant="caption"
              color="textSecondary"
              component="p"
              data-testid="how-scores-work"
            >
              <strong>{t('howScoresWork')}:</strong> {t('howScoresWorkText')}
            </Typography>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <CheckFilters
          filter={filter}
          onChange={setFilter}
          gapCount={scorecard.results.filter(isGap).length}
          total={scorecard.results.length}
          counts={verdictCounts}
        />
        {shownCount === 0 && (
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 16 }}
            data-testid="no-matching-checks"
          >
            {t('filters.none')}
          </Typography>
        )}
      </Grid>
      {GROUPS.map(group => (
        <Grid item xs={12} key={group.id}>
          <Typography variant="h5" gutterBottom>
            {lang === 'ko' ? group.titleKo : group.title} —{' '}
            {formatScore(
              scorecard.groups.find(g => g.groupId === group.id)?.score,
              t('noScore'),
            )}
          </Typography>
          {AREAS.filter(a => a.group === group.id).map(a => (
            <AreaSection
              key={a.id}
              scorecard={scorecard}
              catalog={catalog}
              areaId={a.id}
              focused={a.id === focusArea}
              waiverActionsFor={waiverActionsFor}
              filter={filter}
            />
          ))}
        </Grid>
      ))}
      <Grid item xs={12}>
        <DriftSection drift={scorecard.drift} inputs={scorecard.inputs} />
      </Grid>
      <Grid item xs={12}>
        <HistorySection entity={ref} version={scorecard.generatedAt} />
      </Grid>
      {list.value && list.value.items.length > 0 && (
        <Grid item xs={12}>
          <WaiverHistorySection waivers={list.value.items} titleOf={titleOf} />
        </Grid>
      )}
      {waiving && (
        <WaiveDialog
          entity={ref}
          checkId={waiving}
          checkTitle={titleOf(waiving)}
          maxDays={list.value?.maxDays ?? 180}
          onClose={() => setWaiving(undefined)}
          onWaived={() => {
            setWaiving(undefined);
            reload();
          }}
        />
      )}
      {scorecard.diagnostics.length > 0 && (
        <Grid item xs={12}>
          <DiagnosticsCard diagnostics={scorecard.diagnostics} />
        </Grid>
      )}
    </Grid>
  );
}
