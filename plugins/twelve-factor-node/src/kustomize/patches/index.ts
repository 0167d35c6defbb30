/**
 * The patch transformers of a kustomization: `patches` (strategic merge or
 * JSON 6902, inline or from a file, with optional target selectors) and the
 * deprecated `patchesStrategicMerge` and `patchesJson6902`.
 */
import type { RenderContext } from '../context';
import type { Kustomization, PatchSpec } from '../kustfile';
import { resolveRefFile } from '../refFile';
import { matchingByAnyId } from '../resmap';
import {
  curId,
  describeId,
  getName,
  getNamespace,
  hasBuildAnnotations,
  isEmptyObject,
  isMap,
  KObject,
  meta,
  Res,
  ResId,
  scalarText,
  setName,
  setNamespace,
  storePreviousId,
} from '../resource';
import { CompiledSelector, TargetSelector } from '../selector';
import {
  cloneDeep,
  isNullish,
  nullifyEmpty,
  parseInlineYaml,
  parseYamlDocsRawAnnotations,
  readYamlFile,
} from '../yaml';
import type { ParsedFile } from '../yaml';
import {
  applyJsonPatch,
  decodeJsonPatch,
  JsonPatchError,
  JsonPatchOp,
} from './json6902';
import { MergeError, strategicMerge } from './strategicMerge';
import { gvkOf } from '../gvk';
import type { DiagnosticMessageId } from '@internal/plugin-twelve-factor-common';
import { errorDetail } from '../../engine/diagnostic';

/** A patch read from a kustomization: strategic merge objects (a file may hold several) or JSON ops. */
type LoadedPatch =
  | { kind: 'sm'; objs: KObject[]; hasEmpty: boolean; text: string }
  | { kind: 'json'; ops: JsonPatchOp[] };

interface PatchOptions {
  allowNameChange?: boolean;
  allowKindChange?: boolean;
}

function readPatchFile(
  ctx: RenderContext,
  k: Kustomization,
  ref: string,
): { path: string } | undefined {
  const full = resolveRefFile(ctx, k, ref, 'patch');
  return full === undefined ? undefined : { path: full };
}

/** Objects of a patch document set; List kinds expanded, like kustomize's resource reader. */
function patchObjects(values: unknown[]): {
  objects: KObject[];
  error?: DiagnosticMessageId;
} {
  const objects: KObject[] = [];
  const queue = [...values];
  while (queue.length > 0) {
    const v = queue.shift();
    if (isNullish(v)) continue;
    if (!isMap(v))
      return {
        objects,
        error: 'diagnostic.kustomize.patch.document-not-a-map',
      };
    const kind = scalarText(v.kind);
    if (!kind)
      return { objects, error: 'diagnostic.kustomize.patch.kind-missing' };
    if (kind.endsWith('List')) {
      if (Array.isArray(v.items)) queue.push(...v.items);
      continue;
    }
    if (!scalarText(v.metadata?.name))
      return { objects, error: 'diagnostic.kustomize.patch.name-missing' };
    objects.push(v);
  }
  return { objects };
}

