/*
 * The one redaction step of every output. Whatever the engine writes from
 * repository or cluster content (summaries, evidence notes, remediation
 * text and snippets, diagnostics, drift) passes through a Redactor before it
 * is stored, sent, exported or logged:
 *  - every credential value the scan saw (knownValues.ts) is replaced, even
 *    where a check copied it away from its name;
 *  - anything shaped like a credential (PEM keys, JWTs, cloud and SaaS
 *    tokens, `user:pass@` URLs, connection-string keys) is replaced;
 *  - snippets and diagnostics, which may quote configuration, also lose the
 *    value of every credential-named setting, and a snippet's env entry
 *    that held one reads it from a Secret instead.
 */
import type {
  Diagnostic,
  EngineMessage,
  MessageParam,
  RemediationSnippet,
  Scorecard,
} from '@internal/plugin-twelve-factor-common';
import { isLiteralCredentialValue, redactAssignments } from './assignments';
import { isCredentialName } from './names';
import {
  credentialShapeOf,
  mayHoldCredentialShape,
  redactShapes,
} from './shapes';

/** What replaces a value in prose. @public */
export const REDACTED = '<redacted>';
/** What replaces a value in a snippet, which a reader will fill in. @public */
export const SET_IN_SECRET = '<set in a Secret>';

/** Shorter values are only hidden next to their name: as bare text they would match ordinary words. */
const MIN_SWEEP_LENGTH = 4;
/** Values below this length are hidden only where they stand as a whole token. */
const MIN_FREE_LENGTH = 8;
/**
 * Default credentials that are also ordinary words of an output ("Secret",
 * "postgres", "admin"): hidden next to their name, not everywhere.
 */
const WORDS = new Set(
  [
    'password',
    'passwd',
    'secret',
    'token',
    'changeme',
    'postgres',
    'postgresql',
    'mysql',
    'redis',
    'admin',
    'root',
    'user',
    'guest',
    'test',
    'example',
    'default',
    'none',
    'redacted',
  ].map(w => w.toLowerCase()),
);

/**
 * Fields whose values cannot hold a credential: ids and enumerations the
 * engine writes itself (check ids, verdicts, evidence types, docs links),
 * and names whose syntax leaves no room for one (Kubernetes kinds, names,
 * namespaces and field paths, repository file paths, cluster names).
 * Skipping them halves the strings a scorecard's redaction reads.
 */
const FIXED_FIELDS = new Set([
  'checkId',
  // Message ids (parameters are content and are redacted like any text).
  'id',
  'needs',
  'area',
  'verdict',
  'type',
  'language',
  'action',
  'level',
  'docsUrl',
  'path',
  'fieldPath',
  'field',
  'target',
  'kind',
  'name',
  'namespace',
  'cluster',
]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_CHAR = /[A-Za-z0-9]/;

/** Hides credentials in the strings of an output. @public */
export class Redactor {
  /** One alternation of the known values, longest first; undefined when there are none. */
  private readonly known?: RegExp;
  /** Finds a known value (the `g` flag of `known` would make test() stateful). */
  private readonly knownTest?: RegExp;

  /**
   * `publicWords`: names everyone reading the output knows (the entity's
   * name, its repository's): a credential equal to one of them is a default
   * that hides nothing, and hiding the word everywhere would hide the
   * service's own name. It is still hidden next to its credential name.
   */
  constructor(
    values: Iterable<string> = [],
    publicWords: Iterable<string> = [],
  ) {
    const open = new Set([...publicWords].map(w => w.trim().toLowerCase()));
    const sweep = [...new Set(values)]
      .map(v => v.trim())
      .filter(
        v =>
          v.length >= MIN_SWEEP_LENGTH &&
          !WORDS.has(v.toLowerCase()) &&
          !open.has(v.toLowerCase()),
      )
      .sort((a, b) => b.length - a.length);
    if (sweep.length) {
      const alternation = sweep.map(escapeRegExp).join('|');
      this.known = new RegExp(alternation, 'g');
      this.knownTest = new RegExp(alternation);
    }
  }

  /** Prose: known values and credential shapes hidden. */
  text(s: string): string {
    if (s.length < MIN_SWEEP_LENGTH) return s;
    const known = this.knownTest?.test(s) ?? false;
    if (!known && !mayHoldCredentialShape(s)) return s;
    let out = s;
    if (known && this.known) {
      out = out.replace(this.known, (m: string, at: number, all: string) =>
        m.length >= MIN_FREE_LENGTH ||
        !(
          WORD_CHAR.test(all[at - 1] ?? '') ||
          WORD_CHAR.test(all[at + m.length] ?? '')
        )
          ? REDACTED
          : m,
      );
    }
    return redactShapes(out, REDACTED);
  }

  /** Configuration quoted in a diagnostic: also the value of every credential-named setting. */
  quoted(s: string): string {
    return this.text(splitMap(s, line => redactAssignments(line, REDACTED)));
  }

  /** A snippet: env entries holding credentials read a Secret, credential-named settings get a placeholder. */
  snippetContent(
    content: string,
    language: RemediationSnippet['language'],
  ): string {
    const withSecretRefs =
      language === 'yaml' ? envEntriesFromSecrets(content) : content;
    const named = splitMap(withSecretRefs, line =>
      redactAssignments(line, SET_IN_SECRET),
    );
    return this.text(named);
  }

  /** A diagnostic with its message (in English and as a message) and path redacted. */
  diagnostic(d: Diagnostic): Diagnostic {
    const message = this.quoted(d.message);
    const path = d.path === undefined ? undefined : this.text(d.path);
    const messageMsg = d.messageMsg && this.quotedMessage(d.messageMsg);
    return message === d.message &&
      path === d.path &&
      messageMsg === d.messageMsg
      ? d
      : {
          ...d,
          message,
          ...(messageMsg ? { messageMsg } : {}),
          ...(path !== undefined ? { path } : {}),
        };
  }

  /** A message whose parameters may quote configuration (a parser's error): each redacted as its English is. */
  private quotedMessage(m: EngineMessage): EngineMessage {
    if (!m.params) return m;
    let changed = false;
    const params: Record<string, MessageParam> = {};
    for (const [name, value] of Object.entries(m.params)) {
      params[name] = this.quotedParam(value);
      if (params[name] !== value) changed = true;
    }
    return changed ? { ...m, params } : m;
  }

  private quotedParam(value: MessageParam): MessageParam {
    if (typeof value === 'string') return this.quoted(value);
    if (typeof value === 'number') return value;
    if ('list' in value) {
      const list = value.list.map(v => this.quotedParam(v));
      return list.some((v, i) => v !== value.list[i])
        ? { ...value, list }
        : value;
    }
    return this.quotedMessage(value);
  }

  /**
   * Redacts every string of a scorecard in place and returns it. A generic
   * walk, so that a field added later is covered without a change here.
   */
  scorecard(card: Scorecard): Scorecard {
    card.diagnostics = card.diagnostics.map(d => this.diagnostic(d));
    for (const r of card.results) {
      const snippet = r.remediation?.snippet;
      if (snippet) {
        snippet.content = this.snippetContent(
          snippet.content,
          snippet.language,
        );
        // A comment's text stays what the content holds, so that it is still found there.
        if (snippet.comments)
          snippet.comments = snippet.comments.map(c => ({
            ...c,
            text: this.snippetContent(c.text, snippet.language),
          }));
      }
    }
    // Snippets again, as prose: a no-op on what snippetContent wrote.
    this.walk(card.results);
    if (card.drift) this.walk(card.drift);
    return card;
  }

  /** A deep copy of plain JSON data with every string redacted as prose (an entity, metadata). */
  json<T>(value: T): T {
    const copy = JSON.parse(JSON.stringify(value ?? null));
    if (copy && typeof copy === 'object') this.walk(copy);
    return (typeof copy === 'string' ? this.text(copy) : copy) as T;
  }

  /** Every string under `node`, replaced in place. */
  private walk(node: object): void {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const v = node[i];
        if (typeof v === 'string') node[i] = this.text(v);
        else if (v && typeof v === 'object') this.walk(v);
      }
      return;
    }
    const o = node as Record<string, unknown>;
    for (const k in o) {
      // Ids and enumerations the engine writes itself: no repository or cluster content.
      if (FIXED_FIELDS.has(k)) continue;
      const v = o[k];
      if (typeof v === 'string') {
        const r = this.text(v);
        if (r !== v) o[k] = r;
      } else if (v && typeof v === 'object') this.walk(v);
    }
  }
}

