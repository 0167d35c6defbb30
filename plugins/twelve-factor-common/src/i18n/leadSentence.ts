/*
 * A remediation in one line, as the fleet's campaigns list it for owners:
 * its first sentence, kept with the messages that say it so that the line
 * reads in the reader's language too.
 */
import type { MessagePart } from './engineMessages';
import type { Remediation } from '../types';
import {
  localized,
  renderParts,
  REMEDIATION_SEPARATOR,
} from './renderMessages';

/** Longest line kept: a lead is a line in a list, not the remediation. */
const MAX_LEAD = 500;

/**
 * The first sentence of a text: up to the first `.`, `!` or `?` followed by
 * a space or the end, outside parentheses, so that "(e.g. a.yaml)" or a
 * Korean sentence closing inside a parenthesis does not cut the line short.
 * @public
 */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let depth = 0;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (
      depth === 0 &&
      (c === '.' || c === '!' || c === '?') &&
      (i + 1 === text.length || /\s/.test(text[i + 1]))
    )
      return text.slice(0, i + 1).slice(0, MAX_LEAD);
  }
  // No sentence ends outside parentheses (one never closed): the first end anywhere.
  const m = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (m ? m[1] : text).slice(0, MAX_LEAD);
}

/** A remediation's first sentence and the messages that say it. @public */
export interface RemediationLead {
  text: string;
  /**
   * The remediation's first parts, as many as it takes to say the first
   * sentence (nearly always one); absent when the parts do not say what the
   * English text says (a custom check's own wording), so that readers of
   * other languages get the English rather than a different sentence.
   */
  textMsg?: MessagePart[];
}

/** The first sentence of a remediation, with its messages. @public */
export function remediationLead(
  remediation: Pick<Remediation, 'text' | 'textMsg'> | undefined,
): RemediationLead | undefined {
  const text = firstSentence(remediation?.text);
  if (!text) return undefined;
  const parts = remediation?.textMsg ?? [];
  for (let n = 1; n <= parts.length; n++) {
    const english = renderParts(parts.slice(0, n), 'en', REMEDIATION_SEPARATOR);
    if (english === undefined) break;
    if (firstSentence(english) === text)
      return { text, textMsg: parts.slice(0, n) };
  }
  return { text };
}

/**
 * A remediation's first sentence in a language: the parts rendered and cut
 * at their first sentence as the English was, or the English line.
 * @public
 */
export function localizedLead(
  english: string,
  parts: ReadonlyArray<MessagePart> | undefined,
  lang: string,
): string {
  return (
    firstSentence(localized(english, parts, lang, REMEDIATION_SEPARATOR)) ??
    english
  );
}
