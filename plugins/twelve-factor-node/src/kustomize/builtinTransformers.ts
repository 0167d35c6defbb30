/**
 * `transformers:` entries: configurations of kustomize's builtin transformer
 * plugins (`apiVersion: builtin`), in files, folders or inline YAML. They
 * run after the kustomization's own transformers, in the order listed, each
 * with exactly the field specs its configuration gives (no defaults), like
 * kustomize's configureExternalTransformers. Each maps onto the transformer
 * this renderer already has; external plugins (exec, containers) are not
 * run, and say so.
 */
import type { RenderContext } from './context';
import {
  fieldSpecs,
  Kustomization,
  patchSpec,
  strList,
  strMap,
} from './kustfile';
import type { PatchSpec } from './kustfile';
import {
  runPatches,
  runPatchesJson6902,
  runPatchesStrategicMerge,
} from './patches';
import { runReplacements } from './replacements';
import { isMap, KObject, Res, scalarText } from './resource';
import { applyImages } from './transformers/images';
import { setMapEntries } from './transformers/labels';
import { applyNamePrefix, applyNameSuffix } from './transformers/nameAffix';
import { applyNamespace } from './transformers/namespace';
import { applyReplicas } from './transformers/replicas';
import { parseInlineYaml } from './yaml';

/** Reads the configuration objects of `transformers:` entries that are paths (files or folders), as resources. */
export type LoadConfigs = (refs: string[]) => Res[];

/** kustomize first tries an entry as inline YAML; what does not parse as objects is a path. */
function inlineConfigs(
  ctx: RenderContext,
  entry: string,
): KObject[] | undefined {
  if (!/[\n:]/.test(entry)) return undefined;
  const parsed = parseInlineYaml(ctx.snapshot, entry);
  if (parsed.errors.length > 0) return undefined;
  const objs = parsed.docs.map(d => d.value).filter(isMap);
  return objs.length > 0 && objs.every(o => scalarText(o.kind))
    ? objs
    : undefined;
}

function runOne(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
  cfg: KObject,
): void {
  const kind = scalarText(cfg.kind);
  const where = k.path;
  if (scalarText(cfg.apiVersion) !== 'builtin') {
    ctx.report(
      'warning',
      'diagnostic.kustomize.plugin-not-run',
      { apiVersion: scalarText(cfg.apiVersion), kind },
      where,
    );
    return;
  }
  const specs = fieldSpecs(cfg.fieldSpecs);
  // A kustomization with only the one field set, for the transformers that read one.
  const only = (fields: Partial<Kustomization>): Kustomization => ({
    ...k,
    patches: [],
    patchesStrategicMerge: [],
    patchesJson6902: [],
    replacements: [],
    ...fields,
  });
  switch (kind) {
    case 'LabelTransformer':
      setMapEntries(ctx, list, strMap(cfg.labels), specs, where);
      return;
    case 'AnnotationsTransformer':
      setMapEntries(ctx, list, strMap(cfg.annotations), specs, where);
      return;
    case 'PrefixTransformer':
      applyNamePrefix(list, scalarText(cfg.prefix), specs);
      return;
    case 'SuffixTransformer':
      applyNameSuffix(list, scalarText(cfg.suffix), specs);
      return;
    case 'PrefixSuffixTransformer':
      applyNamePrefix(list, scalarText(cfg.prefix), specs);
      applyNameSuffix(list, scalarText(cfg.suffix), specs);
      return;
    case 'NamespaceTransformer': {
      if (cfg.unsetOnly === true || cfg.setRoleBindingSubjects)
        ctx.report(
          'warning',
          'diagnostic.kustomize.namespace-transformer-options',
          undefined,
          where,
        );
      // The transformer sets metadata/namespace itself (on namespaced kinds).
      applyNamespace(
        ctx,
        list,
        scalarText(cfg.metadata?.namespace),
        where,
        specs.filter(s => s.path !== 'metadata/namespace'),
      );
      return;
    }
    case 'PatchTransformer': {
      const spec = patchSpec(cfg);
      if (spec) runPatches(ctx, only({ patches: [spec] }), list);
      return;
    }
    case 'PatchStrategicMergeTransformer':
      runPatchesStrategicMerge(
        ctx,
        only({
          patchesStrategicMerge: [
            ...strList(cfg.paths),
            ...(typeof cfg.patches === 'string' ? [cfg.patches] : []),
          ],
        }),
        list,
      );
      return;
    case 'PatchJson6902Transformer': {
      const spec: PatchSpec | undefined = patchSpec({
        target: cfg.target,
        path: cfg.path,
        patch: cfg.jsonOp,
      });
      if (spec)
        runPatchesJson6902(ctx, only({ patchesJson6902: [spec] }), list);
      return;
    }
    case 'ImageTagTransformer': {
      const t = isMap(cfg.imageTag) ? cfg.imageTag : {};
      const opt = (v: unknown) =>
        v === undefined || v === null ? undefined : scalarText(v);
      applyImages(
        list,
        [
          {
            name: scalarText(t.name),
            newName: opt(t.newName),
            newTag: opt(t.newTag),
            digest: opt(t.digest),
          },
        ],
        specs,
      );
      return;
    }
    case 'ReplicaCountTransformer': {
      const r = isMap(cfg.replica) ? cfg.replica : {};
      applyReplicas(
        ctx,
        list,
        [{ name: scalarText(r.name), count: Number(r.count ?? 0) }],
        where,
        specs,
      );
      return;
    }
    case 'ReplacementTransformer':
      runReplacements(
        ctx,
        only({
          replacements: Array.isArray(cfg.replacements) ? cfg.replacements : [],
        }),
        list,
      );
      return;
    default:
      ctx.report(
        'warning',
        'diagnostic.kustomize.builtin-unsupported',
        { kind },
        where,
      );
  }
}

/** Runs a kustomization's `transformers:` on the accumulated resources. */
export function runTransformerConfigs(
  ctx: RenderContext,
  k: Kustomization,
  list: Res[],
  load: LoadConfigs,
): void {
  // kustomize takes the inline configurations first, then those it reads.
  const configs: KObject[] = [];
  const paths: string[] = [];
  for (const entry of k.transformers) {
    const inline = inlineConfigs(ctx, entry);
    if (inline) configs.push(...inline);
    else paths.push(entry);
  }
  if (paths.length > 0) configs.push(...load(paths).map(r => r.obj));
  for (const cfg of configs) runOne(ctx, k, list, cfg);
}
