import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from '../../translation/ref';

/** The backend's own message of an error (a ResponseError's cause), else the error's. */
export function errorMessage(error: Error): string {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  if (cause && typeof cause.message === 'string' && cause.message)
    return cause.message;
  return error.message;
}

/** An error with the backend's message and a retry. */
export function FleetError(props: {
  error: Error;
  onRetry?: () => void;
  testId?: string;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <Alert
      severity="error"
      data-testid={props.testId ?? 'fleet-error'}
      action={
        props.onRetry && (
          <Button color="inherit" size="small" onClick={props.onRetry}>
            {t('fleet.retry')}
          </Button>
        )
      }
    >
      {errorMessage(props.error)}
    </Alert>
  );
}
