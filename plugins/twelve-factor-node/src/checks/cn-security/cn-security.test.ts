import {
  docs,
  evaluate,
  service,
  workload,
} from '../cn-orchestration/testFixtures';

const nonRoot = { securityContext: { runAsNonRoot: true, runAsUser: 1000 } };
const ingress = (tls: boolean) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'api' },
  spec: {
    ingressClassName: 'nginx',
    ...(tls
      ? { tls: [{ hosts: ['shop.example.com'], secretName: 'api-tls' }] }
      : {}),
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: 'api', port: { name: 'http' } } },
            },
          ],
        },
      },
    ],
  },
});
const rbacFor = (
  rules: object[],
  roleRef?: { kind: string; name: string },
  bindingKind = 'RoleBinding',
) => [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'api' } },
  ...(roleRef
    ? []
    : [
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: { name: 'api' },
          rules,
        },
      ]),
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: bindingKind,
    metadata: { name: 'api' },
    subjects: [{ kind: 'ServiceAccount', name: 'api', namespace: 'shop' }],
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      ...(roleRef ?? { kind: 'Role', name: 'api' }),
    },
  },
  workload('api', { pod: { serviceAccountName: 'api' } }),
];
const github = (steps: string) =>
  `on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('cn-security checks', () => {
  it('secrets-management: gives exactly the verdict of f3-config.secret-store', async () => {
    const files = {
      'k8s/all.yaml': docs(
        workload('api', {
          container: { envFrom: [{ secretRef: { name: 'api' } }] },
        }),
      ),
    };
    const mine = await evaluate(files, 'cn-security.secrets-management');
    const store = await evaluate(files, 'f3-config.secret-store');
    expect({
      verdict: mine.verdict,
      summary: mine.summary,
      reason: mine.reason,
    }).toEqual({
      verdict: store.verdict,
      summary: store.summary,
      reason: store.reason,
    });
  });

  describe('non-root', () => {
    it('passes when every workload runs as non-root by pod or container securityContext', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api', { pod: nonRoot }),
            workload('worker', {
              container: { securityContext: { runAsUser: 1001 } },
            }),
          ),
        },
        'cn-security.non-root',
      );
      expect(r.verdict).toBe('pass');
    });

    it('is partial when some do, with a patch using the UID of the official redis image', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api', { pod: nonRoot }),
            workload('redis', {
              kind: 'StatefulSet',
              container: { image: 'redis:7.4.2-alpine' },
            }),
          ),
        },
        'cn-security.non-root',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toContain(
        '1 of 2 workloads run as non-root; redis may run as root',
      );
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: StatefulSet[\s\S]*runAsNonRoot: true\n\s+runAsUser: 999\n\s+fsGroup: 999/,
      );
    });

    it('fails when none does (runAsUser 0 counts as root)', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api', { pod: { securityContext: { runAsUser: 0 } } }),
          ),
        },
        'cn-security.non-root',
      );
      expect(r.verdict).toBe('fail');
    });
  });

  describe('network-policy', () => {
    const np = (
      selector: Record<string, string>,
      policyTypes = ['Ingress'],
    ) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np-${Object.values(selector)[0]}` },
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes,
        ingress: [{ from: [{ podSelector: {} }] }],
      },
    });

    it('passes when every app pod is selected by an ingress NetworkPolicy', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            workload('worker'),
            np({ 'backstage.io/kubernetes-id': 'svc' }, ['Ingress', 'Egress']),
          ),
        },
        'cn-security.network-policy',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain('api ← np-svc (ingress + egress)');
    });

    it('is partial when some pods are selected; an egress-only policy does not count', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            workload('worker'),
            np({ app: 'api' }),
            np({ app: 'worker' }, ['Egress']),
          ),
        },
        'cn-security.network-policy',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toContain('worker not selected');
    });

    it('fails without NetworkPolicies, with a policy for the pod labels that admits the ingress controller on the container port', async () => {
      const api = workload('api', {
        container: { ports: [{ name: 'http', containerPort: 8080 }] },
      });
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            api,
            service('api'),
            ingress(true),
            workload('worker'),
          ),
        },
        'cn-security.network-policy',
      );
      expect(r.verdict).toBe('fail');
      const snippet = r.remediation?.snippet?.content ?? '';
      expect(snippet).toMatch(
        /name: api\nspec:\n\s+podSelector:\n\s+matchLabels:\n\s+app: api/,
      );
      expect(snippet).toContain('kubernetes.io/metadata.name: ingress-nginx');
      expect(snippet).toContain('port: 8080');
      expect(snippet).toMatch(/name: worker[\s\S]*ingress: \[\]/);
    });
  });

  describe('image-scanning', () => {
    it('passes when CI runs an image scanner', async () => {
      const r = await evaluate(
        {
          '.github/workflows/ci.yml': github(
            '      - run: docker build -t app:1 .\n      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: app:1\n',
          ),
        },
        'cn-security.image-scanning',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0]).toMatchObject({
        path: '.github/workflows/ci.yml',
        startLine: 9,
      });
    });

    it('fails when CI builds without scanning, with a Trivy step for the image it builds', async () => {
      const r = await evaluate(
        {
          '.github/workflows/ci.yml': github(
            '      - run: docker build -t $REGISTRY/app:${{ github.sha }} .\n',
          ),
        },
        'cn-security.image-scanning',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain('although it builds images');
      expect(r.remediation?.snippet?.content).toContain(
        'image-ref: ${{ env.REGISTRY }}/app:${{ github.sha }}',
      );
      expect(r.remediation?.snippet?.path).toBe('.github/workflows/ci.yml');
    });

    it('fails without CI, and is unknown without a repository', async () => {
      expect(
        (await evaluate({ 'main.go': '' }, 'cn-security.image-scanning'))
          .summary,
      ).toBe('No CI pipeline, so no image is scanned');
      expect(
        (await evaluate(undefined, 'cn-security.image-scanning')).verdict,
      ).toBe('unknown');
    });
  });

  describe('tls', () => {
    const peer = {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace: 'shop' },
      spec: { mtls: { mode: 'STRICT' } },
    };

    it('passes with Ingress TLS and STRICT mesh mTLS', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            service('api'),
            ingress(true),
            peer,
          ),
        },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('PeerAuthentication default (mtls STRICT)');
    });

    it('is partial with Ingress TLS only, proposing STRICT mTLS for the namespace', async () => {
      const api = {
        ...workload('api'),
        metadata: { name: 'api', namespace: 'shop' },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(api, service('api'), ingress(true)) },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toBe(
        'TLS at the Ingress only; traffic inside the cluster is plain',
      );
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: PeerAuthentication[\s\S]*namespace: shop[\s\S]*mode: STRICT/,
      );
    });

    it('fails without TLS, with a tls patch for the Ingress hosts', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(workload('api'), service('api'), ingress(false)),
        },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('fail');
      expect(r.remediation?.snippet?.content).toMatch(
        /tls:\n\s+- hosts:\n\s+- shop\.example\.com\n\s+secretName: api-tls/,
      );
    });
  });

  describe('rbac-least-privilege', () => {
    it('passes for explicit rules, and when nothing is bound', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            ...rbacFor([
              {
                apiGroups: ['batch'],
                resources: ['jobs'],
                verbs: ['get', 'create'],
              },
            ]),
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain('jobs: get,create');
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api')) },
            'cn-security.rbac-least-privilege',
          )
        ).verdict,
      ).toBe('pass');
    });

    it('fails for wildcard rules, with the role narrowed', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            ...rbacFor([{ apiGroups: [''], resources: ['*'], verbs: ['*'] }]),
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain('wildcard verbs');
      expect(r.remediation?.snippet?.content).toMatch(
        /resources:\n\s+- RESOURCE\n\s+verbs:\n\s+- get/,
      );
    });

    it('fails for a cluster-admin binding', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            ...rbacFor(
              [],
              { kind: 'ClusterRole', name: 'cluster-admin' },
              'ClusterRoleBinding',
            ),
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain('grants cluster-admin');
    });

    it('is partial for reading every Secret', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            ...rbacFor([
              {
                apiGroups: [''],
                resources: ['secrets'],
                verbs: ['get', 'list'],
              },
            ]),
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toContain('reads every Secret');
    });

    it('is unknown when the bound role is not among the objects', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            ...rbacFor([], { kind: 'ClusterRole', name: 'custom-reader' }),
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toContain('ClusterRole custom-reader');
    });
  });
});

