import {
  fillTemplate,
  flattenParams,
  type EngineMessage,
  type FlatParams,
  type MessageLanguage,
  type MessagePart,
} from './engineMessages';
import { ENGINE_MESSAGES } from './messages';

class UnknownMessage extends Error {}

/**
 * One message in a language, its nested messages and lists said in the same
 * language; undefined when its id, or a nested message's, is not in the
 * catalog.
 * @public
 */
export function renderMessage(
  message: EngineMessage,
  lang: MessageLanguage,
): string | undefined {
  const say = (id: string, params: FlatParams): string => {
    const entry = ENGINE_MESSAGES[id];
    if (!entry) throw new UnknownMessage(id);
    return fillTemplate(entry[lang] ?? entry.en, params);
  };
  try {
    return say(message.id, flattenParams(message.params, say));
  } catch (e) {
    if (e instanceof UnknownMessage) return undefined;
    throw e;
  }
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
