import type { TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { setEvidence, type ObjectSet } from '../../facts/objectSets';
import { mapSelectorMatches } from '../../kube/labels';
import { judgeWorkloadSets, ofKind, podLabels } from '../cn-orchestration/kube';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';

/** Whether an entry point (Ingress, Route, Gateway) terminates TLS. */
function terminatesTls(o: Record<string, any>): boolean {
  switch (o.kind) {
    case 'Ingress':
      return Array.isArray(o.spec?.tls) && o.spec.tls.length > 0;
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
    default:
      return false;
  }
}

/** How the set encrypts pod-to-pod traffic, if it does. */
function meshMtls(
  set: ObjectSet,
  ns: string | undefined,
): { how: string; source: SourcedObject } | undefined {
  const strict = ofKind(set, 'PeerAuthentication').find(
    p => p.object.spec?.mtls?.mode === 'STRICT',
  );
  if (strict)
    return {
      how: `Istio PeerAuthentication ${strict.object.metadata?.name} (mtls STRICT)`,
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
        how: `Linkerd proxy injection on ${o.object.kind}/${o.object.metadata?.name} (automatic mTLS)`,
        source: o,
      };
    }
    if (String(annotations?.['consul.hashicorp.com/connect-inject']) === 'true')
      return {
        how: `Consul Connect on ${o.object.kind}/${o.object.metadata?.name}`,
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
    return judgeWorkloadSets(
      facts,
      (set, workloads) => {
        const entries = ofKind(set, 'Ingress', 'Route', 'Gateway');
        const secured = entries.filter(e => terminatesTls(e.object));
        const plain = entries.filter(e => !terminatesTls(e.object));
        const ns = workloads.find(w => w.namespace)?.namespace;
        const mtls = meshMtls(set, ns);
        const evidence = capEvidence([
          ...secured.map(e =>
            setEvidence(set, e, `${e.object.kind} terminates TLS`, 'spec.tls'),
          ),
          ...plain.map(e =>
            setEvidence(set, e, `${e.object.kind} serves plain HTTP (no tls)`),
          ),
          ...(mtls ? [setEvidence(set, mtls.source, mtls.how)] : []),
        ]);
        if (mtls && plain.length === 0) {
          return {
            verdict: 'pass',
            summary: `TLS ${
              secured.length ? 'at the edge and ' : ''
            }in the cluster (${mtls.how})`,
            evidence,
          };
        }
        if (secured.length || mtls) {
          const istio = meshes.includes('istio') || !meshes.includes('linkerd');
          return {
            verdict: 'partial',
            summary: mtls
              ? `mTLS inside, but ${plain
                  .map(e => `${e.object.kind}/${e.object.metadata?.name}`)
                  .join(', ')} without TLS`
              : `TLS at the Ingress only; traffic inside the cluster is plain`,
            evidence,
            remediation: plain.length
              ? {
                  text: `Terminate TLS at ${plain[0].object.kind}/${plain[0].object.metadata?.name}.`,
                  snippet: lazySnippet(
                    { language: 'yaml', action: 'create' },
                    () => ingressTlsPatch(plain[0].object),
                  ),
                }
              : {
                  text: istio
                    ? `Encrypt pod-to-pod traffic with mutual TLS: with Istio, require it for namespace ${
                        ns ?? 'of the service'
                      } (pods need the sidecar, e.g. label the namespace istio-injection=enabled).`
                    : `Encrypt pod-to-pod traffic with mutual TLS: mesh the pods with Linkerd (annotation linkerd.io/inject: enabled on namespace ${
                        ns ?? 'of the service'
                      }).`,
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
        let why = 'no TLS-terminating entry point and no mesh';
        if (entries.length) why = 'the entry points serve plain HTTP';
        else if (service)
          why = 'exposed by Services without an Ingress or mesh';
        return {
          verdict: 'fail',
          summary: `No TLS: ${why}`,
          evidence: evidence.length
            ? evidence
            : ofKind(set, 'Service')
                .slice(0, 3)
                .map(s =>
                  setEvidence(
                    set,
                    s,
                    `Service ${s.object.spec?.type ?? 'ClusterIP'} without TLS`,
                  ),
                ),
          remediation: plain.length
            ? {
                text: `Terminate TLS at ${plain[0].object.kind}/${plain[0].object.metadata?.name} (cert-manager issues and renews the certificate).`,
                snippet: lazySnippet(
                  { language: 'yaml', action: 'create' },
                  () => ingressTlsPatch(plain[0].object),
                ),
              }
            : {
                text: 'Expose the service through an Ingress with TLS (cert-manager issues the certificate) instead of a NodePort/LoadBalancer, and consider a service mesh for mutual TLS inside the cluster.',
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
      labels => `No workloads in ${labels.join(', ')}.`,
    );
  },
};
