/**
 * The transformer configuration: which fields each built-in transformer
 * touches. It starts as kustomize's defaults; a kustomization's
 * `configurations:` files add field specs to it. Like kustomize's
 * ResAccumulator, a kustomization's configuration also takes in that of
 * everything it includes (bases, components), so custom field specs declared
 * in a base apply in its overlays too, but never the other way round.
 */
import type { RenderContext } from './context';
import {
  COMMON_ANNOTATIONS,
  COMMON_LABELS,
  IMAGE_FIELDS,
  NAME_PREFIX_FIELDS,
  NAME_REFERENCES,
  NAME_SUFFIX_FIELDS,
  NAMESPACE_FIELDS,
  NameBackReference,
  REPLICA_FIELDS,
  TEMPLATE_LABELS,
  VAR_REFERENCES,
} from './defaults';
import type { FieldSpec } from './fieldspec';
import type { Kustomization } from './kustfile';
import { resolveRefFile } from './refFile';
import { isMap } from './resource';
import { readYamlFile } from './yaml';
import { errorDetail, MessageError } from '../engine/diagnostic';

export interface TransformerConfig {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  namespace: FieldSpec[];
  commonLabels: FieldSpec[];
  /** Field specs every `labels:` entry gets (none by default). */
  labels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  nameReference: NameBackReference[];
  varReference: FieldSpec[];
  images: FieldSpec[];
  replicas: FieldSpec[];
}

type SpecListKey = Exclude<keyof TransformerConfig, 'nameReference'>;

const SPEC_LISTS: SpecListKey[] = [
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'templateLabels',
  'commonAnnotations',
  'varReference',
  'images',
  'replicas',
];

/** kustomize's defaults. Shared and never changed: merging makes new objects. */
export const DEFAULT_CONFIG: TransformerConfig = {
  namePrefix: NAME_PREFIX_FIELDS,
  nameSuffix: NAME_SUFFIX_FIELDS,
  namespace: NAMESPACE_FIELDS,
  commonLabels: COMMON_LABELS,
  labels: [],
  templateLabels: TEMPLATE_LABELS,
  commonAnnotations: COMMON_ANNOTATIONS,
  nameReference: NAME_REFERENCES,
  varReference: VAR_REFERENCES,
  images: IMAGE_FIELDS,
  replicas: REPLICA_FIELDS,
};

function specKey(fs: FieldSpec): string {
  return `${fs.group ?? ''}|${fs.version ?? ''}|${fs.kind ?? ''}|${fs.path}`;
}

/** kustomize's FsSlice.MergeAll: specs already there (same gvk and path) are kept once. */
export function mergeFieldSpecs(a: FieldSpec[], b: FieldSpec[]): FieldSpec[] {
  if (b.length === 0 || a === b) return a;
  const seen = new Set(a.map(specKey));
  const added = b.filter(fs => {
    const key = specKey(fs);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return added.length === 0 ? a : [...a, ...added];
}

function gvkKey(t: NameBackReference['target']): string {
  return `${t.group ?? ''}|${t.version ?? ''}|${t.kind ?? ''}`;
}

function mergeNameReferences(
  a: NameBackReference[],
  b: NameBackReference[],
): NameBackReference[] {
  if (b.length === 0 || a === b) return a;
  const out = [...a];
  for (const nbr of b) {
    const i = out.findIndex(x => gvkKey(x.target) === gvkKey(nbr.target));
    if (i < 0) out.push(nbr);
    else
      out[i] = {
        target: out[i].target,
        referrers: mergeFieldSpecs(out[i].referrers, nbr.referrers),
      };
  }
  return out;
}

/** The union of two configurations (both grown from the defaults). */
export function mergeConfig(
  a: TransformerConfig,
  b: TransformerConfig,
): TransformerConfig {
  // The common case, no custom field specs anywhere, allocates nothing.
  if (b === a || b === DEFAULT_CONFIG) return a;
  if (a === DEFAULT_CONFIG) return b;
  const out = { ...a };
  for (const key of SPEC_LISTS) out[key] = mergeFieldSpecs(a[key], b[key]);
  out.nameReference = mergeNameReferences(a.nameReference, b.nameReference);
  return out;
}

const FIELD_SPEC_KEYS = new Set(['group', 'version', 'kind', 'path', 'create']);

function parseFieldSpecs(v: unknown, where: string): FieldSpec[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v))
    throw new MessageError('diagnostic.kustomize.config.not-a-list', { where });
  return v.map(f => {
    if (!isMap(f))
      throw new MessageError('diagnostic.kustomize.config.entry-not-a-map', {
        where,
      });
    for (const key of Object.keys(f))
      if (!FIELD_SPEC_KEYS.has(key))
        throw new MessageError('diagnostic.kustomize.config.unknown-field-in', {
          field: key,
          where,
        });
    const fs: FieldSpec = { path: typeof f.path === 'string' ? f.path : '' };
    for (const key of ['group', 'version', 'kind'] as const)
      if (typeof f[key] === 'string' && f[key]) fs[key] = f[key];
    if (f.create === true) fs.create = true;
    return fs;
  });
}

