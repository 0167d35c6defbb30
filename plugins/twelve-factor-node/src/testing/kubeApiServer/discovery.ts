import { ResourceRegistry } from './resources';
import { ResourceType, groupVersionOf } from './types';

/**
 * The discovery documents (unaggregated, the form every client understands;
 * kubectl asks for aggregated discovery first and falls back to these when
 * the response is plain application/json).
 */

/** The verbs discovery advertises. The server is read-only, so only these. */
export const SERVED_VERBS = ['get', 'list'];

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(registry: ResourceRegistry, name: string) {
  const group = registry.groups().find(g => g.name === name);
  if (!group) return undefined;
  const versions = group.versions.map(version => ({
    groupVersion: `${name}/${version}`,
    version,
  }));
  return { name, versions, preferredVersion: versions[0] };
}

export function apiGroupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry.groups().map(g => apiGroup(registry, g.name)),
  };
}

/** GET /apis/<group>; undefined when no version of the group is served. */
export function apiGroupDocument(registry: ResourceRegistry, name: string) {
  const group = apiGroup(registry, name);
  return group && { kind: 'APIGroup', apiVersion: 'v1', ...group };
}

function apiResource(r: ResourceType) {
  return {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: SERVED_VERBS,
    ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories?.length ? { categories: r.categories } : {}),
  };
}

/** GET /api/v1 or /apis/<group>/<version>; undefined when not served. */
export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
) {
  const resources = registry.ofGroupVersion(group, version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf(group, version),
    resources: resources.map(apiResource),
  };
}
