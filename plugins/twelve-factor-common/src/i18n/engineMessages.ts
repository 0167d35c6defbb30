/**
 * What the engine writes (findings, reasons, remediation, evidence notes),
 * as message ids with parameters next to the English text, so that one
 * stored, language-neutral scorecard reads in every language: the tab, the
 * CLI's `--lang` and the reports render the ids in the reader's language
 * and fall back to the English text for anything not (yet) translated.
 *
 * Templates use `{{name}}` for a parameter and `{{name|one|other}}` for a
 * count with its noun ("1 file", "3 files"); Korean counts need no plural.
 */
import { ENGINE_MESSAGES } from './messages';

/**
 * A parameter: data (a name, a path, a number, a quoted line of code), or a
 * phrase that is itself a message, or a list of either. Prose is never a
 * string: it is a message, so that every language says it. @public
 */
export type MessageParam = string | number | EngineMessage | ParamList;

/**
 * Items said together: joined with `sep` (`, ` unless given; punctuation,
 * the same in every language), the last two with the language's word when
 * `last` is given (English "A, B and C", Korean "A, B 및 C"). @public
 */
export interface ParamList {
  list: MessageParam[];
  sep?: string;
  last?: 'and' | 'or';
}

/** A sentence the engine wrote, by id: the parameters are data or messages, never prose. @public */
export interface EngineMessage {
  id: string;
  params?: Record<string, MessageParam>;
}

/**
 * One part of a finding: a message, said of the sets it names (deploy
 * targets, clusters, Dockerfiles) when there are several. @public
 */
export interface MessagePart extends EngineMessage {
  labels?: string[];
}

/** Message templates by id, in English and Korean. @public */
export type MessageCatalog = Readonly<
  Record<string, { en: string; ko: string }>
>;

/** The languages the engine's messages come in. @public */
export type MessageLanguage = 'en' | 'ko';

/** Parameters once nested messages and lists are said: what a template is filled with. @public */
export type FlatParams = Record<string, string | number>;

/** How a list's last two items are joined: a message with `items` (the others, joined) and `last`. @public */
export const LIST_MESSAGE_IDS = {
  and: 'engine.list-and',
  or: 'engine.list-or',
} as const;

const PLACEHOLDER = /\{\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}\}/g;

/** A template with flat parameters filled in; an unknown parameter stays visible. @public */
export function fillTemplate(
  template: string,
  params: FlatParams = {},
): string {
  return template.replace(
    PLACEHOLDER,
    (whole, name: string, one?: string, other?: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (one === undefined) return String(value);
      return `${value} ${Number(value) === 1 ? one : other}`;
    },
  );
}

/**
 * A template with its parameters filled in, nested messages and lists said
 * in `lang` from the catalog (a nested id not in it shows as the id); an
 * unknown parameter stays visible. renderMessage is the strict form.
 * @public
 */
export function formatMessage(
  template: string,
  params: EngineMessage['params'] = {},
  lang: MessageLanguage = 'en',
): string {
  const say = (id: string, flat: FlatParams): string => {
    const entry = ENGINE_MESSAGES[id];
    return entry ? fillTemplate(entry[lang] ?? entry.en, flat) : id;
  };
  return fillTemplate(template, flattenParams(params, say));
}

/** Whether a parameter is a list. @public */
export function isParamList(value: MessageParam): value is ParamList {
  return typeof value === 'object' && 'list' in value;
}

/**
 * One parameter said: a nested message or a list through `say` (a message
 * by id with flat parameters, in the reader's language: the catalog, or a
 * translation API's `t`), data as it is.
 * @public
 */
export function sayParam(
  value: MessageParam,
  say: (id: string, params: FlatParams) => string,
): string | number {
  if (typeof value !== 'object') return value;
  if (!isParamList(value))
    return say(value.id, flattenParams(value.params, say));
  const items = value.list.map(v => String(sayParam(v, say)));
  const sep = value.sep ?? ', ';
  if (!value.last || items.length < 2) return items.join(sep);
  return say(LIST_MESSAGE_IDS[value.last], {
    items: items.slice(0, -1).join(sep),
    last: items[items.length - 1],
  });
}

/** A message's parameters said (sayParam), ready for its template. @public */
export function flattenParams(
  params: EngineMessage['params'],
  say: (id: string, params: FlatParams) => string,
): FlatParams {
  const out: FlatParams = {};
  if (!params) return out;
  for (const [name, value] of Object.entries(params))
    out[name] = sayParam(value, say);
  return out;
}

/** Every message id a message says, its own and its nested messages' and lists' (the words that join them). @public */
export function messageIds(message: EngineMessage): string[] {
  const ids = [message.id];
  const visit = (value: MessageParam) => {
    if (typeof value !== 'object') return;
    if (!isParamList(value)) {
      ids.push(...messageIds(value));
      return;
    }
    if (value.last && value.list.length > 1)
      ids.push(LIST_MESSAGE_IDS[value.last]);
    value.list.forEach(visit);
  };
  Object.values(message.params ?? {}).forEach(visit);
  return ids;
}
