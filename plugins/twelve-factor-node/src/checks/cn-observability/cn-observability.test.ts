import { clusterOf, evaluateCheck } from '../../__testUtils__';

interface AppOptions {
  liveness?: string;
  readiness?: string;
  podAnnotations?: string;
  env?: string;
}

/** An API behind a Service, plus a worker without one. */
const api = (o: AppOptions = {}) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop-api, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop-api}}
  template:
    metadata:
      labels: {app: shop-api}
      ${o.podAnnotations ? `annotations: ${o.podAnnotations}` : ''}
    spec:
      containers:
        - name: api
          image: registry.example.com/shop:1.0.0
          ports: [{name: http, containerPort: 8000}]
          envFrom: [{configMapRef: {name: shop-config}}]
          ${o.liveness ? `livenessProbe: ${o.liveness}` : ''}
          ${o.readiness ? `readinessProbe: ${o.readiness}` : ''}
---
apiVersion: v1
kind: Service
metadata: {name: shop-api, namespace: shop, labels: {app.kubernetes.io/part-of: shop}}
spec:
  selector: {app: shop-api}
  ports: [{name: http, port: 80, targetPort: http}]
`;
const worker = (liveness?: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop-worker, namespace: shop}
spec:
  selector: {matchLabels: {app: shop-worker}}
  template:
    metadata: {labels: {app: shop-worker}}
    spec:
      containers:
        - name: worker
          image: registry.example.com/shop:1.0.0
          command: [celery, -A, shop.worker, worker]
          ${liveness ? `livenessProbe: ${liveness}` : ''}
`;
const redisService = `---
apiVersion: v1
kind: Service
metadata: {name: redis, namespace: shop, labels: {app.kubernetes.io/part-of: shop}}
spec:
  selector: {app: redis}
  ports: [{name: redis, port: 6379}]
`;
const HTTP = '{httpGet: {path: /healthz, port: http}}';
const FASTAPI = {
  'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.32.0\n',
  'app/main.py':
    'app = FastAPI()\n\n@app.get("/healthz")\nasync def healthz():\n    return {}\n',
};
const PLAIN_PY = {
  'requirements.txt': 'fastapi==0.115.0\n',
  'app/main.py': 'app = FastAPI()\n',
};

describe('cn-observability.health-endpoint', () => {
  it("passes when a framework module serves it (Spring Boot Actuator's /actuator/health)", async () => {
    const { result } = await evaluateCheck(
      {
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies></project>',
        'src/main/java/org/acme/App.java': 'public class App {}\n',
      },
      'cn-observability.health-endpoint',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({ path: 'pom.xml' });
  });

  it('passes when probes hit a health path, naming it', async () => {
    const { result } = await evaluateCheck(
      { ...PLAIN_PY, 'k8s/app.yaml': api({ liveness: HTTP }) },
      'cn-observability.health-endpoint',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('Health endpoint: probes hit /healthz');
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/app.yaml',
      note: expect.stringContaining('livenessProbe HTTP GET /healthz'),
    });
  });

  it('passes when a probe checks the gRPC health service or an underscore health path', async () => {
    for (const [probe, named] of [
      ['{grpc: {port: 8000}}', 'gRPC health service (port 8000)'],
      [
        '{exec: {command: [/bin/grpc_health_probe, "-addr=:8000"]}}',
        'gRPC health service',
      ],
      ['{httpGet: {path: /_healthz, port: http}}', '/_healthz'],
      ['{httpGet: {path: /-/healthy, port: http}}', '/-/healthy'],
    ]) {
      const { result } = await evaluateCheck(
        { ...PLAIN_PY, 'k8s/app.yaml': api({ readiness: probe }) },
        'cn-observability.health-endpoint',
      );
      expect(result.verdict).toBe('pass');
      expect(result.summary).toBe(`Health endpoint: probes hit ${named}`);
    }
  });

  it('passes when the code registers the gRPC health service or a prefixed health route', async () => {
    for (const [file, text] of [
      [
        'server.py',
        'health_pb2_grpc.add_HealthServicer_to_server(service, server)\n',
      ],
      [
        'main.go',
        'package main\n\nfunc main() {\n\tr.HandleFunc(baseUrl+"/_healthz", ok)\n}\n',
      ],
    ]) {
      const { result } = await evaluateCheck(
        { [file]: text, 'k8s/app.yaml': api() },
        'cn-observability.health-endpoint',
      );
      expect(result.verdict).toBe('pass');
      expect(result.evidence[0]).toMatchObject({ path: file });
    }
  });

  it('passes when only the code defines one', async () => {
    const { result } = await evaluateCheck(
      FASTAPI,
      'cn-observability.health-endpoint',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'app/main.py',
      startLine: 3,
    });
  });

  it('fails with neither, suggesting a route for the framework', async () => {
    const { result } = await evaluateCheck(
      {
        ...PLAIN_PY,
        'k8s/app.yaml': api({ liveness: '{tcpSocket: {port: http}}' }),
      },
      'cn-observability.health-endpoint',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain(
      '@app.get("/healthz")',
    );
  });

  it('is unknown when there is no code to look in and no probe path', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api() },
      'cn-observability.health-endpoint',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no source code/);
  });
});

