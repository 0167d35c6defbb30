/**
 * Fast YAML loading: js-yaml, which reads YAML several times faster than the
 * `yaml` package, made to give exactly what the `yaml` package gives.
 *
 * The two parsers agree on well-formed, ordinary YAML once js-yaml is given a
 * schema with the `yaml` package's type resolution (see `CORE_SCHEMA` here
 * and the Go schema of the Kustomize renderer). They differ on a few
 * constructs (aliases, tags, explicit `?` keys, null keys, multi-line flow
 * collections inside block collections, comments glued to a token, 1 KiB
 * keys…) and on malformed input, which js-yaml sometimes accepts where `yaml`
 * reports an error. So the fast path is guarded: `fastLoadAll` returns
 * undefined whenever js-yaml fails or the text uses any of those constructs,
 * and the caller then uses its `yaml`-based reference code. The guards err on
 * the side of the reference path: a false alarm costs time, never fidelity.
 * fastLoad.test.ts compares every fast path with its reference, on the
 * repository's YAML, on known differences and on seeded mutations.
 */
import { FAILSAFE_SCHEMA, loadAll, Schema, Type } from 'js-yaml';
import { readBlockYaml } from './blockReader';
import {
  COLON,
  COMMA,
  CR,
  DQUOTE,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  RBRACE,
  RBRACKET,
  SPACE,
  SQUOTE,
  TAB,
} from './charCodes';
import {
  hasBareDash,
  hasDedentedRoot,
  hasOverIndentedBlockStart,
  hasUnsafeText,
} from './textGuards';

/** One document of a text. */
export interface FastDoc {
  value: unknown;
  /** 1-based line of the document's first content token. */
  line: number;
}

/** Where nodes start, for parsers that point at lines (CI steps). */
export interface NodePositions {
  /** Start line of a mapping or sequence. */
  lineOf(node: object): number | undefined;
  /** Start lines of a sequence's items, when each item maps to one node. */
  itemLines(seq: readonly unknown[]): number[] | undefined;
  /** A mapping's keys in source order with their lines (keys as js-yaml stringifies them). */
  keyLines(map: object): Array<[key: string, line: number]> | undefined;
}

export interface FastLoadOptions {
  schema: Schema;
  /** `last-wins`: a repeated key replaces the earlier value, as `yaml` does with `uniqueKeys: false`. */
  duplicateKeys: 'error' | 'last-wins';
  /**
   * What an empty node (`key:` with nothing after it) reads as; null unless
   * set. A marker value makes the loader stricter: `yaml` produces an empty
   * node in places where js-yaml produces a bare null without composing a
   * node (a lone `-` item, a flow-mapping key without value), so those go to
   * the reference path.
   */
  emptyValue?: unknown;
  /** Record node positions (costs a little). */
  positions?: boolean;
}

export interface FastLoadResult {
  docs: FastDoc[];
  positions?: NodePositions;
}

// ------------------------------------------------------------------ schemas

/**
 * The `yaml` package's YAML 1.2 core schema (its default) for plain scalars.
 * js-yaml's own core schema also reads `1_000` and `+.5e3_0` as numbers,
 * which `yaml` keeps as strings. Implicit types carry private tags so that an
 * explicit `!!int`, which the guards send to the reference path, cannot pass
 * for one of them.
 */
const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_RE = /^[-+]?[0-9]+$/;
const INT_OCT_RE = /^0o[0-7]+$/;
const INT_HEX_RE = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const NUMBER_START = /^[-+.0-9]/;

/** `yaml`'s reading of `.inf`, `-.inf`, `.nan`. */
export function floatNaN(s: string): number {
  if (s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN')) return NaN;
  return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

export const nullType = new Type('tag:twelve-factor/fast,null', {
  kind: 'scalar',
  resolve: (s: string) => s.length <= 4 && NULL_RE.test(s),
  construct: () => null,
});

export const boolType = new Type('tag:twelve-factor/fast,bool', {
  kind: 'scalar',
  resolve: (s: string) => (s.length === 4 || s.length === 5) && BOOL_RE.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});

export const floatNaNType = new Type('tag:twelve-factor/fast,float-nan', {
  kind: 'scalar',
  resolve: (s: string) => s.length <= 5 && FLOAT_NAN_RE.test(s),
  construct: floatNaN,
});

const coreNumberType = new Type('tag:twelve-factor/fast,core-number', {
  kind: 'scalar',
  // Every core number starts with a sign, a digit or a dot.
  resolve: (s: string) =>
    NUMBER_START.test(s) &&
    (INT_RE.test(s) ||
      INT_OCT_RE.test(s) ||
      INT_HEX_RE.test(s) ||
      FLOAT_EXP_RE.test(s) ||
      FLOAT_RE.test(s)),
  construct: (s: string) => {
    if (INT_RE.test(s)) return parseInt(s, 10);
    if (INT_OCT_RE.test(s)) return parseInt(s.substring(2), 8);
    if (INT_HEX_RE.test(s)) return parseInt(s.substring(2), 16);
    return parseFloat(s);
  },
});

/** `yaml`'s default schema (YAML 1.2 core, no merge keys). */
export const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, coreNumberType, floatNaNType],
});

