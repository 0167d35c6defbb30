import {
  localizedSnippet,
  type RemediationSnippet,
} from '@internal/plugin-twelve-factor-common';
import { useEngineText } from './useEngineText';
import { useLanguage } from './useLanguage';

/**
 * A remediation snippet as the reader reads it: its comments in the
 * reader's language through the translation API, its code as written.
 */
export function useSnippetText(): (
  snippet: Pick<RemediationSnippet, 'content' | 'comments'>,
) => string {
  const say = useEngineText();
  const lang = useLanguage();
  // An empty English stands for "no translation": the comment stays as written.
  return snippet =>
    localizedSnippet(snippet, lang, message => say('', message) || undefined);
}
