import {
  cluster,
  docs,
  evaluate,
  service,
  workload,
} from '../cn-orchestration/testFixtures';

const ID = { 'backstage.io/kubernetes-id': 'svc' };

const route = (
  parentRefs: object[],
  kind: 'HTTPRoute' | 'GRPCRoute' = 'HTTPRoute',
  namespace = 'shop',
) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  metadata: { name: 'api', namespace, labels: ID },
  spec: {
    parentRefs,
    hostnames: ['shop.example.com'],
    rules: [{ backendRefs: [{ name: 'api', port: 8080 }] }],
  },
});

const gateway = (listeners: object[], namespace = 'platform') => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'shared', namespace },
  spec: { gatewayClassName: 'envoy', listeners },
});

const HTTPS = {
  name: 'https',
  protocol: 'HTTPS',
  port: 443,
  tls: { certificateRefs: [{ name: 'wildcard' }] },
};
const HTTP = { name: 'http', protocol: 'HTTP', port: 80 };

const api = () => [
  workload('api', { namespace: 'shop' }),
  service('api', 8080, 'shop'),
];

describe('cn-security.tls: routes judged by the gateway they attach to', () => {
  it('is unknown for an HTTPRoute whose Gateway is outside the repository, naming the Gateway and the route', async () => {
    const r = await evaluate(
      {
        'k8s/app.yaml': docs(
          ...api(),
          route([{ name: 'shared', namespace: 'platform' }]),
        ),
      },
      'cn-security.tls',
    );
    expect(r.verdict).toBe('unknown');
    expect(r.reason).toContain(
      'HTTPRoute/api attach to Gateway platform/shared',
    );
    expect(r.reason).toContain('not in the repository');
    expect(r.evidence.map(e => e.note).join('\n')).toContain(
      'HTTPRoute/api spec: HTTPRoute attaches to Gateway platform/shared, which is neither in the repository nor in a live cluster read',
    );
  });

  it('judges the listeners of that Gateway when a live cluster has it: HTTPS is TLS at the edge, HTTP only is no TLS', async () => {
    const files = {
      'k8s/app.yaml': docs(
        ...api(),
        route([{ name: 'shared', namespace: 'platform' }]),
      ),
    };
    // The live route carries no entity label: it belongs to the entity by the Service it sends traffic to.
    const live = (listeners: object[]) =>
      cluster(
        'aks-prod',
        ...api(),
        {
          ...route([{ name: 'shared', namespace: 'platform' }]),
          metadata: { name: 'api', namespace: 'shop' },
        },
        gateway(listeners),
      );
    const secured = await evaluate(files, 'cn-security.tls', [
      live([HTTP, HTTPS]),
    ]);
    expect(secured.verdict).toBe('partial');
    expect(secured.summary).toContain('TLS at the Ingress only');
    expect(secured.evidence.map(e => e.note).join('\n')).toContain(
      'attaches to Gateway platform/shared (live in cluster aks-prod), whose listeners http (HTTP 80), https (HTTPS 443) serve TLS',
    );
    const plain = await evaluate(files, 'cn-security.tls', [live([HTTP])]);
    expect(plain.verdict).toBe('fail');
    expect(plain.summary).toBe('No TLS: the entry points serve plain HTTP');
    expect(plain.remediation?.text).toContain(
      'Attach HTTPRoute/api to an HTTPS listener of Gateway platform/shared',
    );
  });

  it('judges a Gateway of another deploy target of the repository, and the listener a sectionName selects', async () => {
    const files = (sectionName?: string) => ({
      'k8s/app.yaml': docs(
        ...api(),
        route(
          [
            {
              name: 'shared',
              namespace: 'platform',
              ...(sectionName ? { sectionName } : {}),
            },
          ],
          'GRPCRoute',
        ),
      ),
      'platform/gateway.yaml': docs(gateway([HTTP, HTTPS])),
    });
    const any = await evaluate(files(), 'cn-security.tls');
    expect(any.verdict).toBe('partial');
    expect(any.evidence.map(e => e.note).join('\n')).toContain(
      'GRPCRoute attaches to Gateway platform/shared (platform/gateway.yaml)',
    );
    const http = await evaluate(files('http'), 'cn-security.tls');
    expect(http.evidence.map(e => e.note).join('\n')).toContain(
      'whose listeners http (HTTP 80) serve no TLS',
    );
  });

  it('is unknown for an Istio VirtualService bound to a gateway of another namespace, and ignores one bound to the mesh only', async () => {
    const vs = (gateways: string[]) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        hosts: ['shop.example.com'],
        gateways,
        http: [{ route: [{ destination: { host: 'api' } }] }],
      },
    });
    const outside = await evaluate(
      {
        'k8s/app.yaml': docs(...api(), vs(['istio-ingress/public-gateway'])),
      },
      'cn-security.tls',
    );
    expect(outside.verdict).toBe('unknown');
    expect(outside.reason).toContain('Gateway istio-ingress/public-gateway');
    const mesh = await evaluate(
      { 'k8s/app.yaml': docs(...api(), vs(['mesh'])) },
      'cn-security.tls',
    );
    expect(mesh.verdict).toBe('fail');
  });

  it('does not let a target with an outside Gateway hide a target that decides', async () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        tls: [{ hosts: ['shop.example.com'], secretName: 'api-tls' }],
        rules: [{ host: 'shop.example.com' }],
      },
    };
    const r = await evaluate(
      {
        'deploy/dev/app.yaml': docs(
          ...api(),
          route([{ name: 'shared', namespace: 'platform' }]),
        ),
        'deploy/prod/app.yaml': docs(...api(), ingress),
      },
      'cn-security.tls',
    );
    expect(r.verdict).toBe('partial');
    expect(r.evidence.map(e => e.note).join('\n')).toContain(
      'HTTPRoute attaches to Gateway platform/shared',
    );
  });
});