/** Merge keys (`<<`); js-yaml recognises a merge by this standard tag. */
export const mergeType = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (s: string) => s === '<<',
});

// ------------------------------------------------------------------ guards
// The text guards are in textGuards.ts; these look at nodes as the listener sees them.

const STD_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:map',
  '!',
]);

/** The position of the first content character at or after `pos` (skipping blanks, line breaks and comments). */
function skipToContent(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === SPACE || c === TAB || c === LF || c === CR) p++;
    else if (c === HASH && (p === 0 || isBlank(text.charCodeAt(p - 1)))) {
      const nl = text.indexOf('\n', p);
      if (nl === -1) return text.length;
      p = nl + 1;
    } else return p;
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** The next character after `pos` on the same line, skipping spaces and tabs. */
function nextOnLine(text: string, pos: number): number {
  let p = pos;
  let c = text.charCodeAt(p);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++p);
  return c;
}

/** The previous non-blank character before `pos`. */
function previousContent(text: string, pos: number): number {
  let p = pos - 1;
  while (p >= 0 && isBlank(text.charCodeAt(p))) p--;
  return p >= 0 ? text.charCodeAt(p) : -1;
}

/**
 * Whether every further line of a quoted scalar is blank or indented deeper
 * than the line it starts on (which is what `yaml` accepts in a block
 * collection; stricter than needed where the scalar starts on its own line).
 */
function quotedLinesIndented(
  text: string,
  start: number,
  end: number,
): boolean {
  let nl = text.indexOf('\n', start);
  if (nl === -1 || nl >= end) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === SPACE) indent++;
  while (nl !== -1 && nl < end) {
    let p = nl + 1;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (c !== LF && c !== CR && p - nl - 1 <= indent) return false;
    nl = text.indexOf('\n', p);
  }
  return true;
}

/** Line starts, for turning offsets into 1-based line numbers. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
      this.starts.push(i + 1);
  }
  line(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** The parse state js-yaml hands its listener (fields the typings leave out). */
interface ListenerState {
  input: string;
  position: number;
  depth: number;
  kind: 'scalar' | 'mapping' | 'sequence' | null;
  tag: string | null;
  anchor: string | null;
  result: unknown;
}

/** What the listener remembers of an open node; one per depth, reused. */
interface Frame {
  open: number;
  /** Start of the node's content; -1 until computed. */
  start: number;
  /** The key just read (NOT_A_KEY otherwise), until its value is. */
  pendingKey: unknown;
  /** Keys whose value is an empty node (marker mode). */
  emptyKeys: unknown[] | undefined;
  /** Positions mode: start offsets of the child nodes, and the keys among them. */
  children: number[] | undefined;
  keys: Array<[string, number]> | undefined;
}

const NOT_A_KEY = Symbol('not-a-key');

class Unsafe extends Error {}

/**
 * Reads every document of a text with js-yaml, or returns undefined when the
 * result might differ from the `yaml` package's (the caller then uses it).
 * Empty documents are left out, as `yaml` leaves them without contents.
 *
 * The listener runs twice per node, so it allocates nothing in the common
 * case (frames are reused per depth) and looks at the text around a node
 * only as far as a guard needs.
 */
export function fastLoadAll(
  text: string,
  options: FastLoadOptions,
): FastLoadResult | undefined {
  // Plain block YAML (most manifests) is read line by line, several times faster; the reader
  // declines anything else. It records no node positions.
  if (options.positions !== true) {
    const docs = readBlockYaml(text, {
      schema: options.schema,
      emptyValue: options.emptyValue ?? null,
    });
    if (docs) return { docs };
  }
  return jsYamlLoadAll(text, options);
}