/** Reads a `patches` entry and decides whether it is a strategic merge or a JSON patch. */
function loadPatch(
  ctx: RenderContext,
  k: Kustomization,
  spec: PatchSpec,
): LoadedPatch | undefined {
  if (spec.path === undefined && spec.patch === undefined) {
    ctx.report(
      'error',
      'diagnostic.kustomize.patch.needs-patch-or-path',
      undefined,
      k.path,
    );
    return undefined;
  }
  if (spec.path !== undefined && spec.patch !== undefined) {
    ctx.report(
      'error',
      'diagnostic.kustomize.patch.patch-and-path',
      undefined,
      k.path,
    );
    return undefined;
  }
  let where = k.path;
  let parsed: ParsedFile;
  let text: string;
  if (spec.path !== undefined) {
    const file = readPatchFile(ctx, k, spec.path);
    if (!file) return undefined;
    where = file.path;
    parsed = readYamlFile(ctx.snapshot, file.path)!;
    text = ctx.snapshot.read(file.path)!;
  } else {
    text = spec.patch!.trim();
    parsed = parseInlineYaml(ctx.snapshot, text);
  }
  const docs = parsed.docs.map(d => d.value);
  const errors = parsed.errors;
  if (errors.length > 0) {
    ctx.report(
      'error',
      'diagnostic.kustomize.patch.malformed',
      { detail: errors[0] },
      where,
    );
    return undefined;
  }
  const first = docs.find(d => !isNullish(d));
  if (Array.isArray(first)) {
    try {
      return { kind: 'json', ops: decodeJsonPatch(first) };
    } catch (e) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.invalid-json-patch',
        errorDetail(e),
        where,
      );
      return undefined;
    }
  }
  const { objects, error } = patchObjects(docs);
  if (error || objects.length === 0) {
    ctx.report(
      'error',
      'diagnostic.kustomize.patch.invalid',
      { detail: { id: error ?? 'diagnostic.kustomize.patch.no-object' } },
      where,
    );
    return undefined;
  }
  return {
    kind: 'sm',
    objs: objects,
    hasEmpty: parsed.docs.some(d => d.hasEmpty),
    text,
  };
}

const NULL_TEXT = new Set(['null', '~', 'Null', 'NULL', '']);

/**
 * The patch objects with annotation values as YAML values: only re-read
 * when an annotation reads like a null, which must delete, not set.
 */
function rawAnnotations(p: { objs: KObject[]; text: string }): KObject[] {
  const maybeNull = p.objs.some(o => {
    const a = o.metadata?.annotations;
    return isMap(a) && Object.values(a).some(v => NULL_TEXT.has(v as string));
  });
  if (!maybeNull) return p.objs;
  const raw = patchObjects(
    parseYamlDocsRawAnnotations(p.text).docs.map(d => d.value),
  ).objects;
  return raw.length === p.objs.length ? raw : p.objs;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const key of Object.keys(v)) out[key] = scalarText(v[key]);
  return out;
}

/**
 * kustomize's resmap-level ApplySmPatch copies the patch and runs it through
 * SetLabels/SetAnnotations first, which turns their values into strings and
 * drops empty maps; the patch then takes the target's apiVersion.
 */
function preparePatchCopy(patch: KObject, target: KObject): KObject {
  const copy = cloneDeep(patch);
  for (const field of ['labels', 'annotations'] as const) {
    const m = stringMap(copy.metadata?.[field]);
    if (Object.keys(m).length === 0) {
      if (isMap(copy.metadata)) delete copy.metadata[field];
    } else {
      meta(copy)[field] = m;
    }
  }
  if (target.apiVersion !== undefined) copy.apiVersion = target.apiVersion;
  else delete copy.apiVersion;
  return copy;
}

/** Resource-level ApplySmPatch: merge, then restore kind, name and namespace. */
function applySmPatch(
  ctx: RenderContext,
  r: Res,
  patch: KObject,
  options: PatchOptions,
  where: string,
  hasEmpty: boolean,
): void {
  // A replaced list can carry the patch's empty values into the object.
  if (hasEmpty) r.mayHaveEmpty = true;
  const name = getName(r.obj);
  const ns = getNamespace(r.obj);
  const kind = r.obj.kind;
  if (options.allowNameChange || options.allowKindChange) storePreviousId(r);
  let merged: KObject | undefined;
  try {
    merged = strategicMerge(r.obj, patch);
  } catch (e) {
    if (e instanceof MergeError) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.merge-failed',
        { object: describeId(curId(r)), ...errorDetail(e) },
        where,
      );
      return;
    }
    throw e;
  }
  if (!merged || isEmptyObject(merged)) {
    r.obj = {};
    return;
  }
  // The merge works in place. When it hands back another object (a top-level
  // `$patch: replace`), kustomize keeps the resource's own node, i.e. the
  // patch has no effect; so do we.
  const obj = r.obj;
  if (!options.allowKindChange) obj.kind = kind;
  if (!options.allowNameChange) setName(obj, name);
  setNamespace(obj, ns);
}

