import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Verdict } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';

const useStyles = makeStyles(theme => ({
  pass: {
    backgroundColor: theme.palette.success?.main ?? '#2e7d32',
    color: '#fff',
  },
  partial: {
    backgroundColor: theme.palette.warning?.main ?? '#ed6c02',
    color: '#fff',
  },
  fail: { backgroundColor: theme.palette.error.main, color: '#fff' },
  unknown: { backgroundColor: theme.palette.grey[500], color: '#fff' },
  waived: {
    backgroundColor: theme.palette.info?.main ?? '#0288d1',
    color: '#fff',
  },
}));

/**
 * A verdict as a coloured chip, in the user's language; with `count`, the
 * number of checks with that verdict ("Not met: 2").
 */
export function VerdictChip({
  verdict,
  count,
}: {
  verdict: Verdict;
  count?: number;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const label = t(`verdicts.${verdict}`);
  return (
    <Chip
      size="small"
      label={count === undefined ? label : `${label}: ${count}`}
      className={classes[verdict]}
      data-verdict={verdict}
    />
  );
}
