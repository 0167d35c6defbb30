/**
 * labels, commonLabels and commonAnnotations: set string entries in the
 * maps the field specs reach (metadata, pod templates and, for commonLabels
 * or `includeSelectors`, selectors), creating maps where the spec says so.
 */
import type { RenderContext } from '../context';
import { DEFAULT_CONFIG, TransformerConfig } from '../config';
import { COMMON_ANNOTATIONS, METADATA_LABELS_ONLY } from '../defaults';
import { FieldSpec, visitFieldSpec } from '../fieldspec';
import { gvkOf } from '../gvk';
import type { LabelSpec } from '../kustfile';
import { isEmptyObject, isMap, Res } from '../resource';

/** Merges field spec lists, dropping duplicates (same gvk and path). */
function mergeFieldSpecs(...lists: FieldSpec[][]): FieldSpec[] {
  const out: FieldSpec[] = [];
  const seen = new Set<string>();
  for (const l of lists) {
    for (const fs of l) {
      const key = `${fs.group ?? ''}|${fs.version ?? ''}|${fs.kind ?? ''}|${
        fs.path
      }`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(fs);
    }
  }
  return out;
}

/** Sets each entry into every map the field specs reach. */
export function setMapEntries(
  ctx: RenderContext,
  list: Res[],
  entries: Record<string, string>,
  fieldSpecs: FieldSpec[],
  where: string,
): void {
  const keys = Object.keys(entries).sort();
  if (keys.length === 0) return;
  const set = (parent: any, key: string | number) => {
    const m = parent[key];
    if (!isMap(m)) return;
    for (const k of keys) m[k] = entries[k];
  };
  for (const r of list) {
    if (isEmptyObject(r.obj)) continue;
    const gvk = gvkOf(r.obj);
    for (const fs of fieldSpecs) {
      const field = visitFieldSpec(r.obj, fs, 'map', set, gvk);
      if (field !== undefined)
        ctx.report(
          'warning',
          'diagnostic.kustomize.expected-map-or-list',
          { field, file: r.origin.path },
          where,
        );
    }
  }
}

export function applyLabels(
  ctx: RenderContext,
  list: Res[],
  labels: LabelSpec[],
  commonLabels: Record<string, string>,
  where: string,
  config: TransformerConfig = DEFAULT_CONFIG,
): void {
  for (const l of labels) {
    const fieldSpecs = l.includeSelectors
      ? mergeFieldSpecs(l.fields, config.labels, config.commonLabels)
      : mergeFieldSpecs(
          l.fields,
          config.labels,
          l.includeTemplates ? config.templateLabels : [],
          METADATA_LABELS_ONLY,
        );
    setMapEntries(ctx, list, l.pairs, fieldSpecs, where);
  }
  setMapEntries(ctx, list, commonLabels, config.commonLabels, where);
}

export function applyAnnotations(
  ctx: RenderContext,
  list: Res[],
  annotations: Record<string, string>,
  where: string,
  fieldSpecs: FieldSpec[] = COMMON_ANNOTATIONS,
): void {
  setMapEntries(ctx, list, annotations, fieldSpecs, where);
}