/** fastLoadAll without the line reader: js-yaml behind its guards. Exported for tests. */
export function jsYamlLoadAll(
  text: string,
  options: FastLoadOptions,
): FastLoadResult | undefined {
  // Directives, explicit keys and content on a `---` line (which `yaml` rejects for collections).
  if (hasUnsafeText(text)) return undefined;
  // Indentation that `yaml` rejects and js-yaml reads anyway.
  if (hasDedentedRoot(text) || hasOverIndentedBlockStart(text))
    return undefined;
  const marker =
    options.emptyValue !== undefined && options.emptyValue !== null;
  if (marker && hasBareDash(text)) return undefined;
  const emptyValue = options.emptyValue ?? null;
  const positions = options.positions === true;
  const frames: Frame[] = [];
  /** Where each document's content starts (-1: no content, the document is dropped). */
  const roots: number[] = [];
  /** End of the last document's root node: a marker after it starts the next document. */
  let lastRootEnd = 0;
  let markers: number[] | undefined;
  /** The `---` that starts the document whose (empty) root opens at `open`, if it has one. */
  const markerBefore = (open: number) => {
    markers ??= [...text.matchAll(DOC_START)].map(m => m.index!);
    let found = -1;
    for (const m of markers) if (m >= lastRootEnd && m < open) found = m;
    return found;
  };
  const nodeLines = positions ? new WeakMap<object, number>() : undefined;
  const itemStarts = positions ? new WeakMap<object, number[]>() : undefined;
  const keyStarts = positions
    ? new WeakMap<object, Array<[string, number]>>()
    : undefined;

  const startOf = (f: Frame) => {
    if (f.start < 0) f.start = skipToContent(text, f.open);
    return f.start;
  };
  /** Whether the node around the current one is a flow collection. */
  const inFlow = (parent: Frame | undefined) => {
    if (!parent) return false;
    const c = text.charCodeAt(startOf(parent));
    return c === LBRACKET || c === LBRACE;
  };

  const listener = (event: 'open' | 'close', s: ListenerState) => {
    const depth = s.depth;
    if (event === 'open') {
      const f = frames[depth];
      if (f) {
        f.open = s.position;
        f.start = -1;
        f.pendingKey = NOT_A_KEY;
        f.emptyKeys = undefined;
        f.children = undefined;
        f.keys = undefined;
      } else {
        frames[depth] = {
          open: s.position,
          start: -1,
          pendingKey: NOT_A_KEY,
          emptyKeys: undefined,
          children: undefined,
          keys: undefined,
        };
      }
      return;
    }
    const frame = frames[depth];
    const parent = depth > 1 ? frames[depth - 1] : undefined;
    const kind = s.kind;
    if (kind === null) {
      // No content: an empty node, or an alias (which carries its anchor's value).
      if (
        s.result !== null ||
        s.anchor !== null ||
        (s.tag !== null && s.tag !== '?')
      )
        throw new Unsafe();
      // An empty key (`{: v}`) reads as "" in `yaml`.
      if (nextOnLine(text, s.position) === COLON) throw new Unsafe();
      s.result = emptyValue;
      if (parent) {
        // js-yaml drops an empty block-mapping value (it stores null); remember the key to mark it when the mapping closes.
        if (marker && parent.pendingKey !== NOT_A_KEY)
          (parent.emptyKeys ??= []).push(parent.pendingKey);
        parent.pendingKey = NOT_A_KEY;
        // An empty node sits where its indicator left off (after `key:` or `- `).
        if (positions) (parent.children ??= []).push(frame.open);
      }
      if (depth === 1) {
        // `yaml` keeps a document that has a `---` but no content (as an empty node, at the marker);
        // a document without marker or content (comments only) has no contents and is left out.
        roots.push(markerBefore(frame.open));
        lastRootEnd = s.position;
      }
      return;
    }
    // Anchors (and so aliases) and explicit tags.
    const tag = s.tag;
    if (s.anchor !== null || (tag !== null && tag !== '?' && STD_TAGS.has(tag)))
      throw new Unsafe();
    const end = s.position;
    const next = nextOnLine(text, end);
    const isKey = next === COLON;
    const last = text.charCodeAt(end - 1);
    if (kind === 'scalar') {
      const quoted = tag === null && (last === DQUOTE || last === SQUOTE);
      // `"v"#c`: `yaml` wants white space before a comment.
      if (quoted && next === HASH) throw new Unsafe();
      // A null key reads as "" in `yaml` and "null" in js-yaml; `yaml` refuses implicit keys over 1024 characters.
      if (isKey && (s.result === null || end - startOf(frame) > 1024))
        throw new Unsafe();
      // A quoted scalar over several lines in a block collection: `yaml` wants its lines indented.
      if (
        quoted &&
        depth > 1 &&
        !quotedLinesIndented(text, startOf(frame), end) &&
        !inFlow(parent)
      )
        throw new Unsafe();
    } else {
      // A mapping or sequence as a key.
      if (isKey) throw new Unsafe();
      const first = text.charCodeAt(startOf(frame));
      if (first === LBRACKET || first === LBRACE) {
        if (next === HASH && (last === RBRACKET || last === RBRACE))
          throw new Unsafe();
        // A flow collection over several lines inside a block collection: `yaml` checks its indentation, js-yaml does not.
        const nl = text.indexOf('\n', frame.start);
        if (depth > 1 && nl !== -1 && nl < end && !inFlow(parent))
          throw new Unsafe();
      }
      if (frame.emptyKeys) {
        const map = s.result as Record<string, unknown>;
        for (const k of frame.emptyKeys)
          if (map[k as string] === null) map[k as string] = emptyValue;
      }
    }
    if (parent) {
      // A flow-mapping key without a value: js-yaml reads null where `yaml` has an empty node.
      if (marker && !isKey && text.charCodeAt(startOf(parent)) === LBRACE) {
        const p = previousContent(text, startOf(frame));
        if (p === LBRACE || p === COMMA) throw new Unsafe();
      }
      if (marker) parent.pendingKey = isKey ? String(s.result) : NOT_A_KEY;
    }
    if (depth === 1) {
      roots.push(startOf(frame));
      lastRootEnd = end;
    }
    if (positions) {
      const start = startOf(frame);
      if (parent) {
        (parent.children ??= []).push(start);
        if (isKey) (parent.keys ??= []).push([String(s.result), start]);
      }
      const r = s.result;
      if (r !== null && typeof r === 'object') {
        nodeLines!.set(r, start);
        if (Array.isArray(r)) {
          if ((frame.children?.length ?? 0) === r.length)
            itemStarts!.set(r, frame.children ?? []);
        } else if (frame.keys) keyStarts!.set(r, frame.keys);
      }
    }
  };

  let values: unknown[];
  try {
    values = loadAll(text, null, {
      schema: options.schema,
      json: options.duplicateKeys === 'last-wins',
      listener: listener as any,
    });
  } catch {
    // A js-yaml error (the reference reports it in its own words) or a guard.
    return undefined;
  }
  if (values.length !== roots.length) return undefined;
  const index = new LineIndex(text);
  const docs: FastDoc[] = [];
  for (let i = 0; i < values.length; i++) {
    // An empty document has no contents in `yaml`.
    if (roots[i] === -1) continue;
    docs.push({ value: values[i], line: index.line(roots[i]) });
  }
  if (!positions) return { docs };
  return {
    docs,
    positions: {
      lineOf: node => {
        const p = nodeLines!.get(node);
        return p === undefined ? undefined : index.line(p);
      },
      itemLines: seq => itemStarts!.get(seq)?.map(p => index.line(p)),
      keyLines: map =>
        keyStarts!
          .get(map)
          ?.map(([k, p]) => [k, index.line(p)] as [string, number]),
    },
  };
}

