/**
 * kyaml's dotted field paths, as `vars` (fieldref.fieldPath) and
 * `replacements` (source.fieldPath, targets[].fieldPaths) write them:
 * `spec.template.spec.containers.[name=app].image`, `ports.0.port`,
 * `metadata.annotations.[a.b/c]` (brackets keep dots), `a\.b` (an escaped
 * dot). Two readings exist in kyaml and both are here: `lookup` (the
 * source side: exact `[k=v]` matches, `-` for the last element) and
 * `matchTargets` (the target side: `[k=v]` values are unanchored regular
 * expressions, `*` visits every element, and missing fields can be created).
 */
import { MessageError } from '../engine/diagnostic';
import { isMap } from './resource';
import { isNullish } from './yaml';

/** kyaml's SmarterPathSplitter on `.`. */
export function splitFieldPath(path: string): string[] {
  let ps = path.split('.');
  if (ps.length > 1 && ps[0] === '') ps = ps.slice(1);
  const parts: string[] = [ps[0]];
  for (let i = 1; i < ps.length; i++) {
    const last = parts.length - 1;
    if (parts[last].endsWith('\\'))
      parts[last] = `${parts[last].slice(0, -1)}.${ps[i]}`;
    else parts.push(ps[i]);
  }
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const elem = parts[i];
    if (elem.startsWith('[') && !elem.endsWith(']')) {
      const bracketed = [elem];
      while (i < parts.length - 1) {
        i++;
        bracketed.push(parts[i]);
        if (parts[i].endsWith(']')) break;
      }
      const joined = bracketed.join('.');
      out.push(
        joined.includes('=') ? joined : joined.replace(/^\[+|\]+$/g, ''),
      );
    } else out.push(elem);
  }
  return out;
}

/** `ports[0]` becomes `ports`, `0` (vars' field paths allow that spelling). */
export function splitSliceIndexes(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const m = p.endsWith(']') ? /^(.*)\[(\d+)\]$/.exec(p) : null;
    if (!m) out.push(p);
    else {
      if (m[1] !== '') out.push(m[1]);
      out.push(m[2]);
    }
  }
  return out;
}

const isListIndex = (p: string) => p.startsWith('[') && p.endsWith(']');
const isIdxNumber = (p: string) => /^[+-]?\d+$/.test(p) && Number(p) >= 0;

/** `[name=value]` into its name and value; kyaml requires the `=`. */
function splitIndexNameValue(p: string): [string, string] {
  const elem = p.replace(/\]$/, '').replace(/^\[/, '');
  const i = elem.indexOf('=');
  if (i < 0)
    throw new MessageError('diagnostic.kustomize.field-path.list-element');
  return [elem.slice(0, i), elem.slice(i + 1)];
}

/** The text of a scalar as kyaml compares it (maps and lists have none). */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * kyaml's Lookup (PathGetter) without creation: the value at the path, or
 * undefined when a step is missing. Throws on paths kyaml refuses.
 */
export function lookup(obj: unknown, parts: string[]): unknown {
  let cur: unknown = obj;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    if (isNullish(cur)) return undefined;
    if (/^[+-]?\d+$/.test(part)) {
      const idx = Number(part);
      if (idx < 0)
        throw new MessageError(
          'diagnostic.kustomize.field-path.negative-index',
          { index: idx },
        );
      if (!Array.isArray(cur)) return undefined;
      cur = cur[idx];
    } else if (part === '-') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[cur.length - 1];
    } else if (part === '*') {
      throw new MessageError('diagnostic.kustomize.field-path.wildcard');
    } else if (isListIndex(part)) {
      const [name, value] = splitIndexNameValue(part);
      if (!Array.isArray(cur)) return undefined;
      cur = cur.find(el =>
        name === ''
          ? text(el) === value
          : isMap(el) && text(el[name]) === value,
      );
    } else {
      if (!isMap(cur)) return undefined;
      cur = cur[part];
    }
  }
  return cur;
}

/** A field a target path reached: its container and key. */
export interface FieldRef {
  parent: any;
  key: string | number;
}

export type NodeKind = 'scalar' | 'map' | 'seq';

function emptyOf(kind: NodeKind): unknown {
  if (kind === 'map') return {};
  if (kind === 'seq') return [];
  return null;
}

/** kyaml's getPathPartKind: what to create for a missing step. */
function kindFor(next: string | undefined, leaf: NodeKind): NodeKind {
  if (next === undefined) return leaf;
  if (isListIndex(next) || isIdxNumber(next)) return 'seq';
  return 'map';
}

/**
 * kyaml's PathMatcher: every field the path reaches from `node` (held at
 * parent[key]). With `create`, missing map fields, list elements selected by
 * `[k=v]` and the element just past the end of a list are created, the last
 * step as a node of that kind. Throws where kyaml fails.
 */
export function matchTargets(
  parent: any,
  key: string | number,
  parts: string[],
  create?: NodeKind,
): FieldRef[] {
  const out: FieldRef[] = [];
  const walk = (p: any, k: string | number, i: number): void => {
    const node = p[k];
    if (i === parts.length) {
      out.push({ parent: p, key: k });
      return;
    }
    const part = parts[i];
    const next = parts[i + 1];
    if (isIdxNumber(part)) {
      if (!Array.isArray(node))
        throw new MessageError(
          'diagnostic.kustomize.field-path.expected-list',
          {
            path: parts.slice(0, i).join('.'),
          },
        );
      const idx = Number(part);
      if (idx === node.length && create)
        node.push(emptyOf(kindFor(next, create)));
      if (node.length < idx + 1)
        throw new MessageError(
          'diagnostic.kustomize.field-path.index-out-of-range',
          {
            index: idx,
            n: node.length,
          },
        );
      walk(node, idx, i + 1);
    } else if (isListIndex(part)) {
      const [name, value] = splitIndexNameValue(part);
      if (!Array.isArray(node)) return;
      const re = new RegExp(value);
      const visit = () => {
        let found = false;
        node.forEach((el, j) => {
          if (name === '') {
            const t = text(el);
            if (t === undefined || !re.test(t.trim())) return;
          } else {
            const t = isMap(el) ? text(el[name]) : undefined;
            if (t === undefined || !re.test(t.trim())) return;
          }
          found = true;
          walk(node, j, i + 1);
        });
        return found;
      };
      if (!visit() && create) {
        node.push(name === '' ? value : { [name]: value });
        visit();
      }
    } else if (part === '*') {
      if (Array.isArray(node)) node.forEach((_el, j) => walk(node, j, i + 1));
    } else {
      if (!isMap(node)) return;
      if (node[part] === undefined) {
        if (!create) return;
        node[part] = emptyOf(kindFor(next, create));
      }
      walk(node, part, i + 1);
    }
  };
  walk(parent, key, 0);
  return out;
}
