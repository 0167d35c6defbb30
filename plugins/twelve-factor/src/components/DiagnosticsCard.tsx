import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { twelveFactorTranslationRef } from '../translation/ref';
import { useEngineText } from './useEngineText';

/** What the scan says about its own reading of the sources, in the reader's language. */
export function DiagnosticsCard({
  diagnostics,
}: {
  diagnostics: ReadonlyArray<Diagnostic>;
}) {
  const { t } = useTranslationRef(twelveFactorTranslationRef);
  const say = useEngineText();
  return (
    <InfoCard title={t('diagnostics')}>
      <ul data-testid="diagnostics">
        {diagnostics.map((d, i) => (
          <li key={i}>
            <Typography variant="body2">
              [{d.level}] {d.source}
              {d.path ? ` ${d.path}` : ''}: {say(d.message, d.messageMsg)}
            </Typography>
          </li>
        ))}
      </ul>
    </InfoCard>
  );
}
