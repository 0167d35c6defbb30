import type { Ecosystem } from '../dependencies/types';

/**
 * What a library means for the checks. One table per ecosystem, keyed by the
 * dependency name as declared (lower case; for Maven `group:artifact`, for Go
 * the module path prefix). Extend a table to teach the engine a library.
 * @public
 */
export type Capability =
  | 'web-server'
  | 'metrics'
  | 'tracing-otel'
  | 'tracing-vendor'
  | 'json-logging'
  /** A retry library whose presence counts as the policy (the tables other than Java's, where code using it is the rule too). */
  | 'retry'
  /** A retry library that retries nothing until the code uses it (spring-retry needs @Retryable or a RetryTemplate): only the retry.code signal shows the policy. */
  | 'retry-library'
  | 'circuit-breaker'
  | 'task-queue'
  | 'task-queue-retry'
  | 'jwt'
  | 'session-store'
  | 'settings'
  | 'http-client'
  | 'db-postgres'
  | 'db-mysql'
  | 'db-sqlite'
  | 'db-mongo'
  | 'db-sqlserver'
  | 'db-migrations'
  | 'cache-redis'
  | 'broker-rabbitmq'
  | 'broker-kafka'
  | 'object-storage'
  | 'health-endpoint';

type Table = Record<string, Capability[]>;

const python: Table = {
  grpcio: ['http-client'],
  uvicorn: ['web-server'],
  gunicorn: ['web-server'],
  hypercorn: ['web-server'],
  waitress: ['web-server'],
  daphne: ['web-server'],
  'prometheus-client': ['metrics'],
  'prometheus-fastapi-instrumentator': ['metrics'],
  'starlette-exporter': ['metrics'],
  'django-prometheus': ['metrics'],
  'prometheus-flask-exporter': ['metrics'],
  statsd: ['metrics'],
  'opentelemetry-sdk': ['tracing-otel'],
  'opentelemetry-api': ['tracing-otel'],
  'opentelemetry-distro': ['tracing-otel'],
  'opentelemetry-instrumentation-fastapi': ['tracing-otel'],
  'opentelemetry-exporter-otlp': ['tracing-otel'],
  langsmith: ['tracing-vendor'],
  ddtrace: ['tracing-vendor'],
  instana: ['tracing-vendor'],
  'django-health-check': ['health-endpoint'],
  'sentry-sdk': ['tracing-vendor'],
  newrelic: ['tracing-vendor'],
  'elastic-apm': ['tracing-vendor'],
  applicationinsights: ['tracing-vendor'],
  'opencensus-ext-azure': ['tracing-vendor'],
  'python-json-logger': ['json-logging'],
  structlog: ['json-logging'],
  'json-log-formatter': ['json-logging'],
  loguru: [],
  'ecs-logging': ['json-logging'],
  tenacity: ['retry'],
  backoff: ['retry'],
  retrying: ['retry'],
  urllib3: [],
  stamina: ['retry'],
  pybreaker: ['circuit-breaker'],
  aiobreaker: ['circuit-breaker'],
  circuitbreaker: ['circuit-breaker'],
  purgatory: ['circuit-breaker'],
  celery: ['task-queue', 'task-queue-retry'],
  rq: ['task-queue'],
  dramatiq: ['task-queue', 'task-queue-retry'],
  arq: ['task-queue'],
  huey: ['task-queue'],
  'python-jose': ['jwt'],
  pyjwt: ['jwt'],
  authlib: ['jwt'],
  'fastapi-jwt-auth': ['jwt'],
  'djangorestframework-simplejwt': ['jwt'],
  'flask-session': ['session-store'],
  'django-redis': ['session-store', 'cache-redis'],
  'pydantic-settings': ['settings'],
  'python-dotenv': ['settings'],
  'django-environ': ['settings'],
  dynaconf: ['settings'],
  environs: ['settings'],
  httpx: ['http-client'],
  requests: ['http-client'],
  aiohttp: ['http-client'],
  'psycopg2-binary': ['db-postgres'],
  psycopg2: ['db-postgres'],
  psycopg: ['db-postgres'],
  asyncpg: ['db-postgres'],
  pg8000: ['db-postgres'],
  pymysql: ['db-mysql'],
  mysqlclient: ['db-mysql'],
  aiomysql: ['db-mysql'],
  aiosqlite: ['db-sqlite'],
  pymongo: ['db-mongo'],
  motor: ['db-mongo'],
  alembic: ['db-migrations'],
  'flask-migrate': ['db-migrations'],
  redis: ['cache-redis'],
  'redis-py-cluster': ['cache-redis'],
  aioredis: ['cache-redis'],
  pika: ['broker-rabbitmq'],
  'aio-pika': ['broker-rabbitmq'],
  kombu: [],
  'kafka-python': ['broker-kafka'],
  'confluent-kafka': ['broker-kafka'],
  aiokafka: ['broker-kafka'],
  boto3: ['object-storage', 'http-client'],
  'azure-storage-blob': ['object-storage'],
  // Clients of cloud and AI APIs call out (their built-in retries are defaults, not a policy the service chose: the by-hand report did not count openai's).
  openai: ['http-client'],
  anthropic: ['http-client'],
  botocore: ['http-client'],
  'azure-core': ['http-client'],
  'azure-servicebus': ['http-client'],
  'google-cloud-pubsub': ['http-client'],
  'opentelemetry-exporter-prometheus': ['metrics'],
  'google-cloud-storage': ['object-storage'],
  minio: ['object-storage'],
};

