import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  fleetQueryToParams,
  type FleetQuery,
  type TrendPoint,
} from '@internal/plugin-twelve-factor-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  type FleetGrouping,
  type FleetPeriod,
  twelveFactorApiRef,
} from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { formatScore } from '../format';
import { FleetError } from './FleetError';
import { PeriodPicker } from './PeriodPicker';
import { shortRef } from './links';
import { isFiltered } from './urlState';

/** Okabe–Ito: a categorical palette that stays distinct with colour blindness. */
export const LINE_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];
/** Groups drawn at most (the largest; the backend sends them largest first). */
const MAX_GROUP_LINES = 8;

/** The first and the last decided value of a series, and the change between them. */
export function changeOf(
  points: ReadonlyArray<TrendPoint>,
  pick: (p: TrendPoint) => number | null = p => p.overall,
): { from: number; to: number; delta: number } | undefined {
  const values = points
    .map(pick)
    .filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return undefined;
  const from = values[0];
  const to = values[values.length - 1];
  return { from, to, delta: Math.round((to - from) * 10) / 10 };
}

const KINDS: Record<FleetGrouping, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

/**
 * Overall and group scores over 30, 90 or 365 days, for the current filter
 * and, when there is one, for the whole fleet beside it; optionally the
 * overall score per owner, system or domain.
 */
export function FleetTrendView(props: {
  query: FleetQuery;
  days: FleetPeriod;
  onDaysChange(days: FleetPeriod): void;
  onGroupByChange(groupBy: FleetGrouping | undefined): void;
}) {
  const { query, days } = props;
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const key = fleetQueryToParams(query).toString();
  const filtered = isFiltered(query);
  const groupBy = query.groupBy;
  const trend = useAsyncRetry(
    () => api.getTrend({ query, days, groupBy }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, days],
  );
  const fleet = useAsyncRetry(
    async () =>
      filtered
        ? api.getTrend({
            query: query.within ? { within: query.within } : {},
            days,
          })
        : undefined,
    [api, filtered, query.within, days],
  );

  const fleetByDate = new Map(
    (fleet.value?.points ?? []).map(p => [p.date, p.overall]),
  );
  const data = (trend.value?.points ?? []).map(p => ({
    date: p.date,
    overall: p.overall,
    twelveFactor: p.twelveFactor,
    cloudNative: p.cloudNative,
    fleet: fleetByDate.get(p.date) ?? null,
  }));
  const groups = (trend.value?.groups ?? []).slice(0, MAX_GROUP_LINES);
  const groupData = (() => {
    const rows = new Map<string, Record<string, string | number | null>>();
    for (const [i, g] of groups.entries()) {
      for (const p of g.points) {
        const row = rows.get(p.date) ?? { date: p.date };
        row[`g${i}`] = p.overall;
        rows.set(p.date, row);
      }
    }
    return [...rows.values()].sort((a, b) =>
      String(a.date).localeCompare(String(b.date)),
    );
  })();
  const change = trend.value ? changeOf(trend.value.points) : undefined;
  const none = t('noScore');
  const groupLabel = (k: string) =>
    k === ''
      ? t(`fleet.noGroup.${groupBy ?? 'owner'}`)
      : shortRef(k, KINDS[groupBy ?? 'owner']);

  return (
    <Box data-testid="fleet-trend">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <PeriodPicker days={days} onChange={props.onDaysChange} />
        <Typography variant="body2">{t('fleet.trendPer')}</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={groupBy ?? 'none'}
          onChange={(_e, v) =>
            v && props.onGroupByChange(v === 'none' ? undefined : v)
          }
          aria-label={t('fleet.trendPer')}
        >
          <ToggleButton value="none" data-testid="trend-per-none">
            {t('fleet.trendWhole')}
          </ToggleButton>
          {(['owner', 'system', 'domain'] as const).map(b => (
            <ToggleButton key={b} value={b} data-testid={`trend-per-${b}`}>
              {t(`fleet.dimensions.${b}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      <Box height={4} my={1}>
        {(trend.loading || fleet.loading) && <LinearProgress />}
      </Box>
      {trend.error && <FleetError error={trend.error} onRetry={trend.retry} />}
      {fleet.error && <FleetError error={fleet.error} onRetry={fleet.retry} />}
      <Paper variant="outlined" style={{ padding: 12 }}>
        <Typography variant="subtitle1">
          {filtered ? t('fleet.trendFiltered') : t('fleet.trendFleet')}
        </Typography>
        <Typography variant="body2" data-testid="trend-change">
          {change
            ? t('fleet.trendChange', {
                days: String(days),
                from: formatScore(change.from, none),
                to: formatScore(change.to, none),
                delta: `${change.delta > 0 ? '+' : ''}${change.delta}`,
              })
            : trend.value && t('fleet.trendEmpty')}
        </Typography>
        <Box height={280} data-testid="trend-chart">
          <ResponsiveContainer
            width="100%"
            height="100%"
            initialDimension={{ width: 800, height: 160 }}
          >
            <LineChart data={data} margin={{ top: 8, right: 16, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} width={36} />
              <ChartTooltip />
              <Legend />
              <Line
                dataKey="overall"
                name={t('overall')}
                stroke={LINE_COLOURS[0]}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                dataKey="twelveFactor"
                name={t('twelveFactorGroup')}
                stroke={LINE_COLOURS[1]}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              <Line
                dataKey="cloudNative"
                name={t('cloudNativeGroup')}
                stroke={LINE_COLOURS[2]}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
              {filtered && (
                <Line
                  dataKey="fleet"
                  name={t('fleet.trendFleetLine')}
                  stroke="#7f7f7f"
                  strokeDasharray="6 4"
                  dot={false}
                  connectNulls
                  isAnimationActive={false}
                />
              )}
            </LineChart>
          </ResponsiveContainer>
        </Box>
      </Paper>
      {groupBy && groups.length > 0 && (
        <Paper
          variant="outlined"
          style={{ padding: 12, marginTop: 12 }}
          data-testid="trend-groups"
        >
          <Typography variant="subtitle1">
            {t('fleet.trendGroups', {
              dimension: t(`fleet.dimensions.${groupBy}`),
              count: groups.length,
            })}
          </Typography>
          <ul
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 12,
              margin: 0,
              paddingLeft: 16,
            }}
          >
            {groups.map(g => {
              const c = changeOf(g.points);
              return (
                <li key={g.key} data-testid={`trend-group-${g.key || 'none'}`}>
                  <Typography variant="caption">
                    {groupLabel(g.key)}:{' '}
                    {c
                      ? `${formatScore(c.to, none)} (${c.delta > 0 ? '+' : ''}${
                          c.delta
                        })`
                      : none}
                  </Typography>
                </li>
              );
            })}
          </ul>
          <Box height={280}>
            <ResponsiveContainer
              width="100%"
              height="100%"
              initialDimension={{ width: 800, height: 160 }}
            >
              <LineChart
                data={groupData}
                margin={{ top: 8, right: 16, left: 0 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
                <YAxis domain={[0, 100]} tick={{ fontSize: 11 }} width={36} />
                <ChartTooltip />
                <Legend />
                {groups.map((g, i) => (
                  <Line
                    key={g.key}
                    dataKey={`g${i}`}
                    name={groupLabel(g.key)}
                    stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
                    dot={false}
                    connectNulls
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </Box>
        </Paper>
      )}
    </Box>
  );
}
