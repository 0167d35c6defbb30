import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { errorDetail, said, type EngineDiagnostic } from '../engine/diagnostic';
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
  const diagnostics: EngineDiagnostic[] = [];
  const objects: KubeObject[] = [];
  // Where a document starts, for the reader: its line, when the parser knows it.
  const at = (line: number | undefined): { line?: number } =>
    line === undefined ? {} : { line };
  const add = (v: unknown, line: number | undefined) => {
    // A List has no name of its own: test for it before testing for an object.
    if (
      typeof v === 'object' &&
      v !== null &&
      Array.isArray((v as any).items) &&
      /List$/.test(String((v as any).kind))
    ) {
      for (const item of (v as any).items) add(item, line);
    } else if (isObject(v)) {
      objects.push(redactSecret(v));
    } else if (v !== null && v !== undefined) {
      diagnostics.push({
        level: 'warning',
        source: `dump:${name}`,
        ...said(
          line === undefined
            ? 'diagnostic.dump.not-an-object'
            : 'diagnostic.dump.not-an-object-line',
          at(line),
        ),
      });
    }
  };
  const lineCounter = new LineCounter();
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    const line = doc.contents?.range
      ? lineCounter.linePos(doc.contents.range[0]).line
      : undefined;
    if (doc.errors.length) {
      diagnostics.push({
        level: 'error',
        source: `dump:${name}`,
        ...said(
          line === undefined
            ? 'diagnostic.dump.malformed'
            : 'diagnostic.dump.malformed-line',
          { ...at(line), detail: doc.errors[0].message.split('\n')[0] },
        ),
      });
      continue;
    }
    try {
      add(doc.toJS({ maxAliasCount: 10_000 }), line);
    } catch (e) {
      diagnostics.push({
        level: 'error',
        source: `dump:${name}`,
        ...said(
          line === undefined
            ? 'diagnostic.dump.unreadable'
            : 'diagnostic.dump.unreadable-line',
          { ...at(line), ...errorDetail(e) },
        ),
      });
    }
  }
  const installedKinds = objects
    .filter(o => o.kind === 'CustomResourceDefinition')
    .map(o => String(o.spec?.names?.kind ?? ''))
    .filter(Boolean);
  return { cluster: { name, objects, installedKinds }, diagnostics };
}
