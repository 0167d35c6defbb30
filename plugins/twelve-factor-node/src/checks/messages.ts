import {
  ENGINE_MESSAGES,
  formatMessage,
  type EngineMessage,
  type MessageLanguage,
  type MessagePart,
} from '@internal/plugin-twelve-factor-common';

type Params = EngineMessage['params'];

/**
 * The English of a message, as the engine stores it next to the id (or
 * another language, for a message quoted inside another).
 */
export function english(
  id: string,
  params?: Params,
  lang: MessageLanguage = 'en',
): string {
  const entry = ENGINE_MESSAGES[id];
  // A missing id is a bug in a check: fail its test, not a user's scan.
  if (!entry) throw new Error(`No message '${id}' in the catalog`);
  return formatMessage(entry[lang], params);
}

function message(id: string, params?: Params): EngineMessage {
  return params ? { id, params } : { id };
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
  const part: MessagePart = message(id, params);
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
  return { reason: english(id, params), reasonMsg: [message(id, params)] };
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
    textMsg: sentences.map(([id, p]) => message(id, p)),
  };
}

/** An evidence note as a message. */
export function noted(
  id: string,
  params?: Params,
): { note: string; noteMsg: EngineMessage } {
  return { note: english(id, params), noteMsg: message(id, params) };
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