describe('cn-security: objects that decide a check alone', () => {
  const RBAC = 'rbac.authorization.k8s.io/v1';

  describe('rbac-least-privilege without workloads', () => {
    it.each([
      [
        'a ClusterRoleBinding to cluster-admin',
        {
          apiVersion: RBAC,
          kind: 'ClusterRoleBinding',
          metadata: { name: 'ci-deployer' },
          subjects: [
            { kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' },
          ],
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'cluster-admin',
          },
        },
        'grants cluster-admin',
      ],
      [
        'a RoleBinding of a group to cluster-admin',
        {
          apiVersion: RBAC,
          kind: 'RoleBinding',
          metadata: { name: 'devs', namespace: 'shop' },
          subjects: [
            {
              kind: 'Group',
              name: 'developers',
              apiGroup: 'rbac.authorization.k8s.io',
            },
          ],
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: 'cluster-admin',
          },
        },
        'grants cluster-admin',
      ],
      [
        'a Role with * verbs',
        {
          apiVersion: RBAC,
          kind: 'Role',
          metadata: { name: 'pods', namespace: 'shop' },
          rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['*'] }],
        },
        'wildcard verbs',
      ],
      [
        'a ClusterRole with * resources',
        {
          apiVersion: RBAC,
          kind: 'ClusterRole',
          metadata: { name: 'reader' },
          rules: [
            { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] },
          ],
        },
        'wildcard resources',
      ],
    ])('fails for %s alone in the repository', async (_what, object, why) => {
      const r = await evaluate(
        { 'deploy/rbac.yaml': docs(object) },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain(why);
      expect(r.evidence[0]).toMatchObject({ path: 'deploy/rbac.yaml' });
    });

    it('fails for a wildcard Role bound to an account that no workload of the repository uses', async () => {
      const r = await evaluate(
        {
          'k8s/app.yaml': docs(
            workload('api', { pod: { automountServiceAccountToken: false } }),
            {
              apiVersion: RBAC,
              kind: 'Role',
              metadata: { name: 'all' },
              rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
            },
            {
              apiVersion: RBAC,
              kind: 'RoleBinding',
              metadata: { name: 'all' },
              subjects: [{ kind: 'ServiceAccount', name: 'migrator' }],
              roleRef: {
                apiGroup: 'rbac.authorization.k8s.io',
                kind: 'Role',
                name: 'all',
              },
            },
          ),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(r.verdict).toBe('fail');
    });

    it('passes explicit rules alone, and stays unknown when the repository holds nothing RBAC', async () => {
      const explicit = await evaluate(
        {
          'deploy/rbac.yaml': docs({
            apiVersion: RBAC,
            kind: 'Role',
            metadata: { name: 'jobs' },
            rules: [
              {
                apiGroups: ['batch'],
                resources: ['jobs'],
                verbs: ['create', 'get'],
              },
            ],
          }),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(explicit.verdict).toBe('pass');
      const nothing = await evaluate(
        {
          'deploy/cm.yaml': docs({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'c' },
            data: { A: '1' },
          }),
        },
        'cn-security.rbac-least-privilege',
      );
      expect(nothing.verdict).toBe('unknown');
      expect(nothing.reason).toContain('no RBAC objects');
    });
  });

  describe('tls without workloads', () => {
    it('fails for an Ingress without tls alone, with a tls patch for its hosts', async () => {
      const r = await evaluate(
        { 'k8s/ingress.yaml': docs(ingress(false)) },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toBe('No TLS: the entry points serve plain HTTP');
      expect(r.remediation?.snippet?.content).toContain('secretName: api-tls');
    });

    it('is partial for an Ingress without tls beside STRICT mesh mTLS, and for an Ingress with tls alone', async () => {
      const peer = {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default' },
        spec: { mtls: { mode: 'STRICT' } },
      };
      const meshed = await evaluate(
        { 'k8s/edge.yaml': docs(ingress(false), peer) },
        'cn-security.tls',
      );
      expect(meshed.verdict).toBe('partial');
      expect(meshed.summary).toContain('Ingress/api without TLS');
      const edge = await evaluate(
        { 'k8s/ingress.yaml': docs(ingress(true)) },
        'cn-security.tls',
      );
      expect(edge.verdict).toBe('partial');
    });

    it.each([
      [
        'an OpenShift Route without tls',
        {
          apiVersion: 'route.openshift.io/v1',
          kind: 'Route',
          metadata: { name: 'api' },
          spec: { to: { kind: 'Service', name: 'api' } },
        },
        'fail',
      ],
      [
        'an OpenShift Route with edge tls',
        {
          apiVersion: 'route.openshift.io/v1',
          kind: 'Route',
          metadata: { name: 'api' },
          spec: {
            to: { kind: 'Service', name: 'api' },
            tls: { termination: 'edge' },
          },
        },
        'partial',
      ],
      [
        'a Gateway with an HTTP listener only',
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: { name: 'gw' },
          spec: {
            gatewayClassName: 'x',
            listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }],
          },
        },
        'fail',
      ],
      [
        'a Gateway with an HTTPS listener',
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: { name: 'gw' },
          spec: {
            gatewayClassName: 'x',
            listeners: [{ name: 'https', protocol: 'HTTPS', port: 443 }],
          },
        },
        'partial',
      ],
      [
        'a Traefik IngressRoute on the web entry point',
        {
          apiVersion: 'traefik.io/v1alpha1',
          kind: 'IngressRoute',
          metadata: { name: 'api' },
          spec: { entryPoints: ['web'], routes: [] },
        },
        'fail',
      ],
      [
        'a Traefik IngressRoute with tls',
        {
          apiVersion: 'traefik.io/v1alpha1',
          kind: 'IngressRoute',
          metadata: { name: 'api' },
          spec: {
            entryPoints: ['websecure'],
            routes: [],
            tls: { certResolver: 'le' },
          },
        },
        'partial',
      ],
      [
        'a Contour HTTPProxy without tls',
        {
          apiVersion: 'projectcontour.io/v1',
          kind: 'HTTPProxy',
          metadata: { name: 'api' },
          spec: { virtualhost: { fqdn: 'shop.example.com' } },
        },
        'fail',
      ],
      [
        'a LoadBalancer Service without a certificate',
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'api' },
          spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
        },
        'fail',
      ],
      [
        'a LoadBalancer Service with an AWS certificate',
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: {
            name: 'api',
            annotations: {
              'service.beta.kubernetes.io/aws-load-balancer-ssl-cert':
                'arn:aws:acm:eu-west-1:1:certificate/x',
            },
          },
          spec: { type: 'LoadBalancer', ports: [{ port: 443 }] },
        },
        'partial',
      ],
      [
        'an ALB Ingress with a certificate annotation',
        {
          ...ingress(false),
          metadata: {
            name: 'api',
            annotations: {
              'alb.ingress.kubernetes.io/certificate-arn':
                'arn:aws:acm:eu-west-1:1:certificate/x',
            },
          },
        },
        'partial',
      ],
    ])('judges %s alone: %s', async (_what, object, verdict) => {
      const r = await evaluate(
        { 'k8s/edge.yaml': docs(object) },
        'cn-security.tls',
      );
      expect(r.verdict).toBe(verdict);
    });

    it('does not count a NodePort Service, the backend of cloud Ingresses, as an entry point', async () => {
      const r = await evaluate(
        {
          'k8s/app.yaml': docs(
            workload('api'),
            {
              ...service('api'),
              spec: { ...service('api').spec, type: 'NodePort' },
            },
            ingress(true),
          ),
        },
        'cn-security.tls',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toBe(
        'TLS at the Ingress only; traffic inside the cluster is plain',
      );
    });
  });
});

