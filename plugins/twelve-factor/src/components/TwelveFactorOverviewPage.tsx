import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  AREAS,
  type ScorecardOverviewItem,
} from '@internal/plugin-twelve-factor-common';
import useAsync from 'react-use/esm/useAsync';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';
import { useAreaTitle, useLanguage } from './useLanguage';
import {
  type Band,
  compareScores,
  overviewStats,
  weakestAreaOf,
} from './overviewStats';

const BANDS: Band[] = ['good', 'fair', 'poor', 'none'];

/**
 * Sorts by a score with services without one last, whichever the direction.
 * For a descending sort the table calls this with the rows swapped and the
 * direction 'desc', and keeps the sign: there a missing score must compare
 * as smaller to end up last.
 */
function byScore(get: (i: ScorecardOverviewItem) => number | null) {
  return (
    a: ScorecardOverviewItem,
    b: ScorecardOverviewItem,
    _type?: string,
    direction?: string,
  ) => compareScores(get(a), get(b), direction === 'desc' ? -1 : 1);
}

/** A card that ranks owners or areas: a plain table, in the order given. */
function RankingCard<T extends object>(props: {
  title: string;
  columns: TableColumn<T>[];
  data: T[];
}) {
  return (
    <Grid item xs={12} lg={6}>
      <InfoCard title={props.title}>
        <Table<T>
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={props.columns}
          data={props.data}
        />
      </InfoCard>
    </Grid>
  );
}

/** Options of the overview. @public */
export interface TwelveFactorOverviewProps {
  /** Where the Twelve-Factor tab is mounted under an entity page; `twelve-factor` by default. */
  entityTabPath?: string;
}

/** The org-wide overview for the platform team: averages, the weakest areas, and every scanned service. @public */
export function TwelveFactorOverviewPage(props: TwelveFactorOverviewProps) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('overviewTitle')} subtitle={t('overviewSubtitle')} />
      <Content>
        <TwelveFactorOverviewContent {...props} />
      </Content>
    </Page>
  );
}

