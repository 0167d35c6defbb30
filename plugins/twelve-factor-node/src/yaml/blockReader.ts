/**
 * A line-based reader for the plain block YAML that Kubernetes manifests,
 * kustomizations and most CI files are written in, in front of js-yaml.
 *
 * js-yaml reads a character at a time through a general state machine; on
 * the benchmark's repositories it was the largest single cost of a scan
 * (about a tenth). Manifests use a small subset of YAML: block mappings and
 * sequences, one-line plain and quoted scalars, literal block scalars,
 * comments and `---`. This reader handles exactly that subset, line by line,
 * and declines (returns undefined) on anything else, so that js-yaml (behind
 * its guards, fastLoad.ts) reads the text instead. It gives exactly what
 * that path gives: plain scalars are resolved by the same schema's implicit
 * types, in the same order, with the same side effects; keys, key order,
 * empty values and document lines are the same. blockReader.test.ts compares
 * the two on real files, hand-written cases and seeded mutations.
 *
 * Declined, among others: tabs, CR, control and non-BMP characters; anchors,
 * aliases, tags, directives, `...`, `? ` keys; quoted keys and keys a schema
 * type resolves (`80:`, `true:`, `<<:`); duplicate keys; flow collections
 * with empty entries, trailing commas, quoted keys or keys without values; multi-line plain or quoted scalars; double quotes
 * with escapes; folded (`>`) block scalars, indentation indicators and
 * comments after a block scalar header; a bare `-` item; `- - x`; a root
 * that is a scalar or not at column 0; flow collections over several lines.
 */
import type { Schema } from 'js-yaml';
import {
  COLON,
  COMMA,
  DASH,
  DOT,
  DQUOTE,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  PERCENT,
  PIPE,
  PLUS,
  RBRACE,
  RBRACKET,
  SPACE,
  SQUOTE,
} from './charCodes';

/** One document, as fastLoadAll returns it. */
export interface BlockDoc {
  value: unknown;
  /** 1-based line of the document's first content token (or of its `---` when it has none). */
  line: number;
}

export interface BlockReadOptions {
  schema: Schema;
  /** What an empty node reads as. */
  emptyValue: unknown;
}

interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** Characters that cannot start a plain scalar here (or start one js-yaml treats specially). */
const INDICATOR = new Uint8Array(128);
for (const c of '&*!|>\'"%@`?:,[]{}#') INDICATOR[c.charCodeAt(0)] = 1;

class Decline extends Error {}
const DECLINE = new Decline();

/** Whether every character is one this reader (and js-yaml, the same way) takes as plain text. */
function printableSubset(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < SPACE) {
      if (c !== LF) return false;
    } else if (
      c >= 0x7f &&
      (c <= 0x9f || c === 0x2028 || c === 0x2029 || c >= 0xd800)
    ) {
      return false;
    }
  }
  return true;
}

class Reader {
  /** Offsets of each line's start and end (without the line feed). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Offset of a line's first content character; -1 for a blank or comment-only line. */
  private readonly content: number[] = [];
  /** Column of that character. */
  private readonly indents: number[] = [];
  /** Lines of the document being read: [line, docEnd). */
  private line = 0;
  private docEnd = 0;