/** Reads one `configurations:` document (kustomize decodes it strictly). */
export function parseConfiguration(raw: unknown): TransformerConfig {
  if (raw === null || raw === undefined) return DEFAULT_CONFIG;
  if (!isMap(raw))
    throw new MessageError('diagnostic.kustomize.config.not-a-map');
  const out: TransformerConfig = { ...DEFAULT_CONFIG };
  for (const key of Object.keys(raw)) {
    if (key === 'nameReference') {
      const list = raw[key];
      if (list === null || list === undefined) continue;
      if (!Array.isArray(list))
        throw new MessageError('diagnostic.kustomize.config.not-a-list', {
          where: 'nameReference',
        });
      const nbrs: NameBackReference[] = list.map(n => {
        if (!isMap(n))
          throw new MessageError(
            'diagnostic.kustomize.config.name-reference-not-a-map',
          );
        for (const k of Object.keys(n))
          if (!['group', 'version', 'kind', 'fieldSpecs'].includes(k))
            throw new MessageError(
              'diagnostic.kustomize.config.unknown-field-in',
              {
                field: k,
                where: 'nameReference',
              },
            );
        const target: NameBackReference['target'] = {};
        for (const k of ['group', 'version', 'kind'] as const)
          if (typeof n[k] === 'string' && n[k]) target[k] = n[k];
        return {
          target,
          referrers: parseFieldSpecs(n.fieldSpecs, 'nameReference.fieldSpecs'),
        };
      });
      out.nameReference = mergeNameReferences(
        DEFAULT_CONFIG.nameReference,
        nbrs,
      );
    } else if ((SPEC_LISTS as string[]).includes(key)) {
      const k = key as SpecListKey;
      out[k] = mergeFieldSpecs(DEFAULT_CONFIG[k], parseFieldSpecs(raw[k], k));
    } else {
      throw new MessageError('diagnostic.kustomize.config.unknown-field', {
        field: key,
      });
    }
  }
  return out;
}

/** The configuration a kustomization's `configurations:` files make (defaults when none). */
export function loadConfigurations(
  ctx: RenderContext,
  k: Kustomization,
): TransformerConfig {
  let config = DEFAULT_CONFIG;
  for (const ref of k.configurations) {
    const path = resolveRefFile(ctx, k, ref, 'configuration');
    if (path === undefined) continue;
    const parsed = readYamlFile(ctx.snapshot, path)!;
    if (parsed.errors.length > 0) {
      ctx.report(
        'error',
        'diagnostic.kustomize.config-malformed',
        { detail: parsed.errors[0] },
        path,
      );
      continue;
    }
    try {
      config = mergeConfig(config, parseConfiguration(parsed.docs[0]?.value));
    } catch (e) {
      ctx.report(
        'error',
        'diagnostic.kustomize.config-invalid',
        errorDetail(e),
        path,
      );
    }
  }
  return config;
}
