import { Link as RouterLink } from 'react-router-dom';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AREAS,
  CAMPAIGN_MAX_PER_OWNER,
  firstSentence,
  fleetQueryToParams,
  getArea,
  REMEDIATION_SEPARATOR,
  type FleetCampaign,
  type FleetQuery,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  type FleetPeriod,
  twelveFactorApiRef,
} from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { useEngineText } from '../useEngineText';
import { useAreaTitle, useCheckTitle } from '../useLanguage';
import { VerdictChip } from '../VerdictChip';
import { ExportButtons } from './ExportButtons';
import { FleetError } from './FleetError';
import { PeriodPicker } from './PeriodPicker';
import { usePickerTexts } from './pickerTexts';
import { shortRef, useEntityLinks } from './links';

const CAMPAIGN_VERDICTS: Verdict[] = ['fail', 'partial'];
/** Owners listed open; the others open on a click (a campaign can list thousands of services). */
const OPEN_OWNERS = 5;

function CampaignChart(props: { campaign: FleetCampaign }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const points = props.campaign.trend;
  return (
    <Box height={160} data-testid="campaign-chart">
      <ResponsiveContainer
        width="100%"
        height="100%"
        initialDimension={{ width: 800, height: 160 }}
      >
        <AreaChart data={points} margin={{ top: 8, right: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
          <ChartTooltip />
          <Area
            type="monotone"
            dataKey="fail"
            name={t('verdicts.fail')}
            stackId="1"
            stroke="#d7191c"
            fill="#d7191c"
            isAnimationActive={false}
          />
          <Area
            type="monotone"
            dataKey="partial"
            name={t('verdicts.partial')}
            stackId="1"
            stroke="#fdae61"
            fill="#fdae61"
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </Box>
  );
}

/**
 * One owner's services in a campaign: those the campaign listed, and, once
 * the owner is opened, all of them (the campaign lists a few per owner so
 * that a fleet-wide campaign stays small).
 */
function OwnerServices(props: {
  owner: FleetCampaign['owners'][number];
  checkId: string;
  query: FleetQuery;
  days: FleetPeriod;
  verdicts: Verdict[];
  area?: string;
  tabPath: string;
}) {
  const { owner: o, checkId, query, days, verdicts, area } = props;
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const engineText = useEngineText();
  const { tabLink } = useEntityLinks(props.tabPath);
  const key = fleetQueryToParams(query).toString();
  // Services without an owner cannot be asked for by owner: they keep the short list.
  const more = o.count > o.services.length && o.owner !== '';
  const all = useAsync(
    async () =>
      more
        ? api.getCampaign(checkId, {
            query: { ...query, owner: [o.owner] },
            days,
            verdicts,
            perOwner: CAMPAIGN_MAX_PER_OWNER,
          })
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, days, checkId, o.owner, more],
  );
  const services =
    all.value?.owners.find(x => x.owner === o.owner)?.services ?? o.services;
  return (
    <>
      <Table size="small">
        <TableBody>
          {services.map(s => (
            <TableRow
              key={s.entityRef}
              data-testid={`campaign-service-${s.entityRef}`}
            >
              <TableCell style={{ width: '22%' }}>
                <RouterLink to={tabLink(s.entityRef, area)}>
                  {s.title ?? shortRef(s.entityRef, 'component')}
                </RouterLink>
              </TableCell>
              <TableCell style={{ width: 120 }}>
                <VerdictChip verdict={s.verdict} />
              </TableCell>
              <TableCell>
                <Typography variant="body2" data-testid="campaign-finding">
                  {engineText(s.summary, s.summaryMsg)}
                </Typography>
                {s.remediation && (
                  <Typography
                    variant="body2"
                    color="textSecondary"
                    data-testid="campaign-remediation"
                  >
                    {t('remediation')}:{' '}
                    {/* The stored line is the remediation's first sentence: so is its translation. */}
                    {firstSentence(
                      engineText(
                        s.remediation,
                        s.remediationMsg,
                        REMEDIATION_SEPARATOR,
                      ),
                    )}
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {all.loading && <LinearProgress data-testid="campaign-owner-loading" />}
      {all.error && <FleetError error={all.error} />}
      {o.count > services.length && !all.loading && (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="campaign-more"
        >
          {t('fleet.campaignMore', { count: o.count - services.length })}
        </Typography>
      )}
    </>
  );
}

/**
 * A remediation campaign: one check across the filtered fleet, every
 * service that fails it or partly meets it, grouped by owner with the
 * service's own finding and remediation, the count over time, and the list
 * as CSV for the owners.
 */
export function FleetCampaignView(props: {
  query: FleetQuery;
  days: FleetPeriod;
  onCheckChange(check: FleetQuery['check']): void;
  onDaysChange(days: FleetPeriod): void;
  tabPath: string;
}) {
  const { query, days } = props;
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const checkTitle = useCheckTitle();
  const pickerTexts = usePickerTexts();
  const { entityLink } = useEntityLinks(props.tabPath);
  const catalog = useAsync(() => api.getCheckCatalog(), [api]);
  const checkId = query.check?.id;
  const verdicts = query.check?.verdicts ?? CAMPAIGN_VERDICTS;
  const key = fleetQueryToParams(query).toString();
  const campaign = useAsyncRetry(
    async () =>
      checkId ? api.getCampaign(checkId, { query, days, verdicts }) : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, days],
  );

  const order = new Map(AREAS.map((a, i) => [a.id, i]));
  const checks = [...(catalog.value?.checks ?? [])].sort(
    (a, b) =>
      (order.get(a.area) ?? 99) - (order.get(b.area) ?? 99) ||
      a.id.localeCompare(b.id),
  );
  const selected = checks.find(c => c.id === checkId) ?? null;
  const area = checkId ? checkId.split('.')[0] : undefined;

  const toggleVerdict = (v: Verdict, on: boolean) => {
    if (!checkId) return;
    const next = CAMPAIGN_VERDICTS.filter(x =>
      x === v ? on : verdicts.includes(x),
    );
    if (next.length) props.onCheckChange({ id: checkId, verdicts: next });
  };

  return (
    <Box data-testid="fleet-campaign">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <Autocomplete
          {...pickerTexts}
          style={{ width: 420 }}
          size="small"
          options={checks}
          loading={catalog.loading}
          value={selected}
          groupBy={c => areaTitle(getArea(c.area), c.area)}
          getOptionLabel={c => checkTitle(c.id, c)}
          getOptionSelected={(a, b) => a.id === b.id}
          onChange={(_e, c) =>
            props.onCheckChange(
              c ? { id: c.id, verdicts: [...verdicts] } : undefined,
            )
          }
          renderOption={c => (
            <Box>
              <Typography variant="body2">{checkTitle(c.id, c)}</Typography>
              <Typography variant="caption" color="textSecondary">
                {c.id}
              </Typography>
            </Box>
          )}
          renderInput={params => (
            <TextField
              {...params}
              variant="outlined"
              label={t('fleet.campaignCheck')}
              inputProps={{
                ...params.inputProps,
                'data-testid': 'campaign-check',
              }}
            />
          )}
        />
        {CAMPAIGN_VERDICTS.map(v => (
          <FormControlLabel
            key={v}
            control={
              <Checkbox
                size="small"
                checked={verdicts.includes(v)}
                disabled={!checkId}
                onChange={e => toggleVerdict(v, e.target.checked)}
              />
            }
            label={t(`verdicts.${v}`)}
          />
        ))}
        <PeriodPicker days={days} onChange={props.onDaysChange} />
        <Box flex={1} />
        {checkId && (
          <ExportButtons query={query} label={t('fleet.exportCampaign')} />
        )}
      </Box>
      {catalog.error && <FleetError error={catalog.error} />}
      <Box height={4} my={1}>
        {campaign.loading && <LinearProgress />}
      </Box>
      {!checkId && (
        <Typography color="textSecondary" data-testid="campaign-pick">
          {t('fleet.campaignPick')}
        </Typography>
      )}
      {campaign.error && (
        <FleetError error={campaign.error} onRetry={campaign.retry} />
      )}
      {checkId && campaign.value && (
        <>
          <Paper variant="outlined" style={{ padding: 12, marginBottom: 12 }}>
            <Typography variant="h6" data-testid="campaign-total">
              {t('fleet.campaignTotal', {
                count: campaign.value.total,
                owners: String(campaign.value.owners.length),
              })}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {checkTitle(checkId, selected ?? undefined)} · {checkId} ·{' '}
              {t('fleet.overTime', { days: String(days) })}
            </Typography>
            <CampaignChart campaign={campaign.value} />
          </Paper>
          {campaign.value.owners.map((o, i) => (
            <Accordion
              key={o.owner || 'none'}
              defaultExpanded={i < OPEN_OWNERS}
              TransitionProps={{ unmountOnExit: true }}
              data-testid={`campaign-owner-${o.owner || 'none'}`}
            >
              <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography>
                  <strong>
                    {o.owner ? (
                      <RouterLink
                        to={entityLink(o.owner)}
                        onClick={e => e.stopPropagation()}
                      >
                        {shortRef(o.owner, 'group')}
                      </RouterLink>
                    ) : (
                      t('overviewNoOwner')
                    )}
                  </strong>{' '}
                  — {t('fleet.servicesCount', { count: o.count })}
                </Typography>
              </AccordionSummary>
              <AccordionDetails style={{ flexDirection: 'column' }}>
                <OwnerServices
                  owner={o}
                  checkId={checkId}
                  query={query}
                  days={days}
                  verdicts={verdicts}
                  area={area}
                  tabPath={props.tabPath}
                />
              </AccordionDetails>
            </Accordion>
          ))}
        </>
      )}
    </Box>
  );
}