  constructor(
    private readonly text: string,
    private readonly implicit: ImplicitType[],
    private readonly emptyValue: unknown,
  ) {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      let p = start;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      this.starts.push(start);
      this.ends.push(end);
      const blank = p === end || text.charCodeAt(p) === HASH;
      this.content.push(blank ? -1 : p);
      this.indents.push(p - start);
      if (nl === -1) break;
      start = nl + 1;
    }
  }

  read(): BlockDoc[] {
    const docs: BlockDoc[] = [];
    const n = this.starts.length;
    let from = 0;
    let marker = -1;
    for (let i = 0; i <= n; i++) {
      const atMarker = i < n && this.isMarkerLine(i);
      if (i < n && !atMarker) continue;
      // Lines [from, i) are one document's.
      this.line = from;
      this.docEnd = i;
      const first = this.nextContent();
      if (first !== -1) {
        if (this.indents[first] !== 0) throw DECLINE;
        const value = this.isItem(first) ? this.sequence(0) : this.mapping(0);
        if (this.nextContent() !== -1) throw DECLINE;
        docs.push({ value, line: first + 1 });
      } else if (marker !== -1) {
        // `yaml` keeps a document that has a `---` but no content, at the marker.
        docs.push({ value: this.emptyValue, line: marker + 1 });
      }
      marker = i;
      from = i + 1;
    }
    return docs;
  }

  /** A `---` line; other lines starting with a document marker or directive are declined. */
  private isMarkerLine(i: number): boolean {
    const t = this.text;
    const s = this.starts[i];
    const c = t.charCodeAt(s);
    if (c === DASH && t.startsWith('---', s)) {
      if (this.ends[i] === s + 3) return true;
      throw DECLINE;
    }
    if ((c === DOT && t.startsWith('...', s)) || c === PERCENT) throw DECLINE;
    return false;
  }

  /** The next line with content in this document, without consuming it; -1 at its end. */
  private nextContent(): number {
    while (this.line < this.docEnd && this.content[this.line] === -1)
      this.line++;
    return this.line < this.docEnd ? this.line : -1;
  }

  /** Whether a content line is a sequence item (`- …`); a bare `-` is declined. */
  private isItem(l: number): boolean {
    const p = this.content[l];
    if (this.text.charCodeAt(p) !== DASH) return false;
    const next = p + 1 < this.ends[l] ? this.text.charCodeAt(p + 1) : -1;
    if (next === -1) throw DECLINE;
    return next === SPACE;
  }

  private mapping(indent: number): Record<string, unknown> {
    const t = this.text;
    const obj: Record<string, unknown> = {};
    for (;;) {
      const l = this.nextContent();
      if (l === -1 || this.indents[l] < indent) return obj;
      if (this.indents[l] > indent || this.isItem(l)) throw DECLINE;
      const s = this.content[l];
      const e = this.ends[l];
      const colon = this.keyEnd(s, e);
      if (colon === -1) throw DECLINE;
      const key = t.slice(s, colon);
      this.checkKey(obj, key);
      const p = this.skipSpaces(colon + 1, e);
      this.line = l + 1;
      if (p === e || t.charCodeAt(p) === HASH) {
        const n = this.nextContent();
        if (n !== -1 && this.indents[n] > indent)
          obj[key] = this.isItem(n)
            ? this.sequence(this.indents[n])
            : this.mapping(this.indents[n]);
        else if (n !== -1 && this.indents[n] === indent && this.isItem(n))
          obj[key] = this.sequence(indent);
        else obj[key] = this.emptyValue;
      } else {
        obj[key] = this.inlineValue(l, p, e, indent);
        this.noDeeperLine(indent);
      }
    }
  }

  private sequence(indent: number): unknown[] {
    const t = this.text;
    const arr: unknown[] = [];
    for (;;) {
      const l = this.nextContent();
      if (l === -1 || this.indents[l] < indent) return arr;
      if (this.indents[l] > indent) throw DECLINE;
      // A key at the sequence's column ends a sequence written at its key's column.
      if (!this.isItem(l)) return arr;
      const e = this.ends[l];
      const p = this.skipSpaces(this.content[l] + 1, e);
      const c = t.charCodeAt(p);
      if (p === e || c === HASH || this.isDashIndicator(p, e)) throw DECLINE;
      if (this.keyEnd(p, e) !== -1) {
        // `- key: value`: a mapping whose column is the key's.
        const col = p - this.starts[l];
        this.content[l] = p;
        this.indents[l] = col;
        arr.push(this.mapping(col));
        continue;
      }
      this.line = l + 1;
      arr.push(this.inlineValue(l, p, e, indent));
      this.noDeeperLine(indent);
    }
  }

  /** After a value written on its line, a deeper line would continue it (or be an error): left to js-yaml. */
  private noDeeperLine(indent: number): void {
    const n = this.nextContent();
    if (n !== -1 && this.indents[n] > indent) throw DECLINE;
  }

  /** A plain key js-yaml stores under its own text, not yet in the mapping. */
  private checkKey(obj: Record<string, unknown>, key: string): void {
    if (
      key.length > 1024 ||
      key === '__proto__' ||
      Object.prototype.hasOwnProperty.call(obj, key) ||
      this.resolves(key)
    )
      throw DECLINE;
  }

  /** A `-` that is a sequence indicator (followed by a space or the line's end), not the start of a plain scalar. */
  private isDashIndicator(p: number, e: number): boolean {
    return (
      this.text.charCodeAt(p) === DASH &&
      (p + 1 === e || this.text.charCodeAt(p + 1) === SPACE)
    );
  }

  /**
   * The colon that ends a plain key starting at `s` (a `:` followed by a
   * space or the line's end, before any comment), or -1 when the text there
   * is not a `key:` entry.
   */
  private keyEnd(s: number, e: number): number {
    const t = this.text;
    if (INDICATOR[t.charCodeAt(s)] || this.isDashIndicator(s, e)) return -1;
    // One pass over the line (a bounded scan: indexOf would run on to the end of the text).
    for (let p = s + 1; p < e; p++) {
      const c = t.charCodeAt(p);
      if (c === HASH && t.charCodeAt(p - 1) === SPACE) return -1;
      if (c === COLON && (p + 1 === e || t.charCodeAt(p + 1) === SPACE)) {
        // `key :` (a space before the colon) is left to js-yaml.
        return t.charCodeAt(p - 1) === SPACE ? -1 : p;
      }
    }
    return -1;
  }

  /** Whether a schema type would read the plain text as something other than itself. */
  private resolves(s: string): boolean {
    const types = this.implicit;
    for (let i = 0; i < types.length; i++) if (types[i].resolve(s)) return true;
    return false;
  }

  /** A plain scalar, resolved as js-yaml resolves it: the first implicit type that accepts it. */
  private plain(s: string): unknown {
    const types = this.implicit;
    for (let i = 0; i < types.length; i++) {
      if (types[i].resolve(s)) {
        if (s === '<<') throw DECLINE;
        return types[i].construct(s);
      }
    }
    return s;
  }

  /** Only blanks, or blanks and a comment, from `p` to the line's end. */
  private restIsEmpty(p: number, e: number): boolean {
    const q = this.skipSpaces(p, e);
    return q === e || (q > p && this.text.charCodeAt(q) === HASH);
  }

  /** The value written on a line after `key: ` or `- `, at offset p; parentCol is the key's or dash's column. */
  private inlineValue(
    l: number,
    p: number,
    e: number,
    parentCol: number,
  ): unknown {
    const t = this.text;
    const c = t.charCodeAt(p);
    if (c === PIPE) return this.literal(l, p, e, parentCol);
    if (c === LBRACKET || c === LBRACE) {
      const [value, after] = this.flow(p, e);
      if (!this.restIsEmpty(after, e)) throw DECLINE;
      return value;
    }
    if (c === SQUOTE || c === DQUOTE) {
      const [value, after] = this.quoted(p, e);
      if (!this.restIsEmpty(after, e)) throw DECLINE;
      return value;
    }
    if (INDICATOR[c] || this.isDashIndicator(p, e)) throw DECLINE;
    // A plain scalar: up to a comment, without trailing blanks; `: ` inside would start a mapping.
    let end = e;
    for (let q = p + 1; q < e; q++) {
      const d = t.charCodeAt(q);
      if (d === HASH && t.charCodeAt(q - 1) === SPACE) {
        end = q - 1;
        break;
      }
      if (d === COLON && (q + 1 === e || t.charCodeAt(q + 1) === SPACE))
        throw DECLINE;
    }
    while (end > p && t.charCodeAt(end - 1) === SPACE) end--;
    return this.plain(t.slice(p, end));
  }

  /** A one-line quoted scalar at p: its value and the offset after the closing quote. Double quotes with escapes are declined. */
  private quoted(p: number, e: number): [string, number] {
    const t = this.text;
    if (t.charCodeAt(p) === DQUOTE) {
      const q = t.indexOf('"', p + 1);
      if (q === -1 || q >= e) throw DECLINE;
      const inner = t.slice(p + 1, q);
      if (inner.indexOf('\\') !== -1) throw DECLINE;
      return [inner, q + 1];
    }
    let out = '';
    let from = p + 1;
    for (;;) {
      const q = t.indexOf("'", from);
      if (q === -1 || q >= e) throw DECLINE;
      out += t.slice(from, q);
      if (t.charCodeAt(q + 1) !== SQUOTE) return [out, q + 1];
      out += "'";
      from = q + 2;
    }
  }

  private skipSpaces(p: number, e: number): number {
    let q = p;
    while (q < e && this.text.charCodeAt(q) === SPACE) q++;
    return q;
  }

  /**
   * A one-line flow collection (`[a, "b"]`, `{cpu: 100m}`, `{command: [x]}`):
   * its value and the offset after its closing bracket. Empty entries, trailing commas, keys without values, quoted keys and
   * colons or `#` inside plain scalars are declined.
   */
  private flow(p: number, e: number): [unknown, number] {
    const t = this.text;
    const isMap = t.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const arr: unknown[] = [];
    const obj: Record<string, unknown> = {};
    let q = this.skipSpaces(p + 1, e);
    if (t.charCodeAt(q) === close) return [isMap ? obj : arr, q + 1];
    for (;;) {
      if (isMap) {
        const [key, after] = this.flowPlain(q, e);
        if (t.charCodeAt(after) !== COLON || t.charCodeAt(after + 1) !== SPACE)
          throw DECLINE;
        this.checkKey(obj, key);
        q = this.skipSpaces(after + 1, e);
        const [value, next] = this.flowValue(q, e);
        obj[key] = value;
        q = next;
      } else {
        const [value, next] = this.flowValue(q, e);
        arr.push(value);
        q = next;
      }
      q = this.skipSpaces(q, e);
      const c = t.charCodeAt(q);
      if (q < e && c === close) return [isMap ? obj : arr, q + 1];
      if (q >= e || c !== COMMA) throw DECLINE;
      q = this.skipSpaces(q + 1, e);
    }
  }

  private flowValue(q: number, e: number): [unknown, number] {
    const c = this.text.charCodeAt(q);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(q, e);
    if (c === LBRACKET || c === LBRACE) return this.flow(q, e);
    const [text, after] = this.flowPlain(q, e);
    const stop = this.text.charCodeAt(after);
    if (after >= e || (stop !== COMMA && stop !== RBRACKET && stop !== RBRACE))
      throw DECLINE;
    return [this.plain(text), after];
  }

  /** A plain scalar inside a flow collection, up to the next flow indicator or colon (trailing blanks trimmed). */
  private flowPlain(q: number, e: number): [string, number] {
    const t = this.text;
    const c = t.charCodeAt(q);
    if (q >= e || INDICATOR[c] || c === DASH) throw DECLINE;
    let r = q;
    for (; r < e; r++) {
      const d = t.charCodeAt(r);
      if (
        d === COMMA ||
        d === COLON ||
        d === LBRACKET ||
        d === RBRACKET ||
        d === LBRACE ||
        d === RBRACE
      )
        break;
      if (d === HASH) throw DECLINE;
    }
    let end = r;
    while (end > q && t.charCodeAt(end - 1) === SPACE) end--;
    return [t.slice(q, end), r];
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`), following js-yaml's
   * readBlockScalar: the content's indentation is that of its first
   * non-empty line (more than the parent's column); a non-empty line
   * indented less ends it; empty lines in between are kept; chomping applies
   * to the trailing ones.
   */
  private literal(l: number, p: number, e: number, parentCol: number): string {
    const t = this.text;
    let chomp = 0; // 0 clip, -1 strip, 1 keep
    let h = p + 1;
    const indicator = t.charCodeAt(h);
    if (h < e && indicator === DASH) chomp = -1;
    else if (h < e && indicator === PLUS) chomp = 1;
    if (chomp !== 0) h++;
    if (h !== e) throw DECLINE;
    let textIndent = parentCol + 1;
    let detected = false;
    let emptyLines = 0;
    let out = '';
    const last = this.starts.length - 1;
    let i = l + 1;
    for (; i < this.docEnd; i++) {
      const s = this.starts[i];
      const end = this.ends[i];
      // The empty piece after a final line feed is the end of the text, not an empty line; js-yaml
      // does not chomp a scalar that ends the text without a line feed, so that is left to it.
      if (i === last) {
        if (s === end) break;
        throw DECLINE;
      }
      let k = 0;
      while (
        s + k < end &&
        t.charCodeAt(s + k) === SPACE &&
        (!detected || k < textIndent)
      )
        k++;
      if (s + k === end) {
        // Blank lines before the content that carry spaces would set js-yaml's indentation: left to it.
        if (!detected && k > 0) throw DECLINE;
        emptyLines++;
        continue;
      }
      if (!detected && k > textIndent) textIndent = k;
      if (k < textIndent) break;
      out += '\n'.repeat(detected ? 1 + emptyLines : emptyLines);
      out += t.slice(s + textIndent, end);
      detected = true;
      emptyLines = 0;
    }
    if (!detected) throw DECLINE;
    if (chomp === 1) out += '\n'.repeat(1 + emptyLines);
    else if (chomp === 0) out += '\n';
    this.line = i;
    return out;
  }
}

/**
 * Reads every document of a text written in the plain block subset, or
 * returns undefined for anything else (the caller then uses js-yaml).
 */
export function readBlockYaml(
  text: string,
  options: BlockReadOptions,
): BlockDoc[] | undefined {
  if (!printableSubset(text)) return undefined;
  // js-yaml's resolution list (internal, untyped): without it the reader cannot resolve like js-yaml.
  const implicit = (
    options.schema as unknown as { compiledImplicit?: ImplicitType[] }
  ).compiledImplicit;
  if (!Array.isArray(implicit)) return undefined;
  try {
    return new Reader(text, implicit, options.emptyValue).read();
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