const node: Table = {
  '@grpc/grpc-js': ['http-client'],
  express: ['web-server'],
  fastify: ['web-server'],
  koa: ['web-server'],
  '@nestjs/core': ['web-server'],
  next: ['web-server'],
  hapi: ['web-server'],
  '@hapi/hapi': ['web-server'],
  'prom-client': ['metrics'],
  'express-prom-bundle': ['metrics'],
  '@opentelemetry/exporter-prometheus': ['metrics'],
  '@opentelemetry/sdk-node': ['tracing-otel'],
  '@opentelemetry/api': ['tracing-otel'],
  '@opentelemetry/sdk-trace-node': ['tracing-otel'],
  '@opentelemetry/auto-instrumentations-node': ['tracing-otel'],
  'dd-trace': ['tracing-vendor'],
  '@instana/collector': ['tracing-vendor'],
  '@nestjs/terminus': ['health-endpoint'],
  '@sentry/node': ['tracing-vendor'],
  newrelic: ['tracing-vendor'],
  'elastic-apm-node': ['tracing-vendor'],
  applicationinsights: ['tracing-vendor'],
  pino: ['json-logging'],
  'pino-http': ['json-logging'],
  bunyan: ['json-logging'],
  winston: [],
  'axios-retry': ['retry'],
  'p-retry': ['retry'],
  'async-retry': ['retry'],
  got: ['retry', 'http-client'],
  retry: ['retry'],
  cockatiel: ['retry', 'circuit-breaker'],
  opossum: ['circuit-breaker'],
  brakes: ['circuit-breaker'],
  bull: ['task-queue', 'task-queue-retry'],
  bullmq: ['task-queue', 'task-queue-retry'],
  'bee-queue': ['task-queue'],
  agenda: ['task-queue'],
  jsonwebtoken: ['jwt'],
  jose: ['jwt'],
  'passport-jwt': ['jwt'],
  '@nestjs/jwt': ['jwt'],
  'connect-redis': ['session-store'],
  'connect-mongo': ['session-store'],
  dotenv: ['settings'],
  convict: ['settings'],
  config: ['settings'],
  envalid: ['settings'],
  '@nestjs/config': ['settings'],
  axios: ['http-client'],
  'node-fetch': ['http-client'],
  undici: ['http-client'],
  pg: ['db-postgres'],
  mssql: ['db-sqlserver'],
  tedious: ['db-sqlserver'],
  postgres: ['db-postgres'],
  mysql2: ['db-mysql'],
  mysql: ['db-mysql'],
  sqlite3: ['db-sqlite'],
  'better-sqlite3': ['db-sqlite'],
  mongodb: ['db-mongo'],
  mongoose: ['db-mongo'],
  knex: ['db-migrations'],
  prisma: ['db-migrations'],
  typeorm: ['db-migrations'],
  sequelize: [],
  'db-migrate': ['db-migrations'],
  redis: ['cache-redis'],
  ioredis: ['cache-redis'],
  amqplib: ['broker-rabbitmq'],
  kafkajs: ['broker-kafka'],
  rhea: ['broker-rabbitmq'],
  'rhea-promise': ['broker-rabbitmq'],
  'rabbitmq-amqp-js-client': ['broker-rabbitmq'],
  '@azure/service-bus': ['http-client'],
  '@google-cloud/pubsub': ['http-client'],
  openai: ['http-client'],
  '@anthropic-ai/sdk': ['http-client'],
  '@opentelemetry/sdk-metrics': ['metrics'],
  '@aws-sdk/client-s3': ['object-storage'],
  '@azure/storage-blob': ['object-storage'],
  '@google-cloud/storage': ['object-storage'],
};

