/**
 * `replacements`: copy a field of one object (the source) into fields of
 * others (the targets), the last transformer of a kustomization, as
 * kustomize's ReplacementTransformer does it:
 *
 * - the source is the one object selected by gvk/name/namespace among all
 *   ids an object has had; its field must exist and not be empty;
 * - targets are selected the same way (plus label and annotation selectors,
 *   and `reject`), and every path must reach a field unless `create` is set;
 * - a scalar target keeps its own type: only the text is copied (kyaml sets
 *   the node's value, not its tag), so `replicas: 1` stays a number while a
 *   string target receives "8080" as a string; a created field or a map or
 *   list target takes the source value whole;
 * - `options.delimiter`/`index` pick a part of the source or replace a part
 *   of the target.
 *
 * Entries may live in files (`path:`), holding one replacement or a list.
 */
import type { RenderContext } from './context';
import type { Kustomization } from './kustfile';
import {
  FieldRef,
  lookup,
  matchTargets,
  NodeKind,
  splitFieldPath,
} from './fieldpath';
import { resolveRefFile } from './refFile';
import {
  curId,
  describeId,
  effectiveNamespace,
  isEmptyObject,
  isMap,
  prevIds,
  Res,
  ResId,
} from './resource';
import { matchesLabelSelector, parseLabelSelector } from './selector';
import { cloneDeep, isNullish, readYamlFile, resolveGoScalar } from './yaml';
import type { MessageParam } from '@internal/plugin-twelve-factor-common';
import { errorDetail, MessageError } from '../engine/diagnostic';

