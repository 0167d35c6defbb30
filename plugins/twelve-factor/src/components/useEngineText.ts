import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ENGINE_MESSAGES,
  type EngineMessage,
  type MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorEngineTranslationRef } from '../translation/engine';
import { useLanguage } from './useLanguage';

/**
 * The engine's text in the reader's language: the stored English as it is
 * for English readers and for anything without messages, else each part
 * through the translation API, with the sets it is said of.
 */
export function useEngineText(): (
  english: string,
  parts?: ReadonlyArray<MessagePart> | EngineMessage,
  separator?: string,
) => string {
  const { t } = useTranslationRef(twelveFactorEngineTranslationRef);
  const lang = useLanguage();
  return (english, given, separator = '; ') => {
    if (lang === 'en' || !given) return english;
    const parts: ReadonlyArray<MessagePart> = Array.isArray(given)
      ? given
      : [given as EngineMessage];
    if (!parts.length || parts.some(p => !(p.id in ENGINE_MESSAGES)))
      return english;
    return parts
      .map(
        p =>
          `${p.labels?.length ? `${p.labels.join(', ')}: ` : ''}${(t as any)(
            p.id,
            p.params ?? {},
          )}`,
      )
      .join(separator);
  };
}
