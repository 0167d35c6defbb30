/*
 * Messages whose parameters include a phrase of their own (a budget, a
 * replica floor, another evidence note): the phrase goes in as its own
 * message (or as data: a name, a value), said in the reader's language
 * when the scorecard is read.
 */
import type {
  EngineMessage,
  Evidence,
  MessageParam,
  MessagePart,
  ParamList,
} from '@internal/plugin-twelve-factor-common';
import { english, finding, paramList, msg, noted } from '../messages';

/** A phrase: a message, or data said the same in every language. */
export type Phrase = MessageParam;

type Params = Record<string, MessageParam>;

/** A phrase from the catalog. */
export function phrase(id: string, params?: EngineMessage['params']): Phrase {
  return msg(id, params);
}

/** A phrase made of data only (names, values): the same in every language. */
export function data(s: string): Phrase {
  return s;
}

/** What an evidence item says, as a phrase: its note's message, or its note when it has none. */
export function noteOf(e: Evidence): Phrase {
  return e.noteMsg ?? e.note ?? '';
}

/** A noted() note as a phrase. */
export function notedPhrase(n: ReturnType<typeof noted>): Phrase {
  return n.noteMsg;
}

/** Phrases said one after the other, with `separator` between them. */
export function joined(
  phrases: ReadonlyArray<Phrase>,
  separator: string,
): ParamList {
  return paramList(phrases, { sep: separator });
}

/** A message with phrases among its parameters: its English and the message. */
export function said(
  id: string,
  params: Params,
): { text: string; msg: MessagePart } {
  return { text: english(id, params), msg: msg(id, params) };
}

/** An evidence note with phrases among its parameters (for fileEvidence or objectEvidence). */
export function notedWith(
  id: string,
  params: Params,
): ReturnType<typeof noted> {
  return noted(id, params);
}

/** A finding with phrases among its parameters. */
export function findingWith(
  id: string,
  params: Params,
): { summary: string; summaryMsg: MessagePart[] } {
  return finding(id, params);
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
