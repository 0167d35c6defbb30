import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';
import type { RescanResult } from './useScorecard';

/** Progress while a rescan runs, then what it changed, or why it failed with a retry. */
export function RescanStatus({
  refreshing,
  result,
  onRetry,
}: {
  refreshing: boolean;
  result?: RescanResult;
  onRetry: () => void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  if (refreshing)
    return (
      <div data-testid="rescan-progress">
        <Typography variant="body2">{t('rescan.running')}</Typography>
        <LinearProgress />
      </div>
    );
  if (!result) return null;
  if (result.kind === 'failed')
    return (
      <Alert
        severity="error"
        data-testid="rescan-result"
        action={
          <button type="button" onClick={onRetry} data-testid="rescan-retry">
            {t('retry')}
          </button>
        }
      >
        {t('rescan.failed', { message: result.message })}
      </Alert>
    );
  const none = t('noScore');
  const same = result.before === result.after;
  return (
    <Alert severity={same ? 'info' : 'success'} data-testid="rescan-result">
      {same
        ? t('rescan.unchanged', { score: formatScore(result.after, none) })
        : t('rescan.changed', {
            before: formatScore(result.before, none),
            after: formatScore(result.after, none),
          })}
    </Alert>
  );
}
