import type { TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import type { ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { ofKind, podLabels } from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';

/** Annotations by which a cloud load balancer terminates TLS for an Ingress or a LoadBalancer Service. */
const TLS_ANNOTATION =
  /^(alb\.ingress\.kubernetes\.io\/certificate-arn|ingress\.gcp\.kubernetes\.io\/pre-shared-cert|networking\.gke\.io\/managed-certificates|appgw\.ingress\.kubernetes\.io\/appgw-ssl-certificate|service\.beta\.kubernetes\.io\/aws-load-balancer-ssl-cert|service\.beta\.kubernetes\.io\/do-loadbalancer-certificate-id|service\.beta\.kubernetes\.io\/oci-load-balancer-ssl-ports|service\.beta\.kubernetes\.io\/linode-loadbalancer-default-protocol|service\.kubernetes\.io\/ibm-load-balancer-cloud-provider-enable-features)$/;

/** Kinds that bring traffic into the cluster and may terminate TLS. */
const ENTRY_KINDS = [
  'Ingress',
  'Route',
  'Gateway',
  'IngressRoute',
  'HTTPProxy',
];

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
        tlsByAnnotation(o)
      );
    case 'Route':
      return !!o.spec?.tls;
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
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const entries = entryPoints(set);
        const secured = entries.filter(e => terminatesTls(e.object));
        const plain = entries.filter(e => !terminatesTls(e.object));
        const ns = workloads.find(w => w.namespace)?.namespace ?? set.namespace;
        const mtls = meshMtls(set, ns);
        // Without workloads, the entry points and mesh policies the set holds still decide (an Ingress without tls).
        if (workloads.length === 0 && entries.length === 0 && !mtls)
          return undefined;
        const evidence = capEvidence([
          ...secured.map(e =>
            objectEvidence(
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
              e.object.kind === 'Service'
                ? noted('cn-security.tls.service-plain-note', {
                    type: String(e.object.spec?.type),
                  })
                : noted('cn-security.tls.plain-note', { kind: e.object.kind }),
            ),
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
            remediation: plain.length
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
        const service = ofKind(set, 'Service').find(s =>
          workloads.some(w =>
            mapSelectorMatches(s.object.spec?.selector, podLabels(w)),
          ),
        );
        const plainIngress = plain.find(p => p.object.kind === 'Ingress');
        let why = 'cn-security.tls.none';
        if (entries.length) why = 'cn-security.tls.none-plain-entries';
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
  },
};
