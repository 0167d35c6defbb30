import {
  ENGINE_MESSAGES,
  type EngineMessage,
} from '@internal/plugin-twelve-factor-common';

/**
 * Source-code signals, matched by documented patterns. Each row names a
 * signal, the languages it applies to and the pattern; the checks ask for
 * signals by id. Patterns look at one line at a time (multiline: false) or
 * at the whole file.
 * @public
 */
export type Language = 'python' | 'javascript' | 'go' | 'java' | 'csharp';

/** The signals the engine knows. @public */
export type SignalId =
  | 'config.settings-class'
  | 'config.env-read'
  | 'config.file-read'
  | 'logging.stdout'
  | 'logging.file'
  | 'logging.json'
  | 'logging.level-from-env'
  | 'logging.level-runtime'
  | 'shutdown.hook'
  | 'shutdown.signal-handler'
  | 'http.timeout'
  | 'http.client-without-timeout'
  | 'http.outbound'
  | 'retry.code'
  | 'retry.task-queue'
  | 'circuit-breaker.code'
  | 'endpoint.health'
  | 'endpoint.metrics'
  | 'metrics.push'
  | 'auth.jwt'
  | 'session.server-side'
  | 'tracing.otel'
  | 'tracing.exporter'
  | 'tracing.vendor'
  | 'db.migrations-at-startup';

/** One pattern of the table. @public */
export interface SignalPattern {
  id: SignalId;
  /**
   * What the pattern finds, unique within its signal: with the signal it
   * names the message of the description (`code-pattern.<signal>.<key>`,
   * in the common package's catalog, English and Korean).
   */
  key: string;
  languages: Language[];
  pattern: RegExp;
  /** What it means, shown as evidence: the English of `descriptionMsg`. */
  description: string;
  /** The description as a message, said inside evidence notes in every language. */
  descriptionMsg: EngineMessage;
}

/** A row of the table as written: its description comes from the catalog. */
type PatternRow = Omit<SignalPattern, 'description' | 'descriptionMsg'>;

/** The message id of a pattern's description. @public */
export function codePatternMessageId(
  p: Pick<SignalPattern, 'id' | 'key'>,
): string {
  return `code-pattern.${p.id}.${p.key}`;
}

function described(row: PatternRow): SignalPattern {
  const id = codePatternMessageId(row);
  // A row without its message shows its id (patterns.test.ts holds every row to having one).
  return {
    ...row,
    description: ENGINE_MESSAGES[id]?.en ?? id,
    descriptionMsg: Object.freeze({ id }),
  };
}

/**
 * A key in the nested form of a Spring application.yml: `key:` on a line
 * inside the block of a `parent:` line (the parent indented less than the
 * key, every line between indented at least as deep as the key), followed by
 * `value`. Patterns are matched over the whole file, so the block is read
 * across lines; the match itself starts after the key, on the key's line, so
 * that the evidence points at it. `parent` and `key` are alternations without
 * capturing groups. At most 100 lines between them: the look-back then stays
 * linear in the file, whatever a long block of keys holds.
 */
function yamlKeyUnder(parent: string, key: string, value: string): RegExp {
  return new RegExp(
    String.raw`(?<=^(?!\1)[ \t]*(?:${parent}):[ \t]*(?:#.*)?\r?\n(?:\1[ \t]*\S.*\r?\n|[ \t]*(?:#.*)?\r?\n){0,100}?([ \t]+)(?:${key}):)${value}`,
    'm',
  );
}