const go: Table = {
  'google.golang.org/grpc': ['http-client'],
  'github.com/prometheus/client_golang': ['metrics'],
  'github.com/victoriametrics/metrics': ['metrics'],
  'go.opentelemetry.io/otel': ['tracing-otel'],
  'go.opentelemetry.io/otel/sdk': ['tracing-otel'],
  'go.opentelemetry.io/contrib': ['tracing-otel'],
  'gopkg.in/datadog/dd-trace-go.v1': ['tracing-vendor'],
  'github.com/getsentry/sentry-go': ['tracing-vendor'],
  'go.uber.org/zap': ['json-logging'],
  'github.com/sirupsen/logrus': [],
  'github.com/rs/zerolog': ['json-logging'],
  'github.com/cenkalti/backoff': ['retry'],
  'github.com/avast/retry-go': ['retry'],
  'github.com/hashicorp/go-retryablehttp': ['retry', 'http-client'],
  'github.com/failsafe-go/failsafe-go': ['retry', 'circuit-breaker'],
  'github.com/sony/gobreaker': ['circuit-breaker'],
  'github.com/afex/hystrix-go': ['circuit-breaker'],
  'github.com/eapache/go-resiliency': ['circuit-breaker', 'retry'],
  'github.com/golang-jwt/jwt': ['jwt'],
  'github.com/lestrrat-go/jwx': ['jwt'],
  'github.com/kelseyhightower/envconfig': ['settings'],
  'github.com/spf13/viper': ['settings'],
  'github.com/caarlos0/env': ['settings'],
  'github.com/joho/godotenv': ['settings'],
  'github.com/jackc/pgx': ['db-postgres'],
  'github.com/lib/pq': ['db-postgres'],
  'github.com/go-sql-driver/mysql': ['db-mysql'],
  'github.com/mattn/go-sqlite3': ['db-sqlite'],
  'go.mongodb.org/mongo-driver': ['db-mongo'],
  'github.com/golang-migrate/migrate': ['db-migrations'],
  'github.com/pressly/goose': ['db-migrations'],
  'github.com/redis/go-redis': ['cache-redis'],
  'github.com/go-redis/redis': ['cache-redis'],
  'github.com/rabbitmq/amqp091-go': ['broker-rabbitmq'],
  'github.com/streadway/amqp': ['broker-rabbitmq'],
  'github.com/IBM/sarama': ['broker-kafka'],
  'github.com/Shopify/sarama': ['broker-kafka'],
  'github.com/confluentinc/confluent-kafka-go': ['broker-kafka'],
  'github.com/twmb/franz-go': ['broker-kafka'],
  'go.opentelemetry.io/otel/sdk/metric': ['metrics'],
  'go.opentelemetry.io/otel/exporters/otlp/otlpmetric': ['metrics'],
  'go.opentelemetry.io/otel/exporters/prometheus': ['metrics'],
  'github.com/aws/aws-sdk-go-v2': ['http-client'],
  'github.com/segmentio/kafka-go': ['broker-kafka'],
  'github.com/hibiken/asynq': ['task-queue', 'task-queue-retry'],
};