describe('cn-security.tls: how an Ingress says TLS without a tls section', () => {
  const ingress = (annotations: Record<string, string>) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'api', annotations },
    spec: {
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'api', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  });

  it('fails an Ingress with a cert-manager issuer but no tls section, saying that no certificate is issued', async () => {
    const r = await evaluate(
      {
        'k8s/ingress.yaml': docs(
          ingress({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' }),
        ),
      },
      'cn-security.tls',
    );
    expect(r.verdict).toBe('fail');
    expect(r.evidence[0].note).toContain(
      'cert-manager.io/cluster-issuer: letsencrypt-prod but no spec.tls, so cert-manager issues no certificate',
    );
    expect(r.remediation?.snippet?.content).toContain('secretName: api-tls');
  });

  it.each([
    [{ 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' }],
    [{ 'alb.ingress.kubernetes.io/listen-ports': '[{"HTTPS":443}]' }],
    [{ 'traefik.ingress.kubernetes.io/router.tls': 'true' }],
  ])(
    'counts TLS served by the controller (%o) as TLS at the edge',
    async annotations => {
      const r = await evaluate(
        { 'k8s/ingress.yaml': docs(ingress(annotations)) },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('partial');
    },
  );

  it('judges an OpenShift Route by its tls.termination', async () => {
    const openshift = (tls?: object) => ({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'api' },
      spec: { to: { kind: 'Service', name: 'api' }, ...(tls ? { tls } : {}) },
    });
    const reencrypt = await evaluate(
      { 'k8s/route.yaml': docs(openshift({ termination: 'reencrypt' })) },
      'cn-security.tls',
    );
    expect(reencrypt.verdict).toBe('partial');
    const none = await evaluate(
      { 'k8s/route.yaml': docs(openshift()) },
      'cn-security.tls',
    );
    expect(none.verdict).toBe('fail');
  });
});