/** The patterns of Python, JavaScript/TypeScript, Go and Java. */
const BASE_PATTERNS: ReadonlyArray<PatternRow> = [
  // Configuration
  {
    id: 'config.settings-class',
    languages: ['python'],
    pattern:
      /class\s+\w+\s*\(\s*(BaseSettings|pydantic_settings\.BaseSettings)\s*\)/,
    key: 'pydantic',
  },
  {
    id: 'config.settings-class',
    languages: ['python'],
    pattern: /\benviron\.Env\(|\bEnv\(\)\.read_env|\bDynaconf\(/,
    key: 'env-settings-object',
  },
  {
    id: 'config.settings-class',
    languages: ['javascript'],
    pattern: /\b(envalid\.)?cleanEnv\(|\bconvict\(|ConfigModule\.forRoot\(/,
    key: 'env-config-module',
  },
  {
    id: 'config.settings-class',
    languages: ['go'],
    pattern: /envconfig\.Process\(|viper\.AutomaticEnv\(\)|env\.Parse\(/,
    key: 'go-env-struct',
  },
  {
    id: 'config.settings-class',
    languages: ['java'],
    pattern: /@ConfigurationProperties\b|@Value\(\s*"\$\{/,
    key: 'spring',
  },
  {
    id: 'config.env-read',
    languages: ['python'],
    // python-decouple's config('X') and django-environ's env('X') read the environment first.
    pattern:
      /\bos\.(environ\b|getenv\()|\benv(\.\w+)?\(\s*["']|\bconfig\(\s*["'][A-Z][A-Z0-9_]*["']|from decouple import|\bimport environ\b/,
    key: 'env-var',
  },
  {
    id: 'config.env-read',
    languages: ['javascript'],
    pattern: /\bprocess\.env\b/,
    key: 'process-env',
  },
  {
    id: 'config.env-read',
    languages: ['go'],
    // kingpin's DefaultEnvars, viper's AutomaticEnv and envconfig map settings to the environment.
    pattern:
      /\bos\.(Getenv|LookupEnv)\(|\.DefaultEnvars\(\)|\.Envar\(\s*"|\.AutomaticEnv\(\)|\benvconfig\.Process\(|\benv\.Parse\(/,
    key: 'env-var',
  },
  {
    id: 'config.env-read',
    languages: ['java'],
    pattern: /System\.getenv\(/,
    key: 'env-var',
  },
  {
    id: 'config.file-read',
    languages: ['python'],
    pattern:
      /(yaml\.safe_load|json\.load|configparser\.ConfigParser)\s*\(\s*open\(/,
    key: 'config-file',
  },

  // Logging
  {
    id: 'logging.stdout',
    languages: ['python'],
    pattern:
      /StreamHandler\(\s*(sys\.stdout|sys\.stderr)?\s*\)|logging\.basicConfig\(|structlog\.configure\(/,
    key: 'stdout-stderr',
  },
  {
    id: 'logging.stdout',
    languages: ['javascript'],
    pattern:
      /\bpino\(|winston\.transports\.Console|console\.(log|info|error)\(|bunyan\.createLogger\(/,
    key: 'stdout',
  },
  {
    id: 'logging.stdout',
    languages: ['go'],
    pattern:
      /slog\.New(JSON|Text)Handler\(\s*os\.(Stdout|Stderr)|log\.SetOutput\(\s*os\.Std|zap\.New(Production|Development|Example)\(|zerolog\.New\(\s*os\.Std|\blog\.Print|logrus\.(New\(|Info|Warn|Error|Debug)/,
    key: 'stdout-stderr',
  },
  {
    id: 'logging.stdout',
    languages: ['java'],
    pattern: /ConsoleAppender|<Console\b|SLF4J|LoggerFactory\.getLogger/,
    key: 'console',
  },
  {
    id: 'logging.file',
    languages: ['python'],
    pattern: /\b(Rotating|TimedRotating|Watched)?FileHandler\(/,
    key: 'file',
  },
  {
    id: 'logging.file',
    languages: ['javascript'],
    pattern:
      /winston\.transports\.File|pino\.destination\(\s*["'`]\/|fs\.createWriteStream\([^)]*\.log/,
    key: 'file',
  },
  {
    id: 'logging.file',
    languages: ['go'],
    pattern: /lumberjack\.Logger|os\.OpenFile\([^)]*\.log/,
    key: 'file',
  },
  {
    id: 'logging.file',
    languages: ['java'],
    pattern: /<(RollingFile|File)\b|FileAppender|RollingFileAppender/,
    key: 'file',
  },
  {
    id: 'logging.json',
    languages: ['python'],
    pattern:
      /jsonlogger\.JsonFormatter|structlog\.processors\.JSONRenderer|class\s+\w*JSON\w*Formatter\b|json_log_formatter|ecs_logging\.StdlibFormatter/i,
    key: 'formatter',
  },
  {
    id: 'logging.json',
    languages: ['javascript'],
    pattern: /winston\.format\.json\(|\bpino\(|bunyan\.createLogger\(/,
    key: 'logger',
  },
  {
    id: 'logging.json',
    languages: ['go'],
    pattern:
      /slog\.NewJSONHandler|zap\.NewProduction|logrus\.JSONFormatter|zerolog\.New/,
    key: 'logger',
  },
  {
    id: 'logging.json',
    languages: ['java'],
    pattern: /LogstashEncoder|JsonTemplateLayout|JsonLayout|EcsEncoder/,
    key: 'layout',
  },
  {
    id: 'logging.level-from-env',
    languages: ['python', 'javascript', 'go', 'java', 'csharp'],
    // Also a level flag (--log-level), which kingpin, cobra or viper can take from the environment.
    pattern:
      /LOG_LEVEL|LOGLEVEL|LOGGING_LEVEL|logging\.level\.|\b(Flag|String|StringVar|StringP|StringVarP)\(\s*(&\w+(\.\w+)*,\s*)?"log-?level"/,
    key: 'config',
  },
  {
    id: 'logging.level-runtime',
    languages: ['python'],
    pattern:
      /@\w+\.(put|post|patch)\(\s*["'][^"']*log-?level|logging\.config\.listen\(/i,
    key: 'changeable',
  },
  {
    id: 'logging.level-runtime',
    languages: ['javascript'],
    pattern:
      /\.(put|post|patch)\(\s*["'`][^"'`]*log-?level|logger\.level\s*=\s*req\./i,
    key: 'changeable',
  },
  {
    id: 'logging.level-runtime',
    languages: ['go'],
    // An AtomicLevel or LevelVar alone is set once at start; served over HTTP it changes at run time.
    pattern:
      /AtomicLevel\)?\.ServeHTTP|\bHandle(Func)?\(\s*"[^"]*(log-?)?level[^"]*"|\.Handle\(\s*"[^"]*"\s*,\s*\w*[aA]tom(ic)?(Level)?\s*\)/,
    key: 'changeable',
  },
  {
    id: 'logging.level-runtime',
    languages: ['java'],
    // The wildcard exposes every actuator endpoint, loggers included.
    pattern:
      /management\.endpoints\.web\.exposure\.include\s*[=:]\s*(.*\bloggers\b|["']?\*)|LoggersEndpoint/,
    key: 'actuator',
  },
  {
    id: 'logging.level-runtime',
    languages: ['java'],
    // application.yml's nested form: `exposure:` then `include: "*"`, `include: health,loggers`, `include: [health, loggers]` or a list with `- loggers`.
    pattern: yamlKeyUnder(
      'exposure',
      'include',
      String.raw`[ \t]*(?:["'\[]?[ \t]*\*|[^#\r\n]*\bloggers\b|(?:#.*)?\r?\n(?:[ \t]*-.*\r?\n|[ \t]*(?:#.*)?\r?\n)*?[ \t]*-[ \t]*["']?(?:\*|loggers\b))`,
    ),
    key: 'actuator',
  },
  {
    id: 'logging.level-runtime',
    languages: ['java'],
    pattern: /monitorInterval\s*=|<configuration[^>]*\bscan="true"/,
    key: 'reload',
  },

  // Disposability
  {
    id: 'shutdown.hook',
    languages: ['python'],
    pattern:
      /@asynccontextmanager|lifespan\s*=|on_event\(\s*["']shutdown["']|worker_shutdown|atexit\.register\(/,
    key: 'hook',
  },
  {
    id: 'shutdown.hook',
    languages: ['javascript'],
    // Framework hooks run on close: Fastify's onClose, close-with-grace, lightship, terminus.
    pattern:
      /process\.on\(\s*["'](SIGTERM|SIGINT)["']|enableShutdownHooks\(|server\.close\(|addHook\(\s*["']onClose["']|\bcloseWithGrace\(|createLightship\(|createTerminus\(|\bgracefulShutdown\(/,
    key: 'hook',
  },
  {
    id: 'shutdown.hook',
    languages: ['go'],
    pattern: /signal\.Notify(Context)?\(|\.Shutdown\(\s*ctx/,
    key: 'graceful',
  },
  {
    id: 'shutdown.hook',
    languages: ['java'],
    // `server.shutdown=graceful`, or nested under `server:` in application.yml (`  shutdown: graceful`).
    pattern:
      /server\.shutdown\s*[=:]\s*graceful|^\s+shutdown:\s*["']?graceful\b|@PreDestroy|addShutdownHook\(/,
    key: 'graceful',
  },
  {
    id: 'shutdown.hook',
    languages: ['java'],
    // The drain settings of Quarkus, Micronaut and Helidon, and Ktor's engine stop with a grace period.
    pattern:
      /quarkus\.shutdown\.timeout\s*[=:]|micronaut\.lifecycle\.graceful-shutdown\.enabled\s*[=:]\s*true|\bshutdown-grace-period\s*[=:]|\.stop\(\s*(gracePeriodMillis\b|\d[\d_]*L?\s*,)/,
    key: 'graceful',
  },
  {
    id: 'shutdown.hook',
    languages: ['java'],
    // The same settings nested in application.yml.
    pattern: yamlKeyUnder('shutdown', 'timeout', String.raw`[ \t]*\S`),
    key: 'graceful',
  },
  {
    id: 'shutdown.hook',
    languages: ['java'],
    pattern: yamlKeyUnder(
      'graceful-shutdown',
      'enabled',
      String.raw`[ \t]*["']?true\b`,
    ),
    key: 'graceful',
  },
  {
    id: 'shutdown.signal-handler',
    languages: ['python'],
    pattern: /signal\.signal\(\s*signal\.SIGTERM|worker_shutdown|lifespan\s*=/,
    key: 'sigterm',
  },
  {
    id: 'shutdown.signal-handler',
    languages: ['javascript'],
    pattern: /process\.on\(\s*["']SIGTERM["']/,
    key: 'sigterm',
  },
  {
    id: 'shutdown.signal-handler',
    languages: ['go'],
    pattern: /syscall\.SIGTERM/,
    key: 'sigterm',
  },
  {
    id: 'shutdown.signal-handler',
    languages: ['java'],
    pattern:
      /server\.shutdown\s*[=:]\s*graceful|^\s+shutdown:\s*["']?graceful\b|addShutdownHook\(/,
    key: 'graceful-sigterm',
  },

  // Resilience
  {
    id: 'http.timeout',
    languages: ['python'],
    pattern:
      /\b(httpx\.(Async)?Client|requests\.(get|post|put|delete|request)|aiohttp\.ClientSession|Session\(\)\.(get|post))\([^)]*timeout\s*=|ClientTimeout\(|connect_timeout|pool_timeout|statement_timeout/,
    key: 'client',
  },
  {
    id: 'http.timeout',
    languages: ['javascript'],
    pattern:
      /\b(timeout|connectTimeout|commandTimeout|socketTimeout|requestTimeout)\s*:\s*[\w.]+|AbortSignal\.timeout\(|setTimeout\(\s*\(\)\s*=>\s*\w+\.abort/,
    key: 'client',
  },
  {
    id: 'http.timeout',
    languages: ['go'],
    pattern:
      /http\.Client\{[^}]*Timeout|context\.WithTimeout\(|DialTimeout|ReadTimeout/,
    key: 'client',
  },
  {
    id: 'http.timeout',
    languages: ['java'],
    // Also client timeouts set in properties: Feign's and RestClient's connect/read timeouts, Spring Cloud Config's request-read-timeout, timeouts of a JDBC URL.
    pattern:
      /setConnectTimeout|setReadTimeout|connectTimeout\(|responseTimeout\(|\.timeout\(Duration|@Timeout\b|\.(request-)?(read|connect)-timeout\s*[=:]|\.(read|connect|requestRead|requestConnect)Timeout\s*[=:]|[?&;](connectTimeout|socketTimeout|loginTimeout)=\d/,
    key: 'client',
  },
  {
    id: 'http.timeout',
    languages: ['java'],
    // The connection timeout of a client's pool or connection (Hikari, RabbitMQ, Elasticsearch) and Redis's command timeout, in properties; server.tomcat.connection-timeout is the server's own.
    pattern:
      /\b(hikari|rabbitmq|elasticsearch)\.connection-?[tT]imeout\s*[=:]|\bredis\.(timeout|connect-timeout|connectTimeout)\s*[=:]/,
    key: 'configuration',
  },
  {
    id: 'http.timeout',
    languages: ['java'],
    // `connection-timeout:` under `hikari:` (not under `tomcat:` or `netty:`, the server's own).
    pattern: yamlKeyUnder(
      'hikari|rabbitmq|elasticsearch',
      'connection-timeout|connectionTimeout',
      String.raw`[ \t]*[^\s#]`,
    ),
    key: 'configuration',
  },
  {
    id: 'http.timeout',
    languages: ['java'],
    // `timeout:` under `redis:` (spring.data.redis.timeout), Redis's command timeout.
    pattern: yamlKeyUnder('redis', 'timeout', String.raw`[ \t]*[^\s#]`),
    key: 'configuration',
  },
  {
    id: 'http.timeout',
    languages: ['java'],
    // application.yml's nested form of the client timeouts above: `connect-timeout: 5s` (Feign, RestClient, Spring Cloud Config's request-connect-timeout).
    pattern:
      /^[ \t]+((request-)?(read|connect)-timeout|(read|connect|requestRead|requestConnect)Timeout):[ \t]*\S/m,
    key: 'configuration',
  },
  // Calls to other services with a standard library or framework client, which no dependency names.
  {
    id: 'http.outbound',
    languages: ['go'],
    pattern:
      /\bhttp\.(Get|Post|PostForm|Head|NewRequest(WithContext)?)\(|&http\.Client\{|\bgrpc\.(Dial|DialContext|NewClient)\(/,
    key: 'call',
  },
  {
    id: 'http.outbound',
    languages: ['java'],
    pattern:
      /\bnew\s+RestTemplate\(|\bRestClient\.(create|builder)\(|\bWebClient\.(create|builder)\(|\bHttpClient\.new(HttpClient|Builder)\(|@FeignClient\b|\bManagedChannelBuilder\./,
    key: 'call',
  },
  {
    id: 'http.outbound',
    languages: ['javascript'],
    pattern:
      /\bawait\s+fetch\(|\bnew\s+grpc\.Client\b|\bcredentials\.createInsecure\(/,
    key: 'call',
  },
  {
    id: 'http.outbound',
    languages: ['python'],
    pattern:
      /\bgrpc\.(insecure|secure)_channel\(|\burllib\.request\.urlopen\(|\brequests\.(get|post|put|delete|request)\(/,
    key: 'call',
  },
  {
    id: 'http.client-without-timeout',
    languages: ['python'],
    pattern:
      /\bhttpx\.(Async)?Client\(\s*\)|requests\.(get|post)\((?![^)]*timeout)[^)]*\)\s*$/,
    key: 'client',
  },
  {
    id: 'retry.code',
    languages: ['python'],
    pattern:
      /@retry\b|tenacity\.|@backoff\.on_exception|Retry\(\s*total\s*=|stamina\.retry/,
    key: 'policy',
  },
  {
    id: 'retry.code',
    languages: ['javascript'],
    pattern: /axiosRetry\(|pRetry\(|retry\(\s*async|\.retry\(\s*\{/,
    key: 'policy',
  },
  {
    id: 'retry.code',
    languages: ['go'],
    pattern: /backoff\.Retry\(|retry\.Do\(|retryablehttp\.NewClient\(/,
    key: 'policy',
  },
  {
    id: 'retry.code',
    languages: ['java'],
    // spring-retry's @Retryable/@EnableRetry/RetryTemplate, Resilience4j's @Retry/Retry.of/RetryConfig, MicroProfile's @Retry, Failsafe's RetryPolicy.
    pattern:
      /@Retryable\b|@EnableRetry\b|@Retry\b|RetryTemplate|Retry\.of\(|\bRetryConfig\b|\bRetryPolicy\.(builder|of)(<[^>]*>)?\(/,
    key: 'policy',
  },
  {
    id: 'retry.code',
    languages: ['java'],
    pattern: /\bresilience4j\.retry\./,
    key: 'resilience4j',
  },
  {
    id: 'retry.code',
    languages: ['java'],
    // application.yml's nested form: `resilience4j:` then `retry:`.
    pattern: yamlKeyUnder(
      'resilience4j',
      'retry',
      String.raw`[ \t]*(?:#.*)?\r?$`,
    ),
    key: 'resilience4j',
  },
  {
    id: 'retry.task-queue',
    languages: ['python'],
    pattern:
      /autoretry_for\s*=|retry_backoff\s*=|self\.retry\(|task_default_retry_delay/,
    key: 'task-queue',
  },
  {
    id: 'retry.task-queue',
    languages: ['javascript'],
    pattern: /attempts\s*:\s*\d+.*backoff|backoff\s*:\s*\{\s*type/,
    key: 'job-queue',
  },
  {
    id: 'circuit-breaker.code',
    languages: ['python'],
    pattern: /CircuitBreaker\(|@circuit\b|pybreaker\./,
    key: 'breaker',
  },
  {
    id: 'circuit-breaker.code',
    languages: ['javascript'],
    pattern: /new\s+CircuitBreaker\(|circuitBreaker\(/,
    key: 'breaker',
  },
  {
    id: 'circuit-breaker.code',
    languages: ['go'],
    pattern: /gobreaker\.NewCircuitBreaker|hystrix\.Do\(/,
    key: 'breaker',
  },
  {
    id: 'circuit-breaker.code',
    languages: ['java'],
    pattern: /@CircuitBreaker\b|CircuitBreaker\.of\(/,
    key: 'breaker',
  },

  // Endpoints
  {
    id: 'endpoint.health',
    languages: ['python'],
    pattern:
      /\.(get|route|api_route)\(\s*["']\/[_-]?(health|healthz|healthy|livez|readyz|ready|live|ping)["']/,
    key: 'endpoint',
  },
  {
    id: 'endpoint.health',
    languages: ['javascript'],
    pattern:
      /\.(get|route|all)\(\s*["'`]\/[_-]?(health|healthz|healthy|livez|readyz|ready|live|ping)["'`]|@Get\(\s*["'`]\/?[_-]?(health|healthz|healthy|livez|readyz|ready|live|ping)["'`]|@HealthCheck\(\)/,
    key: 'endpoint',
  },
  {
    id: 'endpoint.health',
    languages: ['go'],
    pattern:
      /Handle(Func)?\(\s*(\w+\s*\+\s*)?"(GET\s+)?\/[_-]?(health|healthz|healthy|livez|readyz)"|\.GET\(\s*"\/[_-]?(health|healthz|healthy|livez|readyz)"/,
    key: 'endpoint',
  },
  {
    id: 'endpoint.health',
    languages: ['java'],
    pattern:
      /@GetMapping\(\s*"\/(health|healthz)"|management\.endpoint\.health|spring-boot-starter-actuator/,
    key: 'endpoint',
  },
  {
    id: 'endpoint.health',
    languages: ['python', 'javascript', 'go', 'java'],
    pattern:
      /add_HealthServicer_to_server\(|(grpc_health_v1|healthpb|healthgrpc)\.RegisterHealthServer\(|\bHealthStatusManager\b|grpc-health-check|HealthGrpc\.HealthImplBase/,
    key: 'grpc',
  },
  {
    id: 'endpoint.metrics',
    languages: ['python'],
    pattern:
      /make_asgi_app\(|start_http_server\(|Instrumentator\(\)|\.(get|route)\(\s*["']\/metrics["']|PrometheusMiddleware/,
    key: 'prometheus-metrics',
  },
  {
    id: 'endpoint.metrics',
    languages: ['javascript'],
    pattern:
      /register\.metrics\(\)|collectDefaultMetrics\(|\.(get|route)\(\s*["'`]\/metrics["'`]|promBundle\(/,
    key: 'prometheus-metrics',
  },
  {
    id: 'endpoint.metrics',
    languages: ['go'],
    pattern: /promhttp\.Handler\(\)|Handle\(\s*"\/metrics"/,
    key: 'prometheus-metrics',
  },
  {
    id: 'endpoint.metrics',
    languages: ['java'],
    pattern:
      /micrometer-registry-prometheus|exposure\.include=.*prometheus|\/actuator\/prometheus/,
    key: 'prometheus',
  },
  // Metrics pushed to a collector or agent: collected without a scrape.
  {
    id: 'metrics.push',
    languages: ['python', 'javascript', 'java'],
    pattern:
      /\b(OTLPMetricExporter|OtlpGrpcMetricExporter|OtlpHttpMetricExporter)\b|\b(PeriodicExportingMetricReader|PeriodicMetricReader)\b/,
    key: 'otlp',
  },
  {
    id: 'metrics.push',
    languages: ['go'],
    pattern: /\botlpmetric(grpc|http)\.New\(|\bmetric\.NewPeriodicReader\(/,
    key: 'otlp',
  },
  {
    id: 'metrics.push',
    languages: ['python'],
    pattern:
      /\bstatsd\.StatsClient\(|\bStatsClient\(|\bDogStatsd\(|from datadog import\b.*\b(statsd|initialize)\b/,
    key: 'statsd',
  },
  {
    id: 'metrics.push',
    languages: ['javascript'],
    pattern:
      /\bnew\s+(StatsD|StatsDClient|Lynx)\s*\(|(require\(|from\s+)["'](hot-shots|node-statsd|statsd-client)["']/,
    key: 'statsd',
  },
  {
    id: 'metrics.push',
    languages: ['go'],
    pattern: /\bstatsd\.New(Buffered)?\(/,
    key: 'statsd',
  },
  {
    id: 'metrics.push',
    languages: ['java'],
    pattern: /\bNonBlockingStatsDClient(Builder)?\b/,
    key: 'statsd',
  },
  {
    id: 'metrics.push',
    languages: ['python'],
    pattern: /\b(push|pushadd)_to_gateway\(/,
    key: 'pushgateway',
  },
  {
    id: 'metrics.push',
    languages: ['java'],
    pattern:
      /\b(Otlp|Datadog|Statsd|Influx|NewRelic|CloudWatch|Stackdriver|AzureMonitor|Dynatrace|Elastic|Graphite|Wavefront|SignalFx)MeterRegistry\b/,
    key: 'micrometer',
  },
  {
    id: 'metrics.push',
    languages: ['java'],
    // Spring Boot's export to a push backend as properties, Boot 3 (`management.<backend>.metrics.export`) and Boot 2 (`management.metrics.export.<backend>`).
    pattern:
      /management\.(otlp|datadog|statsd|influx|newrelic|dynatrace|elastic|stackdriver|wavefront|signalfx)\.metrics\.export\.(url|enabled\s*[=:]\s*true|host|uri|api-key|apiKey)|management\.metrics\.export\.(otlp|datadog|statsd|influx|newrelic|dynatrace|elastic|stackdriver|wavefront|signalfx)\.|\botel\.metrics\.exporter\s*[=:]\s*\S*otlp/,
    key: 'spring-config',
  },
  {
    id: 'metrics.push',
    languages: ['java'],
    // The nested form of application.yml: a push backend's `export:` with its destination (Boot 3), or a backend under `export:` (Boot 2).
    pattern: yamlKeyUnder(
      'export',
      'url|uri|host|api-key|apiKey|otlp|datadog|statsd|influx|newrelic|dynatrace|elastic|stackdriver|wavefront|signalfx',
      String.raw`(?:[ \t]*[^\s#]|[ \t]*(?:#.*)?\r?\n[ \t]+[^\s#])`,
    ),
    key: 'spring-config',
  },

  // Sessions
  {
    id: 'auth.jwt',
    languages: ['python'],
    pattern: /\bjwt\.(encode|decode)\(|OAuth2PasswordBearer|JWTAuthentication/,
    key: 'jwt',
  },
  {
    id: 'auth.jwt',
    languages: ['javascript'],
    pattern: /\bjwt\.(sign|verify)\(|jwtVerify\(|passport-jwt/,
    key: 'jwt',
  },
  {
    id: 'auth.jwt',
    languages: ['go'],
    pattern: /jwt\.(Parse|NewWithClaims)\(/,
    key: 'jwt',
  },
  {
    id: 'auth.jwt',
    languages: ['java'],
    pattern: /oauth2ResourceServer|Jwts\.(builder|parser)|JWT\.require\(/,
    key: 'jwt',
  },
  {
    id: 'session.server-side',
    languages: ['python'],
    pattern:
      // Django's SessionMiddleware keeps sessions in the database by default and Starlette's in a signed cookie: only a file or cache engine keeps them in the process's reach.
      /SESSION_ENGINE\s*=\s*["']django\.contrib\.sessions\.backends\.(file|cache)["']|Session\(app\)/,
    key: 'sessions',
  },
  {
    id: 'session.server-side',
    languages: ['javascript'],
    pattern: /express-session|cookie-session/,
    key: 'sessions',
  },
  {
    id: 'session.server-side',
    languages: ['java'],
    pattern: /HttpSession\b/,
    key: 'sessions',
  },

  // Tracing
  {
    id: 'tracing.otel',
    languages: ['python'],
    pattern: /from opentelemetry|import opentelemetry/,
    key: 'otel',
  },
  // Exporters that send spans to a backend named in the code: no OTLP endpoint in the environment is needed.
  {
    id: 'tracing.exporter',
    languages: ['python', 'javascript', 'go', 'java', 'csharp'],
    pattern:
      /\b(CloudTraceSpanExporter|AzureMonitorTraceExporter|AWSXRay\w*Exporter|texporter\.New\w*|TraceExporter\.create\(|AddAzureMonitorTraceExporter|UseAzureMonitor)\b|\b(OTLPSpanExporter|OTLPTraceExporter|OtlpGrpcSpanExporter|OtlpHttpSpanExporter)\s*\(\s*\{?\s*(endpoint|url)\s*[=:]|\botlptrace(grpc|http)\.WithEndpoint\w*\(|OtlpGrpcSpanExporter\.builder\(\)\s*\.setEndpoint\(/,
    key: 'exporter',
  },
  {
    id: 'tracing.otel',
    languages: ['javascript'],
    pattern: /@opentelemetry\//,
    key: 'otel',
  },
  {
    id: 'tracing.otel',
    languages: ['go'],
    pattern: /go\.opentelemetry\.io\/otel/,
    key: 'otel',
  },
  {
    id: 'tracing.otel',
    languages: ['java'],
    pattern: /io\.opentelemetry/,
    key: 'otel',
  },
  {
    id: 'tracing.vendor',
    languages: ['python'],
    pattern: /from langsmith|@traceable\b|import ddtrace|sentry_sdk\.init/,
    key: 'vendor',
  },
  {
    id: 'tracing.vendor',
    languages: ['javascript'],
    pattern: /require\(["']dd-trace["']\)|from ["']dd-trace["']|Sentry\.init\(/,
    key: 'vendor',
  },

  // Admin processes
  {
    id: 'db.migrations-at-startup',
    languages: ['python'],
    pattern: /command\.upgrade\(|alembic\.command|Base\.metadata\.create_all\(/,
    key: 'migrate',
  },
  {
    id: 'db.migrations-at-startup',
    languages: ['javascript'],
    pattern: /migrate\.latest\(|\.migrate\(\)|runMigrations\(/,
    key: 'migrate',
  },
  {
    id: 'db.migrations-at-startup',
    languages: ['java'],
    pattern:
      /spring\.flyway\.enabled\s*=\s*true|spring\.liquibase\.enabled\s*=\s*true/,
    key: 'migrate',
  },
  {
    id: 'db.migrations-at-startup',
    languages: ['java'],
    pattern:
      /spring\.flyway\.enabled\s*=\s*true|spring\.liquibase\.enabled\s*=\s*true/,
    key: 'migrate',
  },
];

/** C# (.NET): ASP.NET Core, the generic host, Serilog, Polly, OpenTelemetry .NET. */
const CSHARP: ReadonlyArray<PatternRow> = [
  {
    id: 'config.settings-class',
    languages: ['csharp'],
    pattern:
      /\b(WebApplication\.CreateBuilder|Host\.CreateDefaultBuilder|Host\.CreateApplicationBuilder|WebHost\.CreateDefaultBuilder)\(|\.AddEnvironmentVariables\(/,
    key: 'aspnet-host',
  },
  {
    id: 'config.settings-class',
    languages: ['csharp'],
    pattern: /\bIOptions(Monitor|Snapshot)?<\w+>|\.Configure<\w+>\(/,
    key: 'options',
  },
  {
    id: 'config.env-read',
    languages: ['csharp'],
    pattern:
      /Environment\.GetEnvironmentVariable\(|\bConfiguration\[\s*"[A-Z][A-Z0-9_]+"\s*\]/,
    key: 'env-var',
  },
  {
    id: 'logging.stdout',
    languages: ['csharp'],
    pattern:
      /\bConsole\.(Write|WriteLine|Error\.Write)|\.AddConsole\(|\.AddJsonConsole\(|\.AddSimpleConsole\(|WriteTo\.Console\(|\bILogger<\w+>/,
    key: 'console',
  },
  {
    id: 'logging.file',
    languages: ['csharp'],
    pattern:
      /WriteTo\.(File|RollingFile)\(|\.AddFile\(|new\s+FileTarget\b|StreamWriter\([^)]*\.log\b/,
    key: 'file',
  },
  {
    id: 'logging.json',
    languages: ['csharp'],
    pattern:
      /\.AddJsonConsole\(|\b(Compact|RenderedCompact)?JsonFormatter\b|EcsTextFormatter|"FormatterName"\s*:\s*"json"/,
    key: 'formatter',
  },
  {
    id: 'logging.level-from-env',
    languages: ['csharp'],
    pattern:
      /"LogLevel"\s*:|"MinimumLevel"\s*:|ReadFrom\.Configuration\(|Logging__LogLevel__/,
    key: 'appsettings',
  },
  {
    id: 'logging.level-runtime',
    languages: ['csharp'],
    pattern: /\bLoggingLevelSwitch\b/,
    key: 'serilog-switch',
  },
  {
    id: 'shutdown.hook',
    languages: ['csharp'],
    pattern:
      /\bApplicationStopping\b|\bIHostApplicationLifetime\b|override\s+(async\s+)?Task\s+StopAsync\(|AppDomain\.CurrentDomain\.ProcessExit|PosixSignalRegistration\.Create\(|Console\.CancelKeyPress/,
    key: 'graceful',
  },
  {
    id: 'shutdown.signal-handler',
    languages: ['csharp'],
    pattern:
      /PosixSignal\.SIGTERM|AppDomain\.CurrentDomain\.ProcessExit|\bIHostApplicationLifetime\b|\b(app|host)\.Run(Async)?\(|\.Build\(\)\s*\.Run(Async)?\(|\.RunConsoleAsync\(|\.UseConsoleLifetime\(/,
    key: 'generic-host',
  },
  {
    id: 'http.timeout',
    languages: ['csharp'],
    pattern:
      /\.Timeout\s*=\s*TimeSpan\.|\bTimeout\s*=\s*TimeSpan\.|\.CancelAfter\(|\bAddTimeout\(|\b(Connect|Command|Sync|Async)Timeout\s*=|\bTimeoutPolicy\b|Policy\.Timeout(Async)?</,
    key: 'client',
  },
  {
    id: 'retry.code',
    languages: ['csharp'],
    pattern:
      /\.(WaitAndRetry|Retry)(Forever)?(Async)?\(|\.AddRetry\(|\.AddStandardResilienceHandler\(|\.AddTransientHttpErrorPolicy\(/,
    key: 'policy',
  },
  {
    id: 'circuit-breaker.code',
    languages: ['csharp'],
    pattern:
      /\.(Advanced)?CircuitBreaker(Async)?\(|\.AddCircuitBreaker\(|\.AddStandardResilienceHandler\(/,
    key: 'breaker',
  },
  {
    id: 'endpoint.health',
    languages: ['csharp'],
    pattern:
      /\.MapHealthChecks\(|\.UseHealthChecks\(|\.MapGrpcHealthChecksService\(|\.MapGrpcService<\w*Health\w*>|\bHealth\.HealthBase\b|\.Map(Get)?\(\s*"\/[_-]?(health|healthz|livez|readyz|ready|live)"/,
    key: 'endpoint',
  },
  {
    id: 'endpoint.metrics',
    languages: ['csharp'],
    pattern:
      /\.UseHttpMetrics\(|\.MapMetrics\(|\.UseMetricServer\(|\.AddPrometheusExporter\(|UseOpenTelemetryPrometheusScrapingEndpoint\(|MapPrometheusScrapingEndpoint\(/,
    key: 'prometheus-metrics',
  },
  {
    id: 'metrics.push',
    languages: ['csharp'],
    // The OTLP exporter of a meter provider, whether the metrics builder names it or UseOtlpExporter covers every signal.
    pattern:
      /\.WithMetrics\((?:(?!\.With(Tracing|Logging)\b)[\s\S]){0,600}?\.AddOtlpExporter\(|\.WithMetrics\([\s\S]{0,1200}?\.UseOtlpExporter\(|\bCreateMeterProviderBuilder\(\)(?:(?!;)[\s\S]){0,600}?\.AddOtlpExporter\(/,
    key: 'otlp',
  },
  {
    id: 'metrics.push',
    languages: ['csharp'],
    pattern:
      /\bDogStatsd\.Configure\(|\bnew\s+DogStatsdService\(|\bStatsdClient\b/,
    key: 'statsd',
  },
  {
    id: 'auth.jwt',
    languages: ['csharp'],
    pattern:
      /\.AddJwtBearer\(|\bJwtSecurityTokenHandler\b|\bJsonWebTokenHandler\b/,
    key: 'jwt',
  },
  {
    id: 'session.server-side',
    languages: ['csharp'],
    pattern: /\.AddSession\(|\.UseSession\(/,
    key: 'sessions',
  },
  {
    id: 'tracing.otel',
    languages: ['csharp'],
    pattern:
      /\busing\s+OpenTelemetry\b|\.AddOpenTelemetry\(|\.WithTracing\(|\.AddOtlpExporter\(/,
    key: 'otel',
  },
  {
    id: 'tracing.vendor',
    languages: ['csharp'],
    pattern:
      /\.AddApplicationInsightsTelemetry\(|\busing\s+Datadog\.Trace\b|SentrySdk\.Init\(|\.UseSentry\(/,
    key: 'vendor',
  },
  {
    id: 'db.migrations-at-startup',
    languages: ['csharp'],
    pattern:
      /\.Database\.Migrate(Async)?\(|\.Database\.EnsureCreated(Async)?\(/,
    key: 'migrate',
  },
];

/** The pattern table. @public */
export const SIGNAL_PATTERNS: ReadonlyArray<SignalPattern> = [
  ...BASE_PATTERNS,
  ...CSHARP,
].map(described);

/** `.js`, `.ts`, `.jsx`, `.tsx`, with an optional `m` or `c` in front. */
const JS_EXTENSIONS = new Set([
  'js',
  'ts',
  'jsx',
  'tsx',
  'mjs',
  'mts',
  'mjsx',
  'mtsx',
  'cjs',
  'cts',
  'cjsx',
  'ctsx',
]);

/** The language of a source file by extension. @public */
export function languageOf(path: string): Language | undefined {
  // Decided by the text after the last dot: this runs for every file of a
  // repository, and end-anchored patterns would be tried at every position.
  const dot = path.lastIndexOf('.');
  if (dot === -1) return undefined;
  const ext = path.slice(dot + 1);
  if (ext === 'py') return 'python';
  if (JS_EXTENSIONS.has(ext))
    return path.endsWith('.d.ts') ? undefined : 'javascript';
  if (ext === 'go') return 'go';
  if (ext === 'java' || ext === 'kt' || ext === 'kts') return 'java';
  if (ext === 'cs') return 'csharp';
  if (ext === 'json' && /(^|\/)appsettings(\.[\w-]+)?\.json$/.test(path))
    return 'csharp';
  if (
    (ext === 'properties' || ext === 'yaml' || ext === 'yml') &&
    /(^|\/)(application|bootstrap)(-[\w]+)?\.(properties|ya?ml)$/.test(path)
  )
    return 'java';
  if (ext === 'xml' && /(^|\/)(logback|log4j2?)[\w-]*\.xml$/.test(path))
    return 'java';
  return undefined;
}