const java: Table = {
  // Java's retry libraries retry nothing by themselves (annotations, templates or configuration make the policy): 'retry-library'.
  'io.grpc:grpc-netty-shaded': ['http-client'],
  'io.grpc:grpc-okhttp': ['http-client'],
  'com.squareup.okhttp3:okhttp': ['http-client'],
  'org.springframework.cloud:spring-cloud-starter-openfeign': ['http-client'],
  'org.springframework.boot:spring-boot-starter-web': ['web-server'],
  'org.springframework.boot:spring-boot-starter-webmvc': ['web-server'],
  'org.springframework.boot:spring-boot-starter-webflux': [
    'web-server',
    'http-client',
  ],
  'io.quarkus:quarkus-resteasy': ['web-server'],
  'io.quarkus:quarkus-rest': ['web-server'],
  'io.quarkus:quarkus-rest-client': ['http-client'],
  'io.quarkus:quarkus-rest-client-jackson': ['http-client'],
  'io.quarkus:quarkus-micrometer': ['metrics'],
  'io.quarkus:quarkus-micrometer-registry-prometheus': ['metrics'],
  'io.quarkus:quarkus-micrometer-opentelemetry': ['metrics', 'tracing-otel'],
  'io.quarkus:quarkus-opentelemetry': ['tracing-otel'],
  'io.quarkus:quarkus-smallrye-fault-tolerance': [
    'retry-library',
    'circuit-breaker',
  ],
  'io.quarkus:quarkus-hibernate-orm-panache': ['db-postgres'],
  'io.quarkus:quarkus-jdbc-postgresql': ['db-postgres'],
  'io.quarkus:quarkus-reactive-pg-client': ['db-postgres'],
  'io.quarkus:quarkus-jdbc-mysql': ['db-mysql'],
  'io.quarkus:quarkus-reactive-mysql-client': ['db-mysql'],
  'io.quarkus:quarkus-mongodb-client': ['db-mongo'],
  'io.quarkus:quarkus-mongodb-panache': ['db-mongo'],
  'io.quarkus:quarkus-mongodb-panache-kotlin': ['db-mongo'],
  'io.quarkus:quarkus-flyway': ['db-migrations'],
  'io.quarkus:quarkus-liquibase': ['db-migrations'],
  'io.quarkus:quarkus-liquibase-mongodb': ['db-migrations'],
  'io.quarkus:quarkus-messaging-kafka': ['broker-kafka'],
  'io.quarkus:quarkus-smallrye-reactive-messaging-kafka': ['broker-kafka'],
  'io.quarkus:quarkus-kafka-client': ['broker-kafka'],
  'io.quarkus:quarkus-redis-client': ['cache-redis'],
  'io.micrometer:micrometer-registry-otlp': ['metrics'],
  'io.micronaut:micronaut-http-server-netty': ['web-server'],
  'io.micrometer:micrometer-registry-prometheus': ['metrics'],
  'io.prometheus:simpleclient': ['metrics'],
  'io.prometheus:prometheus-metrics-core': ['metrics'],
  // Actuator serves /actuator/health (with liveness and readiness groups on Kubernetes).
  'org.springframework.boot:spring-boot-starter-actuator': ['health-endpoint'],
  'io.quarkus:quarkus-smallrye-health': ['health-endpoint'],
  'io.micronaut:micronaut-management': ['health-endpoint'],
  'org.springframework.cloud:spring-cloud-starter-sleuth': ['tracing-vendor'],
  'io.micrometer:micrometer-tracing-bridge-brave': ['tracing-vendor'],
  'io.zipkin.reporter2:zipkin-reporter-brave': ['tracing-vendor'],
  'io.opentelemetry:opentelemetry-sdk': ['tracing-otel'],
  'io.opentelemetry:opentelemetry-sdk-metrics': ['metrics'],
  'io.opentelemetry:opentelemetry-exporter-prometheus': ['metrics'],
  'io.opentelemetry:opentelemetry-api': ['tracing-otel'],
  'io.micrometer:micrometer-tracing-bridge-otel': ['tracing-otel'],
  'io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter': [
    'tracing-otel',
  ],
  'com.datadoghq:dd-trace-api': ['tracing-vendor'],
  'io.sentry:sentry': ['tracing-vendor'],
  'com.microsoft.azure:applicationinsights-agent': ['tracing-vendor'],
  'net.logstash.logback:logstash-logback-encoder': ['json-logging'],
  'co.elastic.logging:logback-ecs-encoder': ['json-logging'],
  'org.apache.logging.log4j:log4j-layout-template-json': ['json-logging'],
  'io.github.resilience4j:resilience4j-retry': ['retry-library'],
  'org.springframework.retry:spring-retry': ['retry-library'],
  'dev.failsafe:failsafe': ['retry-library', 'circuit-breaker'],
  'io.github.resilience4j:resilience4j-circuitbreaker': ['circuit-breaker'],
  'io.github.resilience4j:resilience4j-spring-boot3': [
    'circuit-breaker',
    'retry-library',
  ],
  'io.github.resilience4j:resilience4j-spring-boot2': [
    'circuit-breaker',
    'retry-library',
  ],
  'org.springframework.cloud:spring-cloud-starter-circuitbreaker-resilience4j':
    ['circuit-breaker'],
  'io.jsonwebtoken:jjwt-api': ['jwt'],
  'com.auth0:java-jwt': ['jwt'],
  'org.springframework.boot:spring-boot-starter-oauth2-resource-server': [
    'jwt',
  ],
  'org.springframework.session:spring-session-data-redis': ['session-store'],
  'org.postgresql:postgresql': ['db-postgres'],
  'com.mysql:mysql-connector-j': ['db-mysql'],
  'mysql:mysql-connector-java': ['db-mysql'],
  'org.xerial:sqlite-jdbc': ['db-sqlite'],
  'com.h2database:h2': ['db-sqlite'],
  'org.mongodb:mongodb-driver-sync': ['db-mongo'],
  'org.flywaydb:flyway-core': ['db-migrations'],
  'org.liquibase:liquibase-core': ['db-migrations'],
  'org.springframework.boot:spring-boot-starter-data-redis': ['cache-redis'],
  'org.springframework.boot:spring-boot-starter-data-mongodb': ['db-mongo'],
  'org.springframework.boot:spring-boot-starter-data-mongodb-reactive': [
    'db-mongo',
  ],
  'org.springframework.boot:spring-boot-starter-amqp': ['broker-rabbitmq'],
  'org.springframework.cloud:spring-cloud-starter-bus-amqp': [
    'broker-rabbitmq',
  ],
  'org.springframework.cloud:spring-cloud-starter-stream-rabbit': [
    'broker-rabbitmq',
  ],
  'org.springframework.cloud:spring-cloud-starter-stream-kafka': [
    'broker-kafka',
  ],
  'org.springframework.cloud:spring-cloud-starter-bus-kafka': ['broker-kafka'],
  'org.springframework.kafka:spring-kafka': ['broker-kafka'],
  'org.springframework.cloud:spring-cloud-starter-netflix-hystrix': [
    'circuit-breaker',
  ],
  'com.netflix.hystrix:hystrix-core': ['circuit-breaker'],
  'redis.clients:jedis': ['cache-redis'],
  'io.lettuce:lettuce-core': ['cache-redis'],
  'org.apache.kafka:kafka-clients': ['broker-kafka'],
};

