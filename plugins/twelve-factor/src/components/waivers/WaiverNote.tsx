import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Waiver } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../../translation/ref';

/** Who waived a check, why, until when and where it was recorded. */
export function WaiverNote({
  waiver,
  onRevoke,
}: {
  waiver: Waiver;
  /** Given when the user may revoke it (portal waivers only). */
  onRevoke?: () => void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const origin =
    waiver.origin === 'portal'
      ? t('waiver.originPortal')
      : t('waiver.originRepository', { file: waiver.source ?? '' });
  return (
    <Box
      mb={1}
      p={1}
      border={1}
      borderColor="divider"
      borderRadius={4}
      data-testid="waiver-note"
    >
      <Typography variant="body2">
        <strong>{t('waiver.waived')}</strong>{' '}
        {waiver.author
          ? t('waiver.byUntil', {
              author: waiver.author,
              date: waiver.expires ?? t('waiver.noExpiry'),
            })
          : t('waiver.until', { date: waiver.expires ?? t('waiver.noExpiry') })}
      </Typography>
      <Typography variant="body2">
        {t('reason')}: {waiver.reason}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {origin}
        {waiver.ticket && (
          <>
            {' · '}
            <Link to={waiver.ticket} target="_blank" rel="noopener noreferrer">
              {t('waiver.ticketLink')}
            </Link>
          </>
        )}
      </Typography>
      {onRevoke && (
        <Button
          size="small"
          variant="outlined"
          onClick={onRevoke}
          data-testid="waiver-revoke"
          style={{ marginTop: 4 }}
        >
          {t('waiver.revoke')}
        </Button>
      )}
    </Box>
  );
}
