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

/** A sentence the engine wrote, by id: the parameters are data (names, paths, numbers), never prose. @public */
export interface EngineMessage {
  id: string;
  params?: Record<string, string | number>;
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

const PLACEHOLDER = /\{\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}\}/g;

/** A template with its parameters filled in; an unknown parameter stays visible. @public */
export function formatMessage(
  template: string,
  params: EngineMessage['params'] = {},
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
