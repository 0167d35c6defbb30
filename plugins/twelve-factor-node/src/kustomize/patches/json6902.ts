/**
 * RFC 6902 JSON patches, with the semantics of evanphx/json-patch v5 as
 * kustomize uses it: `add` needs the parent to exist, `replace` and `remove`
 * need the target to exist, `-` appends, negative indices count from the end.
 */
import { MessageError } from '../../engine/diagnostic';
import { cloneDeep, nullifyEmpty } from '../yaml';

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

/** A JSON patch kustomize would reject, said by id. */
export class JsonPatchError extends MessageError {}

/** Validates decoded patch operations. Throws JsonPatchError. */
export function decodeJsonPatch(v: unknown): JsonPatchOp[] {
  if (!Array.isArray(v))
    throw new JsonPatchError('diagnostic.kustomize.json-patch.not-a-list');
  return v.map((op, i) => {
    if (op === null || typeof op !== 'object' || Array.isArray(op))
      throw new JsonPatchError('diagnostic.kustomize.json-patch.op-not-a-map', {
        index: i,
      });
    const o = op as Record<string, unknown>;
    if (typeof o.op !== 'string')
      throw new JsonPatchError('diagnostic.kustomize.json-patch.op-missing', {
        index: i,
      });
    if (typeof o.path !== 'string')
      throw new JsonPatchError('diagnostic.kustomize.json-patch.path-missing', {
        index: i,
      });
    // kustomize reads JSON patches through JSON: an empty YAML value is a plain null.
    return {
      op: o.op,
      path: o.path,
      value: nullifyEmpty(cloneDeep(o.value)),
      from: typeof o.from === 'string' ? o.from : undefined,
    };
  });
}

function parsePointer(p: string): string[] {
  if (p === '') return [];
  if (!p.startsWith('/'))
    throw new JsonPatchError(
      'diagnostic.kustomize.json-patch.invalid-pointer',
      { pointer: p },
    );
  return p
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Resolves all but the last token; the container must exist. */
function parentOf(doc: unknown, tokens: string[], path: string): unknown {
  let cur = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (Array.isArray(cur)) {
      const idx = arrayIndex(t, cur.length, false, path);
      cur = cur[idx];
    } else if (isObj(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, t))
        throw new JsonPatchError(
          'diagnostic.kustomize.json-patch.missing-path',
          { path },
        );
      cur = cur[t];
    } else {
      throw new JsonPatchError('diagnostic.kustomize.json-patch.missing-path', {
        path,
      });
    }
    if (cur === undefined)
      throw new JsonPatchError('diagnostic.kustomize.json-patch.missing-path', {
        path,
      });
  }
  return cur;
}

function arrayIndex(
  t: string,
  len: number,
  forInsert: boolean,
  path: string,
): number {
  if (!/^-?\d+$/.test(t))
    throw new JsonPatchError('diagnostic.kustomize.json-patch.invalid-index', {
      index: t,
      path,
    });
  let idx = Number(t);
  if (idx < 0) idx += len; // SupportNegativeIndices
  const max = forInsert ? len : len - 1;
  if (idx < 0 || idx > max)
    throw new JsonPatchError(
      'diagnostic.kustomize.json-patch.index-out-of-range',
      { path },
    );
  return idx;
}

function get(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return doc;
  const parent = parentOf(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent))
    return parent[arrayIndex(last, parent.length, false, path)];
  if (isObj(parent) && Object.prototype.hasOwnProperty.call(parent, last))
    return parent[last];
  throw new JsonPatchError('diagnostic.kustomize.json-patch.missing-path', {
    path,
  });
}

function add(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    if (last === '-') parent.push(value);
    else parent.splice(arrayIndex(last, parent.length, true, path), 0, value);
  } else if (isObj(parent)) {
    parent[last] = value;
  } else {
    throw new JsonPatchError('diagnostic.kustomize.json-patch.missing-path', {
      path,
    });
  }
  return doc;
}

function remove(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0)
    throw new JsonPatchError('diagnostic.kustomize.json-patch.remove-document');
  const parent = parentOf(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(last, parent.length, false, path), 1);
  } else if (
    isObj(parent) &&
    Object.prototype.hasOwnProperty.call(parent, last)
  ) {
    delete parent[last];
  } else {
    throw new JsonPatchError('diagnostic.kustomize.json-patch.remove-missing', {
      key: last,
    });
  }
  return doc;
}

/**
 * evanphx/json-patch v4 (kustomize's): a missing map key is not an error for
 * `replace`, which then adds it; only a missing parent or list element is.
 */
function replace(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const parent = parentOf(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    parent[arrayIndex(last, parent.length, false, path)] = value;
  } else if (isObj(parent)) {
    parent[last] = value;
  } else {
    throw new JsonPatchError(
      'diagnostic.kustomize.json-patch.replace-missing',
      { path },
    );
  }
  return doc;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every(
        k =>
          Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]),
      )
    );
  }
  return false;
}

/**
 * Applies operations to a document and returns the new document (the input
 * is modified; callers that need atomicity pass a copy). Throws
 * JsonPatchError when an operation does not apply.
 */
export function applyJsonPatch(doc: unknown, ops: JsonPatchOp[]): unknown {
  let cur = doc;
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        cur = add(cur, op.path, cloneDeep(op.value ?? null));
        break;
      case 'remove':
        cur = remove(cur, op.path);
        break;
      case 'replace':
        cur = replace(cur, op.path, cloneDeep(op.value ?? null));
        break;
      case 'move': {
        if (op.from === undefined)
          throw new JsonPatchError('diagnostic.kustomize.json-patch.move-from');
        const v = get(cur, op.from);
        cur = remove(cur, op.from);
        cur = add(cur, op.path, v);
        break;
      }
      case 'copy': {
        if (op.from === undefined)
          throw new JsonPatchError('diagnostic.kustomize.json-patch.copy-from');
        cur = add(cur, op.path, cloneDeep(get(cur, op.from)));
        break;
      }
      case 'test':
        if (!deepEqual(get(cur, op.path), op.value ?? null))
          throw new JsonPatchError(
            'diagnostic.kustomize.json-patch.test-failed',
            { path: op.path },
          );
        break;
      default:
        throw new JsonPatchError(
          'diagnostic.kustomize.json-patch.unexpected-op',
          { op: op.op },
        );
    }
  }
  return cur;
}
