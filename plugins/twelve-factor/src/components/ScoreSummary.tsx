import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Gauge } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';

function ScoreGauge({ label, score, testId, none }: { label: string; score: number | null; testId: string; none: string }) {
  return (
    <Box width={180} textAlign="center" data-testid={testId} data-score={score ?? ''}>
      {score === null ? (
        <Typography variant="h4">{none}</Typography>
      ) : (
        <Gauge value={score / 100} fractional inverse={false} />
      )}
      <Typography variant="subtitle2">{label}</Typography>
      <Typography variant="caption">{formatScore(score, none)}</Typography>
    </Box>
  );
}

/** Overall and group scores as gauges. */
export function ScoreSummary({ scorecard }: { scorecard: Scorecard }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const group = (id: string) => scorecard.groups.find(g => g.groupId === id)?.score ?? null;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
      <ScoreGauge label={t('overall')} score={scorecard.overall} testId="score-overall" none={t('noScore')} />
      <ScoreGauge label={t('twelveFactorGroup')} score={group('twelve-factor')} testId="score-twelve-factor" none={t('noScore')} />
      <ScoreGauge label={t('cloudNativeGroup')} score={group('cloud-native')} testId="score-cloud-native" none={t('noScore')} />
    </Box>
  );
}