/** The overview without its page frame, for apps that bring their own header. @public */
export function TwelveFactorOverviewContent(props: TwelveFactorOverviewProps) {
  const tabPath = (props.entityTabPath ?? 'twelve-factor').replace(
    /^\/+|\/+$/g,
    '',
  );
  const api = useApi(twelveFactorApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const areaTitle = useAreaTitle();
  const lang = useLanguage();
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error } = useAsync(() => api.getOverview(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const items = value?.items ?? [];
  if (items.length === 0) {
    return (
      <InfoCard title={t('overviewTitle')}>
        <Typography data-testid="twelve-factor-overview-empty">
          {t('overviewEmpty')}
        </Typography>
      </InfoCard>
    );
  }
  const stats = overviewStats(items, AREAS);
  const none = t('noScore');
  const ownerCell = (owner: string | undefined) =>
    owner ? (
      <EntityRefLink entityRef={owner} defaultKind="group" />
    ) : (
      t('overviewNoOwner')
    );
  const tabLink = (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return `${entityRoute({
      kind: kind.toLocaleLowerCase('en-US'),
      namespace,
      name,
    })}/${tabPath}`;
  };
  const columns: TableColumn<ScorecardOverviewItem>[] = [
    {
      title: t('overviewService'),
      field: 'entityRef',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      render: i => (
        <EntityRefLink entityRef={i.entityRef} defaultKind="component" />
      ),
    },
    {
      title: t('overall'),
      field: 'overall',
      defaultSort: 'asc',
      customSort: byScore(i => i.overall),
      render: i => (
        <Link
          to={tabLink(i.entityRef)}
          data-testid={`overview-overall-${i.entityRef}`}
        >
          {formatScore(i.overall, none)}
        </Link>
      ),
    },
    {
      title: t('overviewOwner'),
      field: 'owner',
      render: i => ownerCell(i.owner),
    },
    {
      title: t('twelveFactorGroup'),
      field: 'twelveFactor',
      customSort: byScore(i => i.twelveFactor),
      render: i => formatScore(i.twelveFactor, none),
    },
    {
      title: t('cloudNativeGroup'),
      field: 'cloudNative',
      customSort: byScore(i => i.cloudNative),
      render: i => formatScore(i.cloudNative, none),
    },
    { title: t('verdicts.fail'), field: 'counts.fail', type: 'numeric' },
    { title: t('verdicts.partial'), field: 'counts.partial', type: 'numeric' },
    { title: t('verdicts.unknown'), field: 'counts.unknown', type: 'numeric' },
    {
      title: t('overviewWeakest'),
      sorting: false,
      render: i => {
        const weakest = weakestAreaOf(i, AREAS);
        return weakest
          ? `${areaTitle(weakest.area, weakest.area.id)} (${formatScore(
              weakest.score,
              none,
            )})`
          : none;
      },
    },
    {
      title: t('overviewScanned'),
      field: 'generatedAt',
      render: i => new Date(i.generatedAt).toLocaleString(lang),
    },
  ];
  return (
    <Grid container spacing={3} data-testid="twelve-factor-overview">
      <Grid item xs={12} md={4}>
        <InfoCard title={t('overviewServices')}>
          <Typography variant="h3" data-testid="overview-services">
            {stats.services}
          </Typography>
          <Box mt={2}>
            {(
              [
                ['overall', t('overall'), stats.overall],
                ['twelve-factor', t('twelveFactorGroup'), stats.twelveFactor],
                ['cloud-native', t('cloudNativeGroup'), stats.cloudNative],
              ] as const
            ).map(([id, label, score]) => (
              <Typography key={id} data-testid={`overview-average-${id}`}>
                {t('overviewAverage')} · {label}:{' '}
                <strong>{formatScore(score, none)}</strong>
              </Typography>
            ))}
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title={t('overviewBands')}>
          <Grid container spacing={2}>
            {BANDS.map(band => (
              <Grid item xs={6} sm={3} key={band}>
                <Typography variant="h4" data-testid={`overview-band-${band}`}>
                  {stats.bands[band]}
                </Typography>
                <Typography variant="body2">{t(`bands.${band}`)}</Typography>
              </Grid>
            ))}
          </Grid>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table<ScorecardOverviewItem>
          title={t('overviewTitle')}
          options={{
            paging: items.length > 20,
            pageSize: 20,
            search: true,
            padding: 'dense',
          }}
          columns={columns}
          data={items}
        />
      </Grid>
      <RankingCard
        title={t('overviewOwners')}
        columns={[
          {
            title: t('overviewOwner'),
            field: 'owner',
            render: r => ownerCell(r.owner),
          },
          {
            title: t('overviewServicesShort'),
            field: 'services',
            type: 'numeric',
          },
          {
            title: t('overviewAverage'),
            field: 'mean',
            render: r => (
              <span data-testid={`overview-owner-${r.owner || 'none'}`}>
                {formatScore(r.mean, none)}
              </span>
            ),
          },
          { title: t('verdicts.fail'), field: 'fail', type: 'numeric' },
        ]}
        data={stats.owners.map(o => ({ ...o }))}
      />
      <RankingCard
        title={t('overviewAreas')}
        columns={[
          { title: t('area'), field: 'title' },
          {
            title: t('overviewAverage'),
            field: 'mean',
            render: r => (
              <span data-testid={`overview-area-${r.id}`}>
                {formatScore(r.mean, none)}
              </span>
            ),
          },
          { title: t('overviewBelow50'), field: 'below50', type: 'numeric' },
        ]}
        data={stats.areas.map(a => ({
          id: a.area.id,
          title: areaTitle(a.area, a.area.id),
          mean: a.mean,
          below50: a.below50,
        }))}
      />
    </Grid>
  );
}