describe('cn-observability.liveness', () => {
  it('passes when every long-running container has one', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml':
          api({ liveness: HTTP }) + worker('{exec: {command: [true]}}'),
      },
      'cn-observability.liveness',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: all 2 long-running containers have a livenessProbe',
    );
  });

  it('is partial when some lack it, with a probe patch fitting the container', async () => {
    const { result } = await evaluateCheck(
      { ...FASTAPI, 'k8s/app.yaml': api({ liveness: HTTP }) + worker() },
      'cn-observability.liveness',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('missing in shop-worker/worker');
    expect(result.evidence[0]).toMatchObject({
      note: expect.stringContaining('worker: no livenessProbe'),
    });
    const patch = result.remediation?.snippet?.content ?? '';
    expect(patch).toContain('name: shop-worker');
    expect(patch).toContain('celery -A shop.worker inspect ping');
  });

  it("fails when none has one, suggesting HTTP on the code's health route", async () => {
    const { result } = await evaluateCheck(
      { ...FASTAPI, 'k8s/app.yaml': api() },
      'cn-observability.liveness',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain('path: /healthz');
    expect(result.remediation?.snippet?.content).toContain('port: http');
  });

  it('is unknown when only Jobs run', async () => {
    const onlyJob =
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: j, image: x}]\n';
    expect(
      (
        await evaluateCheck(
          { 'k8s/job.yaml': onlyJob },
          'cn-observability.liveness',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('cn-observability.readiness', () => {
  it('judges only containers behind a Service: a worker without one does not count', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api({ readiness: HTTP }) + worker() },
      'cn-observability.readiness',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: all 1 serving containers (behind a Service) have a readinessProbe',
    );
  });

  it('fails when no serving container has one', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api() },
      'cn-observability.readiness',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain('readinessProbe');
  });
});

describe('cn-observability.metrics', () => {
  const monitor = `---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: shop-api, namespace: shop}
spec:
  selector: {matchLabels: {app.kubernetes.io/part-of: shop}}
  endpoints: [{port: http}]
`;
  const prom = {
    'requirements.txt':
      'fastapi==0.115.0\nprometheus-fastapi-instrumentator==7.0.0\n',
    'app/main.py': 'Instrumentator().instrument(app).expose(app)\n',
  };

  it('passes when the app exposes metrics and a ServiceMonitor selects its Service', async () => {
    const { result } = await evaluateCheck(
      { ...prom, 'k8s/app.yaml': api() + monitor },
      'cn-observability.metrics',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'app/main.py' }),
        expect.objectContaining({
          note: expect.stringContaining(
            'ServiceMonitor/shop-api spec.selector: selects Service shop-api',
          ),
        }),
      ]),
    );
  });

  it('passes with a scrape annotation on the pods', async () => {
    const { result } = await evaluateCheck(
      {
        ...prom,
        'k8s/app.yaml': api({
          podAnnotations: '{prometheus.io/scrape: "true"}',
        }),
      },
      'cn-observability.metrics',
    );
    expect(result.verdict).toBe('pass');
  });

  it("is partial when exposed but not scraped, with a ServiceMonitor for the app's own Service", async () => {
    const { result } = await evaluateCheck(
      { ...prom, 'k8s/app.yaml': api() + redisService },
      'cn-observability.metrics',
    );
    expect(result.verdict).toBe('partial');
    const snippet = result.remediation?.snippet?.content ?? '';
    // The Service's labels are shared with redis, so the snippet labels it by its selector and selects that.
    expect(snippet).toContain(
      'kind: Service\nmetadata:\n  name: shop-api\n  namespace: shop\n  labels:\n    app: shop-api',
    );
    expect(snippet).toContain('kind: ServiceMonitor');
    expect(snippet).toContain('matchLabels:\n      app: shop-api');
    expect(snippet).toContain('- port: http');
  });

  it('is partial when scraped without an exporter', async () => {
    const { result } = await evaluateCheck(
      { ...PLAIN_PY, 'k8s/app.yaml': api() + monitor },
      'cn-observability.metrics',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toMatch(/Scrape configuration without an exporter/);
  });

  it('fails without metrics, naming the instrumentation library of the framework', async () => {
    const { result } = await evaluateCheck(
      { ...FASTAPI, 'k8s/app.yaml': api() },
      'cn-observability.metrics',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.text).toContain(
      'prometheus-fastapi-instrumentator',
    );
    expect(result.remediation?.text).toContain('app/main.py');
    expect(result.remediation?.snippet?.content).toContain(
      'kind: ServiceMonitor',
    );
  });
});

