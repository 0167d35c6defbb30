import type { MessageCatalog } from '../engineMessages';

/**
 * What each row of the engine's code-pattern table finds (the node
 * engine's facts/code/patterns.ts), by `code-pattern.<signal>.<key>`: the
 * row's description, said inside evidence notes (`{{what}}: {{code}}`) and
 * findings. The English is the table's: patterns.ts reads it from here.
 * `code-hint.*` are the same for the node engine's facts/runtimeHints.ts
 * (in-process schedulers, the database a configuration profile names).
 */
export const codePatterns: MessageCatalog = {
  // Configuration
  'code-pattern.config.settings-class.pydantic': {
    en: 'pydantic BaseSettings class',
    ko: 'pydantic BaseSettings 클래스',
  },
  'code-pattern.config.settings-class.env-settings-object': {
    en: 'environment-backed settings object',
    ko: '환경 변수 기반 설정 객체',
  },
  'code-pattern.config.settings-class.env-config-module': {
    en: 'environment-backed config module',
    ko: '환경 변수 기반 설정 모듈',
  },
  'code-pattern.config.settings-class.go-env-struct': {
    en: 'envconfig/viper/env struct',
    ko: 'envconfig/viper/env 구조체',
  },
  'code-pattern.config.settings-class.spring': {
    en: 'Spring externalised configuration',
    ko: 'Spring 외부 설정',
  },
  'code-pattern.config.settings-class.aspnet-host': {
    en: 'ASP.NET Core / generic host configuration (environment variables included)',
    ko: 'ASP.NET Core / 제네릭 호스트 설정 (환경 변수 포함)',
  },
  'code-pattern.config.settings-class.options': {
    en: 'options bound from configuration',
    ko: '설정에서 바인딩한 옵션',
  },
  'code-pattern.config.env-read.env-var': {
    en: 'reads an environment variable',
    ko: '환경 변수 읽음',
  },
  'code-pattern.config.env-read.process-env': {
    en: 'reads process.env',
    ko: 'process.env 읽음',
  },
  'code-pattern.config.file-read.config-file': {
    en: 'reads a config file',
    ko: '설정 파일 읽음',
  },

  // Logging
  'code-pattern.logging.stdout.stdout-stderr': {
    en: 'logs to stdout/stderr',
    ko: 'stdout/stderr로 로그 출력',
  },
  'code-pattern.logging.stdout.stdout': {
    en: 'logs to stdout',
    ko: 'stdout으로 로그 출력',
  },
  'code-pattern.logging.stdout.console': {
    en: 'logs to the console',
    ko: '콘솔로 로그 출력',
  },
  'code-pattern.logging.file.file': {
    en: 'writes logs to a file',
    ko: '파일에 로그 기록',
  },
  'code-pattern.logging.json.formatter': {
    en: 'JSON log formatter',
    ko: 'JSON 로그 포매터',
  },
  'code-pattern.logging.json.logger': {
    en: 'JSON logger',
    ko: 'JSON 로거',
  },
  'code-pattern.logging.json.layout': {
    en: 'JSON log layout',
    ko: 'JSON 로그 레이아웃',
  },
  'code-pattern.logging.level-from-env.config': {
    en: 'log level from configuration',
    ko: '설정에서 정한 로그 레벨',
  },
  'code-pattern.logging.level-from-env.appsettings': {
    en: 'log level from configuration (appsettings, overridable by environment variables)',
    ko: '설정에서 정한 로그 레벨 (appsettings, 환경 변수로 재정의 가능)',
  },
  'code-pattern.logging.level-runtime.changeable': {
    en: 'log level changeable at runtime',
    ko: '실행 중 변경 가능한 로그 레벨',
  },
  'code-pattern.logging.level-runtime.actuator': {
    en: 'actuator loggers endpoint',
    ko: 'actuator loggers 엔드포인트',
  },
  'code-pattern.logging.level-runtime.reload': {
    en: 'logging configuration reloaded at runtime',
    ko: '실행 중 다시 읽는 로깅 설정',
  },
  'code-pattern.logging.level-runtime.serilog-switch': {
    en: 'log level changeable at runtime (Serilog LoggingLevelSwitch)',
    ko: '실행 중 변경 가능한 로그 레벨 (Serilog LoggingLevelSwitch)',
  },

  // Shutdown
  'code-pattern.shutdown.hook.hook': {
    en: 'shutdown hook',
    ko: '종료 훅',
  },
  'code-pattern.shutdown.hook.graceful': {
    en: 'graceful shutdown',
    ko: 'graceful 종료',
  },
  'code-pattern.shutdown.signal-handler.sigterm': {
    en: 'handles SIGTERM',
    ko: 'SIGTERM 처리',
  },
  'code-pattern.shutdown.signal-handler.graceful-sigterm': {
    en: 'graceful shutdown on SIGTERM',
    ko: 'SIGTERM을 받으면 graceful 종료',
  },
  'code-pattern.shutdown.signal-handler.generic-host': {
    en: 'the generic host stops on SIGTERM and drains',
    ko: '제네릭 호스트가 SIGTERM을 받으면 처리 중인 작업을 마무리하고 멈춤',
  },

  // Outbound calls
  'code-pattern.http.timeout.client': {
    en: 'timeout on an outbound client',
    ko: '외부 클라이언트의 타임아웃',
  },
  'code-pattern.http.timeout.configuration': {
    en: 'timeout on an outbound client (configuration)',
    ko: '외부 클라이언트의 타임아웃 (설정)',
  },
  'code-pattern.http.outbound.call': {
    en: 'outbound HTTP or gRPC call',
    ko: '외부 HTTP 또는 gRPC 호출',
  },
  'code-pattern.http.client-without-timeout.client': {
    en: 'HTTP client without a timeout',
    ko: '타임아웃 없는 HTTP 클라이언트',
  },
  'code-pattern.retry.code.policy': {
    en: 'retry policy on calls',
    ko: '호출 재시도 정책',
  },
  'code-pattern.retry.code.resilience4j': {
    en: 'Resilience4j retry configuration',
    ko: 'Resilience4j 재시도 설정',
  },
  'code-pattern.retry.task-queue.task-queue': {
    en: 'task-queue retries',
    ko: '작업 큐 재시도',
  },
  'code-pattern.retry.task-queue.job-queue': {
    en: 'job-queue retries',
    ko: '잡 큐 재시도',
  },
  'code-pattern.circuit-breaker.code.breaker': {
    en: 'circuit breaker',
    ko: '서킷 브레이커',
  },

  // Endpoints
  'code-pattern.endpoint.health.endpoint': {
    en: 'health endpoint',
    ko: '헬스 엔드포인트',
  },
  'code-pattern.endpoint.health.grpc': {
    en: 'gRPC health service',
    ko: 'gRPC 헬스 서비스',
  },
  'code-pattern.endpoint.metrics.prometheus-metrics': {
    en: 'Prometheus /metrics endpoint',
    ko: 'Prometheus /metrics 엔드포인트',
  },
  'code-pattern.endpoint.metrics.prometheus': {
    en: 'Prometheus endpoint',
    ko: 'Prometheus 엔드포인트',
  },
  'code-pattern.metrics.push.otlp': {
    en: 'OpenTelemetry metric exporter (pushes over OTLP)',
    ko: 'OpenTelemetry 메트릭 exporter (OTLP로 push)',
  },
  'code-pattern.metrics.push.statsd': {
    en: 'StatsD/DogStatsD client (pushes metrics to an agent)',
    ko: 'StatsD/DogStatsD 클라이언트 (에이전트로 메트릭 push)',
  },
  'code-pattern.metrics.push.pushgateway': {
    en: 'push to a Prometheus Pushgateway',
    ko: 'Prometheus Pushgateway로 push',
  },
  'code-pattern.metrics.push.micrometer': {
    en: 'Micrometer push registry',
    ko: 'Micrometer push 레지스트리',
  },
  'code-pattern.metrics.push.spring-config': {
    en: 'metrics export to a push backend configured',
    ko: 'push 백엔드로의 메트릭 내보내기 설정',
  },

  // Sessions
  'code-pattern.auth.jwt.jwt': {
    en: 'token-based (JWT) auth',
    ko: '토큰 기반(JWT) 인증',
  },
  'code-pattern.session.server-side.sessions': {
    en: 'server-side sessions',
    ko: '서버 측 세션',
  },

  // Tracing
  'code-pattern.tracing.otel.otel': {
    en: 'OpenTelemetry instrumentation',
    ko: 'OpenTelemetry 계측',
  },
  'code-pattern.tracing.exporter.exporter': {
    en: 'span exporter configured in the code',
    ko: '코드에서 설정한 스팬 exporter',
  },
  'code-pattern.tracing.vendor.vendor': {
    en: 'vendor tracing',
    ko: '벤더 트레이싱',
  },

  // Admin processes
  'code-pattern.db.migrations-at-startup.migrate': {
    en: 'migrates the database at app start',
    ko: '앱 시작 시 데이터베이스 마이그레이션',
  },

  // Runtime hints (facts/runtimeHints.ts)
  'code-hint.scheduler.spring': {
    en: 'in-process scheduler (Spring @Scheduled / Quartz / executor)',
    ko: '프로세스 내 스케줄러 (Spring @Scheduled / Quartz / executor)',
  },
  'code-hint.scheduler.python': {
    en: 'in-process scheduler (APScheduler / schedule)',
    ko: '프로세스 내 스케줄러 (APScheduler / schedule)',
  },
  'code-hint.scheduler.javascript': {
    en: 'in-process scheduler (node-cron / cron / @nestjs/schedule)',
    ko: '프로세스 내 스케줄러 (node-cron / cron / @nestjs/schedule)',
  },
  'code-hint.scheduler.go': {
    en: 'in-process scheduler (robfig/cron / gocron)',
    ko: '프로세스 내 스케줄러 (robfig/cron / gocron)',
  },
  // Queue consumers and task definitions (the node engine's facts/queueConsumers.ts).
  'code-hint.consumer.bullmq': {
    en: 'BullMQ Worker (consumes a queue where it is loaded)',
    ko: 'BullMQ Worker (로드된 프로세스에서 큐를 소비함)',
  },
  'code-hint.consumer.queue-process': {
    en: 'Bull / bee-queue / Kue queue processor',
    ko: 'Bull / bee-queue / Kue 큐 처리기',
  },
  'code-hint.consumer.agenda': {
    en: 'Agenda job processor',
    ko: 'Agenda 작업 처리기',
  },
  'code-hint.consumer.nestjs-processor': {
    en: 'NestJS queue @Processor',
    ko: 'NestJS 큐 @Processor',
  },
  'code-hint.consumer.temporal': {
    en: 'Temporal worker',
    ko: 'Temporal 워커',
  },
  'code-hint.consumer.kafka': {
    en: 'Kafka consumer',
    ko: 'Kafka 컨슈머',
  },
  'code-hint.consumer.amqp': {
    en: 'AMQP (RabbitMQ) consumer',
    ko: 'AMQP(RabbitMQ) 컨슈머',
  },
  'code-hint.consumer.sqs': {
    en: 'SQS consumer',
    ko: 'SQS 컨슈머',
  },
  'code-hint.consumer.pg-boss': {
    en: 'pg-boss job worker',
    ko: 'pg-boss 작업 워커',
  },
  'code-hint.consumer.celery': {
    en: 'Celery task (run by a celery worker)',
    ko: 'Celery 태스크 (celery worker가 실행)',
  },
  'code-hint.consumer.dramatiq': {
    en: 'Dramatiq actor (run by a dramatiq worker)',
    ko: 'Dramatiq 액터 (dramatiq 워커가 실행)',
  },
  'code-hint.consumer.huey': {
    en: 'Huey task (run by huey_consumer)',
    ko: 'Huey 태스크 (huey_consumer가 실행)',
  },
  'code-hint.consumer.faust': {
    en: 'Faust agent (run by a faust worker)',
    ko: 'Faust 에이전트 (faust 워커가 실행)',
  },
  'code-hint.consumer.arq': {
    en: 'arq WorkerSettings (run by the arq command)',
    ko: 'arq WorkerSettings (arq 명령이 실행)',
  },
  'code-hint.consumer.rq': {
    en: 'RQ worker started in the code',
    ko: '코드에서 시작하는 RQ 워커',
  },
  'code-hint.consumer.asynq': {
    en: 'asynq server (consumes tasks)',
    ko: 'asynq 서버 (태스크 소비)',
  },
  'code-hint.consumer.machinery': {
    en: 'machinery worker',
    ko: 'machinery 워커',
  },
  'code-hint.consumer.faktory': {
    en: 'Faktory worker manager',
    ko: 'Faktory 워커 관리자',
  },
  'code-hint.consumer.spring-listener': {
    en: 'Spring message listener (@KafkaListener, @RabbitListener, @SqsListener…)',
    ko: 'Spring 메시지 리스너 (@KafkaListener, @RabbitListener, @SqsListener…)',
  },
  'code-hint.consumer.masstransit': {
    en: 'MassTransit consumer',
    ko: 'MassTransit 컨슈머',
  },
  'code-hint.consumer.hangfire': {
    en: 'Hangfire server (processes jobs in-process)',
    ko: 'Hangfire 서버 (프로세스 내에서 작업 처리)',
  },
  // Rails config/database.yml: `env` is the environment's key.
  'code-hint.database-for': {
    en: 'database for {{env}}',
    ko: '{{env}} 환경의 데이터베이스',
  },
  // A configuration file of a profile; `profile` is its name (`default` for the default profile).
  'code-hint.database-of-profile': {
    en: 'database of the {{profile}} profile',
    ko: '{{profile}} 프로필의 데이터베이스',
  },
  'code-hint.embedded-database': {
    en: 'embedded {{engine}} that Spring Boot starts when the default profile sets no datasource URL',
    ko: '기본 프로필에 datasource URL이 없을 때 Spring Boot가 시작하는 내장 {{engine}}',
  },
};
