import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useState } from 'react';
import { twelveFactorApiRef } from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';

const DAY_MS = 24 * 60 * 60 * 1000;

function dayAfter(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The owner's form to waive one check: a reason and an expiry are required
 * (the backend enforces both and the maximum too; the form only helps).
 */
export function WaiveDialog({
  entity,
  checkId,
  checkTitle,
  maxDays,
  onClose,
  onWaived,
}: {
  entity: CompoundEntityRef;
  checkId: string;
  checkTitle: string;
  maxDays: number;
  onClose: () => void;
  onWaived: () => void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const api = useApi(twelveFactorApiRef);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(dayAfter(Math.min(30, maxDays)));
  const [ticket, setTicket] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.createWaiver(entity, {
        checkId,
        reason: reason.trim(),
        expires,
        ...(ticket.trim() ? { ticket: ticket.trim() } : {}),
      });
      onWaived();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {t('waiver.dialogTitle', { check: checkTitle })}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="textSecondary" paragraph>
          {t('waiver.dialogHint', { days: String(maxDays) })}
        </Typography>
        <TextField
          label={t('waiver.reason')}
          required
          multiline
          minRows={3}
          fullWidth
          margin="normal"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 2000, 'data-testid': 'waiver-reason' }}
        />
        <TextField
          label={t('waiver.expires')}
          type="date"
          required
          fullWidth
          margin="normal"
          value={expires}
          onChange={e => setExpires(e.target.value)}
          InputLabelProps={{ shrink: true }}
          inputProps={{
            min: dayAfter(0),
            max: dayAfter(maxDays),
            'data-testid': 'waiver-expires',
          }}
        />
        <TextField
          label={t('waiver.ticket')}
          fullWidth
          margin="normal"
          placeholder="https://"
          value={ticket}
          onChange={e => setTicket(e.target.value)}
          inputProps={{ 'data-testid': 'waiver-ticket' }}
        />
        {error && (
          <Typography color="error" variant="body2" role="alert">
            {error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('waiver.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={saving || !reason.trim() || !expires}
          onClick={submit}
          data-testid="waiver-submit"
        >
          {t('waiver.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
