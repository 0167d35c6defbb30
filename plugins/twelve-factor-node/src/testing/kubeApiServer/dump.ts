import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from './types';

/**
 * Where cluster objects come from: a file path (YAML, multi-document YAML or
 * JSON), or already-parsed data (one object, a `List`, or an array of those).
 */
export type DumpSource = string | unknown;

/**
 * Parses the text of a dump. YAML streams may hold several documents; each
 * may be a single object or a `kind: List` as `kubectl get -o yaml` prints it.
 * Anchors and aliases (PyYAML-written dumps share `&id001` blocks between a
 * Deployment and its Pods) are resolved by `toJS`, and every object is then
 * deep-copied so that no two objects share a nested value.
 */
export function parseDumpText(text: string, origin = '<inline>'): KubeObject[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // JSON is YAML too, but JSON.parse is exact about numbers and far faster
    // on the large `kubectl get -o json` outputs.
    try {
      return flattenDump(JSON.parse(text), origin);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      // Flow-style YAML can start with a brace; fall through to the YAML parser.
    }
  }
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: KubeObject[] = [];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      throw new Error(
        `${origin}: YAML document ${index + 1} is invalid: ${
          doc.errors[0].message
        }`,
      );
    }
    // maxAliasCount -1: dumps are trusted test fixtures and big ones reuse
    // anchors many times; the default limit guards against untrusted input.
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      // e.g. an alias to an anchor of another document (anchors are per document)
      throw new Error(
        `${origin}: YAML document ${index + 1}: ${(e as Error).message}`,
      );
    }
    objects.push(...flattenDump(value, `${origin} (document ${index + 1})`));
  });
  return objects;
}

/** Reads and parses one dump file. */
export async function loadDumpFile(path: string): Promise<KubeObject[]> {
  const text = await readFile(path, 'utf8');
  return parseDumpText(text, path);
}

/** Loads every source in order; later objects win on duplicate keys later on. */
export async function loadDumps(
  sources: readonly DumpSource[],
): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const source of sources) {
    if (typeof source === 'string') {
      objects.push(...(await loadDumpFile(source)));
    } else {
      objects.push(...flattenDump(source, '<object>'));
    }
  }
  return objects;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Expands Lists into their items. Besides `kind: List` this accepts typed
 * lists (`DeploymentList` from `kubectl get --raw`), whose items carry no
 * apiVersion/kind: those are taken from the list, as the API server implies.
 */
export function flattenDump(value: unknown, origin: string): KubeObject[] {
  if (value === null || value === undefined) return []; // empty YAML document
  if (Array.isArray(value)) return value.flatMap(v => flattenDump(v, origin));
  if (!isRecord(value)) {
    throw new Error(
      `${origin}: expected a Kubernetes object or List, got ${typeof value}`,
    );
  }
  const kind = value.kind;
  if (
    typeof kind === 'string' &&
    kind.endsWith('List') &&
    Array.isArray(value.items)
  ) {
    const itemKind =
      kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    return value.items.flatMap(item => {
      if (isRecord(item) && itemKind !== undefined) {
        const filled = {
          apiVersion: value.apiVersion,
          kind: itemKind,
          ...item,
        };
        return flattenDump(filled, origin);
      }
      return flattenDump(item, origin);
    });
  }
  return [checkObject(value, origin)];
}

function checkObject(
  value: Record<string, unknown>,
  origin: string,
): KubeObject {
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw new Error(
      `${origin}: object without apiVersion/kind: ${JSON.stringify(value).slice(
        0,
        200,
      )}`,
    );
  }
  if (
    !isRecord(metadata) ||
    typeof metadata.name !== 'string' ||
    !metadata.name
  ) {
    throw new Error(`${origin}: ${apiVersion} ${kind} without metadata.name`);
  }
  // structuredClone breaks the sharing that YAML aliases create, so that the
  // store may normalise one object without touching another.
  return structuredClone(value) as KubeObject;
}
