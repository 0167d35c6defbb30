import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard } from '@backstage/core-components';
import { ErrorWithRetry } from './ErrorWithRetry';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { AREAS, weakestAreas } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';
import { ScoreSummary } from './ScoreSummary';
import { useAreaTitle } from './useLanguage';
import { NotScored, PendingScorecard } from './ScorecardStatus';
import { isNotScoredError, useScorecard } from './useScorecard';

/** Entity overview card: the scores and the three weakest areas. @public */
export function EntityTwelveFactorCard(props: {
  detailsPath?: string;
  /** How often to ask again while the first scan is queued, in ms (4 s by default). */
  pollInterval?: number;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const { value, loading, error, retry } = useScorecard({
    pollInterval: props.pollInterval,
  });
  const detailsPath = props.detailsPath ?? 'twelve-factor';
  return (
    <InfoCard
      title={t('cardTitle')}
      deepLink={{ title: t('viewDetails'), link: detailsPath }}
      variant="gridItem"
    >
      {loading && !value && (
        <Skeleton
          variant="rect"
          height={220}
          data-testid="twelve-factor-card-loading"
        />
      )}
      {error && isNotScoredError(error) && <NotScored error={error} />}
      {error && !isNotScoredError(error) && (
        <ErrorWithRetry error={error} onRetry={retry} />
      )}
      {value?.pending && <PendingScorecard pending={value.pending} />}
      {value?.scorecard && (
        <Box data-testid="twelve-factor-card">
          <ScoreSummary scorecard={value.scorecard} />
          <List dense subheader={<strong>{t('weakestAreas')}</strong>}>
            {weakestAreas(value.scorecard.areas, 3).map(a => (
              <ListItem key={a.areaId} data-testid={`weak-${a.areaId}`}>
                <ListItemText
                  primary={areaTitle(
                    AREAS.find(x => x.id === a.areaId),
                    a.areaId,
                  )}
                  secondary={formatScore(a.score, t('noScore'))}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </InfoCard>
  );
}
