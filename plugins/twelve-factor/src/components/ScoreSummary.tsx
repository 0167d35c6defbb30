import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Scorecard } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';

/** A score as a ring: green from 80, orange from 50, red below (the report's bands). */
function ScoreRing({
  label,
  score,
  testId,
  none,
}: {
  label: string;
  score: number | null;
  testId: string;
  none: string;
}) {
  const theme = useTheme();
  let color = theme.palette.error.main;
  if (score === null) color = theme.palette.grey[400];
  else if (score >= 80) color = theme.palette.success?.main ?? '#2e7d32';
  else if (score >= 50) color = theme.palette.warning?.main ?? '#ed6c02';
  return (
    <Box
      width={120}
      textAlign="center"
      data-testid={testId}
      data-score={score ?? ''}
    >
      <Box position="relative" display="inline-flex">
        <CircularProgress
          variant="determinate"
          value={100}
          size={96}
          thickness={4}
          style={{ color: theme.palette.grey[200], position: 'absolute' }}
        />
        <CircularProgress
          variant="determinate"
          value={score ?? 0}
          size={96}
          thickness={4}
          style={{ color }}
        />
        <Box
          position="absolute"
          top={0}
          left={0}
          bottom={0}
          right={0}
          display="flex"
          alignItems="center"
          justifyContent="center"
        >
          <Typography variant="h6" component="div">
            {formatScore(score, none)}
          </Typography>
        </Box>
      </Box>
      <Typography variant="subtitle2">{label}</Typography>
    </Box>
  );
}

/** Overall and group scores. */
export function ScoreSummary({ scorecard }: { scorecard: Scorecard }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const group = (id: string) =>
    scorecard.groups.find(g => g.groupId === id)?.score ?? null;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <ScoreRing
        label={t('overall')}
        score={scorecard.overall}
        testId="score-overall"
        none={t('noScore')}
      />
      <ScoreRing
        label={t('twelveFactorGroup')}
        score={group('twelve-factor')}
        testId="score-twelve-factor"
        none={t('noScore')}
      />
      <ScoreRing
        label={t('cloudNativeGroup')}
        score={group('cloud-native')}
        testId="score-cloud-native"
        none={t('noScore')}
      />
    </Box>
  );
}
