import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ENGINE_MESSAGES,
  flattenParams,
  messageIds,
  type EngineMessage,
  type FlatParams,
  type MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { twelveFactorEngineTranslationRef } from '../translation/engine';
import { useLanguage } from './useLanguage';

/**
 * The engine's text through a translation function: each part with the
 * sets it is said of, its nested messages and lists said through the same
 * function (so in the same language). Undefined when a message, or one it
 * quotes, is not in the catalog: the caller keeps the English then.
 */
export function sayParts(
  t: (id: string, params: FlatParams) => string,
  parts: ReadonlyArray<MessagePart>,
  separator: string,
): string | undefined {
  if (
    !parts.length ||
    parts.some(p => messageIds(p).some(id => !(id in ENGINE_MESSAGES)))
  )
    return undefined;
  return parts
    .map(
      p =>
        `${p.labels?.length ? `${p.labels.join(', ')}: ` : ''}${t(
          p.id,
          flattenParams(p.params, t),
        )}`,
    )
    .join(separator);
}

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
    return sayParts(t as any, parts, separator) ?? english;
  };
}
