import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { FleetQuery } from '@internal/plugin-twelve-factor-common';
import {
  type FleetExportFormat,
  twelveFactorApiRef,
} from '../../api/TwelveFactorApi';
import { twelveFactorTranslationRef } from '../../translation/ref';
import { saveBlob, today } from './download';
import { errorMessage } from './FleetError';

type ExportKind = { format: FleetExportFormat; lang?: 'en' | 'ko' };

const KINDS: Array<{ id: 'csv' | 'mdEn' | 'mdKo'; kind: ExportKind }> = [
  { id: 'csv', kind: { format: 'csv' } },
  { id: 'mdEn', kind: { format: 'markdown', lang: 'en' } },
  { id: 'mdKo', kind: { format: 'markdown', lang: 'ko' } },
];

/** The file name of an export: what it holds, the day, and the language of a report. */
export function exportFileName(
  kind: ExportKind,
  query: FleetQuery,
  date: string = today(),
): string {
  const what = query.check
    ? `campaign-${query.check.id}`
    : `fleet${query.within ? `-${query.within.replace(/[:/]/g, '-')}` : ''}`;
  return kind.format === 'csv'
    ? `twelve-factor-${what}-${date}.csv`
    : `twelve-factor-${what}-${date}.${kind.lang ?? 'en'}.md`;
}

/**
 * Exports of the current view: CSV of every matching service and the
 * Markdown report in English or Korean, made by the backend and saved as
 * files.
 */
export function ExportButtons(props: { query: FleetQuery; label?: string }) {
  const api = useApi(twelveFactorApiRef);
  const alertApi = useApi(alertApiRef);
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const [busy, setBusy] = useState<string>();
  const { offset: _o, limit: _l, ...query } = props.query;

  const run = async (id: string, kind: ExportKind) => {
    setBusy(id);
    try {
      const blob = await api.downloadExport(kind.format, query, {
        lang: kind.lang,
      });
      saveBlob(blob, exportFileName(kind, query));
    } catch (e) {
      alertApi.post({
        message: t('fleet.exportFailed', { message: errorMessage(e as Error) }),
        severity: 'error',
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 4 }}
      role="group"
      aria-label={props.label ?? t('fleet.export')}
      data-testid="fleet-export"
    >
      {KINDS.map(({ id, kind }) => (
        <Button
          key={id}
          size="small"
          variant="outlined"
          disabled={busy !== undefined}
          startIcon={
            busy === id ? <CircularProgress size={14} /> : <GetAppIcon />
          }
          onClick={() => run(id, kind)}
          data-testid={`fleet-export-${id}`}
        >
          {t(`fleet.exports.${id}`)}
        </Button>
      ))}
    </Box>
  );
}
