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
    ctx.report('error', `Malformed YAML: ${e}`, path);
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
          `A document is not a map${doc.line ? ` (line ${doc.line})` : ''}`,
          path,
        );
        continue;
      }
      const kind = scalarText(v.kind);
      if (!kind) {
        ctx.report(
          'error',
          `An object has no kind${doc.line ? ` (line ${doc.line})` : ''}`,
          path,
        );
        continue;
      }
      if (kind.endsWith('List')) {
        if (Array.isArray(v.items))
          queue.push(...v.items.map((i): [unknown, boolean] => [i, true]));
        else if (!isNullish(v.items))
          ctx.report('error', `${kind}.items is not a list`, path);
        continue;
      }
      if (!scalarText(v.metadata?.name)) {
        ctx.report(
          'error',
          `A ${kind} has no metadata.name${
            doc.line ? ` (line ${doc.line})` : ''
          }`,
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
