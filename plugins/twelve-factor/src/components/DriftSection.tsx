import Typography from '@material-ui/core/Typography';
import { InfoCard, Link, Table, TableColumn } from '@backstage/core-components';
import { CONNECT_CLUSTER_DOCS } from './docsLinks';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  DriftItem,
  DriftTarget,
  ScanInputs,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';

type Row = DriftItem & { id: string; where: string };

/** Repository vs cluster differences, one row per object or field. */
export function DriftSection({
  drift,
  inputs,
}: {
  /** Absent when the scan lacked the repository or the clusters. */
  drift?: DriftTarget[];
  inputs?: ScanInputs;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  if (!drift || drift.length === 0) {
    let message: string = t('driftNoTargets');
    if (inputs && !inputs.repository) message = t('driftNoRepository');
    else if (!drift && (!inputs || inputs.clusters.length === 0))
      message = t('driftNoClusters');
    return (
      <InfoCard title={t('driftTitle')}>
        <Typography variant="body2" data-testid="drift">
          {message}{' '}
          {(!inputs || inputs.clusters.length === 0) && (
            <Link to={CONNECT_CLUSTER_DOCS}>
              {t('unknowns.connectCluster')}
            </Link>
          )}
        </Typography>
      </InfoCard>
    );
  }
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
