import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { ofKind, podLabels } from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted, paramList } from '../messages';
import {
  combineSetMessages,
  judgeSetMessages,
  objectEvidence,
} from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';
import { gatewayRoutes, type GatewayRoute } from './gatewayRoutes';

/** Annotations by which a cloud load balancer terminates TLS for an Ingress or a LoadBalancer Service. */
const TLS_ANNOTATION =
  /^(alb\.ingress\.kubernetes\.io\/certificate-arn|ingress\.gcp\.kubernetes\.io\/pre-shared-cert|networking\.gke\.io\/managed-certificates|appgw\.ingress\.kubernetes\.io\/appgw-ssl-certificate|service\.beta\.kubernetes\.io\/aws-load-balancer-ssl-cert|service\.beta\.kubernetes\.io\/do-loadbalancer-certificate-id|service\.beta\.kubernetes\.io\/oci-load-balancer-ssl-ports|service\.beta\.kubernetes\.io\/linode-loadbalancer-default-protocol|service\.kubernetes\.io\/ibm-load-balancer-cloud-provider-enable-features)$/;

/** Kinds that bring traffic into the cluster and may terminate TLS (a TLSRoute passes TLS through to the backend). */
const ENTRY_KINDS = [
  'Ingress',
  'Route',
  'Gateway',
  'IngressRoute',
  'HTTPProxy',
  'TLSRoute',
];

/**
 * Ingress annotations by which the controller serves the Ingress over HTTPS
 * without a tls section: a redirect to HTTPS (served with the controller's
 * default certificate), an AWS load balancer listening on HTTPS (its
 * certificate found by host), Traefik's TLS router or secure entry point.
 */
const HTTPS_BY_CONTROLLER: Array<[RegExp, RegExp]> = [
  [/^(nginx\.)?ingress\.kubernetes\.io\/force-ssl-redirect$/, /^true$/i],
  [/^alb\.ingress\.kubernetes\.io\/listen-ports$/, /HTTPS/],
  [/^traefik\.ingress\.kubernetes\.io\/router\.tls$/, /^true$/i],
  [
    /^traefik\.ingress\.kubernetes\.io\/router\.entrypoints$/,
    /^(websecure|https)$/i,
  ],
  [/^kubernetes\.io\/ingress\.allow-http$/, /^false$/i],
];

function httpsByController(o: Record<string, any>): boolean {
  const a = o.metadata?.annotations;
  if (!a || typeof a !== 'object') return false;
  return Object.entries(a).some(([k, v]) =>
    HTTPS_BY_CONTROLLER.some(
      ([key, value]) => key.test(k) && value.test(String(v)),
    ),
  );
}

/** cert-manager's ingress-shim issues certificates only for the hosts of a tls section: without one its annotation does nothing. */
const ISSUER_ANNOTATION =
  /^(cert-manager\.io\/(cluster-issuer|issuer)|kubernetes\.io\/tls-acme)$/;

function issuerAnnotation(
  o: Record<string, any>,
): { annotation: string; value: string } | undefined {
  const a = o.metadata?.annotations;
  if (!a || typeof a !== 'object') return undefined;
  const found = Object.entries(a).find(([k]) => ISSUER_ANNOTATION.test(k));
  return found ? { annotation: found[0], value: String(found[1]) } : undefined;
}

/** Whether an object's annotations make a cloud load balancer terminate TLS. */
function tlsByAnnotation(o: Record<string, any>): boolean {
  const a = o.metadata?.annotations;
  if (!a || typeof a !== 'object') return false;
  return Object.entries(a).some(
    ([k, v]) =>
      TLS_ANNOTATION.test(k) &&
      String(v) !== '' &&
      !/^(false|http|tcp)$/i.test(String(v)),
  );
}

/** Whether an entry point (Ingress, Route, Gateway, IngressRoute, HTTPProxy, LoadBalancer Service) terminates TLS. */
function terminatesTls(o: Record<string, any>): boolean {
  switch (o.kind) {
    case 'Ingress':
      return (
        (Array.isArray(o.spec?.tls) && o.spec.tls.length > 0) ||
        tlsByAnnotation(o) ||
        httpsByController(o)
      );
    case 'Route':
      // OpenShift: edge, passthrough or reencrypt termination.
      return !!o.spec?.tls?.termination;
    case 'TLSRoute':
      return true;
    case 'Gateway':
      // Gateway API listeners, or Istio Gateway servers.
      return (
        (o.spec?.listeners ?? []).some((l: any) =>
          /^(HTTPS|TLS)$/.test(l?.protocol),
        ) ||
        (o.spec?.servers ?? []).some(
          (s: any) => s?.tls?.mode && s.tls.mode !== 'PASSTHROUGH',
        )
      );
    case 'IngressRoute':
      // Traefik: a tls section, or only the secure entry point.
      return (
        !!o.spec?.tls ||
        (Array.isArray(o.spec?.entryPoints) &&
          o.spec.entryPoints.length > 0 &&
          o.spec.entryPoints.every((e: unknown) =>
            /secure|https|443/i.test(String(e)),
          ))
      );
    case 'HTTPProxy':
      // Contour.
      return !!o.spec?.virtualhost?.tls;
    case 'Service':
      return tlsByAnnotation(o);
    default:
      return false;
  }
}

