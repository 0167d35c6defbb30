import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { ScoreHistoryEntry } from '@internal/plugin-twelve-factor-common';
import useAsync from 'react-use/esm/useAsync';
import { twelveFactorApiRef } from '../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../translation/ref';
import { formatScore } from './format';
import { useLanguage } from './useLanguage';

/** The change of a score against the entry before it, e.g. `+5.2`; empty when either is missing. */
export function scoreChange(
  current: number | null,
  previous: number | null | undefined,
): string {
  if (current === null || previous === null || previous === undefined)
    return '';
  const delta = Math.round((current - previous) * 10) / 10;
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `${delta}`;
}

/**
 * The entity's scores over time. Loaded on its own: the tab stays usable when
 * the history cannot be read, and `version` (the scan time) reloads it after a rescan.
 */
export function HistorySection(props: {
  entity: CompoundEntityRef;
  version: string;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const lang = useLanguage();
  const api = useApi(twelveFactorApiRef);
  const { entity, version } = props;
  const { value, loading, error } = useAsync(
    () => api.getHistory(entity),
    [api, entity.kind, entity.namespace, entity.name, version],
  );
  const none = t('noScore');
  const items: ScoreHistoryEntry[] = value?.items ?? [];
  const rows = items.map((e, i) => ({
    ...e,
    change: scoreChange(e.overall, items[i + 1]?.overall),
  }));
  return (
    <InfoCard title={t('historyTitle')} subheader={t('historyHint')}>
      {loading && <Progress />}
      {error && (
        <Typography color="error" variant="body2">
          {error.message}
        </Typography>
      )}
      {!loading && !error && (
        <div data-testid="score-history">
          <Table
            options={{
              paging: false,
              search: false,
              toolbar: false,
              padding: 'dense',
              sorting: false,
            }}
            columns={[
              {
                title: t('historySince'),
                field: 'since',
                render: r => new Date(r.since).toLocaleString(lang),
              },
              {
                title: t('historyConfirmed'),
                field: 'generatedAt',
                render: r => new Date(r.generatedAt).toLocaleString(lang),
              },
              {
                title: t('overall'),
                field: 'overall',
                render: r => formatScore(r.overall, none),
              },
              {
                title: t('historyChange'),
                field: 'change',
                render: r => (
                  <span data-testid="history-change">{r.change}</span>
                ),
              },
              {
                title: t('twelveFactorGroup'),
                field: 'twelveFactor',
                render: r => formatScore(r.twelveFactor, none),
              },
              {
                title: t('cloudNativeGroup'),
                field: 'cloudNative',
                render: r => formatScore(r.cloudNative, none),
              },
            ]}
            data={rows}
          />
        </div>
      )}
    </InfoCard>
  );
}
