import Box from '@material-ui/core/Box';
import CircularProgress from '@material-ui/core/CircularProgress';
import Typography from '@material-ui/core/Typography';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { ScorecardPending } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { errorMessage } from './fleet/FleetError';

/** Before the first scan: queued or scanning, with the backend's message. */
export function PendingScorecard(props: { pending: ScorecardPending }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const { status, message } = props.pending;
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 16 }}
      data-testid="twelve-factor-pending"
      data-status={status}
      role="status"
    >
      <CircularProgress size={24} />
      <Box>
        <Typography variant="subtitle1">
          {status === 'scanning' ? t('pendingScanning') : t('pendingQueued')}
        </Typography>
        {message && (
          <Typography variant="body2" color="textSecondary">
            {message}
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          {t('pendingHint')}
        </Typography>
      </Box>
    </Box>
  );
}

/** The entity is not scored; the backend says why. */
export function NotScored(props: { error: Error }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <Box data-testid="twelve-factor-not-scored">
      <Typography variant="subtitle1">{t('notScored')}</Typography>
      <Typography variant="body2" color="textSecondary">
        {errorMessage(props.error)}
      </Typography>
    </Box>
  );
}
