/*
 * Routes that bring traffic in through a gateway they name rather than
 * define: Gateway API HTTPRoutes and GRPCRoutes (parentRefs), and Istio
 * VirtualServices bound to gateways. Whether the traffic is encrypted is
 * decided by that gateway's listeners, which are often a shared platform
 * Gateway in another namespace and another repository: such a route is
 * judged by the gateway where it is found (this deploy target, another one
 * of the repository, a live cluster), and left undecided where it is not.
 */
import type { FactReader } from '../../engine/facts';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { ObjectSet } from '../../facts/objectSets';
import { list } from '../f8-concurrency/processTypes';

/** Where a route's gateway was found: the set itself, another deploy target (its file), or a live cluster. */
export type GatewayPlace =
  | { in: 'set' }
  | { in: 'repo'; path: string }
  | { in: 'cluster'; cluster: string };

/** A route, one gateway it attaches to, and what that gateway says about TLS. */
export interface GatewayRoute {
  route: SourcedObject;
  /** `namespace/name`, or `name` when the namespace is the route's own and unknown. */
  gateway: string;
  /** Undefined when the gateway is nowhere to be read. */
  place?: GatewayPlace;
  /** Whether the listeners (or Istio servers) the route attaches to serve TLS; undefined when the gateway is not found. */
  tls?: boolean;
  /** The listeners it attaches to, as `name (PROTOCOL port)`. */
  listeners: string[];
}

const GATEWAY_API_ROUTES = new Set(['HTTPRoute', 'GRPCRoute']);

interface ParentRef {
  name: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
}

/** The gateways a route names: Gateway API parentRefs of kind Gateway, an Istio VirtualService's gateways other than the mesh. */
function parentsOf(o: Record<string, any>): ParentRef[] {
  const ns: string | undefined = o.metadata?.namespace;
  if (GATEWAY_API_ROUTES.has(o.kind))
    return list(o.spec?.parentRefs)
      .filter(
        (p: any) =>
          typeof p?.name === 'string' &&
          (p.kind ?? 'Gateway') === 'Gateway' &&
          (p.group ?? 'gateway.networking.k8s.io') ===
            'gateway.networking.k8s.io',
      )
      .map((p: any) => ({
        name: p.name,
        ...(p.namespace ?? ns ? { namespace: p.namespace ?? ns } : {}),
        ...(typeof p.sectionName === 'string'
          ? { sectionName: p.sectionName }
          : {}),
        ...(typeof p.port === 'number' ? { port: p.port } : {}),
      }));
  if (o.kind === 'VirtualService')
    return list(o.spec?.gateways)
      .map(String)
      .filter(g => g && g !== 'mesh')
      .map(g => {
        // `namespace/name`; a bare name is in the VirtualService's namespace.
        const [first, second] = g.split('/');
        return second
          ? { name: second, namespace: first }
          : { name: first, ...(ns ? { namespace: ns } : {}) };
      });
  return [];
}

/** A namespace written on only one side matches any: a repository's objects often leave it to the deploy. */
function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function isGateway(
  o: Record<string, any>,
  ref: ParentRef,
  routeKind: string,
): boolean {
  if (o?.kind !== 'Gateway' || o.metadata?.name !== ref.name) return false;
  // A VirtualService binds Istio gateways, a Gateway API route Gateway API ones.
  const istio = /networking\.istio\.io/.test(String(o.apiVersion ?? ''));
  if (istio !== (routeKind === 'VirtualService')) return false;
  return sameNamespace(o.metadata?.namespace, ref.namespace);
}

/** The listeners of a Gateway API Gateway a parent ref selects (sectionName, port), or every server of an Istio Gateway. */
function listenersOf(
  gateway: Record<string, any>,
  ref: ParentRef,
): Array<{ label: string; tls: boolean }> {
  const listeners = list(gateway.spec?.listeners);
  if (listeners.length)
    return listeners
      .filter(
        (l: any) =>
          (ref.sectionName === undefined || l?.name === ref.sectionName) &&
          (ref.port === undefined || l?.port === ref.port),
      )
      .map((l: any) => ({
        label: `${l?.name ?? '?'} (${l?.protocol ?? '?'} ${l?.port ?? '?'})`,
        tls: /^(HTTPS|TLS)$/.test(String(l?.protocol)),
      }));
  return list(gateway.spec?.servers).map((s: any) => ({
    label: `${s?.port?.name ?? '?'} (${s?.port?.protocol ?? '?'} ${
      s?.port?.number ?? '?'
    })`,
    tls: !!s?.tls?.mode || /^(HTTPS|TLS)$/.test(String(s?.port?.protocol)),
  }));
}

/**
 * The routes of a set and the gateways they attach to, each judged by the
 * gateway's listeners where the gateway is found: in the set, in another
 * deploy target of the repository, or in a live cluster (the set's own
 * cluster first).
 */
export function gatewayRoutes(
  set: ObjectSet,
  facts: FactReader,
): GatewayRoute[] {
  const routes = set.objects.filter(
    o =>
      GATEWAY_API_ROUTES.has(o.object.kind) ||
      o.object.kind === 'VirtualService',
  );
  if (routes.length === 0) return [];
  const repoObjects = (facts.tryGet(manifestsFactRef)?.targets ?? []).flatMap(
    t => (t.objects === set.objects ? [] : t.objects),
  );
  const clusters = (facts.tryGet(clusterFactRef)?.clusters ?? [])
    .filter(c => c.status === 'ok')
    .sort(
      (a, b) => Number(b.name === set.cluster) - Number(a.name === set.cluster),
    );
  const out: GatewayRoute[] = [];
  for (const route of routes) {
    for (const ref of parentsOf(route.object)) {
      const gateway = `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
      const kind = route.object.kind;
      let found:
        | { object: Record<string, any>; place: GatewayPlace }
        | undefined;
      const inSet = set.objects.find(o => isGateway(o.object, ref, kind));
      if (inSet) found = { object: inSet.object, place: { in: 'set' } };
      const inRepo =
        !found && repoObjects.find(o => isGateway(o.object, ref, kind));
      if (inRepo && 'path' in inRepo.origin)
        found = {
          object: inRepo.object,
          place: { in: 'repo', path: inRepo.origin.path },
        };
      for (const c of found ? [] : clusters) {
        const live = c.objects.find(o => isGateway(o, ref, kind));
        if (live) {
          found = { object: live, place: { in: 'cluster', cluster: c.name } };
          break;
        }
      }
      if (!found) {
        out.push({ route, gateway, listeners: [] });
        continue;
      }
      const listeners = listenersOf(found.object, ref);
      out.push({
        route,
        gateway,
        place: found.place,
        tls: listeners.some(l => l.tls),
        listeners: listeners.map(l => l.label),
      });
    }
  }
  return out;
}
