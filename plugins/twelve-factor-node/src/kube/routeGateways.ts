/*
 * Routes into a namespace and the gateways they attach to. A route (Gateway
 * API HTTPRoute…, Istio VirtualService) names the Service it sends traffic
 * to, and the gateway that receives that traffic, which is often a shared
 * one in another namespace: whether traffic comes in over TLS is said by
 * that gateway's listeners, so the entity's objects include it.
 */
import type { ClusterIndex } from './ClusterIndex';
import { objectKey, type KubeObject } from './types';

/** Gateway API route kinds. */
export const GATEWAY_API_ROUTE_KINDS = [
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TLSRoute',
  'UDPRoute',
];

/** `cart`, `cart.shop`, `cart.shop.svc.cluster.local` → `cart`. */
function serviceOfHost(host: unknown): string {
  return String(host ?? '').split('.')[0];
}

/** The routes of a namespace that send traffic to one of the given Services. */
export function routesToServices(
  index: ClusterIndex,
  ns: string,
  services: ReadonlySet<string>,
): KubeObject[] {
  const out: KubeObject[] = [];
  for (const kind of GATEWAY_API_ROUTE_KINDS)
    for (const o of index.ofKindIn(kind, ns)) {
      const backends = (o.spec?.rules ?? []).flatMap(
        (r: any) => r?.backendRefs ?? [],
      );
      if (
        backends.some(
          (b: any) =>
            (b?.kind ?? 'Service') === 'Service' &&
            (b?.namespace ?? ns) === ns &&
            services.has(String(b?.name)),
        )
      )
        out.push(o);
    }
  for (const o of index.ofKindIn('VirtualService', ns)) {
    const hosts: string[] = [];
    for (const section of ['http', 'tcp', 'tls'])
      for (const r of o.spec?.[section] ?? [])
        for (const d of r?.route ?? []) hosts.push(d?.destination?.host);
    if (hosts.some(h => services.has(serviceOfHost(h)))) out.push(o);
  }
  return out;
}

/** The gateways a route attaches to that the cluster holds: Gateway API parentRefs, an Istio VirtualService's gateways (`namespace/name`). */
export function gatewaysOf(
  index: ClusterIndex,
  route: KubeObject,
): KubeObject[] {
  const ns = route.metadata.namespace;
  const out: KubeObject[] = [];
  const add = (o: KubeObject | undefined) => {
    if (o) out.push(o);
  };
  if (GATEWAY_API_ROUTE_KINDS.includes(route.kind)) {
    for (const p of route.spec?.parentRefs ?? [])
      if ((p?.kind ?? 'Gateway') === 'Gateway' && p?.name)
        add(index.get('Gateway', p?.namespace ?? ns, String(p.name)));
  } else if (route.kind === 'VirtualService') {
    for (const g of route.spec?.gateways ?? []) {
      if (typeof g !== 'string' || g === 'mesh') continue;
      const [first, second] = g.split('/');
      add(
        second
          ? index.get('Gateway', first, second)
          : index.get('Gateway', ns, first),
      );
    }
  }
  return out;
}

/**
 * An entity's objects with the routes into its namespaces that send traffic
 * to its Services (a route need not carry the entity's labels), and the
 * gateways that those routes and its own attach to, wherever they are.
 */
export function withRouteGateways(
  index: ClusterIndex,
  objects: ReadonlyArray<KubeObject>,
): KubeObject[] {
  const result = new Map<string, KubeObject>();
  for (const o of objects) result.set(objectKey(o), o);
  const services = new Map<string, Set<string>>();
  for (const o of objects)
    if (o.kind === 'Service') {
      const ns = o.metadata.namespace ?? '';
      services.set(ns, (services.get(ns) ?? new Set()).add(o.metadata.name));
    }
  for (const [ns, names] of services)
    for (const r of routesToServices(index, ns, names))
      result.set(objectKey(r), r);
  for (const o of [...result.values()])
    for (const g of gatewaysOf(index, o)) result.set(objectKey(g), g);
  return result.size === objects.length ? [...objects] : [...result.values()];
}
