import Typography from '@material-ui/core/Typography';
import { CopyTextButton, Link } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { getEntitySourceLocation } from '@backstage/catalog-model';
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { useMemo } from 'react';
import { describeEvidence } from '../format';
import { fileEvidenceUrl, kubectlCommand } from './evidenceLinks';

/**
 * Where the entity's files are on the web, and the registry that writes
 * line anchors. The app may not register SCM integrations (then evidence is
 * plain text) and an entity may have no source location.
 */
export function useEvidenceUrl(): (e: Evidence) => string | undefined {
  const { entity } = useEntity();
  const integrations = useApiHolder().get(scmIntegrationsApiRef);
  return useMemo(() => {
    let target: string | undefined;
    try {
      const location = getEntitySourceLocation(entity);
      if (location.type === 'url') target = location.target;
    } catch {
      target = undefined;
    }
    return (e: Evidence) => fileEvidenceUrl(e, target, integrations);
  }, [entity, integrations]);
}

/** One piece of evidence: a link to the file and line, or the command that shows the cluster object. */
export function EvidenceItem({
  evidence,
  urlOf,
}: {
  evidence: Evidence;
  urlOf: (e: Evidence) => string | undefined;
}) {
  const url = urlOf(evidence);
  const command = kubectlCommand(evidence);
  const label = <code>{describeEvidence(evidence)}</code>;
  return (
    <Typography variant="body2" component="span">
      {url ? (
        <Link to={url} target="_blank" rel="noopener noreferrer">
          {label}
        </Link>
      ) : (
        label
      )}
      {command && (
        <CopyTextButton
          text={command}
          tooltipText="Copied"
          aria-label={command}
          data-testid="copy-kubectl"
        />
      )}
      {evidence.note ? ` — ${evidence.note}` : ''}
    </Typography>
  );
}
