import type { MessageCatalog } from '../engineMessages';

/** XI. Logs. */
export const f11Logs: MessageCatalog = {
  'f11-logs.pipeline.collector-container-note': {
    en: 'log collector container {{container}} ({{image}})',
    ko: '로그 수집기 컨테이너 {{container}} ({{image}})',
  },
  'f11-logs.pipeline.on-volume-note': {
    en: 'logs written to {{path}} land on PVC {{claim}} mounted at {{mount}} (container {{container}})',
    ko: '{{path}}에 쓴 로그가 {{mount}}에 마운트된 PVC {{claim}}에 저장됨 (컨테이너 {{container}})',
  },
  'f11-logs.pipeline.shipper-note': {
    en: '{{dependency}} ships logs to {{backend}}',
    ko: '{{dependency}}이(가) 로그를 {{backend}}(으)로 전송함',
  },
  'f11-logs.pipeline.collector-advice': {
    en: "Run a log collector that ships every pod's stdout to a backend: Fluent Bit or Grafana Alloy to Loki/Elasticsearch, or the cloud's agent (Container Insights on AKS, CloudWatch agent on EKS, Cloud Logging on GKE).",
    ko: '모든 파드의 stdout을 백엔드로 전송하는 로그 수집기를 실행하세요. Fluent Bit이나 Grafana Alloy로 Loki/Elasticsearch에 보내거나, 클라우드 에이전트(AKS는 Container Insights, EKS는 CloudWatch agent, GKE는 Cloud Logging)를 쓰세요.',
  },
  'f11-logs.pipeline.remove-files-advice': {
    en: 'Remove the file handler(s) at {{files}} so that logs go to stdout/stderr only; a collector ships stdout, not files on a volume.',
    ko: '로그가 stdout/stderr로만 나가도록 {{files}}의 파일 핸들러를 제거하세요. 수집기는 볼륨의 파일이 아니라 stdout을 전송합니다.',
  },
  'f11-logs.pipeline.shipped-with-files': {
    en: 'cluster {{cluster}}: logs are shipped, but the app also writes log files ({{files}})',
    ko: '클러스터 {{cluster}}: 로그는 전송되지만 앱이 로그 파일도 씀 ({{files}})',
  },
  'f11-logs.pipeline.shipped-no-code': {
    en: 'cluster {{cluster}}: logs are shipped; whether the app also writes log files is not visible',
    ko: '클러스터 {{cluster}}: 로그는 전송되지만 앱이 로그 파일도 쓰는지는 알 수 없음',
  },
  'f11-logs.pipeline.shipped-no-code-reason': {
    en: "cluster {{cluster}}: a collector ships the pods' logs, but the repository has no Python, JavaScript/TypeScript, Go, Java or C# source file to read. So whether it also writes log files cannot be told.",
    ko: '클러스터 {{cluster}}: 수집기가 파드 로그를 전송하지만 저장소에 읽을 수 있는 Python, JavaScript/TypeScript, Go, Java, C# 소스 파일이 없습니다. 따라서 앱이 로그 파일도 쓰는지 알 수 없습니다.',
  },
  'f11-logs.pipeline.shipped': {
    en: 'cluster {{cluster}}: logs are shipped and the app writes no log files',
    ko: '클러스터 {{cluster}}: 로그가 전송되고 앱은 로그 파일을 쓰지 않음',
  },
  'f11-logs.pipeline.files-unshipped': {
    en: 'cluster {{cluster}}: logs are written to files ({{files}}) and no log collector ships them',
    ko: '클러스터 {{cluster}}: 로그가 파일에 기록되고({{files}}) 이를 전송하는 로그 수집기가 없음',
  },
  'f11-logs.pipeline.unshipped': {
    en: "cluster {{cluster}}: no log collector ships the pods' logs",
    ko: '클러스터 {{cluster}}: 파드 로그를 전송하는 로그 수집기가 없음',
  },
  'f11-logs.pipeline.shipped-with-files-repo': {
    en: 'repository: logs are shipped, but the app also writes log files ({{files}})',
    ko: '저장소: 로그는 전송되지만 앱이 로그 파일도 씀 ({{files}})',
  },
  'f11-logs.pipeline.shipped-no-code-repo': {
    en: 'repository: logs are shipped; whether the app also writes log files is not visible',
    ko: '저장소: 로그는 전송되지만 앱이 로그 파일도 쓰는지는 알 수 없음',
  },
  'f11-logs.pipeline.shipped-no-code-repo-reason': {
    en: "repository: a collector ships the pods' logs, but the repository has no Python, JavaScript/TypeScript, Go, Java or C# source file to read. So whether it also writes log files cannot be told.",
    ko: '저장소: 수집기가 파드 로그를 전송하지만 저장소에 읽을 수 있는 Python, JavaScript/TypeScript, Go, Java, C# 소스 파일이 없습니다. 따라서 앱이 로그 파일도 쓰는지 알 수 없습니다.',
  },
  'f11-logs.pipeline.shipped-repo': {
    en: 'repository: logs are shipped and the app writes no log files',
    ko: '저장소: 로그가 전송되고 앱은 로그 파일을 쓰지 않음',
  },
  'f11-logs.pipeline.files-unshipped-repo': {
    en: 'repository: logs are written to files ({{files}}) and no log collector ships them',
    ko: '저장소: 로그가 파일에 기록되고({{files}}) 이를 전송하는 로그 수집기가 없음',
  },
  'f11-logs.pipeline.unshipped-repo': {
    en: "repository: no log collector ships the pods' logs",
    ko: '저장소: 파드 로그를 전송하는 로그 수집기가 없음',
  },
  'f11-logs.pipeline.collects-note': {
    en: '{{product}} collects pod logs',
    ko: '{{product}}이(가) 파드 로그를 수집함',
  },
  'f11-logs.pipeline.no-collector-note': {
    en: 'no log collector (Fluent Bit, Fluentd, Promtail, Alloy, Vector, OpenTelemetry Collector DaemonSet, cloud agent) runs in cluster {{cluster}}',
    ko: '클러스터 {{cluster}}에서 실행 중인 로그 수집기(Fluent Bit, Fluentd, Promtail, Alloy, Vector, OpenTelemetry Collector DaemonSet, 클라우드 에이전트)가 없음',
  },
  'f11-logs.pipeline.files-only': {
    en: 'Logs are written only to files ({{files}}); nothing reaches stdout, so no collector could ship them',
    ko: '로그가 파일에만 기록됨({{files}}). stdout으로 나가는 로그가 없어 어떤 수집기도 전송할 수 없음',
  },
  'f11-logs.pipeline.no-cluster': {
    en: 'No cluster to look for a log collector in',
    ko: '로그 수집기를 확인할 클러스터가 없음',
  },
  'f11-logs.pipeline.no-cluster-reason': {
    en: 'A log collector is a cluster add-on and no cluster is configured; the repository deploys none and no library ships logs itself.',
    ko: '로그 수집기는 클러스터 애드온인데 설정된 클러스터가 없습니다. 저장소도 수집기를 배포하지 않고, 로그를 직접 전송하는 라이브러리도 없습니다.',
  },
  'f11-logs.pipeline.aggregate-advice': {
    en: 'Send the logs to a backend that aggregates them across pods (Loki, Elasticsearch/OpenSearch, Azure Monitor, Cloud Logging, CloudWatch).',
    ko: '파드 전체의 로그를 모아 주는 백엔드(Loki, Elasticsearch/OpenSearch, Azure Monitor, Cloud Logging, CloudWatch)로 로그를 보내세요.',
  },
  'f11-logs.pipeline.stores-note': {
    en: '{{product}} stores logs',
    ko: '{{product}}이(가) 로그를 저장함',
  },
  'f11-logs.pipeline.sends-note': {
    en: '{{product}} sends pod logs to {{backend}}',
    ko: '{{product}}이(가) 파드 로그를 {{backend}}(으)로 보냄',
  },
  'f11-logs.pipeline.ships-note': {
    en: '{{product}} ships pod logs to its configured backend',
    ko: '{{product}}이(가) 파드 로그를 설정된 백엔드로 전송함',
  },
  'f11-logs.pipeline.aggregated': {
    en: 'cluster {{cluster}}: logs leave the pods for a log backend',
    ko: '클러스터 {{cluster}}: 로그가 파드를 떠나 로그 백엔드로 전송됨',
  },
  'f11-logs.pipeline.not-aggregated': {
    en: 'cluster {{cluster}}: no log backend or collector; logs stay on each pod',
    ko: '클러스터 {{cluster}}: 로그 백엔드나 수집기가 없어 로그가 각 파드에 남음',
  },
  'f11-logs.pipeline.no-backend-note': {
    en: 'no log collector or log backend (Loki, Elasticsearch, cloud agent) in cluster {{cluster}}',
    ko: '클러스터 {{cluster}}에 로그 수집기나 로그 백엔드(Loki, Elasticsearch, 클라우드 에이전트)가 없음',
  },
  'f11-logs.pipeline.service-ships': {
    en: 'The service ships its logs to a backend',
    ko: '서비스가 로그를 백엔드로 전송함',
  },
  'f11-logs.pipeline.files-stay': {
    en: 'Logs stay in files on each pod ({{files}})',
    ko: '로그가 각 파드의 파일에 남음 ({{files}})',
  },
  'f11-logs.pipeline.no-cluster-backend': {
    en: 'No cluster to look for a log backend in',
    ko: '로그 백엔드를 확인할 클러스터가 없음',
  },
  'f11-logs.pipeline.no-cluster-backend-reason': {
    en: 'Log backends and collectors are cluster add-ons and no cluster is configured; the repository configures none.',
    ko: '로그 백엔드와 수집기는 클러스터 애드온인데 설정된 클러스터가 없고, 저장소에도 설정된 것이 없습니다.',
  },
  'f11-logs.stdout.stdout': {
    en: 'Logs go to stdout/stderr ({{code}})',
    ko: '로그가 stdout/stderr로 나감 ({{code}})',
  },
  'f11-logs.stdout.stdout-and-files': {
    en: 'Logs go to stdout/stderr ({{code}}); the extra file handlers are judged by f11-logs.centralized',
    ko: '로그가 stdout/stderr로 나감 ({{code}}). 추가 파일 핸들러는 f11-logs.centralized에서 판단함',
  },
  'f11-logs.stdout.files-only': {
    en: 'Logs are written to files only ({{files}})',
    ko: '로그가 파일에만 기록됨 ({{files}})',
  },
  'f11-logs.stdout.files-only-advice': {
    en: 'Log to stdout/stderr and let the platform collect the stream; drop the file appenders (a file on a volume is invisible to kubectl logs and log collectors).',
    ko: 'stdout/stderr로 로그를 남기고 스트림 수집은 플랫폼에 맡기세요. 파일 appender는 제거하세요(볼륨의 파일은 kubectl logs와 로그 수집기에서 보이지 않습니다).',
  },
  'f11-logs.stdout.default': {
    en: 'No log file handler in the code; the default loggers write to stdout/stderr',
    ko: '코드에 로그 파일 핸들러가 없음. 기본 로거가 stdout/stderr로 씀',
  },
  'f11-logs.runtime-level.set-up-note': {
    en: 'logging set up here, level not configurable: {{code}}',
    ko: '여기서 로깅을 설정하지만 레벨은 바꿀 수 없음: {{code}}',
  },
  'f11-logs.runtime-level.dockerfile-env-note': {
    en: '{{instruction}} sets the level from the environment ({{flag}})',
    ko: '{{instruction}}이(가) 환경 변수로 레벨을 설정함 ({{flag}})',
  },
  'f11-logs.runtime-level.workload-env-note': {
    en: 'sets the level from the environment ({{flag}})',
    ko: '환경 변수로 레벨을 설정함 ({{flag}})',
  },
  'f11-logs.runtime-level.runtime': {
    en: 'The log level can change at run time ({{location}})',
    ko: '실행 중에 로그 레벨을 바꿀 수 있음 ({{location}})',
  },
  'f11-logs.runtime-level.started-dockerfile': {
    en: 'The log level comes from the environment when the process starts ({{flag}}, {{location}}); changing it needs a restart',
    ko: '로그 레벨을 프로세스 시작 시 환경 변수에서 가져옴 ({{flag}}, {{location}}). 바꾸려면 재시작이 필요함',
  },
  'f11-logs.runtime-level.started-workload': {
    en: 'The log level comes from the environment when the process starts ({{flag}}, {{kind}} {{workload}} in {{target}}); changing it needs a restart',
    ko: '로그 레벨을 프로세스 시작 시 환경 변수에서 가져옴 ({{flag}}, {{target}}의 {{kind}} {{workload}}). 바꾸려면 재시작이 필요함',
  },
  'f11-logs.runtime-level.config': {
    en: 'The log level comes from configuration ({{location}}); changing it needs a restart',
    ko: '로그 레벨을 설정에서 가져옴 ({{location}}). 바꾸려면 재시작이 필요함',
  },
  'f11-logs.runtime-level.no-logging': {
    en: 'No logging configuration found',
    ko: '로깅 설정을 찾지 못함',
  },
  'f11-logs.runtime-level.no-logging-reason': {
    en: 'The code sets up no logger and configures no level, so the level is whatever the runtime or the server defaults to; whether it can be changed depends on that server (its flags or environment), which the repository does not show.',
    ko: '코드가 로거를 설정하지도 레벨을 지정하지도 않아, 레벨은 런타임이나 서버의 기본값을 따릅니다. 바꿀 수 있는지는 그 서버(플래그나 환경 변수)에 달려 있는데, 저장소에서는 이를 확인할 수 없습니다.',
  },
  'f11-logs.runtime-level.fixed': {
    en: 'The log level is fixed in code or logging configuration; neither an environment variable nor a runtime switch sets it',
    ko: '로그 레벨이 코드나 로깅 설정에 고정됨. 환경 변수나 실행 중 전환으로 설정할 수 없음',
  },
  'f11-logs.runtime-level.fix-python-advice': {
    en: 'Let operators change the level without a restart: an authenticated admin endpoint that sets the level of every logger (the app sets levels per named logger).',
    ko: '운영자가 재시작 없이 레벨을 바꿀 수 있게 하세요. 인증된 관리자 엔드포인트에서 모든 로거의 레벨을 설정하면 됩니다(앱이 이름 있는 로거별로 레벨을 설정하므로).',
  },
  'f11-logs.runtime-level.env-then-python-advice': {
    en: 'Read the level from an environment variable (LOG_LEVEL) at least; better, let operators change the level without a restart: an authenticated admin endpoint that sets the level of every logger (the app sets levels per named logger).',
    ko: '최소한 환경 변수(LOG_LEVEL)에서 레벨을 읽게 하세요. 더 나아가 운영자가 재시작 없이 레벨을 바꿀 수 있게 하세요. 인증된 관리자 엔드포인트에서 모든 로거의 레벨을 설정하면 됩니다(앱이 이름 있는 로거별로 레벨을 설정하므로).',
  },
  'f11-logs.runtime-level.fix-javascript-advice': {
    en: 'pino levels can change at run time: expose an authenticated admin route that sets logger.level.',
    ko: 'pino는 실행 중에 레벨을 바꿀 수 있습니다. logger.level을 설정하는 인증된 관리자 라우트를 노출하세요.',
  },
  'f11-logs.runtime-level.env-then-javascript-advice': {
    en: 'Read the level from an environment variable (LOG_LEVEL) at least; better, pino levels can change at run time: expose an authenticated admin route that sets logger.level.',
    ko: '최소한 환경 변수(LOG_LEVEL)에서 레벨을 읽게 하세요. 더 나아가 pino는 실행 중에 레벨을 바꿀 수 있습니다. logger.level을 설정하는 인증된 관리자 라우트를 노출하세요.',
  },
  'f11-logs.runtime-level.fix-go-advice': {
    en: 'Hold the level in a slog.LevelVar and change it from an admin endpoint.',
    ko: '레벨을 slog.LevelVar에 두고 관리자 엔드포인트에서 바꾸세요.',
  },
  'f11-logs.runtime-level.env-then-go-advice': {
    en: 'Read the level from an environment variable (LOG_LEVEL) at least; better, hold the level in a slog.LevelVar and change it from an admin endpoint.',
    ko: '최소한 환경 변수(LOG_LEVEL)에서 레벨을 읽게 하세요. 더 나아가 레벨을 slog.LevelVar에 두고 관리자 엔드포인트에서 바꾸세요.',
  },
  'f11-logs.runtime-level.fix-java-advice': {
    en: 'Expose the Spring Boot Actuator loggers endpoint (POST /actuator/loggers/{name}), or let the logging config reload (log4j2 monitorInterval, logback scan="true").',
    ko: 'Spring Boot Actuator의 loggers 엔드포인트(POST /actuator/loggers/{name})를 노출하거나, 로깅 설정을 다시 읽게 하세요(log4j2 monitorInterval, logback scan="true").',
  },
  'f11-logs.runtime-level.env-then-java-advice': {
    en: 'Read the level from an environment variable (LOG_LEVEL) at least; better, expose the Spring Boot Actuator loggers endpoint (POST /actuator/loggers/{name}), or let the logging config reload (log4j2 monitorInterval, logback scan="true").',
    ko: '최소한 환경 변수(LOG_LEVEL)에서 레벨을 읽게 하세요. 더 나아가 Spring Boot Actuator의 loggers 엔드포인트(POST /actuator/loggers/{name})를 노출하거나, 로깅 설정을 다시 읽게 하세요(log4j2 monitorInterval, logback scan="true").',
  },
  'f11-logs.runtime-level.fix-other-advice': {
    en: 'Let the log level change without a restart (admin endpoint, config reload or dynamic configuration).',
    ko: '재시작 없이 로그 레벨을 바꿀 수 있게 하세요(관리자 엔드포인트, 설정 다시 읽기 또는 동적 설정).',
  },
  'f11-logs.runtime-level.env-then-other-advice': {
    en: 'Read the level from an environment variable (LOG_LEVEL) at least; better, let the log level change without a restart (admin endpoint, config reload or dynamic configuration).',
    ko: '최소한 환경 변수(LOG_LEVEL)에서 레벨을 읽게 하세요. 더 나아가 재시작 없이 로그 레벨을 바꿀 수 있게 하세요(관리자 엔드포인트, 설정 다시 읽기 또는 동적 설정).',
  },
  'f11-logs.structured.python-in-advice': {
    en: "Format log records as JSON: a small JSONFormatter class (no new dependency) set on every handler in {{path}}; python-json-logger's JsonFormatter does the same.",
    ko: '로그 레코드를 JSON으로 포맷하세요. {{path}}의 모든 핸들러에 작은 JSONFormatter 클래스(새 종속성 없음)를 설정하면 됩니다. python-json-logger의 JsonFormatter도 같은 역할을 합니다.',
  },
  'f11-logs.structured.python-advice': {
    en: "Format log records as JSON: a small JSONFormatter class (no new dependency) set on every handler; python-json-logger's JsonFormatter does the same.",
    ko: '로그 레코드를 JSON으로 포맷하세요. 모든 핸들러에 작은 JSONFormatter 클래스(새 종속성 없음)를 설정하면 됩니다. python-json-logger의 JsonFormatter도 같은 역할을 합니다.',
  },
  'f11-logs.structured.javascript-advice': {
    en: 'Use pino, which writes one JSON object per line to stdout (add `pino` to package.json).',
    ko: '줄마다 JSON 객체 하나를 stdout에 쓰는 pino를 사용하세요(package.json에 `pino` 추가).',
  },
  'f11-logs.structured.go-advice': {
    en: "Use log/slog's JSON handler on stdout.",
    ko: 'stdout에 log/slog의 JSON 핸들러를 사용하세요.',
  },
  'f11-logs.structured.log4j-advice': {
    en: "Use Log4j 2's JSON Template Layout (dependency org.apache.logging.log4j:log4j-layout-template-json) on a console appender.",
    ko: '콘솔 appender에 Log4j 2의 JSON Template Layout(종속성 org.apache.logging.log4j:log4j-layout-template-json)을 사용하세요.',
  },
  'f11-logs.structured.logback-advice': {
    en: 'Use logstash-logback-encoder (dependency net.logstash.logback:logstash-logback-encoder) on the console appender.',
    ko: '콘솔 appender에 logstash-logback-encoder(종속성 net.logstash.logback:logstash-logback-encoder)를 사용하세요.',
  },
  'f11-logs.structured.other-advice': {
    en: 'Use a JSON log formatter (python-json-logger, pino, slog JSON handler, logstash-logback-encoder, …).',
    ko: 'JSON 로그 포매터(python-json-logger, pino, slog JSON 핸들러, logstash-logback-encoder 등)를 사용하세요.',
  },
  'f11-logs.structured.json': {
    en: 'JSON log format: {{code}}',
    ko: 'JSON 로그 형식: {{code}}',
  },
  'f11-logs.structured.library': {
    en: 'JSON logging library declared: {{libraries}}',
    ko: 'JSON 로깅 라이브러리 선언됨: {{libraries}}',
  },
  'f11-logs.structured.library-note': {
    en: '{{dependency}}: JSON logging library',
    ko: '{{dependency}}: JSON 로깅 라이브러리',
  },
  'f11-logs.structured.plain': {
    en: 'Plain-text log format ({{path}}); no JSON formatter or library',
    ko: '일반 텍스트 로그 형식({{path}}). JSON 포매터나 라이브러리 없음',
  },
  // A logging call of plain text; `what` is its code pattern's description (code-pattern.*), `code` the line.
  'f11-logs.structured.plain-match-note': {
    en: '{{what}}, no JSON formatter: {{code}}',
    ko: '{{what}}, JSON 포매터 없음: {{code}}',
  },
  'f11-logs.structured.plain-none': {
    en: 'No JSON formatter or JSON logging library; logs are plain text',
    ko: 'JSON 포매터나 JSON 로깅 라이브러리가 없어 로그가 일반 텍스트임',
  },
};
