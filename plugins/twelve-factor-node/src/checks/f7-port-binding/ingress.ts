import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { clusterFactRef } from '../../facts/cluster/extractor';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';

const M = 'f7-port-binding.ingress';
import { lazySnippet, toYaml } from '../snippets';
import { appProcesses, judgeSets, list } from '../f8-concurrency/processTypes';

/** Service names (in the set's namespaces) that an Ingress, Gateway route, OpenShift Route, Istio VirtualService or Traefik IngressRoute sends traffic to. */
function routes(
  set: ObjectSet,
): Array<{ source: SourcedObject; service: string; namespace: string }> {
  const out: Array<{
    source: SourcedObject;
    service: string;
    namespace: string;
  }> = [];
  for (const source of set.objects) {
    const o = source.object;
    const ns = String(o.metadata?.namespace ?? '');
    const add = (name: unknown, namespace = ns) => {
      if (typeof name === 'string' && name)
        out.push({ source, service: name, namespace });
    };
    switch (o.kind) {
      case 'Ingress':
        add(
          o.spec?.defaultBackend?.service?.name ?? o.spec?.backend?.serviceName,
        );
        for (const rule of list(o.spec?.rules))
          for (const p of list(rule?.http?.paths))
            add(p?.backend?.service?.name ?? p?.backend?.serviceName);
        break;
      case 'HTTPRoute':
      case 'GRPCRoute':
      case 'TLSRoute':
        for (const rule of list(o.spec?.rules))
          for (const b of list(rule?.backendRefs))
            if ((b?.kind ?? 'Service') === 'Service')
              add(b?.name, b?.namespace ?? ns);
        break;
      case 'Route':
        if ((o.spec?.to?.kind ?? 'Service') === 'Service')
          add(o.spec?.to?.name);
        break;
      case 'VirtualService':
        // Only a VirtualService bound to an ingress gateway routes external traffic; the default (mesh) is pod-to-pod.
        if (!list(o.spec?.gateways).some(g => g && String(g) !== 'mesh')) break;
        for (const h of list(o.spec?.http))
          for (const r of list(h?.route))
            add(String(r?.destination?.host ?? '').split('.')[0]);
        break;
      case 'IngressRoute':
        for (const r of list(o.spec?.routes))
          for (const s of list(r?.services)) add(s?.name);
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A set without web Services, judged by what it holds on its own: routes
 * (an Ingress, an HTTPRoute…) to a Service whose workload is not among its
 * objects, or a NodePort/LoadBalancer Service that exposes one. Undefined
 * when it holds neither.
 */
function detachedRoutes(set: ObjectSet): CheckOutcome | undefined {
  const found = routes(set);
  if (found.length) {
    const routers = [
      ...new Set(
        found.map(
          r => `${r.source.object.kind} ${r.source.object.metadata?.name}`,
        ),
      ),
    ];
    return {
      verdict: 'pass',
      ...finding(
        routers.length === 1 ? `${M}.detached-one` : `${M}.detached`,
        {
          routers: routers.join(', '),
          services: [...new Set(found.map(r => r.service))].join(', '),
        },
        [set.label],
      ),
      evidence: capEvidence(
        found.map(r =>
          objectEvidence(
            set,
            r.source,
            noted(`${M}.detached-note`, { service: r.service, set: set.label }),
            'spec',
          ),
        ),
      ),
    };
  }
  const exposed = set.objects.filter(
    o =>
      o.object.kind === 'Service' &&
      ['NodePort', 'LoadBalancer'].includes(String(o.object.spec?.type)),
  );
  if (exposed.length === 0) return undefined;
  return {
    verdict: 'partial',
    ...finding(
      `${M}.exposed-only`,
      {
        services: exposed
          .map(s => `${s.object.spec.type} Service ${s.object.metadata?.name}`)
          .join(', '),
      },
      [set.label],
    ),
    evidence: exposed.map(s =>
      objectEvidence(
        set,
        s,
        noted(`${M}.type-note`, { type: String(s.object.spec.type) }),
        'spec.type',
      ),
    ),
    remediation: advice(`${M}.advice`, {
      service: String(exposed[0].object.metadata?.name),
    }),
  };
}

export const ingress: TwelveFactorCheck = {
  id: 'f7-port-binding.ingress',
  evaluate({ facts }) {
    const nginx = (facts.tryGet(clusterFactRef)?.clusters ?? []).some(c =>
      c.addons.some(a => a.product === 'ingress-nginx'),
    );
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const webServices = new Map<string, SourcedObject>();
        for (const w of appProcesses(set).filter(p => p.type === 'web'))
          for (const s of w.services)
            webServices.set(
              `${s.object.metadata?.namespace ?? ''}/${
                s.object.metadata?.name
              }`,
              s,
            );
        if (webServices.size === 0) return detachedRoutes(set);
        const routed = routes(set).filter(r =>
          webServices.has(`${r.namespace}/${r.service}`),
        );
        if (routed.length) {
          const names = [...new Set(routed.map(r => r.service))];
          const routers = [
            ...new Set(
              routed.map(
                r =>
                  `${r.source.object.kind} ${r.source.object.metadata?.name}`,
              ),
            ),
          ];
          return {
            verdict: 'pass',
            ...finding(
              routers.length === 1 ? `${M}.routes-one` : `${M}.routes`,
              { routers: routers.join(', '), services: names.join(', ') },
              [set.label],
            ),
            evidence: capEvidence(
              routed.map(r =>
                objectEvidence(
                  set,
                  r.source,
                  noted(`${M}.routes-note`, { service: r.service }),
                  'spec',
                ),
              ),
            ),
          };
        }
        const services = [...webServices.values()];
        const exposed = services.filter(s =>
          ['NodePort', 'LoadBalancer'].includes(String(s.object.spec?.type)),
        );
        const target = exposed[0] ?? services[0];
        const port = target.object.spec?.ports?.[0] ?? {};
        const ns = target.object.metadata?.namespace ?? set.namespace;
        const remediation = {
          ...advice(`${M}.advice`, {
            service: String(target.object.metadata?.name),
          }),
          snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
            toYaml({
              apiVersion: 'networking.k8s.io/v1',
              kind: 'Ingress',
              metadata: {
                name: target.object.metadata?.name,
                ...(ns ? { namespace: ns } : {}),
              },
              spec: {
                ...(nginx ? { ingressClassName: 'nginx' } : {}),
                rules: [
                  {
                    host: `${target.object.metadata?.name}.example.com`,
                    http: {
                      paths: [
                        {
                          path: '/',
                          pathType: 'Prefix',
                          backend: {
                            service: {
                              name: target.object.metadata?.name,
                              port: port.name
                                ? { name: port.name }
                                : { number: port.port ?? 80 },
                            },
                          },
                        },
                      ],
                    },
                  },
                ],
              },
            }),
          ),
        };
        if (exposed.length) {
          return {
            verdict: 'partial',
            ...finding(
              `${M}.exposed-only`,
              {
                services: exposed
                  .map(
                    s =>
                      `${s.object.spec.type} Service ${s.object.metadata?.name}`,
                  )
                  .join(', '),
              },
              [set.label],
            ),
            evidence: exposed.map(s =>
              objectEvidence(
                set,
                s,
                noted(`${M}.type-note`, { type: String(s.object.spec.type) }),
                'spec.type',
              ),
            ),
            remediation,
          };
        }
        return {
          verdict: 'unknown',
          ...finding(
            `${M}.internal`,
            { services: services.map(s => s.object.metadata?.name).join(', ') },
            [set.label],
          ),
          ...because(`${M}.internal-reason`, {
            set: set.label,
            services: services.map(s => s.object.metadata?.name).join(', '),
          }),
          evidence: services.map(s =>
            objectEvidence(
              set,
              s,
              noted(`${M}.unrouted-note`, {
                type: String(s.object.spec?.type ?? 'ClusterIP'),
              }),
            ),
          ),
          remediation,
        };
      },
      { id: `${M}.nothing` },
    );
  },
};
