import { clusterOf, evaluateCheck } from '../../__testUtils__';
import { allowsDisruption } from './pdb';

const deployment = (
  name: string,
  o: { replicas?: number; liveness?: boolean; env?: string } = {},
) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: ${o.replicas ?? 2}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, tier: backend}}
    spec:
      containers:
        - name: main
          image: registry.example.com/shop:1.0.0
          ports: [{name: http, containerPort: 8000}]
          ${
            o.liveness
              ? 'livenessProbe: {httpGet: {path: /healthz, port: http}}'
              : ''
          }
          ${o.env ? `env: ${o.env}` : ''}
`;
const service = (name: string) => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]
`;
const pdb = (name: string, budget: string) => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: shop}
spec:
  ${budget}
  selector: {matchLabels: {app: ${name}}}
`;
const INGRESS = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations: {nginx.ingress.kubernetes.io/proxy-read-timeout: "300"}
spec:
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}]}}]
`;
const HTTPX = {
  'requirements.txt': 'httpx==0.28.1\n',
  'app/clients.py': 'import httpx\n\n_client = httpx.Client()\n',
};

describe('cn-resilience.auto-restart', () => {
  it('passes for controllers whose containers all have a liveness probe', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': deployment('api', { liveness: true }) },
      'cn-resilience.auto-restart',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      'Deployment restarts its pods (restartPolicy Always); main: livenessProbe HTTP GET /healthz',
    );
  });

  it('is partial without a liveness probe, with a patch', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': deployment('api') },
      'cn-resilience.auto-restart',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: no livenessProbe in api/main, so a hung process is not restarted',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'livenessProbe:\n            tcpSocket:\n              port: http',
    );
  });

  it('is partial for a bare long-running Pod, and ignores one-off Pods', async () => {
    const pod = (policy: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: ${policy}\n  containers: [{name: c, image: x}]\n`;
    const bare = (
      await evaluateCheck(
        {
          'k8s/app.yaml': `${deployment('api', { liveness: true })}---\n${pod(
            'Always',
          )}`,
        },
        'cn-resilience.auto-restart',
      )
    ).result;
    expect(bare.verdict).toBe('partial');
    expect(bare.summary).toContain('bare Pod(s) p are not rescheduled');
    expect(
      (
        await evaluateCheck(
          {
            'k8s/app.yaml': `${deployment('api', { liveness: true })}---\n${pod(
              'Never',
            )}`,
          },
          'cn-resilience.auto-restart',
        )
      ).result.verdict,
    ).toBe('pass');
  });

  it('is unknown without a long-running workload', async () => {
    expect(
      (
        await evaluateCheck(
          {
            'k8s/app.yaml':
              'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: x}]\n',
          },
          'cn-resilience.auto-restart',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('cn-resilience.circuit-breaker', () => {
  it('passes with a circuit-breaker library', async () => {
    const { result } = await evaluateCheck(
      { 'requirements.txt': 'pybreaker==1.2.0\n', 'app/x.py': '' },
      'cn-resilience.circuit-breaker',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'requirements.txt',
      note: 'pybreaker: circuit-breaker library',
    });
  });

  it('passes with Istio outlier detection', async () => {
    const dr =
      '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api}\nspec:\n  host: api\n  trafficPolicy:\n    outlierDetection: {consecutive5xxErrors: 5, interval: 30s}\n';
    const { result } = await evaluateCheck(
      { 'app/x.py': '', 'k8s/app.yaml': deployment('api') + dr },
      'cn-resilience.circuit-breaker',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain('outlierDetection for host api');
  });

  it('passes from a cluster alone when a DestinationRule ejects outliers, and is unknown without code otherwise', async () => {
    const live = deployment('api').replace(
      'metadata: {name: api, namespace: shop}',
      'metadata: {name: api, namespace: shop, labels: {backstage.io/kubernetes-id: svc}}',
    );
    const dr =
      '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api, namespace: shop}\nspec:\n  host: api\n  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}}\n';
    const withMesh = (
      await evaluateCheck(undefined, 'cn-resilience.circuit-breaker', {
        clusters: [clusterOf('prod', live + dr)],
      })
    ).result;
    expect(withMesh.verdict).toBe('pass');
    expect(withMesh.evidence[0]).toMatchObject({
      type: 'cluster-object',
      kind: 'DestinationRule',
      name: 'api',
    });
    expect(
      (
        await evaluateCheck(undefined, 'cn-resilience.circuit-breaker', {
          clusters: [clusterOf('prod', live)],
        })
      ).result.verdict,
    ).toBe('unknown');
  });

  it('fails without, pointing at the outbound client', async () => {
    const { result } = await evaluateCheck(
      HTTPX,
      'cn-resilience.circuit-breaker',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: 'app/clients.py',
      startLine: 3,
    });
    expect(result.remediation?.snippet).toMatchObject({
      language: 'python',
      path: 'app/clients.py',
      content: expect.stringContaining('pybreaker.CircuitBreaker('),
    });
  });
});

describe('cn-resilience.retry', () => {
  it('passes with an API-level retry policy', async () => {
    const { result } = await evaluateCheck(
      {
        'app/x.py':
          'from tenacity import retry\n\n@retry\ndef call():\n    pass\n',
      },
      'cn-resilience.retry',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial with task-queue retries only', async () => {
    const celery =
      '@app.task(bind=True, autoretry_for=(Exception,), retry_backoff=True)\ndef build(self):\n    pass\n';
    const { result } = await evaluateCheck(
      { ...HTTPX, 'app/tasks.py': celery },
      'cn-resilience.retry',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toHaveLength(1);
    expect(result.remediation?.snippet?.content).toContain(
      'wait_exponential_jitter',
    );
  });

  it('fails without retries', async () => {
    expect(
      (await evaluateCheck(HTTPX, 'cn-resilience.retry')).result.verdict,
    ).toBe('fail');
  });

  it('does not take spring-retry on the classpath for a policy until the code uses it', async () => {
    const files = {
      'pom.xml':
        '<project><dependencies><dependency><groupId>org.springframework.retry</groupId><artifactId>spring-retry</artifactId><version>2.0.5</version></dependency></dependencies></project>\n',
      'src/main/java/Client.java':
        'class Client {\n  RestTemplate rest = new RestTemplate();\n}\n',
    };
    const { result } = await evaluateCheck(files, 'cn-resilience.retry');
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain(
      'org.springframework.retry:spring-retry is a dependency, but no code or configuration uses it',
    );
    const used = {
      ...files,
      'src/main/java/Client.java':
        'class Client {\n  RestTemplate rest = new RestTemplate();\n  @Retryable\n  String get() { return null; }\n}\n',
    };
    expect(
      (await evaluateCheck(used, 'cn-resilience.retry')).result.verdict,
    ).toBe('pass');
  });
});

describe('cn-resilience.timeouts', () => {
  it('passes with timeouts in code', async () => {
    const { result } = await evaluateCheck(
      { 'app/x.py': 'r = requests.get(url, timeout=5)\n' },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('pass');
  });

  it('passes with client timeouts in configuration, but not a shutdown timeout', async () => {
    const cfg = deployment('api', {
      env: '[{name: UPSTREAM_TIMEOUT_MS, value: "3000"}]',
    });
    const { result } = await evaluateCheck(
      { 'src/a.ts': 'export {}\n', 'k8s/app.yaml': cfg },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('UPSTREAM_TIMEOUT_MS=3000');
    const shutdown = deployment('api', {
      env: '[{name: SHUTDOWN_TIMEOUT, value: "20s"}]',
    });
    expect(
      (
        await evaluateCheck(
          {
            'src/a.ts':
              "export const r = await fetch('http://inventory/items');\n",
            'k8s/app.yaml': shutdown,
          },
          'cn-resilience.timeouts',
        )
      ).result.verdict,
    ).toBe('fail');
  });

  it("passes with a client timeout in application.yml (Hikari's connection-timeout), not with the server's own", async () => {
    const call = {
      'src/main/java/Client.java':
        'class Client {\n  RestTemplate rest = new RestTemplate();\n}\n',
    };
    const { result } = await evaluateCheck(
      {
        ...call,
        'src/main/resources/application.yml':
          'spring:\n  datasource:\n    hikari:\n      connection-timeout: 2000\n',
      },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/resources/application.yml',
      startLine: 4,
    });
    const server = {
      ...call,
      'src/main/resources/application.yml':
        'server:\n  tomcat:\n    connection-timeout: 2s\nspring:\n  lifecycle:\n    timeout-per-shutdown-phase: 15s\n  mvc:\n    async:\n      request-timeout: 30s\n',
    };
    expect(
      (await evaluateCheck(server, 'cn-resilience.timeouts')).result.verdict,
    ).toBe('fail');
  });

  it('does not apply to a service that calls no other service', async () => {
    const files = {
      'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.0\n',
      'app/main.py':
        'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/")\ndef root():\n    return {"ok": True}\n',
    };
    for (const id of [
      'cn-resilience.timeouts',
      'cn-resilience.retry',
      'cn-resilience.circuit-breaker',
    ]) {
      const { result } = await evaluateCheck(files, id);
      expect(result.verdict).toBe('unknown');
      expect(result.reason).toMatch(/calls no other service/);
    }
    // One client among the dependencies, or one call in the code, makes them apply.
    const extras: Array<Record<string, string>> = [
      { 'requirements.txt': `${files['requirements.txt']}redis==5.0.0\n` },
      {
        'app/client.py':
          'import grpc\nch = grpc.insecure_channel("cart:7070")\n',
      },
      { 'go.mod': 'module x\n', 'main.go': 'resp, err := http.Get(url)\n' },
      // An address of a backing service, whatever client reaches it.
      {
        'app/settings.py': 'DATABASE_URL = "postgres://db.internal:5432/app"\n',
      },
    ];
    for (const extra of extras) {
      const { result } = await evaluateCheck(
        { ...files, ...extra },
        'cn-resilience.circuit-breaker',
      );
      expect(result.verdict).toBe('fail');
    }
  });

  it('is partial with Ingress timeouts only, fixing the client in place', async () => {
    const { result } = await evaluateCheck(
      {
        ...HTTPX,
        'k8s/app.yaml': deployment('api') + service('api') + INGRESS,
      },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0].note).toContain(
      'nginx.ingress.kubernetes.io/proxy-read-timeout: 300',
    );
    expect(result.remediation?.snippet).toEqual({
      language: 'python',
      path: 'app/clients.py',
      action: 'modify',
      content:
        '_client = httpx.Client(timeout=httpx.Timeout(10.0, connect=3.0))\n',
    });
  });

  it('is partial when some clients have timeouts and others not', async () => {
    const { result } = await evaluateCheck(
      { ...HTTPX, 'app/y.py': 'r = requests.get(url, timeout=5)\n' },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('1 do not (app/clients.py:3)');
  });

  it('fails without any', async () => {
    expect(
      (await evaluateCheck(HTTPX, 'cn-resilience.timeouts')).result.verdict,
    ).toBe('fail');
  });
});

describe('cn-resilience.pdb', () => {
  it('passes when every serving workload has a PDB allowing one disruption', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml':
          deployment('api') + service('api') + pdb('api', 'maxUnavailable: 1'),
      },
      'cn-resilience.pdb',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      'covers Deployment api (2 replica(s))',
    );
  });

  it('is partial when a PDB blocks every disruption', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml':
          deployment('api') + service('api') + pdb('api', 'minAvailable: 2'),
      },
      'cn-resilience.pdb',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: PDB api block(s) every voluntary disruption',
    );
  });

  it('is partial when only some serving workloads are covered, with a PDB for the others', async () => {
    const files = {
      'k8s/app.yaml':
        deployment('api') +
        service('api') +
        pdb('api', 'maxUnavailable: 1') +
        deployment('web') +
        service('web') +
        deployment('worker'),
    };
    const { result } = await evaluateCheck(files, 'cn-resilience.pdb');
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: no PDB covers web');
    expect(result.remediation?.snippet?.content).toBe(
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: web\n',
    );
  });

  it('fails when no serving workload is covered', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': deployment('api') + service('api') },
      'cn-resilience.pdb',
    );
    expect(result.verdict).toBe('fail');
  });

  it('is unknown without serving workloads', async () => {
    expect(
      (
        await evaluateCheck(
          { 'k8s/app.yaml': deployment('worker') },
          'cn-resilience.pdb',
        )
      ).result.verdict,
    ).toBe('unknown');
  });

  it('allowsDisruption: maxUnavailable and minAvailable, numbers and percentages', () => {
    expect(allowsDisruption({ spec: { maxUnavailable: 0 } }, 3)).toBe(false);
    expect(allowsDisruption({ spec: { maxUnavailable: '10%' } }, 3)).toBe(true);
    expect(allowsDisruption({ spec: { minAvailable: 1 } }, 1)).toBe(false);
    expect(allowsDisruption({ spec: { minAvailable: 1 } }, 2)).toBe(true);
    expect(allowsDisruption({ spec: { minAvailable: '100%' } }, 4)).toBe(false);
    expect(allowsDisruption({ spec: { minAvailable: '50%' } }, 4)).toBe(true);
  });
});

describe('cn-resilience.pdb: budgets that allow no disruption are never passed', () => {
  it.each([
    ['maxUnavailable: 0'],
    ["maxUnavailable: '0%'"],
    ["minAvailable: '100%'"],
  ])('is partial for a PDB with %s alone in the repository', async budget => {
    const { result } = await evaluateCheck(
      { 'k8s/pdb.yaml': pdb('api', budget) },
      'cn-resilience.pdb',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: PDB api block(s) every voluntary disruption',
    );
    expect(result.evidence[0].note).toContain('lets no pod go');
  });

  it('passes a PDB alone that lets a pod go whatever the replicas, and leaves one that depends on them unknown, saying why', async () => {
    const allows = await evaluateCheck(
      { 'k8s/pdb.yaml': pdb('api', 'maxUnavailable: 1') },
      'cn-resilience.pdb',
    );
    expect(allows.result.verdict).toBe('pass');
    const depends = await evaluateCheck(
      { 'k8s/pdb.yaml': pdb('api', 'minAvailable: 2') },
      'cn-resilience.pdb',
    );
    expect(depends.result.verdict).toBe('unknown');
    expect(depends.result.reason).toContain(
      'PDB api (minAvailable 2) covers no workload among the objects of k8s',
    );
  });

  it.each([
    ['minAvailable equal to the replicas', 'minAvailable: 2', 2],
    ['minAvailable over the replicas', 'minAvailable: 3', 2],
    ["minAvailable '100%'", "minAvailable: '100%'", 3],
    ['maxUnavailable 0', 'maxUnavailable: 0', 3],
  ])(
    'is partial for %s on a serving Deployment',
    async (_w, budget, replicas) => {
      const { result } = await evaluateCheck(
        {
          'k8s/app.yaml':
            deployment('api', { replicas }) +
            service('api') +
            pdb('api', budget),
        },
        'cn-resilience.pdb',
      );
      expect(result.verdict).toBe('partial');
      expect(result.evidence[0].note).toContain(
        'allows no voluntary disruption',
      );
    },
  );

  it('does not pass a budget that blocks a worker, although every serving workload is covered', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml':
          deployment('api') +
          service('api') +
          pdb('api', 'maxUnavailable: 1') +
          deployment('worker', { replicas: 1 }) +
          pdb('worker', 'minAvailable: 1'),
      },
      'cn-resilience.pdb',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('PDB worker block(s)');
  });

  it('judges minAvailable against the autoscaler floor when an HPA owns the replicas', async () => {
    const hpa = (min: number) => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: ${min}
  maxReplicas: 10
`;
    const app = (min: number) => ({
      'k8s/app.yaml':
        deployment('api', { replicas: 1 }) +
        service('api') +
        hpa(min) +
        pdb('api', 'minAvailable: 2'),
    });
    expect(
      (await evaluateCheck(app(3), 'cn-resilience.pdb')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(app(2), 'cn-resilience.pdb')).result.verdict,
    ).toBe('partial');
  });
});

