/**
 * The build itself (kustomize's KustTarget), in kustomize's order:
 *
 *   resources (files, then nested kustomizations, each built on its own)
 *   -> `configurations` (custom field specs) join the accumulator's
 *   -> generators (ConfigMaps, then Secrets; merge/replace into bases)
 *   -> components (applied to everything accumulated so far)
 *   -> transformers: patchesStrategicMerge, patches, namespace, namePrefix,
 *      nameSuffix, labels/commonLabels, commonAnnotations, patchesJson6902,
 *      replicas, images, replacements; then `transformers:` (builtin
 *      transformer configurations)
 *   -> vars are tied to the objects they name
 *
 * and once, at the top: content-hash suffixes, name-reference fixes, var
 * expansion, removal of local-config objects, sorting, and the annotation
 * normalisation kubectl applies to every object on output.
 */
import { DEFAULT_CONFIG, loadConfigurations, mergeConfig } from './config';
import type { TransformerConfig } from './config';
import type { RenderContext } from './context';
import { absorb, generate } from './generators';
import { contentHash } from './hash';
import {
  isKustomizationDir,
  Kustomization,
  loadKustomization,
} from './kustfile';
import { fixNameReferences } from './nameReference';
import { sortResources } from './ordering';
import {
  runPatches,
  runPatchesJson6902,
  runPatchesStrategicMerge,
} from './patches';
import { isRemoteRef, isWithin, joinRepoPath } from './paths';
import { appendAll, idKeysOf } from './resmap';
import {
  getName,
  isEmptyObject,
  isMap,
  Res,
  scalarText,
  setName,
  storePreviousId,
} from './resource';
import { applyImages } from './transformers/images';
import { applyAnnotations, applyLabels } from './transformers/labels';
import { applyNamePrefix, applyNameSuffix } from './transformers/nameAffix';
import { applyNamespace } from './transformers/namespace';
import { applyReplicas } from './transformers/replicas';
import { loadResourceFile } from './loader';
import { runReplacements } from './replacements';
import { runTransformerConfigs } from './builtinTransformers';
import { attachVars, mergeVarSet, resolveVars, VarDef } from './vars';
import { isNullish, nullifyEmpty } from './yaml';

/**
 * kustomize's ResAccumulator: the objects of a build, and the transformer
 * configuration and vars that travel up with them from what it includes.
 */
export interface Accumulator {
  list: Res[];
  config: TransformerConfig;
  vars: VarDef[];
}

function newAccumulator(): Accumulator {
  return { list: [], config: DEFAULT_CONFIG, vars: [] };
}

/** Whether `candidate` is, or contains, a folder already being built (kustomize refuses that). */
function isCycle(candidate: string, stack: string[]): boolean {
  return stack.some(dir => isWithin(dir, candidate));
}

function accumulateResources(
  ctx: RenderContext,
  k: Kustomization,
  acc: Accumulator,
  stack: string[],
): void {
  const list = acc.list;
  // Nothing renames resources while they are accumulated: their id keys are computed once.
  const keys = idKeysOf(list);
  for (const ref of k.resources) {
    const full = joinRepoPath(k.dir, ref);
    if (full === undefined) {
      if (isRemoteRef(ref)) ctx.remote(ref, k.path);
      else
        ctx.report(
          'error',
          'diagnostic.kustomize.resource-outside',
          { ref },
          k.path,
        );
      continue;
    }
    const file = ctx.snapshot.file(full);
    if (file && file.text !== undefined) {
      if (!isWithin(full, k.dir)) {
        ctx.report(
          'error',
          'diagnostic.kustomize.resource-restricted',
          { ref, dir: k.dir || '.' },
          k.path,
        );
        continue;
      }
      appendAll(ctx, list, loadResourceFile(ctx, full), full, keys);
      continue;
    }
    if (file) {
      ctx.report(
        'error',
        file.skipped
          ? 'diagnostic.kustomize.resource-not-read'
          : 'diagnostic.kustomize.resource-no-text',
        { ref, ...(file.skipped ? { reason: file.skipped } : {}) },
        k.path,
      );
      continue;
    }
    if (isKustomizationDir(ctx.snapshot, full)) {
      if (isCycle(full, stack)) {
        ctx.report('error', 'diagnostic.kustomize.cycle', { ref }, k.path);
        continue;
      }
      const sub = loadKustomization(ctx, full);
      if (!sub) continue;
      if (sub.kind === 'Component') {
        ctx.report(
          'error',
          'diagnostic.kustomize.component-as-resource',
          { ref },
          k.path,
        );
        continue;
      }
      const subAcc = accumulateTarget(ctx, sub, newAccumulator(), [
        ...stack,
        full,
      ]);
      appendAll(ctx, list, subAcc.list, sub.path, keys);
      acc.config = mergeConfig(acc.config, subAcc.config);
      mergeVarSet(ctx, acc.vars, subAcc.vars, k.path);
      continue;
    }
    if (isRemoteRef(ref)) {
      ctx.remote(ref, k.path);
      continue;
    }
    const isDir = ctx.snapshot.paths().some(p => p.startsWith(`${full}/`));
    ctx.report(
      'error',
      isDir
        ? 'diagnostic.kustomize.resource-folder-empty'
        : 'diagnostic.kustomize.resource-missing',
      { ref },
      k.path,
    );
  }
}

