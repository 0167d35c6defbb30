import {
  renderMessage,
  type EngineMessage,
  type MessageParam,
  type MessagePart,
  type ParamList,
} from '@internal/plugin-twelve-factor-common';

type Params = EngineMessage['params'];

/**
 * The English of a message, as the engine stores it next to the id. Other
 * languages are said when the scorecard is read, never at scan time: a
 * phrase inside a message goes in as a message (`msg()`) or a list
 * (`paramList()`), not as text.
 */
export function english(id: string, params?: Params): string {
  const text = renderMessage(params ? { id, params } : { id }, 'en');
  // A missing id (or a nested one) is a bug in a check: fail its test, not a user's scan.
  if (text === undefined)
    throw new Error(`No message '${id}' (or one it quotes) in the catalog`);
  return text;
}

/** A phrase by id, to be said inside another message (a parameter). */
export function msg(id: string, params?: Params): EngineMessage {
  return params ? { id, params } : { id };
}

/**
 * Items said together inside a message: joined with `sep` (punctuation), the
 * last two with the reader's "and" or "or" when `last` is given.
 */
export function paramList(
  items: ReadonlyArray<MessageParam>,
  options: { sep?: string; last?: 'and' | 'or' } = {},
): ParamList {
  return {
    list: [...items],
    ...(options.sep !== undefined && options.sep !== ', '
      ? { sep: options.sep }
      : {}),
    ...(options.last ? { last: options.last } : {}),
  };
}

/**
 * A finding as a message: `summary` (English, stored and shown as is) and
 * `summaryMsg` (for other languages). `labels` name the sets it is said of
 * (a deploy target, a Dockerfile), written before it: `dev: …`.
 */
export function finding(
  id: string,
  params?: Params,
  labels?: ReadonlyArray<string>,
): { summary: string; summaryMsg: MessagePart[] } {
  const text = english(id, params);
  const part: MessagePart = msg(id, params);
  if (labels?.length) part.labels = [...labels];
  return {
    summary: labels?.length ? `${labels.join(', ')}: ${text}` : text,
    summaryMsg: [part],
  };
}

/** Why a check is unknown, as a message. */
export function because(
  id: string,
  params?: Params,
): { reason: string; reasonMsg: MessagePart[] } {
  return { reason: english(id, params), reasonMsg: [msg(id, params)] };
}

/**
 * A remediation's text as messages: one, or several sentences said one
 * after the other (`[id, params]` pairs).
 */
export function advice(
  id: string,
  params?: Params,
): { text: string; textMsg: MessagePart[] };
export function advice(sentences: ReadonlyArray<readonly [string, Params?]>): {
  text: string;
  textMsg: MessagePart[];
};
export function advice(
  first: string | ReadonlyArray<readonly [string, Params?]>,
  params?: Params,
): { text: string; textMsg: MessagePart[] } {
  const sentences: ReadonlyArray<readonly [string, Params?]> =
    typeof first === 'string' ? [[first, params]] : first;
  return {
    text: sentences.map(([id, p]) => english(id, p)).join(' '),
    textMsg: sentences.map(([id, p]) => msg(id, p)),
  };
}

/** An evidence note as a message. */
export function noted(
  id: string,
  params?: Params,
): { note: string; noteMsg: EngineMessage } {
  return { note: english(id, params), noteMsg: msg(id, params) };
}

function sameMessage(a: EngineMessage, b: EngineMessage): boolean {
  return a.id === b.id && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/**
 * The parts of several findings, said once each with all the sets that
 * found it (as mergeLabelled does with the English); undefined when one of
 * them has no message (the English alone is kept then).
 */
export function mergeParts(
  lists: ReadonlyArray<ReadonlyArray<MessagePart> | undefined>,
): MessagePart[] | undefined {
  const out: MessagePart[] = [];
  for (const list of lists) {
    if (!list) return undefined;
    for (const part of list) {
      const same = out.find(p => sameMessage(p, part));
      if (!same) {
        out.push({
          ...part,
          ...(part.labels ? { labels: [...part.labels] } : {}),
        });
        continue;
      }
      if (!part.labels?.length && !same.labels?.length) continue;
      const labels = same.labels ?? [];
      for (const l of part.labels ?? [])
        if (!labels.includes(l)) labels.push(l);
      same.labels = labels;
    }
  }
  return out;
}

/** A sentence by id, with its parameters (names, numbers, phrases as messages). */
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
