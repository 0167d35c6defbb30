import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Skeleton from '@material-ui/lab/Skeleton';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  getArea,
  SCORE_BANDS,
  type FleetSummary,
  type ScoreBand,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { formatScore } from '../format';
import { useAreaTitle } from '../useLanguage';

/** The colour of a band's marker, from the heatmap's scale. */
export const BAND_COLOURS: Record<ScoreBand, string> = {
  good: '#2c7bb6',
  fair: '#ffffbf',
  poor: '#d7191c',
  none: 'transparent',
};

/** The areas with the lowest decided means, weakest first. */
export function weakestOf(
  areas: Record<string, number | null>,
  n: number,
): Array<{ area: string; score: number }> {
  return Object.entries(areas)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([area, score]) => ({ area, score }));
}

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'stretch',
    gap: theme.spacing(3),
    padding: theme.spacing(1.5, 2),
    minHeight: 84,
  },
  figure: { minWidth: 96 },
  value: { fontSize: 26, fontWeight: 500, lineHeight: 1.2 },
  band: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: theme.spacing(0.25, 1),
    borderRadius: theme.shape.borderRadius,
    border: '1px solid transparent',
    '&[aria-pressed="true"]': {
      borderColor: theme.palette.primary.main,
      backgroundColor: theme.palette.action.selected,
    },
  },
  marker: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    border: `1px solid ${theme.palette.divider}`,
  },
}));

function Figure(props: {
  label: string;
  testId: string;
  value?: ReactNode;
  detail?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <div className={classes.figure}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <div className={classes.value} data-testid={props.testId}>
        {props.value ?? <Skeleton width={56} />}
      </div>
      {props.detail && (
        <Typography variant="caption" component="div">
          {props.detail}
        </Typography>
      )}
    </div>
  );
}

/**
 * The figures of the whole filter: services, how many are scored, the
 * average scores, the services per band (each a toggle of the band filter),
 * the unknown results and the weakest areas. Holds its size while loading.
 */
export function FleetHeadline(props: {
  summary?: FleetSummary;
  stale?: boolean;
  bands?: ScoreBand[];
  onToggleBand?(band: ScoreBand): void;
}) {
  const { summary, stale, bands = [], onToggleBand } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const none = t('noScore');
  const weakest = summary ? weakestOf(summary.areas, 3) : [];
  return (
    <Paper
      variant="outlined"
      className={classes.root}
      data-testid="fleet-headline"
      aria-busy={!summary || stale}
      style={{ opacity: stale && summary ? 0.6 : 1 }}
    >
      <Figure
        label={t('fleet.services')}
        testId="overview-services"
        value={summary?.services}
        detail={
          summary &&
          t('fleet.scoredQueued', {
            scored: String(summary.scored),
            queued: String(summary.services - summary.scored),
          })
        }
      />
      <Figure
        label={`${t('overviewAverage')} · ${t('overall')}`}
        testId="overview-average-overall"
        value={summary ? formatScore(summary.overall, none) : undefined}
        detail={
          summary && (
            <>
              <span
                title={t('twelveFactorGroup')}
                data-testid="overview-average-twelve-factor"
              >
                12F {formatScore(summary.twelveFactor, none)}
              </span>
              {' · '}
              <span
                title={t('cloudNativeGroup')}
                data-testid="overview-average-cloud-native"
              >
                CN {formatScore(summary.cloudNative, none)}
              </span>
            </>
          )
        }
      />
      <div>
        <Typography variant="caption" color="textSecondary" component="div">
          {t('overviewBands')}
        </Typography>
        <Box display="flex" style={{ gap: 4 }}>
          {SCORE_BANDS.map(band => (
            <ButtonBase
              key={band}
              className={classes.band}
              aria-pressed={bands.includes(band)}
              onClick={() => onToggleBand?.(band)}
              disabled={!onToggleBand}
              aria-label={`${t(`bands.${band}`)}: ${
                summary?.bands[band] ?? ''
              }`}
            >
              <span className={classes.value}>
                <span data-testid={`overview-band-${band}`}>
                  {summary ? summary.bands[band] : <Skeleton width={32} />}
                </span>
              </span>
              <Typography variant="caption">
                <span
                  className={classes.marker}
                  style={{ backgroundColor: BAND_COLOURS[band] }}
                />
                {t(`bands.${band}`)}
              </Typography>
            </ButtonBase>
          ))}
        </Box>
      </div>
      <Figure
        label={t('fleet.unknownResults')}
        testId="overview-unknown"
        value={summary?.counts.unknown}
        detail={
          summary && t('fleet.failResults', { count: summary.counts.fail })
        }
      />
      <Figure
        label={t('fleet.waivedResults')}
        testId="overview-waived"
        value={summary?.counts.waived}
      />
      <div data-testid="overview-weakest">
        <Typography variant="caption" color="textSecondary" component="div">
          {t('weakestAreas')}
        </Typography>
        {summary ? (
          weakest.map(w => {
            const area = getArea(w.area);
            return (
              <Typography key={w.area} variant="body2" data-area={w.area}>
                {areaTitle(area, w.area)} — {formatScore(w.score, none)}
              </Typography>
            );
          })
        ) : (
          <Skeleton width={160} />
        )}
      </div>
    </Paper>
  );
}
