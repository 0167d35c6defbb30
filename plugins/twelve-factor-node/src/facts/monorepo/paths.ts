/*
 * Paths as CI definitions, compose and skaffold files write them, matched
 * against a monorepo member's code root and its neighbours' folders.
 */
import { isUnderFolder } from '../../sources/scope';

/** `${{ matrix.service }}`, `${SERVICE}`, `$SERVICE`: a value only known when the pipeline runs. */
const EXPRESSION =
  /\$\{\{[^}]*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `./a//b/../c/` → `a/c`; '' for the repository root. */
export function normalizeRelative(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** A relative path from a folder ('' for the root); absolute paths stay as they are, without the slash. */
export function joinRelative(dir: string, path: string): string {
  if (path.startsWith('/')) return normalizeRelative(path);
  return normalizeRelative(dir ? `${dir}/${path}` : path);
}

/**
 * The values a path with expressions must take to be the code root or a
 * folder under it: `src/${{ matrix.service }}` against `src/cart` gives
 * `{ '${{ matrix.service }}': 'cart' }`. Undefined when the path cannot be
 * the code root or under it; an empty map for a literal match.
 */
export function bindToCodeRoot(
  path: string,
  codeRoot: string,
): Map<string, string> | undefined {
  const segments = normalizeRelative(path).split('/').filter(Boolean);
  const own = codeRoot.split('/');
  if (segments.length < own.length) return undefined;
  const bindings = new Map<string, string>();
  for (let i = 0; i < own.length; i++) {
    const segment = segments[i];
    const names: string[] = [];
    let source = '';
    let last = 0;
    EXPRESSION.lastIndex = 0;
    for (let m = EXPRESSION.exec(segment); m; m = EXPRESSION.exec(segment)) {
      source += `${escape(segment.slice(last, m.index))}(.+?)`;
      names.push(m[0]);
      last = m.index + m[0].length;
    }
    source += escape(segment.slice(last));
    const match = new RegExp(`^${source}$`).exec(own[i]);
    if (!match) return undefined;
    for (let j = 0; j < names.length; j++) {
      const name = expressionKey(names[j]);
      const known = bindings.get(name);
      if (known !== undefined && known !== match[j + 1]) return undefined;
      bindings.set(name, match[j + 1]);
    }
  }
  return bindings;
}

/** An expression without the blanks inside it: `${{ env.A }}` and `${{env.A}}` are one. */
export function expressionKey(expression: string): string {
  return expression.replace(/\s+/g, '');
}

/** Replaces bound expressions (keyed by expressionKey) by their values. */
export function substitute(
  text: string,
  bindings: ReadonlyMap<string, string>,
): string {
  if (bindings.size === 0) return text;
  return text.replace(EXPRESSION, e => bindings.get(expressionKey(e)) ?? e);
}

/**
 * An image repository with expressions left (`${{ env.REGISTRY }}/cart`) as
 * a pattern where each expression stands for anything. Undefined when the
 * image's own name (its last segment) is not written out: `${{ env.IMAGE }}`
 * would match every image.
 */
export function imagePattern(repository: string): RegExp | undefined {
  const lastSegment = repository.slice(repository.lastIndexOf('/') + 1);
  if (!/[A-Za-z0-9]/.test(lastSegment.replace(EXPRESSION, '')))
    return undefined;
  let source = '';
  let last = 0;
  EXPRESSION.lastIndex = 0;
  for (
    let m = EXPRESSION.exec(repository);
    m;
    m = EXPRESSION.exec(repository)
  ) {
    source += `${escape(repository.slice(last, m.index))}.+`;
    last = m.index + m[0].length;
  }
  source += escape(repository.slice(last));
  return new RegExp(`^${source}$`, 'i');
}

/** The repository part of an image reference as written (tag and digest removed; expressions kept). */
export function repositoryOfReference(reference: string): string {
  const ref = reference.trim().replace(/^["']|["']$/g, '');
  const at = ref.indexOf('@');
  const noDigest = at === -1 ? ref : ref.slice(0, at);
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', slash + 1);
  return colon === -1 ? noDigest : noDigest.slice(0, colon);
}

/** Whether text names a folder of the repository as a path (`src/cart`, `./src/cart/`, `src/cart/Dockerfile`). */
export function mentionsFolder(text: string, folder: string): boolean {
  if (!text.includes(folder)) return false;
  return new RegExp(
    `(^|[^\\w./-])(\\./)?${escape(folder)}(?=$|[/\\s"'\`;:,)\\]}])`,
  ).test(text);
}

/**
 * The folder a path filter or glob names before its first wildcard:
 * `src/payment/**` → `src/payment`, `src/**` → `src`, `**` → ''.
 */
export function patternFolder(pattern: string): string {
  const p = normalizeRelative(pattern);
  const wild = p.search(/[*?[{]/);
  if (wild === -1) return p;
  const prefix = p.slice(0, wild);
  const slash = prefix.lastIndexOf('/');
  return slash === -1 ? '' : prefix.slice(0, slash);
}

/** Whether a path (or path filter) lies in one of the folders. */
export function inFolders(
  path: string,
  folders: ReadonlyArray<string>,
): boolean {
  return path !== '' && folders.some(f => isUnderFolder(path, f));
}

/** A glob (`*` within a segment, `**` across) as an anchored pattern. */
export function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        source += '(?:.*/)?';
        i++;
      } else source += '.*';
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += escape(c);
  }
  return new RegExp(`^${source}$`);
}
