/*
 * The credential values a scan has seen: every literal written after a
 * credential name or recognised by its shape, in any file of the repository
 * and in the objects the scan judged. The redaction step hides each of them
 * wherever it turns up, even where a check copied it away from its name.
 */
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import {
  findCredentialAssignments,
  isLiteralCredentialValue,
} from './assignments';
import { isCredentialName } from './names';
import { findCredentialShapes } from './shapes';

/** What a file holding a credential contains somewhere; most files have none of it. */
const FILE_HINT =
  /pass|pwd|pw\b|secret|token|key|cred|-----BEGIN|eyJ|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack|AIza|_live_|npm_|:\/\/[^\s/@]*:[^\s/@]*@/i;

const LIST_ITEM_NAME = /^(\s*)-\s+name:\s*["']?([\w.-]+)["']?\s*$/;
const VALUE_LINE = /^(\s*)value:\s*(.*)$/;
const BLOCK_KEY =
  /^(\s*)(?:-\s+)?["']?([\w.-]+)["']?\s*:\s*[|>][+-]?\d*\s*(#.*)?$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/** Adds a secret, and each line of a multi-line one (a PEM body re-indented in an output still shows its lines). */
function addSecret(out: Set<string>, secret: string): void {
  const v = secret.trim();
  if (!v) return;
  out.add(v);
  if (v.includes('\n') || v.includes('\\n')) {
    for (const part of v.split(/\\n|\n/)) {
      const p = unquote(part);
      if (p.length >= 8 && !/^-----(BEGIN|END) /.test(p)) out.add(p);
    }
  }
}

/**
 * Adds the secrets a text holds by shape. A URL password equal to its user
 * (`postgres://shop:shop@db`) is a laptop default that tells nothing the
 * user name does not: it is hidden in the URL, not wherever the word stands.
 */
function addShapes(text: string, out: Set<string>): void {
  for (const m of findCredentialShapes(text)) {
    if (
      m.shape === 'url-password' &&
      m.before.slice(m.before.indexOf('://') + 3, -1) === m.secret
    )
      continue;
    addSecret(out, m.secret);
  }
}

/** The lines after offset `from` (the end of a line), each with the offset after it. */
function* linesFrom(
  text: string,
  from: number,
): Generator<[line: string, next: number]> {
  for (let at = from; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const cr = text.charCodeAt(end - 1) === 0x0d;
    yield [text.slice(at, cr ? end - 1 : end), end + 1];
    at = end + 1;
  }
}

/** The lines of a block scalar that follows offset `from`, indented deeper than `indent`. */
function blockAfter(text: string, from: number, indent: number): string {
  const out: string[] = [];
  for (const [l] of linesFrom(text, from)) {
    if (l.trim() === '') continue;
    if (indentOf(l) <= indent) break;
    out.push(l.trim());
  }
  return out.join('\n');
}

/** The literal of the `value:` of the env list item whose `- name:` line ends at `from`. */
function itemValue(text: string, from: number, indent: number): string {
  for (const [l, next] of linesFrom(text, from)) {
    if (l.trim() === '') continue;
    if (indentOf(l) <= indent) return '';
    const value = VALUE_LINE.exec(l);
    if (value) {
      const v = value[2].replace(/\s+#.*$/, '').trim();
      return /^[|>]/.test(v)
        ? blockAfter(text, next, value[1].length)
        : unquote(v);
    }
  }
  return '';
}

/**
 * Lines that name a credential: only these can assign one by name (a value
 * recognised by its shape is found in the whole text). Reading just these
 * lines keeps the scan of a repository's every file cheap.
 */
const NAMING_LINE = /^.*(?:pass|pwd|pw\b|secret|token|key|cred).*$/gim;

/** Adds the credential values one text holds. @public */
export function collectTextCredentials(text: string, out: Set<string>): void {
  if (!FILE_HINT.test(text)) return;
  addShapes(text, out);
  NAMING_LINE.lastIndex = 0;
  for (let m = NAMING_LINE.exec(text); m; m = NAMING_LINE.exec(text)) {
    const line = m[0].endsWith('\r') ? m[0].slice(0, -1) : m[0];
    const end = m.index + m[0].length + 1;
    for (const a of findCredentialAssignments(line)) addSecret(out, a.value);
    const named = line.includes('name:') ? LIST_ITEM_NAME.exec(line) : null;
    if (named && isCredentialName(named[2])) {
      const literal = itemValue(text, end, named[1].length);
      if (isLiteralCredentialValue(literal)) addSecret(out, literal);
      continue;
    }
    const block = line.includes(':') ? BLOCK_KEY.exec(line) : null;
    if (block && isCredentialName(block[2]))
      addSecret(out, blockAfter(text, end, block[1].length));
    if (m[0].length === 0) NAMING_LINE.lastIndex++;
  }
}

/** Adds the credential values of every text file of a repository. @public */
export function collectRepoCredentials(
  repo: RepoSnapshot,
  out: Set<string>,
): void {
  for (const f of repo.find(() => true))
    if (f.text !== undefined) collectTextCredentials(f.text, out);
}

function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value.trim())) return undefined;
  const text = Buffer.from(value.trim(), 'base64').toString('utf8');
  // Binary data is not a value anyone would write in an output.
  return /^[\x20-\x7e\s]*$/.test(text) ? text : undefined;
}

function walk(node: unknown, key: string | undefined, out: Set<string>): void {
  if (typeof node === 'string') {
    if (key && isCredentialName(key) && isLiteralCredentialValue(node))
      addSecret(out, node);
    addShapes(node, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, key, out);
    return;
  }
  const o = node as Record<string, unknown>;
  // An env entry: the name says what the value is.
  if (typeof o.name === 'string' && typeof o.value === 'string')
    walk(o.value, o.name, out);
  for (const [k, v] of Object.entries(o)) {
    if (k === 'managedFields' || (k === 'value' && typeof o.name === 'string'))
      continue;
    walk(v, k, out);
  }
}

/**
 * Adds the credential values of Kubernetes objects: env entries and
 * settings named as credentials or shaped like one anywhere in them, and
 * every value of a Secret (as written and decoded). @public
 */
export function collectObjectCredentials(
  objects: Iterable<Record<string, any>>,
  out: Set<string>,
): void {
  for (const o of objects) {
    if (o?.kind === 'Secret') {
      for (const v of Object.values(o.data ?? {}))
        if (typeof v === 'string') {
          addSecret(out, v);
          const decoded = decodeBase64(v);
          if (decoded) addSecret(out, decoded);
        }
      for (const v of Object.values(o.stringData ?? {}))
        if (typeof v === 'string') addSecret(out, v);
    }
    // What an object is configured with; not its status or its bookkeeping.
    if (o?.kind && o?.metadata) {
      walk(o.spec, 'spec', out);
      walk(o.data, 'data', out);
      walk(o.stringData, 'stringData', out);
      walk(o.metadata.annotations, 'annotations', out);
    } else walk(o, undefined, out);
  }
}
