import { ENGINE_MESSAGES } from '@internal/plugin-twelve-factor-common';
import { capabilitiesOf } from './libraries';
import {
  codePatternMessageId,
  languageOf,
  SIGNAL_PATTERNS,
  type Language,
} from './patterns';

describe('languageOf', () => {
  it.each([
    ['app/main.py', 'python'],
    ['web/index.tsx', 'javascript'],
    ['lib/x.mjs', 'javascript'],
    ['lib/x.cts', 'javascript'],
    ['types/x.d.ts', undefined],
    ['cmd/main.go', 'go'],
    ['src/Main.java', 'java'],
    ['build.gradle.kts', 'java'],
    ['src/main/resources/application-prod.yml', 'java'],
    ['bootstrap.properties', 'java'],
    ['config/other.yml', undefined],
    ['src/main/resources/logback-spring.xml', 'java'],
    ['src/Startup.cs', 'csharp'],
    ['src/appsettings.Production.json', 'csharp'],
    ['src/package.json', undefined],
    ['pom.xml', undefined],
    ['py', undefined],
    ['Makefile', undefined],
    ['dir.py/file', undefined],
  ])('%s is %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});

describe('signal patterns and library capabilities', () => {
  const signals = (language: Language, line: string) =>
    SIGNAL_PATTERNS.filter(
      p => p.languages.includes(language) && p.pattern.test(line),
    ).map(p => p.id);

  it('reads environment reads of settings libraries, framework shutdown hooks and Go logger constructors', () => {
    expect(signals('python', 'from decouple import config')).toContain(
      'config.env-read',
    );
    expect(
      signals('python', "SECRET_KEY = config('SECRET_KEY', default='x')"),
    ).toContain('config.env-read');
    expect(signals('python', "config('app.yaml')")).not.toContain(
      'config.env-read',
    );
    expect(
      signals('javascript', "fastify.addHook('onClose', async () => {})"),
    ).toContain('shutdown.hook');
    expect(signals('go', 'logger, _ := zap.NewDevelopment()')).toContain(
      'logging.stdout',
    );
    expect(signals('go', 'app.DefaultEnvars()')).toContain('config.env-read');
    expect(signals('javascript', "  @Get('health')")).toContain(
      'endpoint.health',
    );
    expect(
      signals(
        'go',
        'app.Flag("log-level", "Set the level of logging.").Default("info")',
      ),
    ).toContain('logging.level-from-env');
    expect(
      signals('java', '    @Timeout(value = 2, unit = ChronoUnit.SECONDS)'),
    ).toContain('http.timeout');
    expect(
      signals('java', 'quarkus.rest-client.narration-client.read-timeout=5000'),
    ).toContain('http.timeout');
  });

  it('knows broker clients and OpenTelemetry metrics, the longest Go module prefix deciding', () => {
    expect(capabilitiesOf('go', 'github.com/IBM/sarama')).toEqual([
      'broker-kafka',
    ]);
    expect(capabilitiesOf('go', 'go.opentelemetry.io/otel/sdk/metric')).toEqual(
      ['metrics'],
    );
    expect(
      capabilitiesOf('go', 'go.opentelemetry.io/otel/exporters/otlp/otlptrace'),
    ).toEqual(['tracing-otel']);
    expect(capabilitiesOf('node', 'rhea')).toEqual(['broker-rabbitmq']);
    expect(capabilitiesOf('python', 'openai')).toEqual(['http-client']);
    expect(
      capabilitiesOf(
        'java',
        'org.springframework.cloud:spring-cloud-starter-netflix-hystrix',
      ),
    ).toEqual(['circuit-breaker']);
    expect(
      capabilitiesOf(
        'java',
        'org.springframework.boot:spring-boot-starter-data-mongodb',
      ),
    ).toEqual(['db-mongo']);
    expect(
      capabilitiesOf('dotnet', 'Microsoft.EntityFrameworkCore.SqlServer'),
    ).toEqual(['db-sqlserver']);
  });
});

describe('Spring configuration in application.yml and properties', () => {
  const signals = (text: string) =>
    SIGNAL_PATTERNS.filter(
      p => p.languages.includes('java') && p.pattern.test(text),
    ).map(p => p.id);
  const exposure = (include: string) =>
    `management:\n  endpoints:\n    web:\n      exposure:\n        include: ${include}\n`;

  it('reads the actuator exposure of the nested YAML form, not an include: of other YAML', () => {
    expect(signals(exposure('"*"'))).toContain('logging.level-runtime');
    expect(signals(exposure('health,info,loggers'))).toContain(
      'logging.level-runtime',
    );
    expect(signals(exposure('[health, loggers]'))).toContain(
      'logging.level-runtime',
    );
    expect(
      signals(
        'management:\n  endpoints:\n    web:\n      exposure:\n        exclude: env\n        include:\n          - health\n          - loggers\n',
      ),
    ).toContain('logging.level-runtime');
    expect(
      signals('management.endpoints.web.exposure.include: "*"\n'),
    ).toContain('logging.level-runtime');
    expect(signals(exposure('health,info'))).not.toContain(
      'logging.level-runtime',
    );
    // An include: that is not in the block of exposure:.
    expect(
      signals(
        'management:\n  endpoints:\n    web:\n      exposure:\n        exclude: env\n  tracing:\n    include: "*"\n',
      ),
    ).not.toContain('logging.level-runtime');
    expect(signals('spring:\n  profiles:\n    include: "*"\n')).not.toContain(
      'logging.level-runtime',
    );
  });

  it("counts client timeouts set in configuration, not the server's own", () => {
    const client = [
      'spring:\n  datasource:\n    hikari:\n      maximum-pool-size: 5\n      connection-timeout: 2000\n',
      'spring.datasource.hikari.connection-timeout=2000\n',
      'spring:\n  cloud:\n    config:\n      request-read-timeout: 5000\n',
      'spring.cloud.config.request-connect-timeout=5000\n',
      'feign:\n  client:\n    config:\n      default:\n        connectTimeout: 5000\n',
      'spring.cloud.openfeign.client.config.default.readTimeout=5000\n',
      'spring.data.redis.timeout=2s\n',
      'spring:\n  data:\n    redis:\n      host: cache\n      timeout: 2s\n',
    ];
    for (const text of client)
      expect([text, signals(text)]).toEqual([
        text,
        expect.arrayContaining(['http.timeout']),
      ]);
    const server = [
      'server:\n  tomcat:\n    connection-timeout: 2s\n',
      'server.tomcat.connection-timeout=2s\n',
      'spring:\n  lifecycle:\n    timeout-per-shutdown-phase: 15s\n',
      'spring.mvc.async.request-timeout=30s\n',
      'spring:\n  mvc:\n    async:\n      request-timeout: 30s\n',
      // A timeout: in a block next to redis:, not in it.
      'spring:\n  data:\n    redis:\n      host: cache\n  session:\n    timeout: 30m\n',
    ];
    for (const text of server)
      expect([text, signals(text)]).toEqual([
        text,
        expect.not.arrayContaining(['http.timeout']),
      ]);
  });

  it('counts Java retry libraries only through the code or configuration that uses them', () => {
    expect(
      capabilitiesOf('java', 'org.springframework.retry:spring-retry'),
    ).toEqual(['retry-library']);
    expect(signals('@EnableRetry\npublic class App {}\n')).toContain(
      'retry.code',
    );
    expect(
      signals(
        'resilience4j:\n  circuitbreaker:\n    instances: {}\n  retry:\n    instances:\n      backend:\n        max-attempts: 3\n',
      ),
    ).toContain('retry.code');
    expect(
      signals('resilience4j.retry.instances.backend.max-attempts=3\n'),
    ).toContain('retry.code');
    // Spring Cloud Config's retry of the config server at start is no policy on the service's calls.
    expect(
      signals(
        'spring:\n  cloud:\n    config:\n      retry:\n        max-attempts: 6\n',
      ),
    ).not.toContain('retry.code');
  });
});

describe('the descriptions of the pattern table', () => {
  it('gives every pattern a description in English and Korean, from the catalog', () => {
    expect(SIGNAL_PATTERNS.length).toBeGreaterThan(100);
    for (const p of SIGNAL_PATTERNS) {
      const id = codePatternMessageId(p);
      const entry = ENGINE_MESSAGES[id];
      expect([id, p.descriptionMsg.id, entry !== undefined]).toEqual([
        id,
        id,
        true,
      ]);
      expect([id, p.description]).toEqual([id, entry.en]);
      expect([id, /[가-힣]/.test(entry.ko)]).toEqual([id, true]);
    }
  });

  it('has no description in the catalog that no pattern uses', () => {
    const used = new Set(SIGNAL_PATTERNS.map(codePatternMessageId));
    const listed = Object.keys(ENGINE_MESSAGES).filter(id =>
      id.startsWith('code-pattern.'),
    );
    expect(listed.filter(id => !used.has(id))).toEqual([]);
  });
});
