import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ResponseError } from '@backstage/errors';
import { twelveFactorTranslationRef } from '../translation/ref';

/**
 * A failed request, with the backend's own message (not "Request failed
 * with 500") and a way to try again.
 */
export function ErrorWithRetry({
  error,
  onRetry,
}: {
  error: Error;
  onRetry: () => void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const message =
    error instanceof ResponseError || error.name === 'ResponseError'
      ? (error as ResponseError).body?.error?.message ?? error.message
      : error.message;
  return (
    <div data-testid="load-error">
      <WarningPanel severity="error" title={t('loadFailed')} defaultExpanded>
        <Typography variant="body2" paragraph data-testid="load-error-message">
          {message}
        </Typography>
        <Button
          variant="outlined"
          onClick={onRetry}
          data-testid="load-error-retry"
        >
          {t('retry')}
        </Button>
      </WarningPanel>
    </div>
  );
}
