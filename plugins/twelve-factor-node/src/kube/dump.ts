import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { LineCounter, parseAllDocuments } from 'yaml';
import { redactSecret } from './secrets';
import type { ClusterData, KubeObject } from './types';

function isObject(v: unknown): v is KubeObject {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as any).kind === 'string' &&
    typeof (v as any).metadata?.name === 'string'
  );
}

/**
 * Loads a cluster dump: a YAML or JSON `List` (or a stream of objects), as
 * `kubectl get ... -o yaml|json` prints it. Secrets are reduced to their
 * metadata here, before anything else sees them. Bad documents become
 * diagnostics; the rest of the dump is kept.
 * @public
 */
export function loadClusterDump(
  name: string,
  text: string,
): { cluster: ClusterData; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const objects: KubeObject[] = [];
  const add = (v: unknown, where: string) => {
    // A List has no name of its own: test for it before testing for an object.
    if (
      typeof v === 'object' &&
      v !== null &&
      Array.isArray((v as any).items) &&
      /List$/.test(String((v as any).kind))
    ) {
      for (const item of (v as any).items) add(item, where);
    } else if (isObject(v)) {
      objects.push(redactSecret(v));
    } else if (v !== null && v !== undefined) {
      diagnostics.push({
        level: 'warning',
        source: `dump:${name}`,
        message: `Skipped a document that is not a Kubernetes object (${where})`,
      });
    }
  };
  const lineCounter = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    const where = doc.contents?.range
      ? `line ${lineCounter.linePos(doc.contents.range[0]).line}`
      : 'document';
    if (doc.errors.length) {
      diagnostics.push({
        level: 'error',
        source: `dump:${name}`,
        message: `Malformed YAML at ${where}: ${
          doc.errors[0].message.split('\n')[0]
        }`,
      });
      continue;
    }
    try {
      add(doc.toJS({ maxAliasCount: 10_000 }), where);
    } catch (e) {
      diagnostics.push({
        level: 'error',
        source: `dump:${name}`,
        message: `Cannot read ${where}: ${(e as Error).message}`,
      });
    }
  }
  const installedKinds = objects
    .filter(o => o.kind === 'CustomResourceDefinition')
    .map(o => String(o.spec?.names?.kind ?? ''))
    .filter(Boolean);
  return { cluster: { name, objects, installedKinds }, diagnostics };
}