interface IdSelector {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

interface Selector extends IdSelector {
  labelSelector: string;
  annotationSelector: string;
}

interface FieldOptions {
  delimiter: string;
  index: number;
  create: boolean;
}

interface Target {
  select?: Selector;
  reject: Selector[];
  fieldPaths: string[];
  options: FieldOptions;
}

interface Replacement {
  source?: IdSelector & { fieldPath: string; options: FieldOptions };
  targets?: Target[];
}

class ReplacementError extends MessageError {}

function str(v: unknown): string {
  return typeof v === 'string' ? v : isNullish(v) ? '' : String(v);
}

function idSelector(v: Record<string, any>): IdSelector {
  return {
    group: str(v.group),
    version: str(v.version),
    kind: str(v.kind),
    name: str(v.name),
    namespace: str(v.namespace),
  };
}

function selector(v: unknown): Selector | undefined {
  if (!isMap(v)) return undefined;
  return {
    ...idSelector(v),
    labelSelector: str(v.labelSelector),
    annotationSelector: str(v.annotationSelector),
  };
}

function options(v: unknown): FieldOptions {
  const o = isMap(v) ? v : {};
  return {
    delimiter: str(o.delimiter),
    index: typeof o.index === 'number' ? o.index : Number(o.index ?? 0) || 0,
    create: o.create === true,
  };
}

function parseReplacement(v: unknown): Replacement {
  if (!isMap(v))
    throw new ReplacementError('diagnostic.kustomize.replacement.not-a-map');
  const r: Replacement = {};
  if (isMap(v.source))
    r.source = {
      ...idSelector(v.source),
      fieldPath: str(v.source.fieldPath),
      options: options(v.source.options),
    };
  if (Array.isArray(v.targets))
    r.targets = v.targets.filter(isMap).map(t => ({
      select: selector(t.select),
      reject: Array.isArray(t.reject)
        ? t.reject.map(selector).filter((s): s is Selector => !!s)
        : [],
      fieldPaths: Array.isArray(t.fieldPaths) ? t.fieldPaths.map(str) : [],
      options: options(t.options),
    }));
  return r;
}

/** The replacements of a kustomization, with those in `path:` files read in. */
function loadReplacements(ctx: RenderContext, k: Kustomization): Replacement[] {
  const out: Replacement[] = [];
  for (const entry of k.replacements) {
    if (isMap(entry) && entry.path !== undefined && entry.path !== null) {
      if (entry.source !== undefined || entry.targets !== undefined) {
        ctx.report(
          'error',
          'diagnostic.kustomize.replacement.path-and-inline',
          undefined,
          k.path,
        );
        continue;
      }
      const path = resolveRefFile(ctx, k, str(entry.path), 'replacement');
      if (path === undefined) continue;
      const parsed = readYamlFile(ctx.snapshot, path)!;
      if (parsed.errors.length > 0) {
        ctx.report(
          'error',
          'diagnostic.kustomize.replacement.malformed',
          { detail: parsed.errors[0] },
          path,
        );
        continue;
      }
      const value = parsed.docs[0]?.value;
      try {
        if (Array.isArray(value)) out.push(...value.map(parseReplacement));
        else if (isMap(value)) out.push(parseReplacement(value));
        else
          throw new ReplacementError(
            'diagnostic.kustomize.replacement.unsupported-type',
          );
      } catch (e) {
        ctx.report(
          'error',
          'diagnostic.kustomize.replacement.invalid',
          errorDetail(e),
          path,
        );
      }
      continue;
    }
    try {
      out.push(parseReplacement(entry));
    } catch (e) {
      ctx.report(
        'error',
        'diagnostic.kustomize.replacement.invalid',
        errorDetail(e),
        k.path,
      );
    }
  }
  return out;
}

function idsOf(r: Res): ResId[] {
  return [curId(r), ...prevIds(r)];
}

/** kyaml's ResId.IsSelectedBy: empty selector fields match anything; the namespace compares effective namespaces. */
function isSelectedBy(id: ResId, s: IdSelector): boolean {
  if (s.name && s.name !== id.name) return false;
  if (s.namespace) {
    const sel: ResId = { ...s, ns: s.namespace };
    if (effectiveNamespace(sel) !== effectiveNamespace(id)) return false;
  }
  if (s.group && s.group !== id.group) return false;
  if (s.version && s.version !== id.version) return false;
  if (s.kind && s.kind !== id.kind) return false;
  return true;
}

function describe(s: IdSelector): MessageParam {
  const gvk = [s.group, s.version, s.kind].filter(Boolean).join('/');
  const selected = `${gvk || '*'} ${s.name || '*'}`;
  return s.namespace
    ? {
        id: 'diagnostic.kustomize.replacement.selector-in-namespace',
        params: { selector: selected, ns: s.namespace },
      }
    : selected;
}

function matchesSelectors(r: Res, s: Selector): boolean {
  if (
    s.labelSelector &&
    !matchesLabelSelector(
      r.obj.metadata?.labels,
      parseLabelSelector(s.labelSelector),
    )
  )
    return false;
  if (
    s.annotationSelector &&
    !matchesLabelSelector(
      r.obj.metadata?.annotations,
      parseLabelSelector(s.annotationSelector),
    )
  )
    return false;
  return true;
}

function scalarTextOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function kindOf(v: unknown): NodeKind {
  if (Array.isArray(v)) return 'seq';
  return isMap(v) ? 'map' : 'scalar';
}

/** A plain YAML scalar read back (what a non-string target holding new text prints as). */
function plainValue(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === '' || text === 'null' || text === '~') return null;
  return resolveGoScalar(text);
}

function sourceValue(list: Res[], r: Replacement): unknown {
  const src = r.source!;
  const matches = list.filter(
    x => !isEmptyObject(x.obj) && idsOf(x).some(id => isSelectedBy(id, src)),
  );
  if (matches.length > 1)
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.source-ambiguous',
      {
        source: describe(src),
      },
    );
  if (matches.length === 0)
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.source-missing',
      {
        source: describe(src),
      },
    );
  const fieldPath = src.fieldPath || 'metadata.name';
  const value = lookup(matches[0].obj, splitFieldPath(fieldPath));
  if (
    isNullish(value) ||
    (Array.isArray(value) && value.length === 0) ||
    (isMap(value) && Object.keys(value).length === 0)
  )
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.source-field-missing',
      {
        field: fieldPath,
        source: describe(src),
      },
    );
  if (!src.options.delimiter) return value;
  const t = scalarTextOf(value);
  if (t === undefined)
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.delimiter-scalar',
    );
  const parts = t.split(src.options.delimiter);
  const i = src.options.index;
  if (i >= parts.length || i < 0)
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.index-out-of-bounds',
      {
        index: i,
        value: t,
      },
    );
  return parts[i];
}

