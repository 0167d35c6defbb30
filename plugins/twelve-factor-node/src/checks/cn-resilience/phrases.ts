/*
 * Messages whose parameters include a phrase of their own (a budget, a
 * replica floor, another evidence note). A message's parameters are data,
 * so such a phrase goes into the message already in Korean, as capEvidence
 * does with `engine.note-and-more`; the English is written as before.
 */
import type {
  EngineMessage,
  Evidence,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { english, type noted } from '../messages';

/** A phrase in both languages. */
export interface Phrase {
  en: string;
  ko: string;
}

type Param = string | number | Phrase;
type Params = Record<string, Param>;

/** A phrase from the catalog. */
export function phrase(id: string, params?: EngineMessage['params']): Phrase {
  return { en: english(id, params), ko: english(id, params, 'ko') };
}

/** A phrase made of data only (names, values): the same in every language. */
export function data(s: string): Phrase {
  return { en: s, ko: s };
}

/** What an evidence item says, as a phrase: its note in Korean when it has a message. */
export function noteOf(e: Evidence): Phrase {
  const en = e.note ?? '';
  return {
    en,
    ko: e.noteMsg ? english(e.noteMsg.id, e.noteMsg.params, 'ko') : en,
  };
}

/** A noted() note as a phrase. */
export function notedPhrase(n: ReturnType<typeof noted>): Phrase {
  return { en: n.note, ko: english(n.noteMsg.id, n.noteMsg.params, 'ko') };
}

/** Phrases joined in both languages. */
export function joined(phrases: ReadonlyArray<Phrase>, separator: string) {
  return {
    en: phrases.map(p => p.en).join(separator),
    ko: phrases.map(p => p.ko).join(separator),
  };
}

function split(params: Params): {
  en: EngineMessage['params'];
  ko: EngineMessage['params'];
} {
  const en: Record<string, string | number> = {};
  const ko: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    en[k] = typeof v === 'object' ? v.en : v;
    ko[k] = typeof v === 'object' ? v.ko : v;
  }
  return { en, ko };
}

/** A message with phrases among its parameters: its English and the message. */
export function said(
  id: string,
  params: Params,
): { text: string; msg: MessagePart } {
  const p = split(params);
  return { text: english(id, p.en), msg: { id, params: p.ko } };
}

/** An evidence note with phrases among its parameters (for fileEvidence or objectEvidence). */
export function notedWith(
  id: string,
  params: Params,
): ReturnType<typeof noted> {
  const s = said(id, params);
  return { note: s.text, noteMsg: s.msg };
}

/** A finding with phrases among its parameters. */
export function findingWith(
  id: string,
  params: Params,
): { summary: string; summaryMsg: MessagePart[] } {
  const s = said(id, params);
  return { summary: s.text, summaryMsg: [s.msg] };
}

/**
 * A set's finding said in parts, joined with semicolons after the set's
 * label (`prd: a; b`), with an optional lead said before the label.
 */
export function partsOf(
  label: string,
  parts: ReadonlyArray<{ text: string; msg: MessagePart }>,
  lead?: { text: string; msg: MessagePart },
): { summary: string; summaryMsg: MessagePart[] } {
  return {
    summary: `${lead ? `${lead.text}; ` : ''}${label}: ${parts
      .map(p => p.text)
      .join('; ')}`,
    summaryMsg: [
      ...(lead ? [lead.msg] : []),
      ...parts.map((p, i) => (i === 0 ? { ...p.msg, labels: [label] } : p.msg)),
    ],
  };
}