describe('cn-observability.tracing', () => {
  const otel = {
    'requirements.txt': 'opentelemetry-distro==0.49b0\n',
    'app/main.py': 'import os\n',
  };

  it('passes with OpenTelemetry and an OTLP endpoint in the ConfigMap', async () => {
    const cm =
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-config, namespace: shop}\ndata: {OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector.observability:4317"}\n';
    const { result } = await evaluateCheck(
      { ...otel, 'k8s/app.yaml': api() + cm },
      'cn-observability.tracing',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          note: expect.stringContaining(
            'OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4317 (container api)',
          ),
        }),
      ]),
    );
  });

  it('passes when the cluster runs an OpenTelemetry Collector', async () => {
    const live = api().replace(
      /namespace: shop\}/g,
      'namespace: shop, labels: {backstage.io/kubernetes-id: svc}}',
    );
    const collector =
      '---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: otel-collector, namespace: observability}\nspec:\n  template:\n    spec: {containers: [{name: c, image: otel/opentelemetry-collector-contrib:0.110.0}]}\n';
    const { result } = await evaluateCheck(otel, 'cn-observability.tracing', {
      clusters: [clusterOf('prod', live + collector)],
    });
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'cluster-object',
          name: 'otel-collector',
          note: 'opentelemetry-collector receives traces',
        }),
      ]),
    );
  });

  it('is partial with OpenTelemetry but no exporter endpoint', async () => {
    const { result } = await evaluateCheck(
      { ...otel, 'k8s/app.yaml': api() },
      'cn-observability.tracing',
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet?.content).toContain(
      'OTEL_EXPORTER_OTLP_ENDPOINT',
    );
  });

  it('passes with OpenTelemetry whose exporter the code builds with its destination (Cloud Trace)', async () => {
    const { result } = await evaluateCheck(
      {
        ...otel,
        'app/tracing.py':
          'from opentelemetry.exporter.cloud_trace import CloudTraceSpanExporter\nprovider.add_span_processor(BatchSpanProcessor(CloudTraceSpanExporter()))\n',
        'k8s/app.yaml': api(),
      },
      'cn-observability.tracing',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/tracing.py', startLine: 1 }),
    );
  });

  it("is partial with vendor tracing only, with OTel env for each of the app's workloads", async () => {
    const { result } = await evaluateCheck(
      {
        'requirements.txt': 'fastapi==0.1\nlangsmith==0.2.3\n',
        'app/llm.py': 'from langsmith import traceable\n',
        'k8s/app.yaml': api() + worker(),
      },
      'cn-observability.tracing',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'Vendor-specific tracing only (langsmith); no OpenTelemetry',
    );
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('name: shop-api');
    expect(snippet).toContain('name: shop-worker');
    expect(snippet).toContain('value: service.namespace=svc');
    expect(result.remediation?.text).toContain('opentelemetry-instrument');
  });

  it('fails without tracing', async () => {
    expect(
      (
        await evaluateCheck(
          { ...PLAIN_PY, 'k8s/app.yaml': api() },
          'cn-observability.tracing',
        )
      ).result.verdict,
    ).toBe('fail');
  });
});

describe('cn-observability.alerting', () => {
  it('passes with a PrometheusRule holding alerts', async () => {
    const rule =
      '---\napiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: shop}\nspec:\n  groups: [{name: g, rules: [{alert: ShopDown, expr: up == 0}, {record: x, expr: y}]}]\n';
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api() + rule },
      'cn-observability.alerting',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('k8s: 1 alert rule(s) in shop');
  });

  it('fails without, with rules for its own workloads', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api() + worker() },
      'cn-observability.alerting',
    );
    expect(result.verdict).toBe('fail');
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('name: svc');
    expect(snippet).toContain(
      'kube_deployment_status_replicas_available{namespace="shop", deployment="shop-api"} < 1',
    );
    expect(snippet).toContain('alert: ShopWorkerCrashLooping');
  });

  it('is unknown without manifests or cluster', async () => {
    expect(
      (await evaluateCheck(PLAIN_PY, 'cn-observability.alerting')).result
        .verdict,
    ).toBe('unknown');
  });
});