const dotnet: Table = {
  'grpc.net.client': ['http-client'],
  'grpc.net.clientfactory': ['http-client'],
  'prometheus-net': ['metrics'],
  'prometheus-net.aspnetcore': ['metrics'],
  'opentelemetry.exporter.prometheus.aspnetcore': ['metrics'],
  opentelemetry: ['tracing-otel'],
  'opentelemetry.extensions.hosting': ['tracing-otel'],
  'opentelemetry.exporter.opentelemetryprotocol': ['tracing-otel'],
  'microsoft.applicationinsights.aspnetcore': ['tracing-vendor'],
  'datadog.trace': ['tracing-vendor'],
  'serilog.formatting.compact': ['json-logging'],
  'serilog.sinks.console': [],
  'nlog.web.aspnetcore': [],
  polly: ['retry', 'circuit-breaker'],
  'microsoft.extensions.http.polly': ['retry', 'circuit-breaker'],
  'microsoft.extensions.http.resilience': ['retry', 'circuit-breaker'],
  'microsoft.aspnetcore.authentication.jwtbearer': ['jwt'],
  'system.identitymodel.tokens.jwt': ['jwt'],
  npgsql: ['db-postgres'],
  'npgsql.entityframeworkcore.postgresql': ['db-postgres'],
  mysqlconnector: ['db-mysql'],
  'microsoft.data.sqlite': ['db-sqlite'],
  'mongodb.driver': ['db-mongo'],
  'microsoft.entityframeworkcore.sqlserver': ['db-sqlserver'],
  'microsoft.data.sqlclient': ['db-sqlserver'],
  'system.data.sqlclient': ['db-sqlserver'],
  'pomelo.entityframeworkcore.mysql': ['db-mysql'],
  'stackexchange.redis': ['cache-redis'],
  'rabbitmq.client': ['broker-rabbitmq'],
  'confluent.kafka': ['broker-kafka'],
  hangfire: ['task-queue'],
};

