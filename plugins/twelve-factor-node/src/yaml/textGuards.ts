/**
 * Text guards of the fast YAML path, as scans instead of multi-line regular
 * expressions. V8 tries a `^…` pattern with the `m` flag at every offset of
 * the text; these look only where the characters they need occur, which is
 * a good part of reading a manifest. Each answers exactly what its regular
 * expression (kept below as the reference, and compared in the tests) does.
 */
import { CR, HASH, LF, SPACE, TAB } from './charCodes';

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