/** A document start marker. */
const DOC_START = /^---(?=[ \t]|\r?$)/gm;

/** Document markers (`---`, `...`) at the start of a line. */
const DOC_MARKER = /^(?:---|\.\.\.)(?=[ \t]|\r?$)/gm;
/** Only comments and blank lines. */
const NO_CONTENT = /^(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*(?:#.*)?$/;

/**
 * The single document of a text, as the `yaml` package's `parse` and
 * `parseDocument` read it (null for a text without content), or undefined
 * when the reference must read it: besides fastLoadAll's reasons, any
 * document marker other than one leading `---`, since those functions count
 * documents (and fail on a second one) in their own way.
 */
export function fastLoadSingle(
  text: string,
  options: FastLoadOptions,
): { value: unknown; positions?: NodePositions } | undefined {
  const markers = [...text.matchAll(DOC_MARKER)];
  if (markers.length > 1) return undefined;
  if (
    markers.length === 1 &&
    (markers[0][0] !== '---' ||
      !NO_CONTENT.test(text.slice(0, markers[0].index)))
  )
    return undefined;
  const loaded = fastLoadAll(text, options);
  if (!loaded || loaded.docs.length > 1) return undefined;
  return {
    value: loaded.docs.length ? loaded.docs[0].value : null,
    ...(loaded.positions ? { positions: loaded.positions } : {}),
  };
}
