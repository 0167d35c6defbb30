import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { english } from '../messages';

/** A sentence by id, with its parameters (names, numbers). */
export type Said = readonly [string, EngineMessage['params']?];

/**
 * A finding of a set that lists several things, each its own sentence: the
 * English as it always read (`label: head: a; b`), and one message per
 * sentence, each said of the set, so that merging the sets (worstOf) keeps
 * every item with the sets that found it.
 */
export function listing(
  label: string | undefined,
  head: Said | undefined,
  items: ReadonlyArray<Said>,
  separator: string,
  textOf: (s: Said) => string = ([id, p]) => english(id, p),
): { summary: string; summaryMsg: MessagePart[] } {
  const list = items.map(textOf).join(separator);
  const part = ([id, params]: Said): MessagePart => ({
    id,
    ...(params ? { params } : {}),
    ...(label !== undefined ? { labels: [label] } : {}),
  });
  const text = `${head ? `${english(head[0], head[1])}: ` : ''}${list}`;
  return {
    summary: label !== undefined ? `${label}: ${text}` : text,
    summaryMsg: [...(head ? [part(head)] : []), ...items.map(part)],
  };
}

/**
 * A finding whose English lists items inside one sentence (`a (2 replicas),
 * b (autoscaled) scale out`): the English as it always read, and one
 * message per item, each a sentence of its own said of the set.
 */
export function eachSaid(
  label: string,
  summary: string,
  items: ReadonlyArray<Said>,
): { summary: string; summaryMsg: MessagePart[] } {
  return {
    summary,
    summaryMsg: items.map(([id, params]) => ({
      id,
      ...(params ? { params } : {}),
      labels: [label],
    })),
  };
}
