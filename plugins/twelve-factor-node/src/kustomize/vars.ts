/**
 * `vars` (deprecated in kustomize, still common): `$(NAME)` in the fields
 * kustomize's varReference lists (container args, command, env values, ...)
 * is replaced by a field of another object.
 *
 * In kustomize's order: a kustomization's vars are tied to the object their
 * objref names once its own transformers have run (so the object is found by
 * any name it has had); vars of included kustomizations travel up with their
 * objects; and only at the top, after content hashes and name-reference
 * fixes, each var takes its value from the object's final state and the
 * references are expanded.
 */
import type { RenderContext } from './context';
import type { FieldSpec } from './fieldspec';
import { visitFieldSpec } from './fieldspec';
import { lookup, splitFieldPath, splitSliceIndexes } from './fieldpath';
import { gvkOf, isClusterScoped } from './gvk';
import { anyId } from './resmap';
import { idEquals, isEmptyObject, isMap, Res, ResId } from './resource';
import { isNullish } from './yaml';
import type { DiagnosticMessageId } from '@internal/plugin-twelve-factor-common';
import { errorDetail, MessageError } from '../engine/diagnostic';

export interface VarDef {
  name: string;
  /** The object: its gvk and name, and a namespace when given. */
  objref: ResId;
  fieldPath: string;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : isNullish(v) ? '' : String(v);
}

/**
 * A field of a decoded map. kustomize reads vars through JSON decoding,
 * whose field names match case-insensitively: `fieldpath` works too.
 */
function field(m: Record<string, any>, name: string): unknown {
  if (name in m) return m[name];
  const lower = name.toLowerCase();
  const key = Object.keys(m).find(k => k.toLowerCase() === lower);
  return key === undefined ? undefined : m[key];
}

/** A kustomization's `vars:` list; problems are returned as message ids. */
export function parseVars(raw: unknown): {
  vars: VarDef[];
  errors: DiagnosticMessageId[];
} {
  const vars: VarDef[] = [];
  const errors: DiagnosticMessageId[] = [];
  if (!Array.isArray(raw)) return { vars, errors };
  for (const v of raw) {
    if (!isMap(v) || !str(field(v, 'name'))) {
      errors.push('diagnostic.kustomize.var-unnamed');
      continue;
    }
    const objref = field(v, 'objref');
    const o = isMap(objref) ? objref : {};
    let group = str(field(o, 'group'));
    let version = str(field(o, 'version'));
    // An apiVersion overrides group and version (kustomize's Target.GVK).
    const apiVersion = str(field(o, 'apiVersion'));
    if (apiVersion) {
      const parts = apiVersion.split('/');
      if (parts.length === 2) [group, version] = parts;
      else if (parts.length === 1) version = parts[0];
    }
    const fieldref = field(v, 'fieldref');
    const fieldPath = isMap(fieldref) ? str(field(fieldref, 'fieldPath')) : '';
    vars.push({
      name: str(field(v, 'name')),
      objref: {
        group,
        version,
        kind: str(field(o, 'kind')),
        name: str(field(o, 'name')),
        ns: str(field(o, 'namespace')),
      },
      fieldPath: fieldPath || 'metadata.name',
    });
  }
  return { vars, errors };
}

/** Adds vars to a set; a name may be declared once in a whole build. */
export function mergeVarSet(
  ctx: RenderContext,
  set: VarDef[],
  incoming: VarDef[],
  where: string,
): void {
  for (const v of incoming) {
    if (set.some(x => x.name === v.name)) {
      ctx.report(
        'error',
        'diagnostic.kustomize.var-repeated',
        { name: v.name },
        where,
      );
      continue;
    }
    set.push(v);
  }
}

