import type {
  EngineMessage,
  MessageParam,
  MessagePart,
  ParamList,
} from '@internal/plugin-twelve-factor-common';
import { english, finding, paramList, msg, noted } from '../messages';

type Params = EngineMessage['params'];

/**
 * A phrase by id with its parameters, or data that reads the same in every
 * language (a name, a path).
 */
export type Said = readonly [string, Params?] | string;

function said(s: Said): MessageParam {
  return typeof s === 'string' ? s : msg(s[0], s[1]);
}

/**
 * Phrases said inside another message (`ConfigMap a at /config, b at /etc`),
 * joined with `separator`: the outer message's parameter, each phrase its
 * own message.
 */
export function inner(
  items: ReadonlyArray<Said>,
  separator: string,
): ParamList {
  return paramList(items.map(said), { sep: separator });
}

/** A finding whose parameters include phrases of their own (`inner()`). */
export function findingWith(
  id: string,
  params: Params,
  phrases: Record<string, MessageParam>,
  labels?: ReadonlyArray<string>,
): { summary: string; summaryMsg: MessagePart[] } {
  return finding(id, { ...params, ...phrases }, labels);
}

/** An evidence note whose parameters include phrases of their own. */
export function notedWith(
  id: string,
  params: Params,
  phrases: Record<string, MessageParam>,
): { note: string; noteMsg: EngineMessage } {
  return noted(id, { ...params, ...phrases });
}

/** The English of a phrase. */
export function englishOf(s: Said): string {
  return typeof s === 'string' ? s : english(s[0], s[1]);
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
