import type { MessageCatalog } from '../engineMessages';

/** Observability. */
export const cnObservability: MessageCatalog = {
  // probes (liveness, readiness): a container's probe
  'cn-observability.probe.http-note': {
    en: '{{container}}: {{kind}} HTTP GET {{path}} on port {{port}}',
    ko: '{{container}}: {{kind}} HTTP GET {{path}} (포트 {{port}})',
  },
  'cn-observability.probe.tcp-note': {
    en: '{{container}}: {{kind}} TCP port {{port}}',
    ko: '{{container}}: {{kind}} TCP 포트 {{port}}',
  },
  'cn-observability.probe.grpc-note': {
    en: '{{container}}: {{kind}} gRPC port {{port}}',
    ko: '{{container}}: {{kind}} gRPC 포트 {{port}}',
  },
  'cn-observability.probe.exec-note': {
    en: '{{container}}: {{kind}} exec {{command}}',
    ko: '{{container}}: {{kind}} 명령 실행 {{command}}',
  },
  'cn-observability.probe.other-note': {
    en: '{{container}}: {{kind}} probe',
    ko: '{{container}}: {{kind}} 프로브',
  },
  'cn-observability.probe.missing-note': {
    en: '{{container}}: no {{kind}}',
    ko: '{{container}}: {{kind}} 없음',
  },
  'cn-observability.probe.patch-for': {
    en: 'A strategic-merge patch for {{kind}} {{name}}:',
    ko: '{{kind}} {{name}}에 적용할 strategic-merge 패치:',
  },
  // liveness
  'cn-observability.liveness.all': {
    en: 'all {{n}} long-running containers have a livenessProbe',
    ko: '장기 실행 컨테이너 {{n}}개 모두 livenessProbe 있음',
  },
  'cn-observability.liveness.some': {
    en: '{{having}} of {{total}} long-running containers have a livenessProbe; missing in {{missing}}',
    ko: '장기 실행 컨테이너 {{total}}개 중 {{having}}개만 livenessProbe 있음; 누락: {{missing}}',
  },
  'cn-observability.liveness.advice': {
    en: 'Add a livenessProbe so that the kubelet restarts a hung container; keep it cheap and independent of other services.',
    ko: 'kubelet이 멈춘 컨테이너를 재시작할 수 있도록 livenessProbe를 추가하세요. 프로브는 가볍게, 다른 서비스에 의존하지 않게 유지하세요.',
  },
  'cn-observability.liveness.none': {
    en: 'No long-running containers',
    ko: '장기 실행 컨테이너 없음',
  },
  'cn-observability.liveness.none-reason': {
    en: 'No deploy target or cluster namespace has long-running containers.',
    ko: '장기 실행 컨테이너가 있는 배포 대상이나 클러스터 네임스페이스가 없습니다.',
  },
  // readiness
  'cn-observability.readiness.all': {
    en: 'all {{n}} serving containers (behind a Service) have a readinessProbe',
    ko: 'Service 뒤에서 트래픽을 받는 컨테이너 {{n}}개 모두 readinessProbe 있음',
  },
  'cn-observability.readiness.some': {
    en: '{{having}} of {{total}} serving containers (behind a Service) have a readinessProbe; missing in {{missing}}',
    ko: 'Service 뒤에서 트래픽을 받는 컨테이너 {{total}}개 중 {{having}}개만 readinessProbe 있음; 누락: {{missing}}',
  },
  'cn-observability.readiness.advice': {
    en: 'Add a readinessProbe so that a Service sends traffic only to pods that can answer (also during start-up and shutdown).',
    ko: 'Service가 (시작과 종료 중에도) 응답할 수 있는 파드에만 트래픽을 보내도록 readinessProbe를 추가하세요.',
  },
  'cn-observability.readiness.none': {
    en: 'No serving containers (behind a Service)',
    ko: 'Service 뒤에서 트래픽을 받는 컨테이너 없음',
  },
  'cn-observability.readiness.none-reason': {
    en: 'No deploy target or cluster namespace has serving containers (behind a Service).',
    ko: 'Service 뒤에서 트래픽을 받는 컨테이너가 있는 배포 대상이나 클러스터 네임스페이스가 없습니다.',
  },
  // health-endpoint
  'cn-observability.health-endpoint.http-note': {
    en: '{{kind}} HTTP GET {{path}} on port {{port}} (container {{container}})',
    ko: '{{kind}} HTTP GET {{path}} (포트 {{port}}, 컨테이너 {{container}})',
  },
  'cn-observability.health-endpoint.tcp-note': {
    en: '{{kind}} TCP port {{port}} (container {{container}})',
    ko: '{{kind}} TCP 포트 {{port}} (컨테이너 {{container}})',
  },
  'cn-observability.health-endpoint.grpc-note': {
    en: '{{kind}} gRPC port {{port}} (container {{container}})',
    ko: '{{kind}} gRPC 포트 {{port}} (컨테이너 {{container}})',
  },
  'cn-observability.health-endpoint.exec-note': {
    en: '{{kind}} exec {{command}} (container {{container}})',
    ko: '{{kind}} 명령 실행 {{command}} (컨테이너 {{container}})',
  },
  'cn-observability.health-endpoint.other-note': {
    en: '{{kind}} probe (container {{container}})',
    ko: '{{kind}} 프로브 (컨테이너 {{container}})',
  },
  'cn-observability.health-endpoint.serves-note': {
    en: '{{dependency}} serves the health endpoint: {{dependency}}',
    ko: '{{dependency}}에서 헬스 엔드포인트 제공: {{dependency}}',
  },
  'cn-observability.health-endpoint.found-both': {
    en: 'Health endpoint: probes hit {{paths}}; the code defines {{routes}}',
    ko: '헬스 엔드포인트: 프로브가 {{paths}} 호출; 코드에 {{routes}} 정의됨',
  },
  'cn-observability.health-endpoint.found-code': {
    en: 'Health endpoint: the code defines {{routes}}',
    ko: '헬스 엔드포인트: 코드에 {{routes}} 정의됨',
  },
  'cn-observability.health-endpoint.found-probes': {
    en: 'Health endpoint: probes hit {{paths}}',
    ko: '헬스 엔드포인트: 프로브가 {{paths}} 호출',
  },
  'cn-observability.health-endpoint.no-probe': {
    en: 'No probe hits an HTTP health path',
    ko: 'HTTP 헬스 경로를 호출하는 프로브 없음',
  },
  'cn-observability.health-endpoint.no-code-reason': {
    en: 'No probe uses an HTTP health path, and the repository has no source code to look for a health route in.',
    ko: 'HTTP 헬스 경로를 쓰는 프로브가 없고, 헬스 라우트를 찾아볼 소스 코드도 저장소에 없습니다.',
  },
  'cn-observability.health-endpoint.unread-reason': {
    en: 'No probe uses an HTTP health path, and the source code could not be read.',
    ko: 'HTTP 헬스 경로를 쓰는 프로브가 없고, 소스 코드를 읽을 수 없었습니다.',
  },
  'cn-observability.health-endpoint.none': {
    en: 'No health endpoint: the code defines no health route and no probe hits an HTTP health path or the gRPC health service',
    ko: '헬스 엔드포인트 없음: 코드에 헬스 라우트가 없고, HTTP 헬스 경로나 gRPC health 서비스를 호출하는 프로브도 없음',
  },
  'cn-observability.health-endpoint.no-probe-note': {
    en: 'no HTTP health probe',
    ko: 'HTTP 헬스 프로브 없음',
  },
  'cn-observability.health-endpoint.none-advice': {
    en: 'Add a cheap /healthz route (and /readyz that checks the dependencies the app cannot serve without) and point the liveness/readiness probes at them.',
    ko: '가벼운 /healthz 라우트(와 앱이 없으면 서비스할 수 없는 종속 서비스를 확인하는 /readyz)를 추가하고 liveness/readiness 프로브가 이를 호출하도록 하세요.',
  },
  // metrics
  'cn-observability.metrics.howto-fastapi': {
    en: 'Expose /metrics with prometheus-fastapi-instrumentator (requirements: prometheus-fastapi-instrumentator): `Instrumentator().instrument(app).expose(app)`.',
    ko: 'prometheus-fastapi-instrumentator로 /metrics를 노출하세요(requirements: prometheus-fastapi-instrumentator): `Instrumentator().instrument(app).expose(app)`.',
  },
  'cn-observability.metrics.howto-fastapi-in': {
    en: 'Expose /metrics with prometheus-fastapi-instrumentator (requirements: prometheus-fastapi-instrumentator): `Instrumentator().instrument(app).expose(app)` in {{file}}.',
    ko: 'prometheus-fastapi-instrumentator로 /metrics를 노출하세요(requirements: prometheus-fastapi-instrumentator): {{file}}에 `Instrumentator().instrument(app).expose(app)`.',
  },
  'cn-observability.metrics.howto-python': {
    en: 'Expose /metrics with prometheus-client: `start_http_server(9000)` or `make_asgi_app()` mounted at /metrics.',
    ko: 'prometheus-client로 /metrics를 노출하세요: `start_http_server(9000)` 또는 /metrics에 마운트한 `make_asgi_app()`.',
  },
  'cn-observability.metrics.howto-python-in': {
    en: 'Expose /metrics with prometheus-client: `start_http_server(9000)` or `make_asgi_app()` mounted at /metrics in {{file}}.',
    ko: 'prometheus-client로 /metrics를 노출하세요: {{file}}에서 `start_http_server(9000)` 또는 /metrics에 마운트한 `make_asgi_app()`.',
  },
  'cn-observability.metrics.howto-javascript': {
    en: "Expose /metrics with prom-client: `collectDefaultMetrics()` and `app.get('/metrics', async (_req, res) => res.type(register.contentType).send(await register.metrics()))`.",
    ko: "prom-client로 /metrics를 노출하세요: `collectDefaultMetrics()`와 `app.get('/metrics', async (_req, res) => res.type(register.contentType).send(await register.metrics()))`.",
  },
  'cn-observability.metrics.howto-javascript-in': {
    en: "Expose /metrics with prom-client: `collectDefaultMetrics()` and `app.get('/metrics', async (_req, res) => res.type(register.contentType).send(await register.metrics()))` in {{file}}.",
    ko: "prom-client로 /metrics를 노출하세요: {{file}}에 `collectDefaultMetrics()`와 `app.get('/metrics', async (_req, res) => res.type(register.contentType).send(await register.metrics()))`.",
  },
  'cn-observability.metrics.howto-go': {
    en: 'Expose /metrics with github.com/prometheus/client_golang: `mux.Handle("/metrics", promhttp.Handler())`.',
    ko: 'github.com/prometheus/client_golang으로 /metrics를 노출하세요: `mux.Handle("/metrics", promhttp.Handler())`.',
  },
  'cn-observability.metrics.howto-go-in': {
    en: 'Expose /metrics with github.com/prometheus/client_golang: `mux.Handle("/metrics", promhttp.Handler())` in {{file}}.',
    ko: 'github.com/prometheus/client_golang으로 /metrics를 노출하세요: {{file}}에 `mux.Handle("/metrics", promhttp.Handler())`.',
  },
  'cn-observability.metrics.howto-java': {
    en: 'Expose /actuator/prometheus with io.micrometer:micrometer-registry-prometheus and spring-boot-starter-actuator (management.endpoints.web.exposure.include=health,prometheus).',
    ko: 'io.micrometer:micrometer-registry-prometheus와 spring-boot-starter-actuator로 /actuator/prometheus를 노출하세요(management.endpoints.web.exposure.include=health,prometheus).',
  },
  'cn-observability.metrics.howto-csharp': {
    en: 'Expose /metrics with prometheus-net.AspNetCore: `app.UseHttpMetrics(); app.MapMetrics();` (or OpenTelemetry.Exporter.Prometheus.AspNetCore).',
    ko: 'prometheus-net.AspNetCore로 /metrics를 노출하세요: `app.UseHttpMetrics(); app.MapMetrics();` (또는 OpenTelemetry.Exporter.Prometheus.AspNetCore).',
  },
  'cn-observability.metrics.howto-csharp-in': {
    en: 'Expose /metrics with prometheus-net.AspNetCore: `app.UseHttpMetrics(); app.MapMetrics();` in {{file}} (or OpenTelemetry.Exporter.Prometheus.AspNetCore).',
    ko: 'prometheus-net.AspNetCore로 /metrics를 노출하세요: {{file}}에 `app.UseHttpMetrics(); app.MapMetrics();` (또는 OpenTelemetry.Exporter.Prometheus.AspNetCore).',
  },
  'cn-observability.metrics.howto-other': {
    en: "Expose /metrics with the Prometheus client library of the service's language.",
    ko: '서비스 언어의 Prometheus 클라이언트 라이브러리로 /metrics를 노출하세요.',
  },
  'cn-observability.metrics.library-note': {
    en: '{{dependency}}: metrics library',
    ko: '{{dependency}}: 메트릭 라이브러리',
  },
  'cn-observability.metrics.port-note': {
    en: 'container {{container}} declares port {{port}} ({{number}})',
    ko: '컨테이너 {{container}}에서 포트 {{port}}({{number}}) 선언',
  },
  'cn-observability.metrics.exporter-note': {
    en: 'exporter container {{container}} ({{image}})',
    ko: 'exporter 컨테이너 {{container}} ({{image}})',
  },
  'cn-observability.metrics.port-scraped': {
    en: 'a metrics port is exposed and scraped',
    ko: '메트릭 포트가 노출되고 수집됨',
  },
  'cn-observability.metrics.port-unscraped': {
    en: 'a metrics port is exposed but nothing scrapes it',
    ko: '메트릭 포트가 노출되었지만 수집하는 곳이 없음',
  },
  'cn-observability.metrics.port-unscraped-advice': {
    en: 'Let Prometheus scrape the metrics port (a ServiceMonitor or PodMonitor).',
    ko: 'Prometheus가 메트릭 포트를 수집하도록 하세요(ServiceMonitor 또는 PodMonitor).',
  },
  'cn-observability.metrics.scraped-unknown': {
    en: 'Scraped, but whether the app exposes metrics is not visible',
    ko: '수집 설정은 있으나 앱이 메트릭을 노출하는지 확인할 수 없음',
  },
  // The last part of a reason whose first parts are the scrape evidence's notes.
  'cn-observability.metrics.scraped-unknown-reason': {
    en: 'the repository has no source code, and the containers declare no metrics port, to tell whether the app exposes /metrics.',
    ko: '앱이 /metrics를 노출하는지 판단할 소스 코드가 저장소에 없고, 컨테이너도 메트릭 포트를 선언하지 않았습니다.',
  },
  'cn-observability.metrics.service-monitor-lead': {
    en: "A ServiceMonitor for the app's Service(s):",
    ko: '앱의 Service에 대한 ServiceMonitor:',
  },
  'cn-observability.metrics.scrape-no-exporter': {
    en: 'Scrape configuration without an exporter: {{sets}} scrape the pods, but the code has no metrics library or /metrics endpoint',
    ko: 'exporter 없는 수집 설정: {{sets}}에서 파드를 수집하지만 코드에 메트릭 라이브러리나 /metrics 엔드포인트가 없음',
  },
  'cn-observability.metrics.none': {
    en: 'No Prometheus metrics: no metrics library or /metrics endpoint in the code, and nothing scrapes the pods',
    ko: 'Prometheus 메트릭 없음: 코드에 메트릭 라이브러리나 /metrics 엔드포인트가 없고, 파드를 수집하는 곳도 없음',
  },
  'cn-observability.metrics.no-scrape-note': {
    en: 'no ServiceMonitor, PodMonitor or prometheus.io/scrape annotation',
    ko: 'ServiceMonitor, PodMonitor, prometheus.io/scrape 어노테이션 없음',
  },
  'cn-observability.metrics.then-scrape': {
    en: 'Then let Prometheus scrape it.',
    ko: '그런 다음 Prometheus가 이를 수집하도록 하세요.',
  },
  'cn-observability.metrics.no-workload': {
    en: 'Metrics are exposed; no manifests or cluster show whether they are scraped',
    ko: '메트릭은 노출되지만, 수집 여부를 보여 주는 매니페스트나 클러스터가 없음',
  },
  'cn-observability.metrics.no-workload-reason': {
    en: 'No deploy target or cluster namespace of this entity runs a workload, so no ServiceMonitor, PodMonitor or scrape annotation can be looked for.',
    ko: '이 엔티티의 배포 대상이나 클러스터 네임스페이스 중 워크로드를 실행하는 곳이 없어 ServiceMonitor, PodMonitor, 수집 어노테이션을 찾을 수 없습니다.',
  },
  'cn-observability.metrics.scraped': {
    en: 'metrics are exposed and scraped',
    ko: '메트릭이 노출되고 수집됨',
  },
  'cn-observability.metrics.unscraped': {
    en: 'metrics are exposed but nothing scrapes them',
    ko: '메트릭이 노출되었지만 수집하는 곳이 없음',
  },
  'cn-observability.metrics.unscraped-note': {
    en: 'no ServiceMonitor, PodMonitor or prometheus.io/scrape annotation selects the pods',
    ko: '파드를 선택하는 ServiceMonitor, PodMonitor, prometheus.io/scrape 어노테이션 없음',
  },
  'cn-observability.metrics.scrape-endpoint': {
    en: 'Let Prometheus scrape the /metrics endpoint.',
    ko: 'Prometheus가 /metrics 엔드포인트를 수집하도록 하세요.',
  },
  // Metrics the app pushes (OTLP, StatsD, a Micrometer push registry): collected without a scrape.
  'cn-observability.metrics.pushed': {
    en: 'metrics are pushed to a collector (OpenTelemetry OTLP, StatsD or a push registry), so no scrape is needed',
    ko: '메트릭을 수집기로 push함(OpenTelemetry OTLP, StatsD 또는 push 레지스트리), 따라서 스크레이프가 필요 없음',
  },
  'cn-observability.metrics.push-library-note': {
    en: '{{dependency}}: pushes metrics',
    ko: '{{dependency}}: 메트릭을 push함',
  },
  'cn-observability.metrics.push-env-note': {
    en: '{{name}}={{value}} in container {{container}}: the OpenTelemetry SDK exports metrics',
    ko: '컨테이너 {{container}}의 {{name}}={{value}}: OpenTelemetry SDK가 메트릭을 내보냄',
  },
  'cn-observability.metrics.push-agent-note': {
    en: 'OpenTelemetry Java agent in {{name}} of container {{container}}: exports metrics over OTLP by default',
    ko: '컨테이너 {{container}}의 {{name}}에 OpenTelemetry Java 에이전트: 기본으로 OTLP로 메트릭을 내보냄',
  },
  'cn-observability.metrics.push-instrument-note': {
    en: 'container {{container}} runs under opentelemetry-instrument: exports metrics over OTLP by default',
    ko: '컨테이너 {{container}}이(가) opentelemetry-instrument로 실행됨: 기본으로 OTLP로 메트릭을 내보냄',
  },
  'cn-observability.metrics.push-operator-note': {
    en: 'OpenTelemetry Operator injection ({{annotations}}): exports metrics over OTLP by default',
    ko: 'OpenTelemetry Operator 주입({{annotations}}): 기본으로 OTLP로 메트릭을 내보냄',
  },
  'cn-observability.metrics.push-dockerfile-note': {
    en: 'the image starts OpenTelemetry instrumentation that exports metrics: {{code}}',
    ko: '이미지가 메트릭을 내보내는 OpenTelemetry 계측을 시작함: {{code}}',
  },
  // `value` is the variable's value, or `valueFrom` when it comes from the downward API or a Secret.
  'cn-observability.metrics.push-destination-note': {
    en: 'metrics are sent to {{value}} ({{name}}, container {{container}})',
    ko: '메트릭 전송 대상 {{value}} ({{name}}, 컨테이너 {{container}})',
  },
  // monitoring (scrape evidence of metrics)
  'cn-observability.monitoring.selects-service-note': {
    en: 'selects Service {{service}}',
    ko: 'Service {{service}} 선택',
  },
  'cn-observability.monitoring.selects-pods-note': {
    en: 'selects the pods of {{kind}} {{name}}',
    ko: '{{kind}} {{name}}의 파드 선택',
  },
  'cn-observability.monitoring.scrape-annotation-note': {
    en: 'prometheus.io/scrape: "true"',
    ko: 'prometheus.io/scrape: "true" 어노테이션',
  },
  'cn-observability.monitoring.pod-annotation-note': {
    en: 'pod template annotation prometheus.io/scrape: "true"',
    ko: '파드 템플릿 어노테이션 prometheus.io/scrape: "true"',
  },
  // tracing
  'cn-observability.tracing.env-note': {
    en: '{{name}}={{value}} (container {{container}})',
    ko: '{{name}}={{value}} (컨테이너 {{container}})',
  },
  'cn-observability.tracing.collector-note': {
    en: 'collector container {{container}} ({{image}})',
    ko: 'collector 컨테이너 {{container}} ({{image}})',
  },
  'cn-observability.tracing.operator-note': {
    en: 'OpenTelemetry Operator injects the SDK and exporter ({{annotations}})',
    ko: 'OpenTelemetry Operator가 SDK와 exporter를 주입함 ({{annotations}})',
  },
  'cn-observability.tracing.java-agent-note': {
    en: '{{name}} loads the OpenTelemetry Java agent (container {{container}})',
    ko: '{{name}}에서 OpenTelemetry Java 에이전트를 로드함 (컨테이너 {{container}})',
  },
  'cn-observability.tracing.instrument-note': {
    en: 'runs under opentelemetry-instrument (container {{container}})',
    ko: 'opentelemetry-instrument로 실행됨 (컨테이너 {{container}})',
  },
  'cn-observability.tracing.howto-python': {
    en: 'Add OpenTelemetry: opentelemetry-distro and opentelemetry-exporter-otlp in the requirements, `opentelemetry-bootstrap -a install` in the image, and start the processes with `opentelemetry-instrument`.',
    ko: 'OpenTelemetry를 추가하세요: requirements에 opentelemetry-distro와 opentelemetry-exporter-otlp를 넣고, 이미지에서 `opentelemetry-bootstrap -a install`을 실행하고, 프로세스를 `opentelemetry-instrument`로 시작하세요.',
  },
  'cn-observability.tracing.howto-fastapi': {
    en: 'Add OpenTelemetry: opentelemetry-distro and opentelemetry-exporter-otlp in the requirements, `opentelemetry-bootstrap -a install` in the image (instruments FastAPI, httpx, SQLAlchemy, Celery, Redis), and start the processes with `opentelemetry-instrument`.',
    ko: 'OpenTelemetry를 추가하세요: requirements에 opentelemetry-distro와 opentelemetry-exporter-otlp를 넣고, 이미지에서 `opentelemetry-bootstrap -a install`을 실행하고(FastAPI, httpx, SQLAlchemy, Celery, Redis를 계측함), 프로세스를 `opentelemetry-instrument`로 시작하세요.',
  },
  'cn-observability.tracing.howto-javascript': {
    en: 'Add OpenTelemetry: @opentelemetry/sdk-node, @opentelemetry/auto-instrumentations-node and @opentelemetry/exporter-trace-otlp-grpc, loaded with `node --require @opentelemetry/auto-instrumentations-node/register`.',
    ko: 'OpenTelemetry를 추가하세요: @opentelemetry/sdk-node, @opentelemetry/auto-instrumentations-node, @opentelemetry/exporter-trace-otlp-grpc를 `node --require @opentelemetry/auto-instrumentations-node/register`로 로드하세요.',
  },
  'cn-observability.tracing.howto-go': {
    en: 'Add OpenTelemetry: go.opentelemetry.io/otel/sdk with the otlptracegrpc exporter, and otelhttp around the HTTP handlers and clients.',
    ko: 'OpenTelemetry를 추가하세요: otlptracegrpc exporter와 함께 go.opentelemetry.io/otel/sdk를 쓰고, HTTP 핸들러와 클라이언트를 otelhttp로 감싸세요.',
  },
  'cn-observability.tracing.howto-java': {
    en: 'Add OpenTelemetry: run with the opentelemetry-javaagent (JAVA_TOOL_OPTIONS=-javaagent:/otel/opentelemetry-javaagent.jar) or add io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter.',
    ko: 'OpenTelemetry를 추가하세요: opentelemetry-javaagent로 실행하거나(JAVA_TOOL_OPTIONS=-javaagent:/otel/opentelemetry-javaagent.jar) io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter를 추가하세요.',
  },
  'cn-observability.tracing.howto-csharp': {
    en: 'Add OpenTelemetry: OpenTelemetry.Extensions.Hosting with OpenTelemetry.Instrumentation.AspNetCore and OpenTelemetry.Exporter.OpenTelemetryProtocol: `builder.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())`.',
    ko: 'OpenTelemetry를 추가하세요: OpenTelemetry.Instrumentation.AspNetCore, OpenTelemetry.Exporter.OpenTelemetryProtocol과 함께 OpenTelemetry.Extensions.Hosting을 쓰세요: `builder.Services.AddOpenTelemetry().WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter())`.',
  },
  'cn-observability.tracing.howto-other': {
    en: "Add the OpenTelemetry SDK and auto-instrumentation of the service's language.",
    ko: '서비스 언어용 OpenTelemetry SDK와 자동 계측을 추가하세요.',
  },
  'cn-observability.tracing.injected': {
    en: 'OpenTelemetry injected into the processes, with its exporter',
    ko: 'OpenTelemetry가 exporter와 함께 프로세스에 주입됨',
  },
  'cn-observability.tracing.otel-note': {
    en: '{{dependency}}: OpenTelemetry',
    ko: '{{dependency}}: OpenTelemetry 라이브러리',
  },
  'cn-observability.tracing.vendor-note': {
    en: '{{dependency}}: vendor tracing',
    ko: '{{dependency}}: 벤더 전용 트레이싱',
  },
  'cn-observability.tracing.point-collector-snippet': {
    en: 'Point the exporter at an OpenTelemetry Collector:',
    ko: 'exporter가 OpenTelemetry Collector로 보내도록 설정하세요:',
  },
  'cn-observability.tracing.point-collector': {
    en: 'Point the exporter at an OpenTelemetry Collector.',
    ko: 'exporter가 OpenTelemetry Collector로 보내도록 설정하세요.',
  },
  'cn-observability.tracing.no-workload': {
    en: 'OpenTelemetry is in the code; no manifests or cluster show its exporter endpoint',
    ko: '코드에 OpenTelemetry가 있지만, exporter 엔드포인트를 보여 주는 매니페스트나 클러스터가 없음',
  },
  'cn-observability.tracing.no-workload-reason': {
    en: 'No deploy target or cluster namespace runs a workload, so OTEL_EXPORTER_OTLP_ENDPOINT cannot be looked for.',
    ko: '워크로드를 실행하는 배포 대상이나 클러스터 네임스페이스가 없어 OTEL_EXPORTER_OTLP_ENDPOINT를 찾을 수 없습니다.',
  },
  'cn-observability.tracing.receiver-note': {
    en: '{{product}} receives traces',
    ko: '{{product}}: 트레이스 수신',
  },
  'cn-observability.tracing.exporting': {
    en: 'OpenTelemetry with an exporter endpoint',
    ko: 'OpenTelemetry와 exporter 엔드포인트가 설정됨',
  },
  'cn-observability.tracing.no-exporter': {
    en: 'OpenTelemetry is in the code, but no OTEL_EXPORTER_OTLP_ENDPOINT or collector is configured',
    ko: '코드에 OpenTelemetry가 있지만 OTEL_EXPORTER_OTLP_ENDPOINT나 collector가 설정되지 않음',
  },
  'cn-observability.tracing.configure-lead': {
    en: 'Configure where spans go.',
    ko: '스팬을 보낼 곳을 설정하세요.',
  },
  'cn-observability.tracing.vendor-only': {
    en: 'Vendor-specific tracing only ({{names}}); no OpenTelemetry',
    ko: '벤더 전용 트레이싱만 있음 ({{names}}); OpenTelemetry 없음',
  },
  'cn-observability.tracing.vendor-lead': {
    en: 'Keep the vendor tracing if useful, and add vendor-neutral distributed tracing across services.',
    ko: '벤더 트레이싱이 유용하면 유지하되, 서비스 전반에 걸친 벤더 중립적인 분산 트레이싱을 추가하세요.',
  },
  'cn-observability.tracing.none': {
    en: 'No distributed tracing: no OpenTelemetry or vendor tracing library in the dependencies or code',
    ko: '분산 트레이싱 없음: 종속성이나 코드에 OpenTelemetry 또는 벤더 트레이싱 라이브러리가 없음',
  },
  'cn-observability.tracing.none-lead': {
    en: 'Add distributed tracing.',
    ko: '분산 트레이싱을 추가하세요.',
  },
  // alerting
  'cn-observability.alerting.rules': {
    en: '{{n}} alert rule(s) in {{names}}',
    ko: '{{names}}에 알림 규칙 {{n}}개',
  },
  'cn-observability.alerting.rules-kept': {
    en: '{{n}} alert rule(s) in {{names}} (kept in {{set}})',
    ko: '{{names}}에 알림 규칙 {{n}}개 ({{set}}에 있음)',
  },
  'cn-observability.alerting.others': {
    en: '{{objects}}',
    ko: '알림 구성 {{objects}}',
  },
  'cn-observability.alerting.others-kept': {
    en: '{{objects}} (kept in {{set}})',
    ko: '알림 구성 {{objects}} ({{set}}에 있음)',
  },
  'cn-observability.alerting.rules-note': {
    en: '{{n}} alert rule(s)',
    ko: '알림 규칙 {{n}}개',
  },
  'cn-observability.alerting.routing-note': {
    en: 'Alertmanager routing',
    ko: 'Alertmanager 라우팅',
  },
  'cn-observability.alerting.kind-note': {
    en: '{{kind}}: alerting',
    ko: '{{kind}}: 알림',
  },
  'cn-observability.alerting.none': {
    en: 'no PrometheusRule or Alertmanager configuration covers the service',
    ko: '서비스를 다루는 PrometheusRule이나 Alertmanager 설정 없음',
  },
  'cn-observability.alerting.none-note': {
    en: 'no PrometheusRule with alert rules, no AlertmanagerConfig',
    ko: '알림 규칙이 있는 PrometheusRule 없음, AlertmanagerConfig 없음',
  },
  'cn-observability.alerting.none-advice': {
    en: 'Alert on what users feel (availability, error rate, latency) and route it with Alertmanager. Rules from kube-state-metrics need no app metrics:',
    ko: '사용자가 체감하는 지표(가용성, 오류율, 지연 시간)에 대해 알림을 걸고 Alertmanager로 라우팅하세요. kube-state-metrics 기반 규칙은 앱 메트릭이 없어도 됩니다:',
  },
};
