import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { CodeSnippet, Link, MarkdownContent } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  REMEDIATION_SEPARATOR,
  type CheckDefinition,
  type CheckResult,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { EvidenceItem, useEvidenceUrl } from './evidence/EvidenceItem';
import { groupEvidence } from './evidence/groupEvidence';
import { useKubernetesView } from './evidence/kubernetesView';
import { useMemo, useState } from 'react';

/** Evidence lines shown before "show more": enough to act on, short enough to scan. */
const EVIDENCE_FOLD = 5;
import { VerdictChip } from './VerdictChip';
import { useCheckTitle } from './useLanguage';
import { useEngineText } from './useEngineText';
import { useSnippetText } from './useSnippetText';
import { WaiverNote } from './waivers/WaiverNote';

const useStyles = makeStyles(theme => ({
  // Remediation prose reads like the rest of the row, not like a document.
  markdown: {
    ...theme.typography.body2,
    '& p': { margin: theme.spacing(0, 0, 1) },
  },
}));

/** What the signed-in user may do about waivers on this check. */
export interface WaiverActions {
  /** Opens the waive form for this check. */
  onWaive: () => void;
  /** Revokes a portal waiver. */
  onRevoke: (waiverId: string) => void;
}

/** One check: verdict and finding, with evidence and remediation when opened. */
export function CheckResultRow({
  result,
  definition,
  waiverActions,
}: {
  result: CheckResult;
  definition?: CheckDefinition;
  /** Given when the user may manage the entity's waivers. */
  waiverActions?: WaiverActions;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const classes = useStyles();
  const urlOf = useEvidenceUrl();
  const kubernetesViewOf = useKubernetesView();
  const checkTitle = useCheckTitle();
  const say = useEngineText();
  const snippetText = useSnippetText();
  const evidence = useMemo(
    () => groupEvidence(result.evidence),
    [result.evidence],
  );
  const [showAllEvidence, setShowAllEvidence] = useState(false);
  const docsUrl = result.remediation?.docsUrl ?? definition?.docsUrl;
  return (
    <Accordion
      TransitionProps={{ unmountOnExit: true }}
      data-testid={`check-${result.checkId}`}
      data-verdict={result.verdict}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Box
          display="flex"
          alignItems="center"
          width="100%"
          style={{ gap: 12 }}
        >
          <Box minWidth={110}>
            <VerdictChip verdict={result.verdict} />
          </Box>
          <Box flex={1}>
            <Typography variant="body1">
              <span data-testid="check-title">
                {checkTitle(result.checkId, definition)}
              </span>
              {definition && definition.weight > 1 ? (
                <Tooltip
                  title={t('weightHint', { weight: String(definition.weight) })}
                >
                  <Chip
                    size="small"
                    variant="outlined"
                    label={t('weight', { weight: String(definition.weight) })}
                    style={{ marginLeft: 8 }}
                    data-testid="check-weight"
                  />
                </Tooltip>
              ) : null}
            </Typography>
            <Typography
              variant="body2"
              color="textSecondary"
              data-testid="check-summary"
            >
              {say(result.summary, result.summaryMsg)}
            </Typography>
          </Box>
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <Box width="100%">
          <Typography variant="caption" color="textSecondary" component="div">
            {result.checkId}
          </Typography>
          {result.waiver && (
            <WaiverNote
              waiver={result.waiver}
              onRevoke={
                waiverActions &&
                result.waiver.origin === 'portal' &&
                result.waiver.id
                  ? () => waiverActions.onRevoke(result.waiver!.id!)
                  : undefined
              }
            />
          )}
          {waiverActions &&
            result.verdict !== 'waived' &&
            result.verdict !== 'pass' && (
              <Box mb={1}>
                <Button
                  size="small"
                  variant="outlined"
                  onClick={waiverActions.onWaive}
                  data-testid="waive-button"
                >
                  {t('waiver.waive')}
                </Button>
              </Box>
            )}
          {result.reason && !result.waiver && (
            <Typography variant="body2" paragraph>
              <strong>{t('reason')}:</strong>{' '}
              {say(result.reason, result.reasonMsg)}
            </Typography>
          )}
          {result.expiredWaiver?.expires && (
            <Typography variant="body2" paragraph color="error">
              {t('expiredWaiver', { date: result.expiredWaiver.expires })}
            </Typography>
          )}
          {result.evidence.length > 0 && (
            <>
              <Typography variant="subtitle2">{t('evidence')}</Typography>
              <ul data-testid="evidence">
                {(showAllEvidence
                  ? evidence
                  : evidence.slice(0, EVIDENCE_FOLD)
                ).map((g, i) => (
                  <li key={i}>
                    <EvidenceItem
                      group={g}
                      urlOf={urlOf}
                      kubernetesViewOf={kubernetesViewOf}
                    />
                  </li>
                ))}
              </ul>
              {!showAllEvidence && evidence.length > EVIDENCE_FOLD && (
                <Button
                  size="small"
                  onClick={() => setShowAllEvidence(true)}
                  data-testid="evidence-more"
                >
                  {t('evidenceMore', {
                    count: evidence.length - EVIDENCE_FOLD,
                  })}
                </Button>
              )}
            </>
          )}
          {result.remediation && (
            <>
              <Typography variant="subtitle2">{t('remediation')}</Typography>
              <div data-testid="check-remediation">
                <MarkdownContent
                  content={say(
                    result.remediation.text,
                    result.remediation.textMsg,
                    REMEDIATION_SEPARATOR,
                  )}
                  className={classes.markdown}
                />
              </div>
              {result.remediation.snippet && (
                <Box mb={1}>
                  {result.remediation.snippet.path && (
                    <Typography variant="caption" component="div">
                      {result.remediation.snippet.action === 'create'
                        ? 'NEW '
                        : 'MODIFY '}
                      <code>{result.remediation.snippet.path}</code>
                    </Typography>
                  )}
                  <CodeSnippet
                    text={snippetText(result.remediation.snippet)}
                    language={result.remediation.snippet.language}
                    showCopyCodeButton
                  />
                </Box>
              )}
            </>
          )}
          {docsUrl && (
            <Link to={docsUrl} target="_blank" rel="noopener noreferrer">
              {t('docs')}: {docsUrl}
            </Link>
          )}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
