import { evaluateCheck } from '../../__testUtils__';

const ID = 'cn-observability.metrics';

/** A Deployment behind a Service, with the given container lines (env…) and pod annotations. */
const deployment = (container = '', annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api}
      ${annotations ? `annotations: ${annotations}` : ''}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          ports: [{name: http, containerPort: 8080}]
${container}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: http}]
`;
const env = (vars: Record<string, string>) =>
  `          env:\n${Object.entries(vars)
    .map(
      ([name, value]) =>
        `            - {name: ${name}, value: ${JSON.stringify(value)}}`,
    )
    .join('\n')}`;

async function judge(files: Record<string, string>) {
  return (await evaluateCheck(files, ID)).result;
}

const notes = (r: { evidence: Array<{ note?: string }> }) =>
  r.evidence.map(e => e.note).join('\n');

describe('cn-observability.metrics: metrics pushed rather than scraped', () => {
  it('passes a Node app with an OTLP metric exporter and reader, pointing at the line and the endpoint', async () => {
    const r = await judge({
      'package.json': JSON.stringify({
        dependencies: {
          '@opentelemetry/sdk-metrics': '^1.26.0',
          '@opentelemetry/exporter-metrics-otlp-http': '^0.53.0',
          express: '^4.0.0',
        },
      }),
      'src/telemetry.ts': [
        "import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';",
        "import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';",
        'export const meterProvider = new MeterProvider({',
        '  readers: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() })],',
        '});',
      ].join('\n'),
      'k8s/app.yaml': deployment(
        env({
          OTEL_EXPORTER_OTLP_ENDPOINT:
            'http://otel-collector.observability:4318',
        }),
      ),
    });
    expect(r.verdict).toBe('pass');
    expect(r.summary).toContain('metrics are pushed to a collector');
    expect(r.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'src/telemetry.ts', startLine: 4 }),
        expect.objectContaining({
          path: 'package.json',
          note: '@opentelemetry/exporter-metrics-otlp-http: pushes metrics',
        }),
      ]),
    );
    expect(notes(r)).toContain(
      'metrics are sent to http://otel-collector.observability:4318 (OTEL_EXPORTER_OTLP_ENDPOINT, container api)',
    );
  });

  it('passes a Python MeterProvider with an OTLP exporter, without manifests', async () => {
    const r = await judge({
      'requirements.txt':
        'opentelemetry-sdk==1.27.0\nopentelemetry-exporter-otlp==1.27.0\n',
      'app/telemetry.py': [
        'from opentelemetry.sdk.metrics import MeterProvider',
        'from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader',
        'from opentelemetry.exporter.otlp.proto.grpc.metric_exporter import OTLPMetricExporter',
        'reader = PeriodicExportingMetricReader(OTLPMetricExporter())',
        'provider = MeterProvider(metric_readers=[reader])',
      ].join('\n'),
    });
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'app/telemetry.py' });
  });

  it('passes a Go service with otlpmetricgrpc, from the code and the module', async () => {
    const r = await judge({
      'go.mod':
        'module example.com/api\n\ngo 1.22\n\nrequire go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetricgrpc v1.28.0\n',
      'internal/telemetry/metrics.go':
        'package telemetry\n\nfunc Init(ctx context.Context) {\n\texp, _ := otlpmetricgrpc.New(ctx)\n\t_ = metric.NewMeterProvider(metric.WithReader(metric.NewPeriodicReader(exp)))\n}\n',
    });
    expect(r.verdict).toBe('pass');
    expect(notes(r)).toContain('OpenTelemetry metric exporter');
  });

  it.each([
    ['micrometer-registry-otlp', 'io.micrometer:micrometer-registry-otlp'],
    [
      'micrometer-registry-datadog',
      'io.micrometer:micrometer-registry-datadog',
    ],
    ['micrometer-registry-statsd', 'io.micrometer:micrometer-registry-statsd'],
  ])('passes a Spring Boot app with %s', async (artifact, dependency) => {
    const r = await judge({
      'pom.xml': `<project><dependencies><dependency><groupId>io.micrometer</groupId><artifactId>${artifact}</artifactId></dependency></dependencies></project>`,
      'src/main/java/org/acme/App.java': 'public class App {}\n',
    });
    expect(r.verdict).toBe('pass');
    expect(notes(r)).toContain(`${dependency}: pushes metrics`);
  });

  it('passes a Spring Boot OTLP export configured in the nested form of application.yml', async () => {
    const r = await judge({
      'src/main/java/org/acme/App.java': 'public class App {}\n',
      'src/main/resources/application.yml': [
        'management:',
        '  otlp:',
        '    metrics:',
        '      export:',
        '        url: http://otel-collector:4318/v1/metrics',
      ].join('\n'),
    });
    expect(r.verdict).toBe('pass');
    expect(r.evidence[0]).toMatchObject({
      path: 'src/main/resources/application.yml',
      startLine: 5,
    });
  });

  it('reads the Boot 2 form (a backend under export:), and not a Prometheus export', async () => {
    const yml = (backend: string) => ({
      'src/main/java/org/acme/App.java': 'public class App {}\n',
      'src/main/resources/application.yml': [
        'management:',
        '  metrics:',
        '    export:',
        `      ${backend}:`,
        '        enabled: true',
      ].join('\n'),
    });
    expect((await judge(yml('datadog'))).verdict).toBe('pass');
    expect((await judge(yml('prometheus'))).verdict).not.toBe('pass');
  });

  it('passes a StatsD client whose agent address comes from the downward API', async () => {
    const r = await judge({
      'package.json': JSON.stringify({
        dependencies: { 'hot-shots': '^10.0.0' },
      }),
      'src/metrics.js':
        "const StatsD = require('hot-shots');\nmodule.exports = new StatsD({ host: process.env.DD_AGENT_HOST });\n",
      'k8s/app.yaml': deployment(
        '          env:\n            - name: DD_AGENT_HOST\n              valueFrom: {fieldRef: {fieldPath: status.hostIP}}',
      ),
    });
    expect(r.verdict).toBe('pass');
    expect(notes(r)).toContain(
      'metrics are sent to valueFrom (DD_AGENT_HOST, container api)',
    );
  });

  it('passes the OpenTelemetry Java agent of the workload or of the image unless its metrics are switched off', async () => {
    const agent = {
      JAVA_TOOL_OPTIONS: '-javaagent:/otel/opentelemetry-javaagent.jar',
    };
    const on = await judge({ 'k8s/app.yaml': deployment(env(agent)) });
    expect(on.verdict).toBe('pass');
    expect(notes(on)).toContain(
      'OpenTelemetry Java agent in JAVA_TOOL_OPTIONS of container api',
    );
    const off = await judge({
      'k8s/app.yaml': deployment(
        env({ ...agent, OTEL_METRICS_EXPORTER: 'none' }),
      ),
    });
    expect(off.verdict).not.toBe('pass');
    const image = await judge({
      Dockerfile:
        'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nENTRYPOINT ["java", "-javaagent:/otel/opentelemetry-javaagent.jar", "-jar", "/app.jar"]\n',
      'src/main/java/org/acme/App.java': 'public class App {}\n',
    });
    expect(image.verdict).toBe('pass');
    expect(image.evidence[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 3,
    });
  });

  it('passes OTEL_METRICS_EXPORTER=otlp, and the Operator injecting the Python SDK', async () => {
    const py = {
      'requirements.txt': 'opentelemetry-distro==0.48b0\n',
      'app/main.py': 'import os\n',
    };
    expect(
      (
        await judge({
          ...py,
          'k8s/app.yaml': deployment(env({ OTEL_METRICS_EXPORTER: 'otlp' })),
        })
      ).verdict,
    ).toBe('pass');
    const injected = await judge({
      ...py,
      'k8s/app.yaml': deployment(
        '',
        '{instrumentation.opentelemetry.io/inject-python: "true"}',
      ),
    });
    expect(injected.verdict).toBe('pass');
    expect(notes(injected)).toContain('OpenTelemetry Operator injection');
  });

  it('passes a .NET meter provider with the OTLP exporter, not one that only traces over OTLP', async () => {
    const csproj =
      '<Project><ItemGroup><PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.9.0" /></ItemGroup></Project>';
    const metricsOtlp = await judge({
      'Api/Api.csproj': csproj,
      'Api/Program.cs': [
        'builder.Services.AddOpenTelemetry()',
        '    .WithMetrics(metrics => metrics',
        '        .AddAspNetCoreInstrumentation()',
        '        .AddOtlpExporter());',
      ].join('\n'),
    });
    expect(metricsOtlp.verdict).toBe('pass');
    const tracingOnly = await judge({
      'Api/Api.csproj': csproj,
      'Api/Program.cs': [
        'builder.Services.AddOpenTelemetry()',
        '    .WithMetrics(metrics => metrics.AddPrometheusExporter())',
        '    .WithTracing(tracing => tracing.AddOtlpExporter());',
      ].join('\n'),
    });
    expect(tracingOnly.summary).not.toContain('pushed');
  });

  it('does not take an OTLP endpoint for traces for pushed metrics', async () => {
    const r = await judge({
      'requirements.txt': 'fastapi==0.115.0\nopentelemetry-sdk==1.27.0\n',
      'app/main.py':
        'from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter\nexporter = OTLPSpanExporter()\n',
      'k8s/app.yaml': deployment(
        env({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317' }),
      ),
    });
    expect(r.verdict).toBe('fail');
  });
});
