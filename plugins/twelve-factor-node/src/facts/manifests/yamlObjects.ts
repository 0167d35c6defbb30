import { LineCounter, parseAllDocuments } from 'yaml';
import { CORE_SCHEMA, fastLoadAll } from '../../yaml/fastLoad';

/**
 * A Kubernetes object with where it came from: a repository file (and line),
 * or a cluster.
 * @public
 */
export interface SourcedObject {
  object: Record<string, any>;
  origin: { path: string; line?: number } | { cluster: string };
}

/** Result of reading one YAML file. */
export interface YamlObjectsResult {
  objects: SourcedObject[];
  errors: string[];
}

/** Whether a value looks like a Kubernetes object. */
export function isKubeObject(value: unknown): value is Record<string, any> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as any).apiVersion === 'string' &&
    typeof (value as any).kind === 'string'
  );
}

function addObjects(
  objects: SourcedObject[],
  path: string,
  value: unknown,
  line: number | undefined,
): void {
  if (
    isKubeObject(value) &&
    /List$/.test(value.kind) &&
    Array.isArray(value.items)
  ) {
    for (const item of value.items) {
      if (isKubeObject(item))
        objects.push({ object: item, origin: { path, line } });
    }
  } else if (isKubeObject(value)) {
    objects.push({ object: value, origin: { path, line } });
  }
}

/**
 * Reads the Kubernetes objects of a (multi-document) YAML file, expanding
 * `List` kinds. A document that fails to parse is reported and skipped; the
 * others are kept. js-yaml reads the file when it can vouch for the result
 * (see yaml/fastLoad.ts); otherwise, and for error messages, the `yaml`
 * package does.
 */
export function readYamlObjects(path: string, text: string): YamlObjectsResult {
  const fast = fastLoadAll(text, {
    schema: CORE_SCHEMA,
    duplicateKeys: 'last-wins',
  });
  if (fast) {
    const objects: SourcedObject[] = [];
    for (const doc of fast.docs) addObjects(objects, path, doc.value, doc.line);
    return { objects, errors: [] };
  }
  return readYamlObjectsReference(path, text);
}

/** readYamlObjects with the `yaml` package (`uniqueKeys: false`: a repeated key wins). Exported for tests. */
export function readYamlObjectsReference(
  path: string,
  text: string,
): YamlObjectsResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const objects: SourcedObject[] = [];
  const errors: string[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      errors.push(`${path}: ${doc.errors[0].message.split('\n')[0]}`);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      errors.push(`${path}: ${(e as Error).message}`);
      continue;
    }
    const line = doc.contents?.range
      ? lineCounter.linePos(doc.contents.range[0]).line
      : undefined;
    addObjects(objects, path, value, line);
  }
  return { objects, errors };
}
