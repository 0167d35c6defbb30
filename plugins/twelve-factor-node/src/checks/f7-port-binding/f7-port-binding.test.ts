import { stringify } from 'yaml';
import { clusterOf, evaluateCheck } from '../../__testUtils__';

const docs = (...objects: object[]) =>
  objects.map(o => stringify(o)).join('---\n');

function deployment(name: string, containers: object[], namespace?: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { 'backstage.io/kubernetes-id': 'svc' },
    },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, tier: 'web' } },
        spec: { containers },
      },
    },
  };
}
const app = (ports = [8080], extra: object = {}) => ({
  name: 'app',
  image: 'registry.example.com/svc:1.0.0',
  ports: ports.map(p => ({ name: 'http', containerPort: p })),
  ...extra,
});
const service = (name: string, extra: object = {}, namespace?: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: {
    selector: { app: name },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    ...extra,
  },
});
const PY_DOCKERFILE =
  'FROM python:3.12-slim\nCOPY . /app\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8080"]\n';

describe('f7-port-binding.self-binding', () => {
  it('passes when the container declares its port and starts its own server', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile: PY_DOCKERFILE,
        'requirements.txt': 'uvicorn==0.32.1\n',
        'k8s/app.yaml': docs(deployment('api', [app()]), service('api')),
      },
      'f7-port-binding.self-binding',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('k8s: api (8080) binds its own port');
    expect(result.evidence[0].note).toContain(
      'declares containerPort 8080 and starts uvicorn itself',
    );
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: 'requirements.txt',
        note: 'embedded web server dependency uvicorn',
      }),
    );
  });

  it('fails when an nginx container serves the port for a php-fpm container', async () => {
    const containers = [
      {
        name: 'nginx',
        image: 'nginx:1.27-alpine',
        ports: [{ containerPort: 80 }],
      },
      { name: 'php', image: 'registry.example.com/shop-php-fpm:1.0.0' },
    ];
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': docs(deployment('shop', containers), service('shop')) },
      'f7-port-binding.self-binding',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain(
      'shop: nginx:1.27-alpine serves port 80 for container php',
    );
    expect(result.evidence[0].note).toContain(
      'fronts php, which declare no port',
    );
    expect(result.remediation?.text).toContain('embedded server');
  });

  it('fails when the app is deployed into a Tomcat image', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM tomcat:10-jdk17\nCOPY target/app.war /usr/local/tomcat/webapps/ROOT.war\n',
        'k8s/app.yaml': docs(deployment('legacy', [app()]), service('legacy')),
      },
      'f7-port-binding.self-binding',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      type: 'file',
      path: 'Dockerfile',
      startLine: 1,
      target: 'k8s',
    });
  });

  it('passes for a workload that declares no port but is behind a Service, naming the target port', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('reader', [{ name: 'app', image: 'svc:1.0.0' }]),
          service('reader', { ports: [{ port: 8080, targetPort: 8080 }] }),
        ),
      },
      'f7-port-binding.self-binding',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: reader (Service target port 8080) binds its own port',
    );
    const exposed = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('reader', [{ name: 'app', image: 'svc:1.0.0' }]),
          service('reader', { ports: [{ port: 8080, targetPort: 8080 }] }),
        ),
      },
      'f7-port-binding.service',
    );
    expect(exposed.result.verdict).toBe('pass');
  });

  it('is unknown when no app workload declares a port (a worker-only service)', async () => {
    const worker = deployment('worker', [
      { name: 'w', image: 'svc:1', command: ['celery', '-A', 'app', 'worker'] },
    ]);
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': docs(worker) },
      'f7-port-binding.self-binding',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('No app workload declares a containerPort');
  });
});

describe('f7-port-binding.service', () => {
  it('passes when every workload with a containerPort is selected by a Service', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': docs(deployment('api', [app()]), service('api')) },
      'f7-port-binding.service',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain('selected by Service api');
  });

  it('is partial when one is not, with a Service for its selector and ports', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('api', [app()]),
          service('api'),
          deployment('admin', [app([9000])]),
        ),
      },
      'f7-port-binding.service',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: admin declares a containerPort but no Service selects it',
    );
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('kind: Service');
    expect(snippet).toContain('app: admin');
    expect(snippet).toContain('port: 9000');
  });

  it('is unknown when no workload declares a containerPort', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('worker', [{ name: 'w', image: 'svc:1' }]),
        ),
      },
      'f7-port-binding.service',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f7-port-binding.ingress', () => {
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'api' },
    spec: {
      rules: [
        {
          host: 'api.example.com',
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
  };

  it('passes when an Ingress routes to the web Service', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('api', [app()]),
          service('api'),
          ingress,
        ),
      },
      'f7-port-binding.ingress',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('k8s: Ingress api routes to api');
    expect(result.evidence[0].note).toContain('Ingress/api');
  });

  it('passes for a Gateway API HTTPRoute', async () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'api' },
      spec: { rules: [{ backendRefs: [{ name: 'api', port: 80 }] }] },
    };
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(deployment('api', [app()]), service('api'), route),
      },
      'f7-port-binding.ingress',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial for a NodePort Service only, with an Ingress for it', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('api', [app()], 'shop'),
          service('api', { type: 'NodePort' }, 'shop'),
        ),
      },
      'f7-port-binding.ingress',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('NodePort Service api only');
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('kind: Ingress');
    expect(snippet).toContain('namespace: shop');
    expect(snippet).toContain('name: http');
  });

  it('is unknown for an internal-only service, also in a live cluster', async () => {
    const live = docs(
      deployment('api', [app()], 'prod'),
      service('api', {}, 'prod'),
    );
    const { result } = await evaluateCheck(
      undefined,
      'f7-port-binding.ingress',
      { clusters: [clusterOf('aks', live)] },
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('ClusterIP');
    expect(result.evidence[0]).toMatchObject({
      type: 'cluster-object',
      cluster: 'aks',
      namespace: 'prod',
      kind: 'Service',
      name: 'api',
    });
  });
});

describe('f7-port-binding.ingress: routes decide alone', () => {
  const ingressTo = (svc: string) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: svc },
    spec: {
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: svc, port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  });

  it('passes for an Ingress or an HTTPRoute alone (the Service is elsewhere)', async () => {
    for (const route of [
      ingressTo('api'),
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'api' },
        spec: {
          parentRefs: [{ name: 'public' }],
          rules: [{ backendRefs: [{ name: 'api', port: 80 }] }],
        },
      },
    ]) {
      const { result } = await evaluateCheck(
        { 'k8s/route.yaml': docs(route) },
        'f7-port-binding.ingress',
      );
      expect(result.verdict).toBe('pass');
      expect(result.summary).toContain('external traffic to api');
    }
  });

  it('is partial for a LoadBalancer Service alone, and does not read a mesh-internal VirtualService as an entry', async () => {
    const lb = await evaluateCheck(
      { 'k8s/svc.yaml': docs(service('api', { type: 'LoadBalancer' })) },
      'f7-port-binding.ingress',
    );
    expect(lb.result.verdict).toBe('partial');
    const mesh = await evaluateCheck(
      {
        'k8s/vs.yaml': docs({
          apiVersion: 'networking.istio.io/v1',
          kind: 'VirtualService',
          metadata: { name: 'api' },
          spec: {
            hosts: ['api'],
            http: [{ route: [{ destination: { host: 'api' } }] }],
          },
        }),
      },
      'f7-port-binding.ingress',
    );
    expect(mesh.result.verdict).toBe('unknown');
  });
});