function splitMap(text: string, fn: (line: string) => string): string {
  if (!text.includes('\n')) return fn(text);
  return text.split('\n').map(fn).join('\n');
}

const LIST_ITEM_NAME = /^(\s*)-\s+name:\s*["']?([\w.-]+)["']?\s*$/;
const VALUE_LINE = /^(\s*)value:\s*(.*)$/;

/**
 * In YAML, an env entry whose literal value is a credential (by its name or
 * its shape) reads it from a Secret instead:
 *   - name: DB_PASSWORD            - name: DB_PASSWORD
 *     value: hunter2          →      valueFrom:
 *                                      secretKeyRef: { name: <set in a Secret>, key: DB_PASSWORD }
 * Line based: snippets are block YAML, and a comment above an entry stays.
 */
export function envEntriesFromSecrets(yaml: string): string {
  if (!yaml.includes('value:')) return yaml;
  const lines = yaml.split('\n');
  const out: string[] = [];
  let item: { name: string; indent: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const named = LIST_ITEM_NAME.exec(line);
    if (named) {
      item = { name: named[2], indent: named[1].length };
      out.push(line);
      continue;
    }
    const value = item ? VALUE_LINE.exec(line) : null;
    if (item && value && value[1].length === item.indent + 2) {
      const indent = value[1];
      const raw = value[2].trim();
      // A block scalar's lines belong to the value.
      let end = i;
      if (/^[|>]/.test(raw))
        while (
          end + 1 < lines.length &&
          (lines[end + 1].trim() === '' ||
            lines[end + 1].length - lines[end + 1].trimStart().length >
              indent.length)
        )
          end++;
      const literal = /^[|>]/.test(raw)
        ? lines.slice(i + 1, end + 1).join('\n')
        : raw.replace(/^(["'])(.*)\1$/, '$2');
      if (
        isLiteralCredentialValue(literal) &&
        (isCredentialName(item.name) || credentialShapeOf(literal))
      ) {
        out.push(
          `${indent}valueFrom:`,
          `${indent}  secretKeyRef:`,
          `${indent}    name: ${SET_IN_SECRET}`,
          `${indent}    key: ${item.name}`,
        );
        i = end;
        continue;
      }
    }
    if (
      item &&
      line.trim() &&
      line.length - line.trimStart().length <= item.indent
    )
      item = undefined;
    out.push(line);
  }
  return out.join('\n');
}
