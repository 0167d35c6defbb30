/*
 * Go's text/template, as Helm uses it: actions with trim markers and
 * comments, pipelines, variables, if/else if/with/range (with break and
 * continue), define/template/block. Written for reading Helm charts, it is
 * lenient where Go is strict and a chart would not have been released
 * otherwise: a field of a missing value is empty rather than an error, and
 * printing a missing value prints nothing (Helm removes `<no value>` too).
 */

import { MessageError } from '../engine/diagnostic';

/** An error in a template's text or while executing it, said by id. @public */
export class TemplateError extends MessageError {}

/** A function callable from a template; `ctx` gives access to the executor. */
export type TemplateFunction = (...args: any[]) => unknown;

type Arg =
  | {
      t: 'field';
      base: 'dot' | 'var' | 'paren';
      name?: string;
      pipe?: Pipe;
      fields: string[];
    }
  | { t: 'ident'; name: string }
  | { t: 'lit'; value: unknown };

interface Pipe {
  decl: string[];
  /** `=` (assign to an existing variable) rather than `:=`. */
  assign: boolean;
  cmds: Arg[][];
}

interface ControlNode {
  t: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: Node[];
  else?: Node[];
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | ControlNode
  | { t: 'template'; name: string; pipe?: Pipe }
  | { t: 'break' }
  | { t: 'continue' };

// ------------------------------------------------------------------ lexing

interface Action {
  /** The text inside the delimiters, trim markers removed. */
  body: string;
  line: number;
}

type Piece = { text: string } | Action;

/** Splits a template into text and actions, applying trim markers and dropping comments. */
function split(src: string, name: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open === -1 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    trimNext = false;
    if (open === -1) {
      if (text) pieces.push({ text });
      break;
    }
    let j = open + 2;
    // `{{- ` trims the text before; `{{-3}}` is a number.
    if (src[j] === '-' && /\s/.test(src[j + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      j += 1;
    }
    if (text) pieces.push({ text });
    const line = lineOf(src, open);
    // Find the closing delimiter outside quotes and comments.
    let k = j;
    let end = -1;
    while (k < src.length) {
      const c = src[k];
      if (c === '"' || c === '`' || c === "'") {
        k = skipQuoted(src, k, name, line);
        continue;
      }
      if (c === '/' && src[k + 1] === '*') {
        const close = src.indexOf('*/', k + 2);
        if (close === -1)
          throw new TemplateError('diagnostic.template.unclosed-comment', {
            where: `${name}:${line}`,
          });
        k = close + 2;
        continue;
      }
      if (c === '}' && src[k + 1] === '}') {
        end = k;
        break;
      }
      k++;
    }
    if (end === -1)
      throw new TemplateError('diagnostic.template.unclosed-action', {
        where: `${name}:${line}`,
      });
    let body = src.slice(j, end);
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      trimNext = true;
    }
    body = body.trim();
    i = end + 2;
    if (body.startsWith('/*') && body.endsWith('*/')) continue;
    pieces.push({ body, line });
  }
  return pieces;
}

function skipQuoted(
  src: string,
  k: number,
  name: string,
  line: number,
): number {
  const q = src[k];
  let m = k + 1;
  while (m < src.length && src[m] !== q) {
    if (q !== '`' && src[m] === '\\') m++;
    if (q !== '`' && src[m] === '\n')
      throw new TemplateError('diagnostic.template.unterminated-string', {
        where: `${name}:${line}`,
      });
    m++;
  }
  if (m >= src.length)
    throw new TemplateError('diagnostic.template.unterminated-string', {
      where: `${name}:${line}`,
    });
  return m + 1;
}

function lineOf(src: string, index: number): number {
  let n = 1;
  for (
    let i = src.indexOf('\n');
    i !== -1 && i < index;
    i = src.indexOf('\n', i + 1)
  )
    n++;
  return n;
}

type Token =
  | { k: 'field'; v: string; tight?: boolean } // `.a` (also `.` alone: v ''); tight: no space before it
  | { k: 'var'; v: string } // `$x`, `$`
  | { k: 'ident'; v: string }
  | { k: 'lit'; v: unknown }
  | { k: 'op'; v: '(' | ')' | '|' | ':=' | '=' | ',' };

function tokenize(body: string, where: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let spaced = true;
  while (i < body.length) {
    const c = body[i];
    if (/\s/.test(c)) {
      i++;
      spaced = true;
      continue;
    }
    const tight = !spaced;
    spaced = false;
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    if (c === ':' && body[i + 1] === '=') {
      out.push({ k: 'op', v: ':=' });
      i += 2;
      continue;
    }
    if (c === '=') {
      out.push({ k: 'op', v: '=' });
      i++;
      continue;
    }
    if (c === '"') {
      const end = skipQuoted(body, i, where, 0);
      out.push({ k: 'lit', v: unquote(body.slice(i, end)) });
      i = end;
      continue;
    }
    if (c === '`') {
      const end = body.indexOf('`', i + 1);
      if (end === -1)
        throw new TemplateError('diagnostic.template.unterminated-raw-string', {
          where,
        });
      out.push({ k: 'lit', v: body.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === "'") {
      const end = skipQuoted(body, i, where, 0);
      const s = unquote(`"${body.slice(i + 1, end - 1)}"`);
      out.push({ k: 'lit', v: s.codePointAt(0) ?? 0 });
      i = end;
      continue;
    }
    if (c === '.' && !/[0-9]/.test(body[i + 1] ?? '')) {
      // `.`, `.a`, and a chain `.a.b` after a value: one token per segment.
      const m = /^\.([A-Za-z_][\w]*)?/.exec(body.slice(i))!;
      out.push({ k: 'field', v: m[1] ?? '', tight });
      i += m[0].length;
      continue;
    }
    if (c === '$') {
      const m = /^\$[\w]*/.exec(body.slice(i))!;
      out.push({ k: 'var', v: m[0] });
      i += m[0].length;
      continue;
    }
    const num =
      /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?)/.exec(
        body.slice(i),
      );
    if (num && num[0] && /\d/.test(num[0])) {
      out.push({ k: 'lit', v: parseNumber(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w]*/.exec(body.slice(i));
    if (id) {
      const v = id[0];
      if (v === 'true' || v === 'false')
        out.push({ k: 'lit', v: v === 'true' });
      else if (v === 'nil') out.push({ k: 'lit', v: null });
      else out.push({ k: 'ident', v });
      i += v.length;
      continue;
    }
    throw new TemplateError('diagnostic.template.unexpected-char', {
      where,
      char: c,
    });
  }
  return out;
}

function parseNumber(s: string): number {
  const t = s.replace(/_/g, '');
  if (/^[-+]?0[xX]/.test(t))
    return parseInt(t.replace(/0[xX]/, ''), 16) * (t.startsWith('-') ? -1 : 1);
  if (/^[-+]?0[oO]/.test(t))
    return parseInt(t.replace(/0[oO]/, ''), 8) * (t.startsWith('-') ? -1 : 1);
  if (/^[-+]?0[bB]/.test(t))
    return parseInt(t.replace(/0[bB]/, ''), 2) * (t.startsWith('-') ? -1 : 1);
  return Number(t);
}

function unquote(q: string): string {
  try {
    return JSON.parse(
      q
        .replace(
          /\\([abfv'])/g,
          (_m, c) =>
            ((
              {
                a: '\\u0007',
                b: '\\b',
                f: '\\f',
                v: '\\u000b',
                "'": "'",
              } as any
            )[c]),
        )
        .replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1'),
    );
  } catch {
    return q.slice(1, -1);
  }
}

// ------------------------------------------------------------------ parsing

class PipeParser {
  private i = 0;
  constructor(private tokens: Token[], private where: string) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  pipeline(): Pipe {
    const pipe: Pipe = { decl: [], assign: false, cmds: [] };
    // `$x :=`, `$i, $v :=`, `$x =`
    const save = this.i;
    const vars: string[] = [];
    while (this.tokens[this.i]?.k === 'var') {
      vars.push(this.tokens[this.i].v as string);
      this.i++;
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      break;
    }
    if (vars.length && (this.isOp(':=') || this.isOp('='))) {
      pipe.assign = this.isOp('=');
      pipe.decl = vars;
      this.i++;
    } else this.i = save;
    let cmd: Arg[] = [];
    while (!this.done() && !this.isOp(')')) {
      if (this.isOp('|')) {
        if (!cmd.length)
          throw new TemplateError('diagnostic.template.missing-command', {
            where: this.where,
          });
        pipe.cmds.push(cmd);
        cmd = [];
        this.i++;
        continue;
      }
      cmd.push(this.operand());
    }
    if (cmd.length) pipe.cmds.push(cmd);
    if (!pipe.cmds.length && !pipe.decl.length)
      throw new TemplateError('diagnostic.template.missing-value', {
        where: this.where,
      });
    return pipe;
  }

  private isOp(v: string): boolean {
    const t = this.tokens[this.i];
    return t?.k === 'op' && t.v === v;
  }

  private fieldsAfter(): string[] {
    const fields: string[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (t?.k !== 'field' || t.v === '' || !t.tight) break;
      fields.push(this.tokens[this.i].v as string);
      this.i++;
    }
    return fields;
  }

  private operand(): Arg {
    const t = this.tokens[this.i++];
    if (!t)
      throw new TemplateError('diagnostic.template.unexpected-end', {
        where: this.where,
      });
    switch (t.k) {
      case 'field': {
        const fields = t.v === '' ? [] : [t.v as string];
        fields.push(...this.fieldsAfter());
        return { t: 'field', base: 'dot', fields };
      }
      case 'var':
        return {
          t: 'field',
          base: 'var',
          name: t.v as string,
          fields: this.fieldsAfter(),
        };
      case 'lit':
        return { t: 'lit', value: t.v };
      case 'ident':
        return { t: 'ident', name: t.v as string };
      case 'op':
        if (t.v === '(') {
          const pipe = this.pipeline();
          if (!this.isOp(')'))
            throw new TemplateError('diagnostic.template.unclosed-paren', {
              where: this.where,
            });
          this.i++;
          return {
            t: 'field',
            base: 'paren',
            pipe,
            fields: this.fieldsAfter(),
          };
        }
        throw new TemplateError('diagnostic.template.unexpected-token-text', {
          where: this.where,
          token: String(t.v),
        });
      default:
        throw new TemplateError('diagnostic.template.unexpected-token', {
          where: this.where,
        });
    }
  }
}

function parsePipe(body: string, where: string): Pipe {
  const p = new PipeParser(tokenize(body, where), where);
  const pipe = p.pipeline();
  if (!p.done())
    throw new TemplateError('diagnostic.template.unexpected-close-paren', {
      where,
    });
  return pipe;
}

/** A parsed set of templates: every file and every `define`, by name. @public */
export class TemplateSet {
  readonly templates = new Map<string, Node[]>();

  /** Parses a file; its own body is registered under `name`, its defines under theirs (a later definition wins). */
  add(name: string, src: string): void {
    const pieces = split(src, name);
    let at = 0;
    const parseList = (
      stopAt: ReadonlySet<string>,
    ): { list: Node[]; stop?: string; stopBody?: string; line?: number } => {
      const list: Node[] = [];
      while (at < pieces.length) {
        const p = pieces[at++];
        if ('text' in p) {
          list.push({ t: 'text', text: p.text });
          continue;
        }
        const where = `${name}:${p.line}`;
        const kw =
          /^(if|else|end|range|with|define|template|block|break|continue)\b\s*/.exec(
            p.body,
          );
        const word = kw?.[1];
        const rest = kw ? p.body.slice(kw[0].length) : p.body;
        if (word === 'end' || word === 'else') {
          if (!stopAt.has(word))
            throw new TemplateError('diagnostic.template.unexpected-keyword', {
              where,
              action: `{{${word}}}`,
            });
          return { list, stop: word, stopBody: rest, line: p.line };
        }
        if (word === 'if' || word === 'with' || word === 'range') {
          list.push(control(word, rest, where));
          continue;
        }
        if (word === 'define' || word === 'block') {
          const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(.*)$/s.exec(rest);
          if (!m)
            throw new TemplateError('diagnostic.template.needs-name', {
              where,
              keyword: word,
            });
          const tname = tokenize(m[1], where)[0].v as string;
          const body = parseList(new Set(['end']));
          if (body.stop !== 'end')
            throw new TemplateError('diagnostic.template.unclosed-block', {
              where,
              keyword: word,
            });
          this.templates.set(tname, body.list);
          if (word === 'block')
            list.push({
              t: 'template',
              name: tname,
              ...(m[2].trim() ? { pipe: parsePipe(m[2], where) } : {}),
            });
          continue;
        }
        if (word === 'template') {
          const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(.*)$/s.exec(rest);
          if (!m)
            throw new TemplateError('diagnostic.template.template-needs-name', {
              where,
            });
          const tname = tokenize(m[1], where)[0].v as string;
          list.push({
            t: 'template',
            name: tname,
            ...(m[2].trim() ? { pipe: parsePipe(m[2], where) } : {}),
          });
          continue;
        }
        if (word === 'break' || word === 'continue') {
          list.push({ t: word });
          continue;
        }
        list.push({ t: 'action', pipe: parsePipe(p.body, where) });
      }
      return { list };
    };
    const control = (
      word: 'if' | 'with' | 'range',
      rest: string,
      where: string,
    ): Node => {
      const node: ControlNode = {
        t: word,
        pipe: parsePipe(rest, where),
        list: [],
      };
      const body = parseList(new Set(['end', 'else']));
      node.list = body.list;
      if (body.stop === 'else') {
        const chained = /^(if|with)\b\s*/.exec(body.stopBody ?? '');
        if (chained) {
          // `else if …` / `else with …`: a nested control that closes with the same end.
          node.else = [
            control(
              chained[1] as 'if' | 'with',
              body.stopBody!.slice(chained[0].length),
              where,
            ),
          ];
          return node;
        }
        const tail = parseList(new Set(['end']));
        if (tail.stop !== 'end')
          throw new TemplateError('diagnostic.template.unclosed-block', {
            where,
            keyword: word,
          });
        node.else = tail.list;
      } else if (body.stop !== 'end')
        throw new TemplateError('diagnostic.template.unclosed-block', {
          where,
          keyword: word,
        });
      return node;
    };
    const top = parseList(new Set());
    this.templates.set(name, top.list);
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }
}

// ---------------------------------------------------------------- executing

class Break {}
class Continue {}

/** Go's truth: false, 0, nil, and empty strings, lists and maps are false. @public */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** How Go's fmt prints a value with %v. @public */
export function printValue(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v))
    return `[${v
      .map(x => (x === null || x === undefined ? '<nil>' : printValue(x)))
      .join(' ')}]`;
  if (typeof v === 'function') return '';
  if (typeof v === 'object')
    return `map[${Object.keys(v as object)
      .sort()
      .map(k => `${k}:${printValue((v as any)[k])}`)
      .join(' ')}]`;
  return String(v);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const s = String(n);
  // Go prints large and small floats with an exponent of at least two digits: 1e+21, 1e-07.
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

type Scope = Array<Map<string, unknown>>;

/** Executes templates of a set with a function table. @public */
export class Executor {
  /** Guards against runaway recursion through include/template. */
  private depth = 0;

  constructor(
    readonly set: TemplateSet,
    readonly funcs: Record<string, TemplateFunction>,
  ) {}

  /** Renders the template `name` with `data` as dot and `$`. */
  run(name: string, data: unknown): string {
    const list = this.set.templates.get(name);
    if (!list)
      throw new TemplateError('diagnostic.template.no-template', { name });
    if (++this.depth > 200) {
      this.depth = 0;
      throw new TemplateError('diagnostic.template.too-deep', { name });
    }
    try {
      const out: string[] = [];
      this.list(list, data, [new Map([['$', data]])], out);
      return out.join('');
    } finally {
      this.depth--;
    }
  }

  private list(nodes: Node[], dot: unknown, scope: Scope, out: string[]): void {
    for (const n of nodes) this.node(n, dot, scope, out);
  }

  private node(n: Node, dot: unknown, scope: Scope, out: string[]): void {
    switch (n.t) {
      case 'text':
        out.push(n.text);
        return;
      case 'action': {
        const v = this.pipe(n.pipe, dot, scope);
        if (!n.pipe.decl.length) out.push(printValue(v));
        return;
      }
      case 'if': {
        const inner: Scope = [...scope, new Map()];
        const v = this.pipe(n.pipe, dot, inner);
        if (truthy(v)) this.list(n.list, dot, inner, out);
        else if (n.else) this.list(n.else, dot, inner, out);
        return;
      }
      case 'with': {
        const inner: Scope = [...scope, new Map()];
        const v = this.pipe(n.pipe, dot, inner);
        if (truthy(v)) this.list(n.list, v, inner, out);
        else if (n.else) this.list(n.else, dot, inner, out);
        return;
      }
      case 'range': {
        this.range(n, dot, scope, out);
        return;
      }
      case 'template': {
        const data = n.pipe ? this.pipe(n.pipe, dot, scope) : undefined;
        out.push(this.run(n.name, data));
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      default:
        return;
    }
  }

  private range(
    n: ControlNode,
    dot: unknown,
    scope: Scope,
    out: string[],
  ): void {
    const inner: Scope = [...scope, new Map()];
    // The declared variables get the index/key and element, not the whole value.
    const value = this.pipe({ ...n.pipe, decl: [] }, dot, inner);
    let entries: Array<[unknown, unknown]> = [];
    if (Array.isArray(value)) entries = value.map((v, i) => [i, v]);
    else if (typeof value === 'number')
      entries = Array.from(
        { length: Math.max(0, Math.floor(value)) },
        (_v, i) => [i, i],
      );
    else if (value && typeof value === 'object')
      entries = Object.keys(value)
        .sort()
        .map(k => [k, (value as any)[k]]);
    if (entries.length === 0) {
      if (n.else) this.list(n.else, dot, inner, out);
      return;
    }
    for (const [k, v] of entries) {
      const iter: Scope = [...scope, new Map()];
      const decl = n.pipe.decl;
      if (decl.length === 1) iter[iter.length - 1].set(decl[0], v);
      else if (decl.length >= 2) {
        iter[iter.length - 1].set(decl[0], k);
        iter[iter.length - 1].set(decl[1], v);
      }
      try {
        this.list(n.list, v, iter, out);
      } catch (e) {
        if (e instanceof Break) break;
        if (e instanceof Continue) continue;
        throw e;
      }
    }
  }

  private pipe(p: Pipe, dot: unknown, scope: Scope): unknown {
    let v: unknown;
    let first = true;
    for (const cmd of p.cmds) {
      v = this.command(cmd, dot, scope, first ? undefined : { value: v });
      first = false;
    }
    if (p.decl.length) {
      const name = p.decl[p.decl.length - 1];
      if (p.assign) {
        const owner = [...scope].reverse().find(s => s.has(name));
        (owner ?? scope[scope.length - 1]).set(name, v);
      } else scope[scope.length - 1].set(name, v);
    }
    return v;
  }

  private command(
    cmd: Arg[],
    dot: unknown,
    scope: Scope,
    piped: { value: unknown } | undefined,
  ): unknown {
    const [head, ...rest] = cmd;
    if (head.t === 'ident') {
      const name = head.name;
      // and/or evaluate their arguments lazily, as Go does.
      if (name === 'and' || name === 'or') {
        const args: Array<() => unknown> = rest.map(
          a => () => this.arg(a, dot, scope),
        );
        if (piped) args.push(() => piped.value);
        let last: unknown;
        for (const a of args) {
          last = a();
          if (name === 'and' ? !truthy(last) : truthy(last)) return last;
        }
        return last;
      }
      const f = this.funcs[name];
      if (!f)
        throw new TemplateError('diagnostic.template.function-undefined', {
          name,
        });
      const args = rest.map(a => this.arg(a, dot, scope));
      if (piped) args.push(piped.value);
      return f(...args);
    }
    if (head.t === 'field' && rest.length + (piped ? 1 : 0) > 0) {
      // A method call: `.Capabilities.APIVersions.Has "apps/v1"`, `.Files.Get "x"`.
      const args = rest.map(a => this.arg(a, dot, scope));
      if (piped) args.push(piped.value);
      return this.field(head, dot, scope, args);
    }
    if (piped && head.t !== 'field')
      throw new TemplateError('diagnostic.template.not-a-function');
    return this.arg(head, dot, scope);
  }

  private arg(a: Arg, dot: unknown, scope: Scope): unknown {
    if (a.t === 'lit') return a.value;
    if (a.t === 'ident') {
      const f = this.funcs[a.name];
      if (!f)
        throw new TemplateError('diagnostic.template.function-undefined', {
          name: String(a.name),
        });
      return f();
    }
    return this.field(a, dot, scope, undefined);
  }

  private field(
    a: Extract<Arg, { t: 'field' }>,
    dot: unknown,
    scope: Scope,
    callArgs: unknown[] | undefined,
  ): unknown {
    let v: unknown;
    if (a.base === 'dot') v = dot;
    else if (a.base === 'paren') v = this.pipe(a.pipe!, dot, scope);
    else {
      const owner = [...scope].reverse().find(s => s.has(a.name!));
      if (!owner)
        throw new TemplateError('diagnostic.template.undefined-variable', {
          name: String(a.name),
        });
      v = owner.get(a.name!);
    }
    for (let i = 0; i < a.fields.length; i++) {
      const last = i === a.fields.length - 1;
      v = fieldOf(v, a.fields[i], last ? callArgs : undefined);
    }
    if (callArgs && a.fields.length === 0 && typeof v === 'function')
      return v(...callArgs);
    return v;
  }
}

function fieldOf(
  v: unknown,
  name: string,
  args: unknown[] | undefined,
): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return undefined;
  const f = (v as any)[name];
  if (typeof f === 'function') return f.apply(v, args ?? []);
  if (!Object.prototype.hasOwnProperty.call(v, name)) return undefined;
  return f;
}
