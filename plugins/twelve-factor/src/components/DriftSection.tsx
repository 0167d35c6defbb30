import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  DriftItem,
  DriftTarget,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';

type Row = DriftItem & { id: string; where: string };

/** Repository vs cluster differences, one row per object or field. */
export function DriftSection({ drift }: { drift: DriftTarget[] }) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const rows: Row[] = drift.flatMap(d =>
    d.items.map((i, n) => ({
      ...i,
      id: `${d.target}|${d.cluster}|${d.namespace}|${n}`,
      where: `${d.target} ↔ ${d.cluster}/${d.namespace}`,
    })),
  );
  const columns: TableColumn<Row>[] = [
    { title: t('driftWhere'), field: 'where' },
    { title: t('driftObject'), render: r => `${r.kind}/${r.name}` },
    {
      title: t('driftDifference'),
      render: r => {
        if (r.type === 'missing') return t('driftMissing');
        if (r.type === 'undeclared') return t('driftUndeclared');
        return `${r.field}: ${r.declared} → ${r.live}`;
      },
    },
  ];
  return (
    <InfoCard title={t('driftTitle')}>
      <div data-testid="drift">
        {rows.length === 0 ? (
          t('driftNone', { targets: String(drift.length) })
        ) : (
          <Table<Row>
            options={{
              paging: rows.length > 20,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            data={rows}
            columns={columns}
          />
        )}
      </div>
    </InfoCard>
  );
}