/** Ties a kustomization's own vars to the objects they name (kustomize's MergeVars). */
export function attachVars(
  ctx: RenderContext,
  list: Res[],
  vars: VarDef[],
  where: string,
): void {
  for (const v of vars) {
    const target = v.objref;
    // Without a namespace any namespace matches (for namespaced kinds).
    const withNs = target.ns !== '' || isClusterScoped(target);
    const matches = list.filter(
      r =>
        !isEmptyObject(r.obj) &&
        anyId(r, id =>
          withNs
            ? idEquals(id, target)
            : id.name === target.name &&
              id.group === target.group &&
              id.version === target.version &&
              id.kind === target.kind,
        ),
    );
    if (matches.length > 1) {
      ctx.report(
        'error',
        'diagnostic.kustomize.var-ambiguous',
        { n: matches.length, name: v.name },
        where,
      );
      continue;
    }
    if (matches.length === 1) (matches[0].refVars ??= []).push(v.name);
  }
}

type Primitive = string | number | boolean;

/** kustomize's expansion: `$(NAME)` replaced, `$$` an escaped `$`; a whole-value reference keeps the value's type. */
export function expandVars(
  input: string,
  lookupVar: (name: string) => Primitive | undefined,
): Primitive {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') {
      out += '$';
    } else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        const value = lookupVar(name);
        const mapped = value === undefined ? `$(${name})` : value;
        if (input === `$(${name})`) return mapped;
        out += String(mapped);
        advance = close + 1;
      }
    } else {
      out += `$${rest[0]}`;
    }
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** kyaml's GetFieldValue: a scalar keeps its type; maps and lists are not usable as values. */
function fieldValue(r: Res, fieldPath: string): unknown {
  return lookup(r.obj, splitSliceIndexes(splitFieldPath(fieldPath)));
}

/** Resolves the build's vars and expands `$(NAME)` references (kustomize's ResolveVars). */
export function resolveVars(
  ctx: RenderContext,
  list: Res[],
  vars: VarDef[],
  varReference: FieldSpec[],
  where: string,
): void {
  if (vars.length === 0) return;
  const values = new Map<string, unknown>();
  for (const v of vars) {
    const r = list.find(x => x.refVars?.includes(v.name));
    if (!r) {
      ctx.report(
        'error',
        'diagnostic.kustomize.var-unmapped',
        { name: v.name },
        where,
      );
      continue;
    }
    let value: unknown;
    try {
      value = fieldValue(r, v.fieldPath);
    } catch {
      value = undefined;
    }
    if (value === undefined) {
      ctx.report(
        'error',
        'diagnostic.kustomize.var-field-missing',
        { name: v.name, field: v.fieldPath },
        where,
      );
      continue;
    }
    values.set(v.name, value);
  }
  if (values.size === 0) return;
  // Only primitives replace; a map or list leaves the reference as written.
  const lookupVar = (name: string): Primitive | undefined => {
    const v = values.get(name);
    return typeof v === 'string' ||
      typeof v === 'number' ||
      typeof v === 'boolean'
      ? v
      : undefined;
  };
  const expand = (parent: any, key: string | number) => {
    const node = parent[key];
    if (isNullish(node)) return;
    if (typeof node === 'string') parent[key] = expandVars(node, lookupVar);
    else if (Array.isArray(node)) {
      if (node.some(x => typeof x !== 'string'))
        throw new MessageError('diagnostic.kustomize.var-not-strings');
      for (let i = 0; i < node.length; i++)
        node[i] = expandVars(node[i], lookupVar);
    } else if (isMap(node)) {
      for (const k of Object.keys(node))
        if (typeof node[k] === 'string')
          node[k] = expandVars(node[k], lookupVar);
    }
  };
  for (const r of list) {
    if (isEmptyObject(r.obj)) continue;
    const gvk = gvkOf(r.obj);
    for (const fs of varReference) {
      try {
        visitFieldSpec(r.obj, fs, undefined, expand, gvk);
      } catch (e) {
        ctx.report(
          'error',
          'diagnostic.kustomize.vars-failed',
          {
            field: fs.path,
            kind: String(r.obj.kind),
            name: String(r.obj.metadata?.name),
            ...errorDetail(e),
          },
          where,
        );
      }
    }
  }
}
