/**
 * Maps a request path onto the API server's URL scheme. Pure string work, so
 * fault rules, access rules and the request log can all see the same
 * group/resource/namespace/verb before any handler runs.
 */

export type Route =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'coreVersions' } // /api
  | { type: 'groupList' } // /apis
  | { type: 'group'; group: string } // /apis/<group>
  | { type: 'resourceList'; group: string; version: string } // /api/v1, /apis/<g>/<v>
  | {
      type: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | { type: 'unknown' };

/** The Kubernetes authorization verb of a request (what RBAC would check). */
export type Verb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection';

export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, ...rest] = segments;
  if (pathname === '/version' || pathname === '/version/')
    return { type: 'version' };
  if (['healthz', 'livez', 'readyz'].includes(root) && rest.length === 0)
    return { type: 'health' };
  let group: string;
  let version: string | undefined;
  let tail: string[];
  if (root === 'api') {
    if (rest.length === 0) return { type: 'coreVersions' };
    group = '';
    [version, ...tail] = rest;
  } else if (root === 'apis') {
    if (rest.length === 0) return { type: 'groupList' };
    if (rest.length === 1) return { type: 'group', group: rest[0] };
    [group, version, ...tail] = rest;
  } else {
    return { type: 'unknown' };
  }
  if (tail.length === 0) return { type: 'resourceList', group, version };
  // /namespaces/<ns>/<plural>... is a namespaced resource; /namespaces and
  // /namespaces/<name> (and its subresources like /status) are the Namespace
  // kind itself, which is how the real server disambiguates too.
  if (
    tail[0] === 'namespaces' &&
    tail.length >= 3 &&
    !(group === '' && isNamespaceSubresource(tail))
  ) {
    if (tail.length > 5) return { type: 'unknown' };
    const [, namespace, plural, name, subresource] = tail;
    return {
      type: 'resource',
      group,
      version,
      plural,
      namespace,
      name,
      subresource,
    };
  }
  const [plural, name, subresource] = tail;
  if (tail.length > 3) return { type: 'unknown' };
  return { type: 'resource', group, version, plural, name, subresource };
}

// GET /api/v1/namespaces/<ns>/status or /finalize address the Namespace
// object, not a resource called "status" inside it.
function isNamespaceSubresource(tail: string[]): boolean {
  return tail.length === 3 && (tail[2] === 'status' || tail[2] === 'finalize');
}

export function verbOf(
  method: string,
  route: Route,
  watch: boolean,
): Verb | undefined {
  if (route.type !== 'resource') return undefined;
  const collection = route.name === undefined;
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch';
      return collection ? 'list' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return collection ? 'deletecollection' : 'delete';
    default:
      return undefined;
  }
}
