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
import { type EvidenceGroup, targetOf } from './groupEvidence';
import { useEngineText } from '../useEngineText';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { twelveFactorTranslationRef } from '../../translation/ref';

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

/**
 * One piece of evidence, or one said the same in several deploy targets
 * (listed once, with the targets): a link to the file and line, or the
 * object with the command that shows it in each cluster.
 */
export function EvidenceItem({
  group,
  urlOf,
  kubernetesViewOf = () => undefined,
}: {
  group: EvidenceGroup;
  urlOf: (e: Evidence) => string | undefined;
  /** The entity's Kubernetes tab, for cluster evidence, when the app has it. */
  kubernetesViewOf?: (e: Evidence) => string | undefined;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const { evidence, members, targets } = group;
  const say = useEngineText();
  // Listed once for several places; the same line twice in one place is just once.
  const several = targets.length > 1;
  const url = urlOf(evidence) ?? kubernetesViewOf(evidence);
  const label = <code>{describeEvidence(evidence, { where: !several })}</code>;
  // One command per place the object was found in.
  const commands = targets.map(target =>
    kubectlCommand(members.find(m => targetOf(m) === target) ?? evidence),
  );
  const single = kubectlCommand(evidence);
  return (
    <Typography variant="body2" component="span">
      {url ? (
        <Link
          to={url}
          {...(/^https?:/.test(url)
            ? { target: '_blank', rel: 'noopener noreferrer' }
            : {})}
        >
          {label}
        </Link>
      ) : (
        label
      )}
      {!several && single && (
        <CopyTextButton
          text={single}
          tooltipText={t('copied')}
          aria-label={single}
        />
      )}
      {evidence.note ? ` — ${say(evidence.note, evidence.noteMsg)}` : ''}
      {several && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="span"
          display="block"
          data-testid="evidence-targets"
        >
          {t('evidenceTargets', { count: targets.length })}{' '}
          {targets.map((target, i) => (
            <span key={target}>
              {i > 0 && ', '}
              <code>{target}</code>
              {commands[i] && (
                <CopyTextButton
                  text={commands[i]}
                  tooltipText={t('copied')}
                  aria-label={commands[i]}
                />
              )}
            </span>
          ))}
        </Typography>
      )}
    </Typography>
  );
}
