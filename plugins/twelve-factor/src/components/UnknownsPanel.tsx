import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  Scorecard,
  UnknownCause,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { CONNECT_CLUSTER_DOCS, SOURCE_LOCATION_DOCS } from './docsLinks';

const ORDER: UnknownCause[] = [
  'cluster',
  'repository',
  'evidence',
  'error',
  'implementation',
];

/**
 * How many checks are unknown, next to the scores, and what would decide
 * them: a scored service can look complete while a tenth of its checks
 * were never decided.
 */
export function UnknownsPanel({
  scorecard,
  onShowUnknowns,
}: {
  scorecard: Scorecard;
  /** Shows the unknown checks in the list below. */
  onShowUnknowns?: () => void;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const unknown = scorecard.results.filter(r => r.verdict === 'unknown');
  if (unknown.length === 0) return null;
  const byCause = new Map<UnknownCause, number>();
  for (const r of unknown) {
    // Scorecards stored before causes were recorded say nothing more.
    const cause = r.needs ?? 'evidence';
    byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
  }
  const line = (cause: UnknownCause, count: number) => {
    const n = count;
    switch (cause) {
      case 'cluster':
        return (
          <>
            {t('unknowns.cluster', { count: n })}{' '}
            <Link to={CONNECT_CLUSTER_DOCS}>
              {t('unknowns.connectCluster')}
            </Link>
          </>
        );
      case 'repository':
        return (
          <>
            {t('unknowns.repository', { count: n })}{' '}
            <Link to={SOURCE_LOCATION_DOCS}>
              {t('unknowns.sourceLocation')}
            </Link>
          </>
        );
      case 'error':
        return t('unknowns.error', { count: n });
      case 'implementation':
        return t('unknowns.implementation', { count: n });
      default:
        return t('unknowns.evidence', { count: n });
    }
  };
  return (
    <Box
      mt={2}
      p={1.5}
      border={1}
      borderColor="divider"
      borderRadius={4}
      data-testid="unknowns-panel"
      data-count={unknown.length}
    >
      <Typography variant="subtitle2">
        {onShowUnknowns ? (
          <Link
            to="#"
            onClick={e => {
              e.preventDefault();
              onShowUnknowns();
            }}
          >
            {t('unknowns.title', { count: unknown.length })}
          </Link>
        ) : (
          t('unknowns.title', { count: unknown.length })
        )}
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {ORDER.filter(c => byCause.has(c)).map(c => (
          <li key={c} data-cause={c}>
            <Typography variant="body2">{line(c, byCause.get(c)!)}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}
