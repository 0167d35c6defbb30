import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import { english } from '../messages';

/** A sentence by id, with its parameters (names, numbers). */
export type Said = readonly [string, EngineMessage['params']?];

/**
 * A finding of a set that lists several things, each its own sentence: the
 * English as it always read (`label: head: a; b` or `label: a, b`), and one
 * message per sentence, each said of the set, so that merging the sets
 * (worstOf) keeps every item with the sets that found it.
 */
export function listing(
  label: string,
  head: Said | undefined,
  items: ReadonlyArray<Said>,
  separator: string,
): { summary: string; summaryMsg: MessagePart[] } {
  const list = items.map(([id, p]) => english(id, p)).join(separator);
  const part = ([id, params]: Said): MessagePart => ({
    id,
    ...(params ? { params } : {}),
    labels: [label],
  });
  return {
    summary: `${label}: ${head ? `${english(head[0], head[1])}: ` : ''}${list}`,
    summaryMsg: [...(head ? [part(head)] : []), ...items.map(part)],
  };
}