describe('cn-security.network-policy: policies decide alone, and the other kinds of policy', () => {
  const np = (
    spec: object,
    kind = 'NetworkPolicy',
    apiVersion = 'networking.k8s.io/v1',
  ) => ({
    apiVersion,
    kind,
    metadata: { name: 'api' },
    spec,
  });

  it('passes an ingress NetworkPolicy alone (its pods are elsewhere), and leaves an egress-only one undecided', async () => {
    const ingressOnly = await evaluate(
      {
        'k8s/np.yaml': docs(np({ podSelector: {}, policyTypes: ['Ingress'] })),
      },
      'cn-security.network-policy',
    );
    expect(ingressOnly.verdict).toBe('pass');
    const egress = await evaluate(
      {
        'k8s/np.yaml': docs(
          np({ podSelector: {}, policyTypes: ['Egress'], egress: [] }),
        ),
      },
      'cn-security.network-policy',
    );
    expect(egress.verdict).toBe('unknown');
  });

  it('counts a CiliumNetworkPolicy that selects the pods, and no Calico policy whose selector misses them', async () => {
    const cilium = await evaluate(
      {
        'k8s/app.yaml': docs(
          workload('api'),
          np(
            {
              endpointSelector: { matchLabels: { app: 'api' } },
              ingress: [{ fromEndpoints: [{}] }],
            },
            'CiliumNetworkPolicy',
            'cilium.io/v2',
          ),
        ),
      },
      'cn-security.network-policy',
    );
    expect(cilium.verdict).toBe('pass');
    const calico = await evaluate(
      {
        'k8s/app.yaml': docs(
          workload('api'),
          np(
            { selector: "app == 'web'", types: ['Ingress'], ingress: [] },
            'NetworkPolicy',
            'projectcalico.org/v3',
          ),
        ),
      },
      'cn-security.network-policy',
    );
    expect(calico.verdict).toBe('fail');
  });
});
