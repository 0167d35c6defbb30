import { capabilitiesOf } from './libraries';
import { languageOf, SIGNAL_PATTERNS, type Language } from './patterns';

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
      capabilitiesOf('dotnet', 'Microsoft.EntityFrameworkCore.SqlServer'),
    ).toEqual(['db-sqlserver']);
  });
});