/**
 * The entry points of a set: the ingress kinds, and Services of type
 * LoadBalancer (a NodePort Service is often only the backend of a cloud
 * Ingress, so it is not counted).
 */
function entryPoints(set: ObjectSet): SourcedObject[] {
  return ofKind(set, ...ENTRY_KINDS, 'Service').filter(
    o => o.object.kind !== 'Service' || o.object.spec?.type === 'LoadBalancer',
  );
}

/**
 * How the set encrypts pod-to-pod traffic, if it does: `mesh` names its
 * messages (`cn-security.tls.<mesh>-note`, `…mesh-<mesh>`).
 */
function meshMtls(
  set: ObjectSet,
  ns: string | undefined,
):
  | {
      mesh: 'istio' | 'linkerd' | 'consul';
      params: { name: string } | { object: string };
      source: SourcedObject;
    }
  | undefined {
  const strict = ofKind(set, 'PeerAuthentication').find(
    p => p.object.spec?.mtls?.mode === 'STRICT',
  );
  if (strict)
    return {
      mesh: 'istio',
      params: { name: String(strict.object.metadata?.name) },
      source: strict,
    };
  for (const o of set.objects) {
    const annotations =
      o.object.kind === 'Namespace'
        ? o.object.metadata?.annotations
        : o.object.spec?.template?.metadata?.annotations;
    if (
      annotations?.['linkerd.io/inject'] === 'enabled' &&
      (o.object.kind !== 'Namespace' || !ns || o.object.metadata?.name === ns)
    ) {
      return {
        mesh: 'linkerd',
        params: { object: `${o.object.kind}/${o.object.metadata?.name}` },
        source: o,
      };
    }
    if (String(annotations?.['consul.hashicorp.com/connect-inject']) === 'true')
      return {
        mesh: 'consul',
        params: { object: `${o.object.kind}/${o.object.metadata?.name}` },
        source: o,
      };
  }
  return undefined;
}

/** An Ingress patch adding TLS for its hosts, with a cert-manager certificate. */
function ingressTlsPatch(ing: Record<string, any>): string {
  const hosts = [
    ...new Set(
      (ing.spec?.rules ?? []).map((r: any) => r?.host).filter(Boolean),
    ),
  ] as string[];
  return toYaml({
    apiVersion: ing.apiVersion ?? 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: ing.metadata?.name,
      ...(ing.metadata?.namespace ? { namespace: ing.metadata.namespace } : {}),
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    },
    spec: {
      tls: [
        {
          hosts: hosts.length ? hosts : ['HOST'],
          secretName: `${ing.metadata?.name}-tls`,
        },
      ],
    },
  });
}

/** An Ingress with TLS for a Service, on its first port. */
function ingressFor(svc: Record<string, any>): string {
  const name = String(svc.metadata?.name);
  const port = svc.spec?.ports?.[0];
  return toYaml({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      ...(svc.metadata?.namespace ? { namespace: svc.metadata.namespace } : {}),
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    },
    spec: {
      tls: [{ hosts: ['HOST'], secretName: `${name}-tls` }],
      rules: [
        {
          host: 'HOST',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: {
                  service: {
                    name,
                    port: port?.name
                      ? { name: port.name }
                      : { number: port?.port ?? 80 },
                  },
                },
              },
            ],
          },
        },
      ],
    },
  });
}

