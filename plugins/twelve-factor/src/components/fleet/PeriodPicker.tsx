import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { FleetPeriod } from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { FLEET_PERIODS } from './urlState';

/** 30, 90 or 365 days. */
export function PeriodPicker(props: {
  days: FleetPeriod;
  onChange(days: FleetPeriod): void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.days}
      onChange={(_e, v) => v && props.onChange(v)}
      aria-label={t('fleet.period')}
    >
      {FLEET_PERIODS.map(d => (
        <ToggleButton key={d} value={d} data-testid={`period-${d}`}>
          {t('fleet.days', { days: String(d) })}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
