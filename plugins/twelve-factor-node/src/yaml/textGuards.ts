/**
 * Text guards of the fast YAML path, as scans instead of multi-line regular
 * expressions. V8 tries a `^…` pattern with the `m` flag at every offset of
 * the text; these look only where the characters they need occur, which is
 * a good part of reading a manifest. Each answers exactly what its regular
 * expression (kept below as the reference, and compared in the tests) does.
 */
import { CR, DASH, DOT, HASH, LF, PLUS, SPACE, TAB } from './charCodes';

/** Reference: directives, explicit keys and content on a `---` line. */
export const UNSAFE_TEXT_RE =
  /^%|^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)|[[{,][ \t]*\?[ \t]|^---[ \t]+[^#\s]/m;
/** Reference: a lone `-` item, which js-yaml may read as null without composing a node. */
export const BARE_DASH_RE = /^[ \t]*-[ \t]*(?:#.*)?\r?$/m;

/** JavaScript's line terminators, which `^` and `$` stop at in multi-line mode. */
function isTerminator(c: number): boolean {
  return c === LF || c === CR || c === 0x2028 || c === 0x2029;
}

function atLineStart(text: string, pos: number): boolean {
  return pos === 0 || isTerminator(text.charCodeAt(pos - 1));
}

/** Whether only spaces and tabs stand between the start of the line and `pos`. */
function onlyBlanksBefore(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isTerminator(c)) return true;
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

const DOC_MARKER_CONTENT = /[ \t]+[^#\s]/y;

/** Same answer as UNSAFE_TEXT_RE.test(text). */
export function hasUnsafeText(text: string): boolean {
  // The explicit-key alternatives need a `?`; rare in manifests, so the reference decides those texts.
  if (text.includes('?')) return UNSAFE_TEXT_RE.test(text);
  for (let p = text.indexOf('%'); p !== -1; p = text.indexOf('%', p + 1)) {
    if (atLineStart(text, p)) return true;
  }
  for (let p = text.indexOf('---'); p !== -1; p = text.indexOf('---', p + 1)) {
    if (!atLineStart(text, p)) continue;
    DOC_MARKER_CONTENT.lastIndex = p + 3;
    if (DOC_MARKER_CONTENT.test(text)) return true;
  }
  return false;
}

/** Same answer as BARE_DASH_RE.test(text). */
export function hasBareDash(text: string): boolean {
  for (let p = text.indexOf('-'); p !== -1; p = text.indexOf('-', p + 1)) {
    let q = p + 1;
    let c = text.charCodeAt(q);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++q);
    // After the dash and blanks: a comment, the end of the line, or the end of the text.
    if (
      (q >= text.length || c === HASH || isTerminator(c)) &&
      onlyBlanksBefore(text, p)
    )
      return true;
  }
  return false;
}

/** The number of spaces a line starts with. */
function indentOf(text: string, start: number): number {
  let i = start;
  while (text.charCodeAt(i) === SPACE) i++;
  return i - start;
}

/** The end of the line that starts at `start` (the index of its LF, or the text's length). */
function lineEnd(text: string, start: number): number {
  const lf = text.indexOf('\n', start);
  return lf === -1 ? text.length : lf;
}

/** Whether a line holds nothing but blanks (a CR at its end included). */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
}

/**
 * Whether a document's first node is indented and a later line of it is
 * indented less: `yaml` rejects that (`  -\n- a`) while js-yaml reads it.
 * Documents starting at column 0, nearly all, are skipped to the next
 * document marker.
 */
export function hasDedentedRoot(text: string): boolean {
  let rootIndent = -1;
  for (let start = 0; start < text.length; ) {
    const end = lineEnd(text, start);
    const c = text.charCodeAt(start);
    const marker =
      (c === DASH && text.startsWith('---', start)) ||
      (c === DOT && text.startsWith('...', start));
    if (marker) rootIndent = -1;
    else if (!isBlankLine(text, start, end)) {
      const indent = indentOf(text, start);
      if (text.charCodeAt(start + indent) !== HASH) {
        if (rootIndent === -1) {
          rootIndent = indent;
          if (indent === 0) {
            // Nothing can be indented less: go on at the next document marker.
            const next = nextMarker(text, end);
            if (next === -1) return false;
            start = next;
            continue;
          }
        } else if (indent < rootIndent) return true;
      }
    }
    start = end + 1;
  }
  return false;
}

function nextMarker(text: string, from: number): number {
  const dashes = text.indexOf('\n---', from);
  const dots = text.indexOf('\n...', from);
  if (dashes === -1) return dots === -1 ? -1 : dots + 1;
  return dots === -1 || dashes < dots ? dashes + 1 : dots + 1;
}

const BLOCK_INDICATOR = /[|>]/g;

/**
 * Whether a block scalar without an indentation indicator (`|`, `>-`…) has
 * leading empty lines with more spaces than its first content line: `yaml`
 * rejects that ("must use an explicit indentation indicator") while js-yaml
 * reads it.
 */
export function hasOverIndentedBlockStart(text: string): boolean {
  BLOCK_INDICATOR.lastIndex = 0;
  for (let m = BLOCK_INDICATOR.exec(text); m; m = BLOCK_INDICATOR.exec(text)) {
    const p = m.index;
    const end = lineEnd(text, p);
    // A header: `|` or `>`, a chomping indicator, then blanks or a comment up to the line's end.
    let q = p + 1;
    const chomp = text.charCodeAt(q);
    if (chomp === PLUS || chomp === DASH) q++;
    while (text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB) q++;
    const header =
      q >= end ||
      text.charCodeAt(q) === CR ||
      (text.charCodeAt(q) === HASH && q > p + 1);
    if (header && end < text.length) {
      let widest = 0;
      for (let start = end + 1; start < text.length; ) {
        const e = lineEnd(text, start);
        if (!isBlankLine(text, start, e)) {
          if (indentOf(text, start) < widest) return true;
          break;
        }
        widest = Math.max(widest, indentOf(text, start));
        start = e + 1;
      }
    }
  }
  return false;
}