export const tls: TwelveFactorCheck = {
  id: 'cn-security.tls',
  evaluate({ facts }) {
    const meshes = (facts.tryGet(clusterFactRef)?.clusters ?? []).flatMap(c =>
      c.addons.filter(a => a.kind === 'service-mesh').map(a => a.product),
    );
    // A set whose routes attach to gateways nowhere to be read decides nothing; it does not hide the sets that decide.
    const undecided: Array<{ label: string; outcome: CheckOutcome }> = [];
    const result = judgeSetMessages(
      facts,
      (set, workloads) => {
        const entries = entryPoints(set);
        const secured = entries.filter(e => terminatesTls(e.object));
        const plain = entries.filter(e => !terminatesTls(e.object));
        // Routes are judged by the gateway they attach to; a Gateway of this set is an entry point of its own.
        const routed = byRoute(
          gatewayRoutes(set, facts).filter(r => r.place?.in !== 'set'),
        );
        const viaGateway = new Map<SourcedObject, GatewayRoute>();
        for (const r of routed)
          if (r.tls !== undefined) {
            viaGateway.set(r.route, r);
            (r.tls ? secured : plain).push(r.route);
          }
        const outside = routed.filter(r => r.tls === undefined);
        const ns = workloads.find(w => w.namespace)?.namespace ?? set.namespace;
        const mtls = meshMtls(set, ns);
        // Without workloads, the entry points and mesh policies the set holds still decide (an Ingress without tls).
        if (
          workloads.length === 0 &&
          entries.length === 0 &&
          routed.length === 0 &&
          !mtls
        )
          return undefined;
        const evidence = capEvidence([
          ...secured.map(e =>
            viaGateway.has(e)
              ? objectEvidence(
                  set,
                  e,
                  routeNote(viaGateway.get(e)!),
                  'spec.parentRefs',
                )
              : objectEvidence(
                  set,
                  e,
                  noted('cn-security.tls.terminates-note', {
                    kind: e.object.kind,
                  }),
                  'spec.tls',
                ),
          ),
          ...plain.map(e =>
            objectEvidence(
              set,
              e,
              viaGateway.has(e)
                ? routeNote(viaGateway.get(e)!)
                : e.object.kind === 'Service'
                ? noted('cn-security.tls.service-plain-note', {
                    type: String(e.object.spec?.type),
                  })
                : e.object.kind === 'Ingress' && issuerAnnotation(e.object)
                ? noted(
                    'cn-security.tls.issuer-without-tls-note',
                    issuerAnnotation(e.object),
                  )
                : noted('cn-security.tls.plain-note', { kind: e.object.kind }),
              viaGateway.has(e) ? 'spec.parentRefs' : undefined,
            ),
          ),
          ...outside.map(r =>
            objectEvidence(set, r.route, routeNote(r), 'spec'),
          ),
          ...(mtls
            ? [
                objectEvidence(
                  set,
                  mtls.source,
                  noted(`cn-security.tls.${mtls.mesh}-note`, mtls.params),
                ),
              ]
            : []),
        ]);
        if (mtls && plain.length === 0) {
          return {
            verdict: 'pass',
            ...finding(
              `cn-security.tls.${secured.length ? 'edge-' : ''}mesh-${
                mtls.mesh
              }`,
              mtls.params,
            ),
            evidence,
          };
        }
        if (secured.length || mtls) {
          const istio = meshes.includes('istio') || !meshes.includes('linkerd');
          return {
            verdict: 'partial',
            ...(mtls
              ? finding('cn-security.tls.mtls-plain-edge', {
                  objects: plain
                    .map(e => `${e.object.kind}/${e.object.metadata?.name}`)
                    .join(', '),
                })
              : finding('cn-security.tls.edge-only')),
            evidence,
            remediation: viaGateway.has(plain[0])
              ? gatewayAdvice(viaGateway.get(plain[0])!)
              : plain.length
              ? {
                  ...advice('cn-security.tls.terminate-advice', {
                    object: `${plain[0].object.kind}/${plain[0].object.metadata?.name}`,
                  }),
                  ...(plain[0].object.kind === 'Ingress'
                    ? {
                        snippet: lazySnippet(
                          { language: 'yaml', action: 'create' },
                          () => ingressTlsPatch(plain[0].object),
                        ),
                      }
                    : {}),
                }
              : {
                  ...(ns === undefined
                    ? advice(
                        `cn-security.tls.${
                          istio ? 'istio' : 'linkerd'
                        }-advice-unnamed`,
                      )
                    : advice(
                        `cn-security.tls.${istio ? 'istio' : 'linkerd'}-advice`,
                        { namespace: ns },
                      )),
                  snippet: lazySnippet(
                    { language: 'yaml', action: 'create' },
                    () =>
                      istio
                        ? toYaml({
                            apiVersion: 'security.istio.io/v1',
                            kind: 'PeerAuthentication',
                            metadata: {
                              name: 'default',
                              ...(ns ? { namespace: ns } : {}),
                            },
                            spec: { mtls: { mode: 'STRICT' } },
                          })
                        : toYaml({
                            apiVersion: 'v1',
                            kind: 'Namespace',
                            metadata: {
                              name: ns ?? 'NAMESPACE',
                              annotations: { 'linkerd.io/inject': 'enabled' },
                            },
                          }),
                  ),
                },
          };
        }
        if (plain.length === 0 && outside.length) {
          const gateways = [...new Set(outside.map(r => r.gateway))].join(', ');
          undecided.push({
            label: set.label,
            outcome: {
              verdict: 'unknown',
              ...finding('cn-security.tls.outside-gateway', { gateways }),
              ...because('cn-security.tls.outside-gateway-reason', {
                routes: [
                  ...new Set(
                    outside.map(
                      r =>
                        `${r.route.object.kind}/${r.route.object.metadata?.name}`,
                    ),
                  ),
                ].join(', '),
                gateways,
              }),
              evidence,
            },
          });
          return undefined;
        }
        const service = ofKind(set, 'Service').find(s =>
          workloads.some(w =>
            mapSelectorMatches(s.object.spec?.selector, podLabels(w)),
          ),
        );
        const plainIngress = plain.find(p => p.object.kind === 'Ingress');
        let why = 'cn-security.tls.none';
        if (entries.length || viaGateway.size)
          why = 'cn-security.tls.none-plain-entries';
        else if (service) why = 'cn-security.tls.none-services';
        return {
          verdict: 'fail',
          ...finding(why),
          evidence: evidence.length
            ? evidence
            : ofKind(set, 'Service')
                .slice(0, 3)
                .map(s =>
                  objectEvidence(
                    set,
                    s,
                    noted('cn-security.tls.service-note', {
                      type: String(s.object.spec?.type ?? 'ClusterIP'),
                    }),
                  ),
                ),
          remediation: plainIngress
            ? {
                ...advice('cn-security.tls.ingress-advice', {
                  name: String(plainIngress.object.metadata?.name),
                }),
                snippet: lazySnippet(
                  { language: 'yaml', action: 'create' },
                  () => ingressTlsPatch(plainIngress.object),
                ),
              }
            : viaGateway.has(plain[0])
            ? gatewayAdvice(viaGateway.get(plain[0])!)
            : plain.length
            ? {
                ...advice('cn-security.tls.entry-advice', {
                  object: `${plain[0].object.kind}/${plain[0].object.metadata?.name}`,
                }),
              }
            : {
                ...advice('cn-security.tls.expose-advice'),
                ...(service
                  ? {
                      snippet: lazySnippet(
                        { language: 'yaml', action: 'create' },
                        () => ingressFor(service.object),
                      ),
                    }
                  : {}),
              },
        };
      },
      labels =>
        because('cn-security.tls.nothing-reason', { sets: labels.join(', ') }),
      { withoutWorkloads: true },
    );
    if (undecided.length === 0) return result;
    if (result.verdict === 'unknown' && !result.evidence?.length) {
      const combined = combineSetMessages(undecided);
      // Every set says why in the same words when its routes name the same gateway: once is enough.
      combined.reason = [...new Set(undecided.map(u => u.outcome.reason))].join(
        '; ',
      );
      return combined;
    }
    result.evidence = [
      ...(result.evidence ?? []),
      ...undecided.flatMap(u => u.outcome.evidence ?? []),
    ];
    return result;
  },
};

