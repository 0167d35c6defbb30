import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { english, finding, noted } from '../messages';

type Params = EngineMessage['params'];

/**
 * A sentence by id with its parameters, or a text that reads the same in
 * every language (a name, or a description the facts write in English).
 */
export type Said = readonly [string, Params?] | string;

/**
 * Phrases said inside another message (`ConfigMap a at /config, b at /etc`):
 * the English, and the same phrases in Korean for the outer message's
 * parameter, as capEvidence says a capped note.
 */
export interface Inner {
  en: string;
  ko: string;
}

/** Phrases joined with `separator`, in English and in Korean. */
export function inner(items: ReadonlyArray<Said>, separator: string): Inner {
  const say = (lang: 'en' | 'ko') =>
    items
      .map(s => (typeof s === 'string' ? s : english(s[0], s[1], lang)))
      .join(separator);
  return { en: say('en'), ko: say('ko') };
}

function withInner(
  params: Params,
  phrases: Record<string, Inner>,
  lang: 'en' | 'ko',
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [name, said] of Object.entries(phrases)) out[name] = said[lang];
  return out;
}

/**
 * A finding whose parameters include phrases of their own: the English as
 * finding() writes it, the message with the phrases in Korean.
 */
export function findingWith(
  id: string,
  params: Params,
  phrases: Record<string, Inner>,
  labels?: ReadonlyArray<string>,
): { summary: string; summaryMsg: MessagePart[] } {
  const said = finding(id, withInner(params, phrases, 'en'), labels);
  said.summaryMsg[0].params = withInner(params, phrases, 'ko');
  return said;
}

/** An evidence note whose parameters include phrases of their own. */
export function notedWith(
  id: string,
  params: Params,
  phrases: Record<string, Inner>,
): { note: string; noteMsg: EngineMessage } {
  const said = noted(id, withInner(params, phrases, 'en'));
  said.noteMsg.params = withInner(params, phrases, 'ko');
  return said;
}

/** The English of a phrase. */
export function englishOf(said: Said): string {
  return typeof said === 'string' ? said : english(said[0], said[1]);
}

/** Phrases once each, by their English, in the order first said (as a Set of the English kept them). */
export function distinct(items: ReadonlyArray<Said>): Said[] {
  const out = new Map<string, Said>();
  for (const s of items) {
    const text = englishOf(s);
    if (!out.has(text)) out.set(text, s);
  }
  return [...out.values()];
}
