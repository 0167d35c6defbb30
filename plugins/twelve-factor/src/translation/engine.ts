import { createTranslationRef } from '@backstage/core-plugin-api/alpha';
import { ENGINE_MESSAGES } from '@internal/plugin-twelve-factor-common';

/**
 * i18next knows `{{name}}` only; the English templates' `{{n|one|other}}`
 * becomes `{{n}} other`. The tab shows the engine's own English text
 * anyway: these defaults only stand in while a translation loads.
 */
function i18nextTemplate(template: string): string {
  return template.replace(/\{\{(\w+)\|[^|}]*\|([^}]*)\}\}/g, '{{$1}} $2');
}

const english: Record<string, string> = Object.fromEntries(
  Object.entries(ENGINE_MESSAGES).map(([id, m]) => [id, i18nextTemplate(m.en)]),
);

/**
 * The engine's findings, reasons, remediation and notes: message ids the
 * scorecard stores with their parameters, rendered through Backstage's
 * translation API in the reader's language. Korean comes with the ref, so
 * both frontend systems get it without registering a resource. @public
 */
export const twelveFactorEngineTranslationRef = createTranslationRef({
  id: 'twelve-factor-engine',
  messages: english,
  translations: {
    ko: () => import('./engineKo'),
  },
});
