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
