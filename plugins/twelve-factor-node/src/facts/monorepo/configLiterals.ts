/*
 * The configuration literals of a monorepo member. Source code, settings
 * files and Dockerfiles count only under the code root. Manifests count
 * where they write the entity's objects: a document of another service in a
 * shared manifest file is not read, a kustomization or values file (which
 * configures the whole target) is, and a manifest that no deploy target
 * renders (an unused component) is read only under the code root. Compose files count in the entity's
 * services and outside every service block (shared settings), not in the
 * blocks of the other services.
 */
import type { FactReader } from '../../engine/facts';
import { basename } from '../../sources/RepoSnapshot';
import { isUnderFolder, type RepoScope } from '../../sources/scope';
import type { ConfigLiteralsFact } from '../configLiterals';
import { localDevFactRef } from '../localDev';
import { looseName } from './compose';
import { manifestsFactRef } from '../manifests/extractor';

/** Files that configure a whole deploy target rather than one object. */
const TARGET_CONFIG =
  /^(kustomization\.ya?ml|Kustomization|values([.-][\w.-]+)?\.ya?ml)$/;

/** Document starts per manifest file, each the entity's or not. */
function manifestDocuments(
  facts: FactReader,
): Map<string, Array<{ line: number; own: boolean }>> | undefined {
  const m = facts.tryGet(manifestsFactRef);
  if (!m?.scope) return undefined;
  const docs = new Map<string, Array<{ line: number; own: boolean }>>();
  const add = (path: string, line: number | undefined, own: boolean) => {
    const list = docs.get(path) ?? [];
    list.push({ line: line ?? 0, own });
    docs.set(path, list);
  };
  for (const t of m.targets)
    for (const o of t.objects)
      if ('path' in o.origin) add(o.origin.path, o.origin.line, true);
  for (const o of m.scope.otherObjects) add(o.path, o.line, false);
  for (const list of docs.values()) list.sort((a, b) => a.line - b.line);
  return docs;
}

/** Where compose service blocks start, each the entity's or not, per file; files left out whole. */
function composeBlocks(facts: FactReader): {
  blocks: Map<string, Array<{ line: number; own: boolean }>>;
  leftOut: Set<string>;
} {
  const dev = facts.tryGet(localDevFactRef);
  const blocks = new Map<string, Array<{ line: number; own: boolean }>>();
  for (const cf of dev?.composeFiles ?? []) {
    const list = [
      ...cf.services.map(s => ({ line: s.line ?? 0, own: true })),
      ...(cf.otherServices ?? []).map(s => ({ line: s.line ?? 0, own: false })),
    ].filter(b => b.line > 0);
    blocks.set(
      cf.path,
      list.sort((a, b) => a.line - b.line),
    );
  }
  return {
    blocks,
    leftOut: new Set((dev?.leftOut ?? []).map(l => l.path)),
  };
}

/** The block holding a line: the last one starting at or before it. */
function blockAt(
  list: ReadonlyArray<{ line: number; own: boolean }>,
  line: number,
): { line: number; own: boolean } | undefined {
  let found: { line: number; own: boolean } | undefined;
  for (const b of list) {
    if (b.line > line) break;
    found = b;
  }
  return found;
}

const VALUES_FILE = /^values([.-][\w.-]+)?\.ya?ml$/;
/** Keys of a values block that configure one component: its image, replicas, resources or env. */
const COMPONENT_KEY =
  /^\s+(image|repository|replicas|replicaCount|resources|env|envFrom|podAnnotations):/;

/**
 * The top-level blocks of a Helm values file shared by several services,
 * each the entity's or not: a block that configures one component (it has
 * an image, replicas, resources or env) belongs to the service it is named
 * after (`aiService:` to src/ai-service); the other blocks (global,
 * ingress) configure the whole chart.
 */
function valuesBlocks(
  text: string,
  names: ReadonlyArray<string>,
): Array<{ line: number; own: boolean }> {
  const lines = text.split('\n');
  const starts: Array<{ line: number; key: string }> = [];
  lines.forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*):/.exec(l);
    if (m) starts.push({ line: i + 1, key: m[1] });
  });
  return starts.map((b, i) => {
    const end = starts[i + 1]?.line ?? lines.length + 1;
    const component = lines
      .slice(b.line, end - 1)
      .some(l => COMPONENT_KEY.test(l));
    return {
      line: b.line,
      own: !component || names.includes(looseName(b.key)),
    };
  });
}

/** The entity's share of the repository's configuration literals. */
export function scopeConfigLiterals(
  fact: ConfigLiteralsFact,
  facts: FactReader,
  scope: RepoScope,
  readText: (path: string) => string | undefined = () => undefined,
  entityName?: string,
): ConfigLiteralsFact {
  const docs = manifestDocuments(facts);
  const compose = composeBlocks(facts);
  const names = [entityName ?? '', basename(scope.codeRoot)]
    .map(looseName)
    .filter(Boolean);
  const values = new Map<string, Array<{ line: number; own: boolean }>>();
  const valuesBlocksOf = (path: string) => {
    let list = values.get(path);
    if (!list) {
      const text = readText(path);
      list = text ? valuesBlocks(text, names) : [];
      values.set(path, list);
    }
    return list;
  };
  const ownFile = (path: string, role: string): boolean => {
    if (role === 'source' || role === 'app-config' || role === 'dockerfile')
      return isUnderFolder(path, scope.codeRoot);
    if (role === 'compose') return !compose.leftOut.has(path);
    if (role === 'manifest' && docs && !TARGET_CONFIG.test(basename(path))) {
      const list = docs.get(path);
      // A manifest no deploy target renders (an unused component) is the entity's only in its own folder.
      return list ? list.some(d => d.own) : isUnderFolder(path, scope.codeRoot);
    }
    return true;
  };
  const ownLine = (path: string, role: string, line: number): boolean => {
    if (!ownFile(path, role)) return false;
    if (role === 'manifest' && docs && !TARGET_CONFIG.test(basename(path))) {
      const list = docs.get(path);
      if (!list) return isUnderFolder(path, scope.codeRoot);
      const doc = blockAt(list, line);
      return doc ? doc.own : list.some(d => d.own);
    }
    if (role === 'compose') {
      const block = blockAt(compose.blocks.get(path) ?? [], line);
      return !block || block.own;
    }
    if (role === 'manifest' && VALUES_FILE.test(basename(path))) {
      const block = blockAt(valuesBlocksOf(path), line);
      return !block || block.own;
    }
    return true;
  };
  const roleOf = new Map(fact.files.map(f => [f.path, f.role as string]));
  const keyRole = (path: string) => roleOf.get(path) ?? 'manifest';
  return {
    files: fact.files.filter(f => ownFile(f.path, f.role)),
    literals: fact.literals.filter(l => ownLine(l.path, l.role, l.line)),
    credentials: fact.credentials.filter(c => ownLine(c.path, c.role, c.line)),
    keyLines: fact.keyLines.filter(k =>
      ownLine(k.path, keyRole(k.path), k.line),
    ),
  };
}