/** A route's gateways, one entry per route: TLS when any gateway it attaches to serves TLS, plain when a found one does not, else undecided. */
function byRoute(routes: ReadonlyArray<GatewayRoute>): GatewayRoute[] {
  const out = new Map<SourcedObject, GatewayRoute>();
  const rank = (r: GatewayRoute) => (r.tls ? 2 : r.tls === false ? 1 : 0);
  for (const r of routes) {
    const seen = out.get(r.route);
    if (!seen || rank(r) > rank(seen)) out.set(r.route, r);
  }
  return [...out.values()];
}

/** What a route's gateway says: found in another deploy target or a live cluster, with its listeners, or found nowhere. */
function routeNote(r: GatewayRoute) {
  const base = { kind: r.route.object.kind, gateway: r.gateway };
  if (!r.place) return noted('cn-security.tls.route-outside-note', base);
  const secure = r.tls ? 'tls' : 'plain';
  const listeners = paramList(r.listeners);
  return r.place.in === 'cluster'
    ? noted(`cn-security.tls.route-${secure}-cluster-note`, {
        ...base,
        cluster: r.place.cluster,
        listeners,
      })
    : noted(`cn-security.tls.route-${secure}-repo-note`, {
        ...base,
        path: r.place.in === 'repo' ? r.place.path : '',
        listeners,
      });
}

function gatewayAdvice(r: GatewayRoute) {
  return advice('cn-security.tls.gateway-advice', {
    route: `${r.route.object.kind}/${r.route.object.metadata?.name}`,
    gateway: r.gateway,
  });
}