describe('cn-observability: objects that decide a check without the rest of the service', () => {
  const rule = (
    kind = 'PrometheusRule',
    apiVersion = 'monitoring.coreos.com/v1',
  ) => `---
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: shop-alerts, namespace: shop}
spec:
  groups: [{name: shop, rules: [{alert: ShopDown, expr: up == 0}]}]
`;

  it('passes alerting for a PrometheusRule (or a VictoriaMetrics VMRule) alone in the repository', async () => {
    for (const files of [
      { 'monitoring/rules.yaml': rule() },
      {
        'monitoring/rules.yaml': rule(
          'VMRule',
          'operator.victoriametrics.com/v1beta1',
        ),
      },
    ]) {
      const { result } = await evaluateCheck(
        files,
        'cn-observability.alerting',
      );
      expect(result.verdict).toBe('pass');
      expect(result.summary).toBe('monitoring: 1 alert rule(s) in shop-alerts');
    }
  });

  it('counts alert rules kept in a folder of their own for the workloads deployed beside them', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': api(), 'monitoring/rules.yaml': rule() },
      'cn-observability.alerting',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: 1 alert rule(s) in shop-alerts (kept in monitoring)',
    );
  });

  it('passes tracing for OpenTelemetry Operator auto-instrumentation, or the Java agent, without source code', async () => {
    const injected = await evaluateCheck(
      {
        'k8s/app.yaml': api({
          podAnnotations:
            '{instrumentation.opentelemetry.io/inject-python: "true"}',
        }),
      },
      'cn-observability.tracing',
    );
    expect(injected.result.verdict).toBe('pass');
    expect(injected.result.evidence[0].note).toContain(
      'OpenTelemetry Operator injects the SDK and exporter',
    );
    const agent = await evaluateCheck(
      {
        'k8s/app.yaml': api().replace(
          'envFrom: [{configMapRef: {name: shop-config}}]',
          'env: [{name: JAVA_TOOL_OPTIONS, value: "-javaagent:/otel/opentelemetry-javaagent.jar"}]',
        ),
      },
      'cn-observability.tracing',
    );
    expect(agent.result.verdict).toBe('pass');
    // No injection and no code: nothing decides.
    expect(
      (
        await evaluateCheck(
          { 'k8s/app.yaml': api() },
          'cn-observability.tracing',
        )
      ).result.verdict,
    ).toBe('unknown');
  });

  it('judges metrics without source code from a declared metrics port and what scrapes it', async () => {
    const withPort = api().replace(
      'ports: [{name: http, containerPort: 8000}]',
      'ports: [{name: http, containerPort: 8000}, {name: metrics, containerPort: 9090}]',
    );
    const monitor = `---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: shop-api, namespace: shop}
spec:
  selector: {matchLabels: {app.kubernetes.io/part-of: shop}}
  endpoints: [{port: http, path: /metrics}]
`;
    const scraped = await evaluateCheck(
      { 'k8s/app.yaml': withPort + monitor },
      'cn-observability.metrics',
    );
    expect(scraped.result.verdict).toBe('pass');
    const notScraped = await evaluateCheck(
      { 'k8s/app.yaml': withPort },
      'cn-observability.metrics',
    );
    expect(notScraped.result.verdict).toBe('partial');
    // A monitor alone cannot tell whether anything is exposed: unknown, naming it.
    const monitorOnly = await evaluateCheck(
      { 'k8s/app.yaml': api() + monitor },
      'cn-observability.metrics',
    );
    expect(monitorOnly.result.verdict).toBe('unknown');
    expect(monitorOnly.result.reason).toContain('selects Service shop-api');
  });
});

describe('C# instrumentation', () => {
  it('finds prometheus-net metrics, OpenTelemetry tracing and ASP.NET Core health checks in the code', async () => {
    const files = {
      'src/Program.cs':
        'builder.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());\napp.UseHttpMetrics();\napp.MapMetrics();\napp.MapHealthChecks("/healthz");\n',
      'k8s/app.yaml': api({ podAnnotations: '{prometheus.io/scrape: "true"}' }),
    };
    expect(
      (await evaluateCheck(files, 'cn-observability.metrics')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(files, 'cn-observability.health-endpoint')).result
        .evidence[0],
    ).toMatchObject({ path: 'src/Program.cs', startLine: 4 });
    const tracing = await evaluateCheck(files, 'cn-observability.tracing');
    expect(tracing.result.verdict).toBe('partial');
    expect(tracing.result.summary).toContain('OpenTelemetry is in the code');
  });
});
