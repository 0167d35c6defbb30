import { Representation } from './negotiation';
import { PaginationError, paginate } from './pagination';
import {
  SelectorError,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';
import { StatusError } from './status';
import { ObjectStore } from './store';
import { KubeObject, ResourceType, groupVersionOf } from './types';

// Items of a PartialObjectMetadataList do carry their kind/apiVersion.
function metadataOnly(o: KubeObject, version: string) {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: o.metadata,
  };
}

/**
 * Typed lists of built-in kinds come from the server's internal structs, whose
 * items carry no apiVersion/kind; custom resources are unstructured and keep
 * them. Clients (kubectl) add the type back from the list, so both matter.
 */
function listItem(o: KubeObject, type: ResourceType): Record<string, unknown> {
  if (type.custom) return o;
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = o;
  return rest;
}

function badRequest(e: unknown): never {
  if (e instanceof SelectorError || e instanceof PaginationError)
    throw StatusError.of(400, e.message);
  throw e;
}

/** GET on a collection: /apis/<g>/<v>[/namespaces/<ns>]/<plural>. */
export function listObjects(
  store: ObjectStore,
  type: ResourceType,
  namespace: string | undefined,
  query: URLSearchParams,
  representation: Representation,
) {
  let page;
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(
      query.get('fieldSelector') ?? undefined,
      type.kind,
    );
    const items = store
      .list(type, namespace)
      .filter(
        o =>
          (labels ? labels(o.metadata.labels) : true) &&
          (fields ? fields(o) : true),
      );
    page = paginate(items, {
      limit: query.get('limit') ?? undefined,
      continue: query.get('continue') ?? undefined,
      resourceVersion: store.resourceVersion,
      filtered: !!labels || !!fields,
    });
  } catch (e) {
    badRequest(e);
  }
  const metadata = {
    resourceVersion: page.resourceVersion,
    ...(page.continue ? { continue: page.continue } : {}),
    ...(page.remainingItemCount !== undefined
      ? { remainingItemCount: page.remainingItemCount }
      : {}),
  };
  if (representation.shape === 'metadata') {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${representation.version}`,
      metadata,
      items: page.items.map(o => metadataOnly(o, representation.version)),
    };
  }
  return {
    kind: type.listKind,
    apiVersion: groupVersionOf(type.group, type.version),
    metadata,
    items: page.items.map(o => listItem(o, type)),
  };
}

/** GET on one object; 404 NotFound worded like the real server otherwise. */
export function getObject(
  store: ObjectStore,
  type: ResourceType,
  name: string,
  namespace: string | undefined,
  representation: Representation,
) {
  const found = store.get(type, name, namespace);
  if (!found) {
    const resource = type.group ? `${type.plural}.${type.group}` : type.plural;
    throw StatusError.of(404, `${resource} "${name}" not found`, {
      name,
      group: type.group || undefined, // omitted for the core group, as on the wire
      kind: type.plural,
    });
  }
  return representation.shape === 'metadata'
    ? metadataOnly(found, representation.version)
    : found;
}
