import { InfoCard, Table, type TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { WaiverRecord } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { useLanguage } from '../useLanguage';

/**
 * Every portal waiver of the entity with what happened to it: granted by
 * whom, revoked by whom, or lapsed. The auditor keeps the same record.
 */
export function WaiverHistorySection({
  waivers,
  titleOf,
}: {
  waivers: WaiverRecord[];
  titleOf: (checkId: string) => string;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const lang = useLanguage();
  const when = (iso?: string) =>
    iso ? new Date(iso).toLocaleString(lang) : '';
  const columns: TableColumn<WaiverRecord>[] = [
    { title: t('check'), render: w => titleOf(w.checkId) },
    {
      title: t('waiver.status'),
      render: w => t(`waiver.statuses.${w.status}` as const),
    },
    { title: t('reason'), field: 'reason' },
    {
      title: t('waiver.grantedBy'),
      render: w => `${w.author}, ${when(w.createdAt)}`,
    },
    { title: t('waiver.expires'), field: 'expires' },
    {
      title: t('waiver.ended'),
      render: w => {
        if (w.revokedAt)
          return t('waiver.revokedBy', {
            who: w.revokedBy ?? '',
            when: when(w.revokedAt),
          });
        return w.expiredAt
          ? t('waiver.expiredOn', { when: when(w.expiredAt) })
          : '';
      },
    },
  ];
  return (
    <InfoCard title={t('waiver.historyTitle')} noPadding>
      <div data-testid="waiver-history">
        <Table
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={columns}
          data={waivers}
        />
      </div>
    </InfoCard>
  );
}
