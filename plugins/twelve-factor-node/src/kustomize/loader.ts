/**
 * Reading resource files into resources: every YAML document becomes an
 * object (List kinds are expanded into their items), each copied from the
 * parse cache so transformers can change it in place, and each remembering
 * the file and line it came from.
 */
import type { RenderContext } from './context';
import { isMap, newRes, Res, scalarText } from './resource';
import { cloneDeep, isNullish, nullifyEmpty, readYamlFile } from './yaml';

/** Reads the objects of a resource file; List kinds are expanded. */
export function loadResourceFile(ctx: RenderContext, path: string): Res[] {
  const parsed = readYamlFile(ctx.snapshot, path);
  if (!parsed) return [];
  for (const e of parsed.errors)
    ctx.report(
      'error',
      'diagnostic.kustomize.malformed-yaml',
      { detail: e },
      path,
    );
  const out: Res[] = [];
  for (const doc of parsed.docs) {
    // List items go through JSON in kustomize, so they carry no empty-value markers.
    const queue: Array<[unknown, boolean]> = [[doc.value, false]];
    while (queue.length > 0) {
      const [v, fromList] = queue.shift()!;
      if (isNullish(v)) continue;
      if (!isMap(v)) {
        ctx.report(
          'error',
          doc.line
            ? 'diagnostic.kustomize.document-not-a-map-line'
            : 'diagnostic.kustomize.document-not-a-map',
          doc.line ? { line: doc.line } : undefined,
          path,
        );
        continue;
      }
      const kind = scalarText(v.kind);
      if (!kind) {
        ctx.report(
          'error',
          doc.line
            ? 'diagnostic.kustomize.kind-missing-line'
            : 'diagnostic.kustomize.kind-missing',
          doc.line ? { line: doc.line } : undefined,
          path,
        );
        continue;
      }
      if (kind.endsWith('List')) {
        if (Array.isArray(v.items))
          queue.push(...v.items.map((i): [unknown, boolean] => [i, true]));
        else if (!isNullish(v.items))
          ctx.report(
            'error',
            'diagnostic.kustomize.items-not-a-list',
            { kind },
            path,
          );
        continue;
      }
      if (!scalarText(v.metadata?.name)) {
        ctx.report(
          'error',
          doc.line
            ? 'diagnostic.kustomize.name-missing-line'
            : 'diagnostic.kustomize.name-missing',
          doc.line ? { kind, line: doc.line } : { kind },
          path,
        );
        continue;
      }
      const obj = cloneDeep(v);
      const res = newRes(fromList ? nullifyEmpty(obj) : obj, {
        path,
        line: doc.line,
      });
      res.mayHaveEmpty = doc.hasEmpty && !fromList;
      out.push(res);
    }
  }
  return out;
}