function accumulateComponents(
  ctx: RenderContext,
  k: Kustomization,
  acc: Accumulator,
  stack: string[],
): void {
  for (const ref of k.components) {
    const full = joinRepoPath(k.dir, ref);
    if (full === undefined || !isKustomizationDir(ctx.snapshot, full)) {
      if (isRemoteRef(ref)) ctx.remote(ref, k.path);
      else if (full === undefined)
        ctx.report(
          'error',
          'diagnostic.kustomize.component-outside',
          { ref },
          k.path,
        );
      else
        ctx.report(
          'error',
          'diagnostic.kustomize.component-missing',
          { ref },
          k.path,
        );
      continue;
    }
    if (isCycle(full, stack)) {
      ctx.report('error', 'diagnostic.kustomize.cycle', { ref }, k.path);
      continue;
    }
    const sub = loadKustomization(ctx, full);
    if (!sub) continue;
    if (sub.kind !== 'Component') {
      ctx.report(
        'error',
        'diagnostic.kustomize.not-a-component',
        { ref },
        k.path,
      );
      continue;
    }
    // A component works on the accumulator of the kustomization that includes it.
    accumulateTarget(ctx, sub, acc, [...stack, full]);
  }
}

function runGenerators(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
): void {
  for (const args of k.configMapGenerator) {
    const r = generate(ctx, k, args, 'ConfigMap');
    if (r) absorb(ctx, list, r, k.path);
  }
  for (const args of k.secretGenerator) {
    const r = generate(ctx, k, args, 'Secret');
    if (r) absorb(ctx, list, r, k.path);
  }
}

function runTransformers(
  ctx: RenderContext,
  k: Kustomization,
  acc: Accumulator,
  stack: string[],
): void {
  const { list, config } = acc;
  runPatchesStrategicMerge(ctx, k, list);
  runPatches(ctx, k, list);
  applyNamespace(ctx, list, k.namespace, k.path, config.namespace);
  applyNamePrefix(list, k.namePrefix, config.namePrefix);
  applyNameSuffix(list, k.nameSuffix, config.nameSuffix);
  applyLabels(ctx, list, k.labels, k.commonLabels, k.path, config);
  applyAnnotations(
    ctx,
    list,
    k.commonAnnotations,
    k.path,
    config.commonAnnotations,
  );
  runPatchesJson6902(ctx, k, list);
  applyReplicas(ctx, list, k.replicas, k.path, config.replicas);
  applyImages(list, k.images, config.images);
  runReplacements(ctx, k, list);
  if (k.transformers.length > 0)
    runTransformerConfigs(ctx, k, list, paths => {
      // Configurations are read like resources (files, or kustomizations that output them).
      const configs = newAccumulator();
      accumulateResources(ctx, { ...k, resources: paths }, configs, stack);
      return configs.list;
    });
}

/** Builds a kustomization into `acc` (a fresh one, or the includer's for a component). */
export function accumulateTarget(
  ctx: RenderContext,
  k: Kustomization,
  acc: Accumulator,
  stack: string[],
): Accumulator {
  if (k.remoteOpenApi) ctx.remote(k.remoteOpenApi, k.path);
  accumulateResources(ctx, k, acc, stack);
  if (k.configurations.length > 0)
    acc.config = mergeConfig(acc.config, loadConfigurations(ctx, k));
  runGenerators(ctx, k, acc.list);
  accumulateComponents(ctx, k, acc, stack);
  runTransformers(ctx, k, acc, stack);
  if (k.vars.length > 0) {
    attachVars(ctx, acc.list, k.vars, k.path);
    mergeVarSet(ctx, acc.vars, k.vars, k.path);
  }
  return acc;
}

/** Appends the content hash to generated names that want one (top level only). */
function addHashes(list: Res[]): void {
  for (const r of list) {
    if (!r.needsHash || isEmptyObject(r.obj)) continue;
    const hash = contentHash(r.obj);
    storePreviousId(r);
    setName(r.obj, `${getName(r.obj)}-${hash}`);
  }
}

/**
 * kubectl rewrites every object's annotations through kyaml's SetAnnotations
 * when it strips its internal ones: values become strings and an empty
 * annotations map disappears.
 */
function normalizeAnnotations(r: Res): void {
  const md = r.obj.metadata;
  if (!isMap(md) || !('annotations' in md)) return;
  const a = md.annotations;
  if (!isMap(a)) {
    if (isNullish(a)) delete md.annotations;
    return;
  }
  const keys = Object.keys(a);
  if (keys.length === 0) {
    delete md.annotations;
    return;
  }
  for (const key of keys)
    if (typeof a[key] !== 'string') a[key] = scalarText(a[key]);
}

function isLocalConfig(r: Res): boolean {
  const a = r.obj.metadata?.annotations;
  if (!isMap(a) || !('config.kubernetes.io/local-config' in a)) return false;
  return scalarText(a['config.kubernetes.io/local-config']) !== 'false';
}

/** Builds the kustomization at `dir` into the final, ordered object list. */
export function build(ctx: RenderContext, dir: string): Res[] {
  const k = loadKustomization(ctx, dir);
  if (!k) return [];
  const acc = accumulateTarget(ctx, k, newAccumulator(), [dir]);
  let list = acc.list.filter(r => !isEmptyObject(r.obj));
  addHashes(list);
  fixNameReferences(ctx, list, k.path, acc.config.nameReference);
  resolveVars(ctx, list, acc.vars, acc.config.varReference, k.path);
  list = list.filter(r => !isLocalConfig(r));
  list = sortResources(list, k.sortOptions);
  for (const r of list) {
    if (r.mayHaveEmpty) nullifyEmpty(r.obj);
    normalizeAnnotations(r);
  }
  return list;
}
