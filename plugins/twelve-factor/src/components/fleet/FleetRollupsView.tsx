import { Link as RouterLink } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fleetQueryToParams,
  getArea,
  SCORE_BANDS,
  type FleetQuery,
  type FleetRollup,
} from '@internal/plugin-twelve-factor-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  type FleetGrouping,
  twelveFactorApiRef,
} from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { formatScore } from '../format';
import { useAreaTitle } from '../useLanguage';
import { areaCode } from './areaCodes';
import { FleetError } from './FleetError';
import { BAND_COLOURS } from './FleetHeadline';
import { shortRef, useEntityLinks } from './links';

const useStyles = makeStyles({
  // Figures and labels on one line; the weakest areas take the rest.
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
});

const KINDS: Record<FleetGrouping, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

/**
 * The filtered fleet per owner, system or domain: services, averages, bands
 * and the weakest areas; each row links to the heatmap filtered to it.
 */
export function FleetRollupsView(props: {
  query: FleetQuery;
  by: FleetGrouping;
  onByChange(by: FleetGrouping): void;
  /** The address of the heatmap with this query. */
  heatmapHref(query: FleetQuery): string;
  tabPath: string;
}) {
  const { query, by, heatmapHref } = props;
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const { entityLink } = useEntityLinks(props.tabPath);
  const key = fleetQueryToParams(query).toString();
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRollups(by, query),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, by, key],
  );
  const none = t('noScore');

  const classes = useStyles();
  const label = (r: FleetRollup) =>
    r.key === '' ? t(`fleet.noGroup.${by}`) : shortRef(r.key, KINDS[by]);

  return (
    <Box data-testid="fleet-rollups">
      <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
        <Typography variant="body2">{t('fleet.rollupsBy')}</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={by}
          onChange={(_e, v) => v && props.onByChange(v)}
          aria-label={t('fleet.rollupsBy')}
        >
          {(['owner', 'system', 'domain'] as const).map(b => (
            <ToggleButton key={b} value={b} data-testid={`rollups-by-${b}`}>
              {t(`fleet.dimensions.${b}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box height={4}>{loading && <LinearProgress />}</Box>
      {error && <FleetError error={error} onRetry={retry} />}
      {value && (
        <Table
          size="small"
          aria-label={t('fleet.views.rollups')}
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              <TableCell>{t(`fleet.dimensions.${by}`)}</TableCell>
              <TableCell align="right">{t('fleet.services')}</TableCell>
              <TableCell align="right">{t('overall')}</TableCell>
              <TableCell align="right" title={t('twelveFactorGroup')}>
                12F
              </TableCell>
              <TableCell align="right" title={t('cloudNativeGroup')}>
                CN
              </TableCell>
              <TableCell>{t('overviewBands')}</TableCell>
              <TableCell>{t('weakestAreas')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>{t('fleet.noMatch')}</TableCell>
              </TableRow>
            )}
            {value.items.map(r => (
              <TableRow key={r.key} data-testid={`rollup-${r.key || 'none'}`}>
                <TableCell>
                  {r.key ? (
                    <RouterLink to={entityLink(r.key)} title={r.key}>
                      {label(r)}
                    </RouterLink>
                  ) : (
                    label(r)
                  )}
                </TableCell>
                <TableCell align="right">
                  {r.services}
                  {r.scored < r.services && (
                    <Typography variant="caption" color="textSecondary">
                      {' '}
                      ({t('fleet.scoredCount', { count: r.scored })})
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" data-testid="rollup-overall">
                  {formatScore(r.overall, none)}
                </TableCell>
                <TableCell align="right">
                  {formatScore(r.twelveFactor, none)}
                </TableCell>
                <TableCell align="right">
                  {formatScore(r.cloudNative, none)}
                </TableCell>
                <TableCell>
                  <Box display="flex" style={{ gap: 8 }}>
                    {SCORE_BANDS.map(b => (
                      <span
                        key={b}
                        title={t(`bands.${b}`)}
                        aria-label={`${t(`bands.${b}`)}: ${r.bands[b]}`}
                      >
                        <span
                          style={{
                            display: 'inline-block',
                            width: 8,
                            height: 8,
                            marginRight: 2,
                            border: '1px solid rgba(0,0,0,0.3)',
                            backgroundColor: BAND_COLOURS[b],
                          }}
                        />
                        {r.bands[b]}
                      </span>
                    ))}
                  </Box>
                </TableCell>
                <TableCell>
                  {r.weakestAreas.map((w, i) => {
                    const area = getArea(w.area);
                    return (
                      <span key={w.area} title={areaTitle(area, w.area)}>
                        {i > 0 ? ', ' : ''}
                        {area ? areaCode(area) : w.area}{' '}
                        {formatScore(w.score, none)}
                      </span>
                    );
                  })}
                </TableCell>
                <TableCell>
                  {r.key && (
                    <RouterLink
                      to={heatmapHref({ ...query, [by]: [r.key] })}
                      data-testid="rollup-heatmap-link"
                    >
                      {t('fleet.showInHeatmap')}
                    </RouterLink>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