function setField(field: FieldRef, value: unknown, opts: FieldOptions): void {
  const { parent, key } = field;
  const old = parent[key];
  let v = value;
  if (opts.delimiter) {
    // A missing (just created) or empty target splits as one empty part.
    const t = isNullish(old) ? '' : scalarTextOf(old);
    if (t === undefined)
      throw new ReplacementError(
        'diagnostic.kustomize.replacement.delimiter-scalar',
      );
    const parts = t.split(opts.delimiter);
    const text = scalarTextOf(value) ?? '';
    if (opts.index < 0) parts.unshift(text);
    else if (opts.index >= parts.length) parts.push(text);
    else parts[opts.index] = text;
    v = parts.join(opts.delimiter);
  }
  if (isMap(old) || Array.isArray(old)) {
    parent[key] = cloneDeep(v);
    return;
  }
  // A scalar target takes the new text but keeps its own tag.
  const text = scalarTextOf(v);
  if (text === undefined) parent[key] = isMap(v) || Array.isArray(v) ? '' : v;
  else if (typeof old === 'string') parent[key] = text;
  else parent[key] = plainValue(text);
}

function applyToTargets(list: Res[], value: unknown, t: Target): void {
  const select = t.select;
  if (!select)
    throw new ReplacementError(
      'diagnostic.kustomize.replacement.target-select',
    );
  const fieldPaths = t.fieldPaths.length ? t.fieldPaths : ['metadata.name'];
  for (const r of list) {
    if (isEmptyObject(r.obj)) continue;
    if (!matchesSelectors(r, select)) continue;
    if (
      t.reject.some(
        rej =>
          (rej.labelSelector || rej.annotationSelector) &&
          matchesSelectors(r, rej),
      )
    )
      continue;
    const ids = idsOf(r);
    if (!ids.some(id => isSelectedBy(id, select))) continue;
    const rejected = t.reject.some(
      rej =>
        (rej.group || rej.version || rej.kind || rej.name || rej.namespace) &&
        ids.some(id => isSelectedBy(id, rej)),
    );
    if (rejected) continue;
    for (const fp of fieldPaths) {
      // A created field is a node of the source value's kind.
      const create = t.options.create ? kindOf(value) : undefined;
      let fields: FieldRef[];
      try {
        fields = matchTargets(
          { obj: r.obj },
          'obj',
          splitFieldPath(fp),
          create,
        );
      } catch (e) {
        throw new ReplacementError(
          'diagnostic.kustomize.replacement.target-field-error',
          {
            field: fp,
            ...errorDetail(e),
          },
        );
      }
      if (fields.length === 0)
        throw new ReplacementError(
          create
            ? 'diagnostic.kustomize.replacement.target-field-not-created'
            : 'diagnostic.kustomize.replacement.target-field-missing',
          { field: fp, target: describeId(curId(r)) },
        );
      for (const f of fields) setField(f, value, t.options);
    }
  }
}

/** Runs a kustomization's replacements on the accumulated resources. */
export function runReplacements(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
): void {
  if (k.replacements.length === 0) return;
  for (const r of loadReplacements(ctx, k)) {
    try {
      if (!r.source || !r.targets)
        throw new ReplacementError(
          'diagnostic.kustomize.replacement.source-and-target',
        );
      const value = sourceValue(list, r);
      for (const t of r.targets) applyToTargets(list, value, t);
    } catch (e) {
      // kustomize stops the build here; we report and go on with the next one.
      ctx.report(
        'error',
        'diagnostic.kustomize.replacement.failed',
        errorDetail(e),
        k.path,
      );
    }
  }
}