function removeDeleted(list: Res[]): void {
  for (let i = list.length - 1; i >= 0; i--)
    if (isEmptyObject(list[i].obj)) list.splice(i, 1);
}

function select(
  ctx: RenderContext,
  list: Res[],
  target: TargetSelector,
  where: string,
): Res[] | undefined {
  let sel: CompiledSelector;
  try {
    sel = new CompiledSelector(target);
  } catch (e) {
    ctx.report(
      'error',
      'diagnostic.kustomize.patch.invalid-target',
      errorDetail(e),
      where,
    );
    return undefined;
  }
  return list.filter(r => !isEmptyObject(r.obj) && sel.matches(r));
}

function patchId(obj: KObject): ResId {
  const g = gvkOf(obj);
  return { ...g, name: getName(obj), ns: getNamespace(obj) };
}

/** The one resource a target-less strategic merge patch applies to, found by its id. */
function findById(
  ctx: RenderContext,
  list: Res[],
  patch: KObject,
  where: string,
): Res | undefined {
  const id = patchId(patch);
  const matches = matchingByAnyId(list, id);
  if (matches.length === 1) return matches[0];
  ctx.report(
    'error',
    matches.length === 0
      ? 'diagnostic.kustomize.patch.no-match'
      : 'diagnostic.kustomize.patch.several-matches',
    { object: describeId(id) },
    where,
  );
  return undefined;
}

function applyJson(
  ctx: RenderContext,
  r: Res,
  ops: JsonPatchOp[],
  where: string,
): void {
  try {
    // Applied to a copy, so a failing operation leaves the object untouched
    // (kustomize applies JSON patches to a JSON copy as well).
    const copy = nullifyEmpty(cloneDeep(r.obj));
    // kustomize's copy still has its build annotations, so an annotations
    // map exists for the patch to add to; an empty one goes again after.
    const addedAnnotations =
      hasBuildAnnotations(r) &&
      isMap(copy.metadata) &&
      copy.metadata.annotations === undefined;
    if (addedAnnotations) copy.metadata.annotations = {};
    const out = applyJsonPatch(copy, ops);
    if (
      addedAnnotations &&
      isMap(out) &&
      isMap(out.metadata?.annotations) &&
      Object.keys(out.metadata.annotations).length === 0
    )
      delete out.metadata.annotations;
    if (isMap(out)) r.obj = out;
    else
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.json-non-object',
        { object: describeId(curId(r)) },
        where,
      );
  } catch (e) {
    if (e instanceof JsonPatchError) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.json-failed',
        { object: describeId(curId(r)), ...errorDetail(e) },
        where,
      );
      return;
    }
    throw e;
  }
}

/** `patches:` entries, in order. */
export function runPatches(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
): void {
  for (const spec of k.patches) {
    const loaded = loadPatch(ctx, k, spec);
    if (!loaded) continue;
    const where = k.path;
    if (loaded.kind === 'json') {
      if (!spec.target) {
        ctx.report(
          'error',
          'diagnostic.kustomize.patch.json-needs-target',
          undefined,
          where,
        );
        continue;
      }
      const targets = select(ctx, list, spec.target, where);
      for (const r of targets ?? []) {
        storePreviousId(r);
        applyJson(ctx, r, loaded.ops, where);
      }
      continue;
    }
    if (!spec.target) {
      // Each document of the patch goes to the object with its id, as it is.
      for (const obj of rawAnnotations(loaded)) {
        const r = findById(ctx, list, obj, where);
        if (r)
          applySmPatch(
            ctx,
            r,
            cloneDeep(obj),
            spec.options,
            where,
            loaded.hasEmpty,
          );
      }
    } else if (loaded.objs.length > 1) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.several-with-target',
        undefined,
        where,
      );
    } else {
      const targets = select(ctx, list, spec.target, where);
      for (const r of targets ?? [])
        applySmPatch(
          ctx,
          r,
          preparePatchCopy(loaded.objs[0], r.obj),
          spec.options,
          where,
          loaded.hasEmpty,
        );
    }
    removeDeleted(list);
  }
}