describe('bare Pods are long-running workloads', () => {
  const barePod = (o: { probes?: boolean; restartPolicy?: string } = {}) => `---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  ${o.restartPolicy ? `restartPolicy: ${o.restartPolicy}` : ''}
  containers:
    - name: main
      image: registry.example.com/shop:1.0.0
      ports: [{name: http, containerPort: 8000}]
      ${
        o.probes
          ? 'livenessProbe: {httpGet: {path: /healthz, port: http}}\n      readinessProbe: {httpGet: {path: /readyz, port: http}}'
          : ''
      }
`;

  it('fails liveness for a bare Pod without probes alone in the repository, and readiness when a Service sends it traffic', async () => {
    const alone = { 'k8s/pod.yaml': barePod() };
    expect(
      (await evaluateCheck(alone, 'cn-observability.liveness')).result,
    ).toMatchObject({ verdict: 'fail' });
    const served = { 'k8s/pod.yaml': barePod() + service('api') };
    const readiness = (
      await evaluateCheck(served, 'cn-observability.readiness')
    ).result;
    expect(readiness.verdict).toBe('fail');
    expect(readiness.summary).toContain('missing in api/main');
  });

  it('passes the probes of a bare Pod that has them, and is partial for auto-restart (no controller reschedules it)', async () => {
    const files = {
      'k8s/pod.yaml': barePod({ probes: true }) + service('api'),
    };
    expect(
      (await evaluateCheck(files, 'cn-observability.liveness')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(files, 'cn-observability.readiness')).result.verdict,
    ).toBe('pass');
    const restart = (await evaluateCheck(files, 'cn-resilience.auto-restart'))
      .result;
    expect(restart.verdict).toBe('partial');
    expect(restart.summary).toContain('bare Pod(s) api');
  });

  it('judges a bare Pod in a live cluster too', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: debug-shell, namespace: shop, labels: {backstage.io/kubernetes-id: svc}}
spec:
  containers: [{name: sh, image: busybox:1.36, command: [sleep, infinity]}]
`;
    const { result } = await evaluateCheck(
      undefined,
      'cn-observability.liveness',
      { clusters: [clusterOf('aks-1', pod)] },
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      type: 'cluster-object',
      kind: 'Pod',
      name: 'debug-shell',
    });
  });

  it('leaves a Pod that runs to completion (restartPolicy Never) to the job checks', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/pod.yaml': barePod({ restartPolicy: 'Never' }) },
      'cn-observability.liveness',
    );
    expect(result.verdict).toBe('unknown');
  });

  it('asks a bare Pod for terminationGracePeriodSeconds', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/pod.yaml': barePod() },
      'f9-disposability.termination-grace',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('api relies on the default (30 s)');
  });
});

describe('cn-resilience: mesh policies decide without the code', () => {
  const destinationRule = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: payments, namespace: shop}
spec:
  host: payments.shop.svc.cluster.local
  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 60s}}
`;
  const virtualService = `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: payments, namespace: shop}
spec:
  hosts: [payments]
  http:
    - route: [{destination: {host: payments}}]
      timeout: 5s
      retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
`;

  it('passes circuit-breaker for a DestinationRule with outlier detection alone', async () => {
    const { result } = await evaluateCheck(
      { 'mesh/dr.yaml': destinationRule },
      'cn-resilience.circuit-breaker',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('Mesh outlier detection');
  });

  it('passes retry and timeouts for a VirtualService with retries and a timeout alone', async () => {
    const retry = (
      await evaluateCheck(
        { 'mesh/vs.yaml': virtualService },
        'cn-resilience.retry',
      )
    ).result;
    expect(retry.verdict).toBe('pass');
    expect(retry.summary).toContain('retries');
    const timeouts = (
      await evaluateCheck(
        { 'mesh/vs.yaml': virtualService },
        'cn-resilience.timeouts',
      )
    ).result;
    expect(timeouts.verdict).toBe('pass');
  });

  it('keeps timeouts unknown for an Ingress timeout alone: the code may or may not set its own', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/ingress.yaml': INGRESS },
      'cn-resilience.timeouts',
    );
    expect(result.verdict).toBe('unknown');
  });
});
