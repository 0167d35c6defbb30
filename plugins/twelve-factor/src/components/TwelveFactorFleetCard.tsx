import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getArea, SCORE_BANDS } from '@internal/plugin-twelve-factor-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';
import { overviewRouteRef } from '../routes';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';
import { FleetError } from './fleet/FleetError';
import { BAND_COLOURS, weakestOf } from './fleet/FleetHeadline';
import { useAreaTitle } from './useLanguage';

/** The overview page's path, when the app mounts it. */
function useOverviewLink(): string | undefined {
  try {
    // The hook throws after its own hooks have run when the route is not
    // mounted; the card then goes without the link.
    return useRouteRef(overviewRouteRef)();
  } catch {
    return undefined;
  }
}

/** Options of the fleet card. @public */
export interface TwelveFactorFleetCardProps {
  /** Only the services of this Group, System or Domain (an entity ref). */
  within?: string;
  /** Where "View details" leads; the overview page by default. */
  link?: string;
  title?: string;
}

/**
 * The fleet's headline figures: services, how many are scored, the average
 * overall score, the services per band and the weakest areas. For a home
 * page, or an entity page with `within`. @public
 */
export function TwelveFactorFleetCard(props: TwelveFactorFleetCardProps) {
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const overviewLink = useOverviewLink();
  const link = props.link ?? overviewLink;
  const { within } = props;
  const { value, error, retry } = useAsyncRetry(
    // One row is the least a page holds; the summary covers the whole filter.
    () => api.getFleet({ ...(within ? { within } : {}), limit: 1 }),
    [api, within],
  );
  const summary = value?.summary;
  const none = t('noScore');
  return (
    <InfoCard
      title={props.title ?? t('fleet.cardTitle')}
      deepLink={link ? { title: t('viewDetails'), link } : undefined}
      variant="gridItem"
    >
      {error && <FleetError error={error} onRetry={retry} />}
      {!error && (
        <Box data-testid="twelve-factor-fleet-card" minHeight={150}>
          <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            <div>
              <Typography variant="caption" color="textSecondary">
                {t('fleet.services')}
              </Typography>
              <Typography variant="h4" data-testid="fleet-card-services">
                {summary ? summary.services : <Skeleton width={48} />}
              </Typography>
              {summary && (
                <Typography variant="caption">
                  {t('fleet.scoredQueued', {
                    scored: String(summary.scored),
                    queued: String(summary.services - summary.scored),
                  })}
                </Typography>
              )}
            </div>
            <div>
              <Typography variant="caption" color="textSecondary">
                {t('overviewAverage')} · {t('overall')}
              </Typography>
              <Typography variant="h4" data-testid="fleet-card-average">
                {summary ? (
                  formatScore(summary.overall, none)
                ) : (
                  <Skeleton width={64} />
                )}
              </Typography>
            </div>
            <div>
              <Typography variant="caption" color="textSecondary">
                {t('overviewBands')}
              </Typography>
              <Box display="flex" style={{ gap: 12 }}>
                {SCORE_BANDS.map(b => (
                  <Box key={b} title={t(`bands.${b}`)}>
                    <Typography
                      variant="h6"
                      data-testid={`fleet-card-band-${b}`}
                    >
                      {summary ? summary.bands[b] : <Skeleton width={24} />}
                    </Typography>
                    <Typography variant="caption">
                      <span
                        style={{
                          display: 'inline-block',
                          width: 8,
                          height: 8,
                          marginRight: 3,
                          border: '1px solid rgba(0,0,0,0.3)',
                          backgroundColor: BAND_COLOURS[b],
                        }}
                      />
                      {t(`bands.${b}`)}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </div>
          </Box>
          <Box mt={2}>
            <Typography variant="subtitle2">{t('weakestAreas')}</Typography>
            {summary ? (
              weakestOf(summary.areas, 3).map(w => (
                <Typography
                  key={w.area}
                  variant="body2"
                  data-testid={`fleet-card-weak-${w.area}`}
                >
                  {areaTitle(getArea(w.area), w.area)} —{' '}
                  {formatScore(w.score, none)}
                </Typography>
              ))
            ) : (
              <Skeleton width={200} />
            )}
          </Box>
        </Box>
      )}
    </InfoCard>
  );
}

/** The fleet card of the current Group, System or Domain, linked to its Twelve-Factor tab. @public */
export function EntityTwelveFactorFleetCard(props: {
  /** Where the entity's fleet tab is mounted; `twelve-factor` by default. */
  detailsPath?: string;
}) {
  const { entity } = useEntity();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <TwelveFactorFleetCard
      within={stringifyEntityRef(entity).toLocaleLowerCase('en-US')}
      link={props.detailsPath ?? 'twelve-factor'}
      title={t('cardTitle')}
    />
  );
}