/** Deprecated `patchesStrategicMerge:` entries: inline YAML or file paths, possibly several objects each. */
export function runPatchesStrategicMerge(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
): void {
  for (const entry of k.patchesStrategicMerge) {
    // For legacy reasons kustomize first tries the entry as patch content.
    let source: ParsedFile | undefined;
    let where = k.path;
    if (/[\n:]/.test(entry)) {
      const inline = parseInlineYaml(ctx.snapshot, entry);
      if (inline.errors.length === 0 && inline.docs.some(d => isMap(d.value)))
        source = inline;
    }
    if (!source) {
      const file = readPatchFile(ctx, k, entry);
      if (!file) continue;
      where = file.path;
      source = readYamlFile(ctx.snapshot, file.path)!;
      if (source.errors.length > 0) {
        ctx.report(
          'error',
          'diagnostic.kustomize.patch.malformed',
          { detail: source.errors[0] },
          where,
        );
        continue;
      }
    }
    const values = source.docs.map(d => d.value);
    const hasEmpty = source.docs.some(d => d.hasEmpty);
    const { objects, error } = patchObjects(values);
    if (error) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.invalid',
        { detail: { id: error } },
        where,
      );
      continue;
    }
    for (const obj of objects) {
      const r = findById(ctx, list, obj, where);
      if (r)
        applySmPatch(ctx, r, preparePatchCopy(obj, r.obj), {}, where, hasEmpty);
      removeDeleted(list);
    }
  }
}

/** Deprecated `patchesJson6902:` entries (a target with a name is required). */
export function runPatchesJson6902(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
): void {
  for (const spec of k.patchesJson6902) {
    if (!spec.target?.name) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.json6902-target-name',
        undefined,
        k.path,
      );
      continue;
    }
    let value: unknown;
    let where = k.path;
    if (spec.path !== undefined) {
      if (spec.patch !== undefined) {
        ctx.report(
          'error',
          'diagnostic.kustomize.patch.json6902-path-and-patch',
          undefined,
          k.path,
        );
        continue;
      }
      const file = readPatchFile(ctx, k, spec.path);
      if (!file) continue;
      where = file.path;
      const parsed = readYamlFile(ctx.snapshot, file.path)!;
      if (parsed.errors.length > 0) {
        ctx.report(
          'error',
          'diagnostic.kustomize.patch.malformed',
          { detail: parsed.errors[0] },
          where,
        );
        continue;
      }
      value = parsed.docs[0]?.value;
    } else if (spec.patch !== undefined) {
      const parsed = parseInlineYaml(ctx.snapshot, spec.patch);
      if (parsed.errors.length > 0) {
        ctx.report(
          'error',
          'diagnostic.kustomize.patch.malformed',
          { detail: parsed.errors[0] },
          where,
        );
        continue;
      }
      value = parsed.docs[0]?.value;
    } else {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.json6902-needs-path',
        undefined,
        k.path,
      );
      continue;
    }
    let ops: JsonPatchOp[];
    try {
      ops = decodeJsonPatch(value);
    } catch (e) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.invalid-json-patch',
        errorDetail(e),
        where,
      );
      continue;
    }
    const targets = select(ctx, list, spec.target, where);
    if (targets && targets.length === 0) {
      ctx.report(
        'error',
        'diagnostic.kustomize.patch.json6902-target-missing',
        {
          target: `${spec.target.kind ?? ''} ${spec.target.name}`.trim(),
        },
        where,
      );
    }
    for (const r of targets ?? []) applyJson(ctx, r, ops, where);
  }
}
