import {
  formatMessage,
  type EngineMessage,
  type MessageLanguage,
  type MessagePart,
} from './engineMessages';
import { ENGINE_MESSAGES } from './messages';

/** One message in a language; undefined when the id is not in the catalog. @public */
export function renderMessage(
  message: EngineMessage,
  lang: MessageLanguage,
): string | undefined {
  const entry = ENGINE_MESSAGES[message.id];
  if (!entry) return undefined;
  return formatMessage(entry[lang] ?? entry.en, message.params);
}

/**
 * A finding or a remediation made of parts, in a language: each part with
 * the sets it is said of, joined as the English text joins them.
 * Undefined when any part is not in the catalog (the caller shows the
 * English text instead of a half-translated sentence).
 * @public
 */
export function renderParts(
  parts: ReadonlyArray<MessagePart> | undefined,
  lang: MessageLanguage,
  separator = '; ',
): string | undefined {
  if (!parts?.length) return undefined;
  const out: string[] = [];
  for (const part of parts) {
    const text = renderMessage(part, lang);
    if (text === undefined) return undefined;
    out.push(part.labels?.length ? `${part.labels.join(', ')}: ${text}` : text);
  }
  return out.join(separator);
}

/** The text in the reader's language, or the English the engine wrote. @public */
export function localized(
  english: string,
  parts: ReadonlyArray<MessagePart> | undefined,
  lang: string,
  separator = '; ',
): string {
  if (lang !== 'ko') return english;
  return renderParts(parts, 'ko', separator) ?? english;
}

/** Remediation sentences follow one another; findings of several sets are joined with semicolons. @public */
export const REMEDIATION_SEPARATOR = ' ';