const rust: Table = {
  actix_web: ['web-server'],
  'actix-web': ['web-server'],
  axum: ['web-server'],
  warp: ['web-server'],
  prometheus: ['metrics'],
  'metrics-exporter-prometheus': ['metrics'],
  opentelemetry: ['tracing-otel'],
  'opentelemetry-otlp': ['tracing-otel'],
  'tracing-opentelemetry': ['tracing-otel'],
  'tracing-subscriber': [],
  'slog-json': ['json-logging'],
  json_env_logger: ['json-logging'],
  backoff: ['retry'],
  'tokio-retry': ['retry'],
  failsafe: ['circuit-breaker'],
  recloser: ['circuit-breaker'],
  jsonwebtoken: ['jwt'],
  sqlx: ['db-postgres'],
  'tokio-postgres': ['db-postgres'],
  diesel: [],
  redis: ['cache-redis'],
  lapin: ['broker-rabbitmq'],
  rdkafka: ['broker-kafka'],
  config: ['settings'],
  envy: ['settings'],
};

const ruby: Table = {
  puma: ['web-server'],
  unicorn: ['web-server'],
  'prometheus-client': ['metrics'],
  'yabeda-prometheus': ['metrics'],
  'opentelemetry-sdk': ['tracing-otel'],
  ddtrace: ['tracing-vendor'],
  'sentry-ruby': ['tracing-vendor'],
  lograge: [],
  semantic_logger: ['json-logging'],
  retriable: ['retry'],
  circuitbox: ['circuit-breaker'],
  stoplight: ['circuit-breaker'],
  sidekiq: ['task-queue', 'task-queue-retry'],
  jwt: ['jwt'],
  pg: ['db-postgres'],
  mysql2: ['db-mysql'],
  sqlite3: ['db-sqlite'],
  redis: ['cache-redis'],
  dotenv: ['settings'],
};

const php: Table = {
  'promphp/prometheus_client_php': ['metrics'],
  'open-telemetry/sdk': ['tracing-otel'],
  'monolog/monolog': [],
  'ackintosh/ganesha': ['circuit-breaker'],
  'firebase/php-jwt': ['jwt'],
  'predis/predis': ['cache-redis'],
  'vlucas/phpdotenv': ['settings'],
};

/** The tables, by ecosystem. @public */
export const LIBRARY_CAPABILITIES: Record<Ecosystem, Table> = {
  python,
  node,
  go,
  java,
  dotnet,
  rust,
  ruby,
  php,
};

/** The capabilities of a declared dependency. Go modules match by prefix (major-version suffixes). @public */
export function capabilitiesOf(
  ecosystem: Ecosystem,
  name: string,
): Capability[] {
  const table = LIBRARY_CAPABILITIES[ecosystem];
  const key =
    ecosystem === 'dotnet' || ecosystem === 'python'
      ? name.toLowerCase().replace(/_/g, '-')
      : name;
  if (table[key]) return table[key];
  if (ecosystem === 'go') {
    // The longest module prefix decides: go.opentelemetry.io/otel/sdk/metric is metrics, not the tracing of go.opentelemetry.io/otel.
    let best: string | undefined;
    for (const prefix of Object.keys(table))
      if (
        key.startsWith(`${prefix}/`) &&
        (best === undefined || prefix.length > best.length)
      )
        best = prefix;
    if (best) return table[best];
  }
  return [];
}
