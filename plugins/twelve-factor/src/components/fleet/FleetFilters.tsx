import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AREAS,
  FLEET_DIMENSIONS,
  getBuiltInCheck,
  SCORE_BANDS,
  type FleetDimension,
  type FleetFacet,
  type FleetPage,
  type FleetQuery,
  type ScoreBand,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { useAreaTitle, useCheckTitle } from '../useLanguage';
import { shortRef } from './links';
import { usePickerTexts } from './pickerTexts';

const REF_KINDS: Partial<Record<FleetDimension, string>> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  field: { width: 176 },
  search: { width: 220 },
  option: { display: 'flex', width: '100%', justifyContent: 'space-between' },
}));

/** How long typing in the search box waits before the address changes. */
export const SEARCH_DELAY_MS = 350;

type FilterPatch = Partial<FleetQuery>;

function MultiFilter(props: {
  label: string;
  testId: string;
  values: string[];
  facets: FleetFacet[] | undefined;
  labelOf(value: string): string;
  onChange(values: string[]): void;
}) {
  const classes = useStyles();
  const pickerTexts = usePickerTexts();
  const counts = new Map((props.facets ?? []).map(f => [f.value, f.count]));
  // The facets of the current filter, and the chosen values even when the filter left them out.
  const options = [
    ...new Set([...(props.facets ?? []).map(f => f.value), ...props.values]),
  ];
  return (
    <Autocomplete
      {...pickerTexts}
      multiple
      size="small"
      limitTags={1}
      disableCloseOnSelect
      className={classes.field}
      options={options}
      value={props.values}
      getOptionLabel={props.labelOf}
      onChange={(_e, values) => props.onChange(values as string[])}
      renderOption={value => (
        <span className={classes.option}>
          <span>{props.labelOf(value)}</span>
          <span>{counts.get(value) ?? 0}</span>
        </span>
      )}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={props.label}
          inputProps={{ ...params.inputProps, 'data-testid': props.testId }}
        />
      )}
      data-testid={`${props.testId}-field`}
    />
  );
}

/**
 * The filters of the fleet view, from the facets of the current filter:
 * owner, system, domain, lifecycle, type, tag, namespace and band, an area
 * below a score, and a search of names and titles. Every change is a new
 * query for the page to write into its address.
 */
export function FleetFilters(props: {
  query: FleetQuery;
  facets?: FleetPage['facets'];
  onChange(patch: FilterPatch): void;
  onClear(): void;
}) {
  const { query, facets, onChange } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();

  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  useEffect(() => {
    if ((query.q ?? '') === search.trim()) return undefined;
    const timer = setTimeout(
      () => onChange({ q: search.trim() || undefined }),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [search, query.q, onChange]);

  const [below, setBelow] = useState(String(query.areaBelow?.score ?? 50));
  useEffect(() => {
    if (query.areaBelow) setBelow(String(query.areaBelow.score));
  }, [query.areaBelow]);

  const titleOf = useCheckTitle();
  const checkTitle = (id: string) => titleOf(id, getBuiltInCheck(id));

  return (
    <Box className={classes.root} data-testid="fleet-filters">
      <TextField
        className={classes.search}
        size="small"
        variant="outlined"
        type="search"
        label={t('fleet.search')}
        value={search}
        onChange={e => setSearch(e.target.value)}
        inputProps={{ 'data-testid': 'fleet-search' }}
      />
      {FLEET_DIMENSIONS.map(d => (
        <MultiFilter
          key={d}
          label={t(`fleet.dimensions.${d}`)}
          testId={`fleet-filter-${d}`}
          values={query[d] ?? []}
          facets={facets?.[d]}
          labelOf={v => (REF_KINDS[d] ? shortRef(v, REF_KINDS[d]!) : v)}
          onChange={values =>
            onChange({ [d]: values.length ? values : undefined })
          }
        />
      ))}
      <MultiFilter
        label={t('fleet.dimensions.band')}
        testId="fleet-filter-band"
        values={query.band ?? []}
        facets={facets?.band ?? SCORE_BANDS.map(b => ({ value: b, count: 0 }))}
        labelOf={v => t(`bands.${v as ScoreBand}`)}
        onChange={values =>
          onChange({
            band: values.length ? (values as ScoreBand[]) : undefined,
          })
        }
      />
      <TextField
        select
        size="small"
        variant="outlined"
        className={classes.field}
        label={t('fleet.areaBelow')}
        value={query.areaBelow?.area ?? ''}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        inputProps={{ 'data-testid': 'fleet-area-below' }}
        onChange={e => {
          const area = e.target.value;
          const score = Math.min(100, Math.max(0, Number(below) || 0));
          onChange({ areaBelow: area ? { area, score } : undefined });
        }}
      >
        <option value="">{t('fleet.anyArea')}</option>
        {AREAS.map(a => (
          <option key={a.id} value={a.id}>
            {areaTitle(a, a.id)}
          </option>
        ))}
      </TextField>
      <TextField
        size="small"
        variant="outlined"
        type="number"
        style={{ width: 88 }}
        label={t('fleet.belowScore')}
        value={below}
        inputProps={{ min: 0, max: 100, 'data-testid': 'fleet-area-score' }}
        onChange={e => {
          setBelow(e.target.value);
          const score = Number(e.target.value);
          if (
            query.areaBelow &&
            e.target.value !== '' &&
            score >= 0 &&
            score <= 100
          )
            onChange({ areaBelow: { area: query.areaBelow.area, score } });
        }}
      />
      {query.check && (
        <Chip
          data-testid="fleet-check-filter"
          label={t('fleet.checkFilter', {
            check: checkTitle(query.check.id),
            verdicts: query.check.verdicts
              .map(v => t(`verdicts.${v}`))
              .join(', '),
          })}
          onDelete={() => onChange({ check: undefined })}
        />
      )}
      <Button size="small" onClick={props.onClear}>
        {t('fleet.clearFilters')}
      </Button>
    </Box>
  );
}
