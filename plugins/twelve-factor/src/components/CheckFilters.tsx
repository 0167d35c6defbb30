import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { VERDICTS, type Verdict } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import type { CheckFilter } from './checkFilter';

/** Gaps or every check, verdicts, and a search over titles and findings. */
export function CheckFilters({
  filter,
  onChange,
  gapCount,
  total,
  counts,
}: {
  filter: CheckFilter;
  onChange: (filter: CheckFilter) => void;
  gapCount: number;
  total: number;
  counts: Record<Verdict, number>;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const toggle = (v: Verdict) =>
    onChange({
      ...filter,
      verdicts: filter.verdicts.includes(v)
        ? filter.verdicts.filter(x => x !== v)
        : [...filter.verdicts, v],
    });
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      data-testid="check-filters"
    >
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filter.view}
        onChange={(_e, view) => view && onChange({ ...filter, view })}
      >
        <ToggleButton value="gaps" data-testid="view-gaps">
          {t('filters.gaps', { count: gapCount })}
        </ToggleButton>
        <ToggleButton value="all" data-testid="view-all">
          {t('filters.all', { count: total })}
        </ToggleButton>
      </ToggleButtonGroup>
      <Box display="flex" style={{ gap: 4 }} aria-label={t('filters.verdicts')}>
        {VERDICTS.filter(v => counts[v] > 0).map(v => (
          <Chip
            key={v}
            size="small"
            clickable
            color={filter.verdicts.includes(v) ? 'primary' : 'default'}
            variant={filter.verdicts.includes(v) ? 'default' : 'outlined'}
            label={`${t(`verdicts.${v}`)}: ${counts[v]}`}
            onClick={() => toggle(v)}
            aria-pressed={filter.verdicts.includes(v)}
            data-testid={`filter-verdict-${v}`}
          />
        ))}
      </Box>
      <TextField
        size="small"
        variant="outlined"
        value={filter.q}
        placeholder={t('filters.search')}
        onChange={e => onChange({ ...filter, q: e.target.value })}
        inputProps={{
          'aria-label': t('filters.search'),
          'data-testid': 'check-search',
        }}
        style={{ minWidth: 280 }}
      />
    </Box>
  );
}
