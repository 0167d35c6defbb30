import { clusterOf } from '../../__testUtils__';
import { classify } from './backing';
import { evaluateCheckWithConfig as evaluate } from '../../__testUtils__/configLiterals';

function workload(
  kind: string,
  name: string,
  containers: string,
  extraMeta = '',
): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}${extraMeta}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
${containers}`;
}

const app = (env: string, image = 'registry.example.com/svc:1.0.0') =>
  `        - name: app\n          image: ${image}\n${env}`;
const redis = `${workload(
  'StatefulSet',
  'redis',
  '        - name: redis\n          image: redis:7.4.1-alpine\n',
)}---
apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  selector: {app: redis}
  ports: [{port: 6379}]
`;
const javaApp = {
  'pom.xml':
    '<project><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.4</version></dependency></dependencies></project>\n',
  'src/main/java/App.java': 'class App {}\n',
};

describe('f4-backing-services.external-db', () => {
  it('passes for a managed database reached through DATABASE_URL, pointing at the env line', async () => {
    const env =
      '          env:\n            - name: DATABASE_URL\n              value: postgresql://$(DB_USER):$(DB_PASSWORD)@psql-shop.postgres.database.azure.com:5432/shop\n';
    const { result } = await evaluate(
      { 'k8s/app.yaml': workload('Deployment', 'svc', app(env)) },
      'f4-backing-services.external-db',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain(
      'psql-shop.postgres.database.azure.com (managed service)',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/app.yaml',
      startLine: 16,
    });
  });

  it('passes for an operator-run database whose URL comes from its Secret', async () => {
    const env =
      '          env:\n            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef: {name: shop-db-app, key: uri}\n';
    const cnpg =
      'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: shop-db\nspec:\n  instances: 3\n';
    const { result } = await evaluate(
      {
        'k8s/app.yaml': workload('Deployment', 'svc', app(env)),
        'k8s/db.yaml': cnpg,
      },
      'f4-backing-services.external-db',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('Cluster shop-db');
  });

  it('is partial when the database URL is hard-coded in a settings file, with placeholders to use instead', async () => {
    const files = {
      ...javaApp,
      'src/main/resources/application.properties':
        'server.port=8080\nspring.datasource.url=jdbc:postgresql://10.1.2.3:5432/app\n',
    };
    const { result } = await evaluate(files, 'f4-backing-services.external-db');
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/resources/application.properties',
      startLine: 2,
    });
    expect(result.remediation?.snippet?.content).toBe(
      'spring.datasource.url=${SPRING_DATASOURCE_URL}\n',
    );
  });

  it('passes when the deployment overrides the literal default (SPRING_DATASOURCE_URL)', async () => {
    const env =
      '          env:\n            - name: SPRING_DATASOURCE_URL\n              valueFrom:\n                secretKeyRef: {name: db, key: url}\n';
    const files = {
      ...javaApp,
      'src/main/resources/application.properties':
        'spring.datasource.url=jdbc:postgresql://localhost:5432/app\n',
      'k8s/app.yaml': workload('Deployment', 'svc', app(env)),
    };
    expect(
      (await evaluate(files, 'f4-backing-services.external-db')).result.verdict,
    ).toBe('pass');
  });

  it('fails when the database runs in the app pod', async () => {
    const containers = `${app(
      '',
    )}        - name: db\n          image: postgres:16.4\n`;
    const { result } = await evaluate(
      { 'k8s/app.yaml': workload('Deployment', 'svc', containers) },
      'f4-backing-services.external-db',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('postgres:16.4 in Deployment svc');
    expect(result.remediation?.snippet?.content).toContain('DATABASE_URL');
  });

  it('fails for an SQLite file inside the container', async () => {
    const env =
      '          env:\n            - name: DATABASE_URL\n              value: sqlite:////data/app.db\n';
    const { result } = await evaluate(
      {
        'requirements.txt': 'aiosqlite==0.20.0\n',
        'k8s/app.yaml': workload('Deployment', 'svc', app(env)),
      },
      'f4-backing-services.external-db',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('SQLite');
  });

  it('is unknown without a database', async () => {
    const { result } = await evaluate(
      { 'requirements.txt': 'fastapi==0.115.0\n', 'main.py': '' },
      'f4-backing-services.external-db',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/No database/);
  });
});

describe('f4-backing-services.cache-separate', () => {
  it('passes for Redis as its own StatefulSet behind a Service, reached by REDIS_URL', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  REDIS_URL: redis://redis:6379/0\n';
    const env = '          envFrom:\n            - configMapRef: {name: cfg}\n';
    const { result } = await evaluate(
      {
        'k8s/app.yaml': workload('Deployment', 'svc', app(env)),
        'k8s/redis.yaml': redis,
        'k8s/cm.yaml': cm,
      },
      'f4-backing-services.cache-separate',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain(
      'redis (StatefulSet redis behind Service redis)',
    );
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ path: 'k8s/cm.yaml', startLine: 6 }),
    );
  });

  it('passes for a host:port address (REDIS_ADDR=redis:6379, as go-redis takes it)', async () => {
    const env =
      '          env:\n            - name: REDIS_ADDR\n              value: "redis:6379"\n';
    const { result } = await evaluate(
      {
        'k8s/app.yaml': workload('Deployment', 'svc', app(env)),
        'k8s/redis.yaml': redis,
      },
      'f4-backing-services.cache-separate',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain(
      'reached through REDIS_ADDR: redis (StatefulSet redis behind Service redis)',
    );
  });

  it('is partial when the code hard-codes the address', async () => {
    const files = {
      'requirements.txt': 'redis==5.0.8\n',
      'app/cache.py':
        'import redis\nclient = redis.Redis.from_url("redis://cache-01.internal:6379/0")\n',
    };
    const { result } = await evaluate(
      files,
      'f4-backing-services.cache-separate',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'app/cache.py',
      startLine: 2,
    });
  });

  it('is partial when Redis runs as a sidecar of the app', async () => {
    const containers = `${app(
      '',
    )}        - name: cache\n          image: redis:7.4.1\n`;
    const { result } = await evaluate(
      { 'k8s/app.yaml': workload('Deployment', 'svc', containers) },
      'f4-backing-services.cache-separate',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain("inside the app's pod");
  });

  it('judges a cluster as well', async () => {
    const meta =
      '\n  namespace: shop\n  labels: {backstage.io/kubernetes-id: svc}';
    const env =
      '          env:\n            - {name: REDIS_URL, value: "rediss://shop.redis.cache.windows.net:6380"}\n';
    const { result } = await evaluate(
      { 'main.py': '' },
      'f4-backing-services.cache-separate',
      {
        clusters: [
          clusterOf('aks', workload('Deployment', 'svc', app(env), meta)),
        ],
      },
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('managed service');
    expect(result.evidence[0]).toMatchObject({
      type: 'cluster-object',
      cluster: 'aks',
      fieldPath: 'spec.template.spec.containers[0].env[0].value',
    });
  });

  it('is unknown when the service uses no cache or broker', async () => {
    const { result } = await evaluate(
      { 'go.mod': 'module x\n', 'main.go': 'package main\n' },
      'f4-backing-services.cache-separate',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f4-backing-services.urls-from-env and swappable', () => {
  const deployEnv =
    '          env:\n            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef: {name: db, key: url}\n';

  it('pass when every address comes from the environment', async () => {
    const files = {
      'k8s/app.yaml': workload('Deployment', 'svc', app(deployEnv)),
      'app/config.py': 'import os\nDATABASE_URL = os.environ["DATABASE_URL"]\n',
    };
    const urls = (await evaluate(files, 'f4-backing-services.urls-from-env'))
      .result;
    expect(urls.verdict).toBe('pass');
    expect(urls.summary).toContain('DATABASE_URL');
    expect(
      (await evaluate(files, 'f4-backing-services.swappable')).result.verdict,
    ).toBe('pass');
  });

  it('reads addresses in the command-line flags of the deploy manifests as deploy configuration', async () => {
    const files = {
      'k8s/app.yaml': `${workload(
        'Deployment',
        'svc',
        app(
          '          command: [./server, --port=9898, --cache-server=tcp://redis:6379]\n',
        ),
      )}---\n${redis}`,
    };
    const urls = (await evaluate(files, 'f4-backing-services.urls-from-env'))
      .result;
    expect(urls.verdict).toBe('pass');
    expect(urls.summary).toBe(
      "Every backing-service address comes from the environment or the deploy manifests' command-line flags (cache-server)",
    );
    expect(urls.evidence[0]).toMatchObject({
      path: 'k8s/app.yaml',
      note: expect.stringContaining(
        'command[2]: cache-server → redis (command line of Deployment svc)',
      ),
    });
    const cache = (await evaluate(files, 'f4-backing-services.cache-separate'))
      .result;
    expect(cache.verdict).toBe('pass');
    expect(cache.summary).toContain('redis reached through cache-server');
  });

  it('partial when some address is a literal in the code', async () => {
    const files = {
      'k8s/app.yaml': workload('Deployment', 'svc', app(deployEnv)),
      'app/queue.py':
        'BROKER_URL = "amqp://guest@rabbit.prod.internal:5672//"\n',
    };
    const urls = (await evaluate(files, 'f4-backing-services.urls-from-env'))
      .result;
    expect(urls.verdict).toBe('partial');
    expect(urls.summary).toContain('BROKER_URL → rabbit.prod.internal');
    expect(urls.remediation?.snippet).toMatchObject({
      path: 'app/queue.py',
      language: 'python',
    });
    const swap = (await evaluate(files, 'f4-backing-services.swappable'))
      .result;
    expect(swap.verdict).toBe('partial');
    expect(swap.evidence[0]).toMatchObject({
      path: 'app/queue.py',
      startLine: 1,
    });
  });

  it('takes no reserved example or test domain for a backing service (example.com, chart-example.local)', async () => {
    const files = (host: string) => ({
      'requirements.txt': 'fastapi==0.115.0\n',
      'app/settings.py': `UPSTREAM_URL = "https://${host}/v1"\n`,
    });
    expect(
      (
        await evaluate(
          files('api.example.com'),
          'f4-backing-services.urls-from-env',
        )
      ).result.verdict,
    ).toBe('unknown');
    expect(
      (
        await evaluate(
          files('api.acme-corp.net'),
          'f4-backing-services.urls-from-env',
        )
      ).result.verdict,
    ).toBe('fail');
  });

  it('urls-from-env fails and swappable is partial when every address is a literal', async () => {
    const files = {
      ...javaApp,
      'src/main/resources/application.properties':
        'spring.datasource.url=jdbc:postgresql://10.1.2.3:5432/app\nspring.mail.host=smtp.acme-corp.net\n',
    };
    const urls = (await evaluate(files, 'f4-backing-services.urls-from-env'))
      .result;
    expect(urls.verdict).toBe('fail');
    expect(urls.evidence.map(e => (e as any).startLine)).toEqual([1, 2]);
    expect(
      (await evaluate(files, 'f4-backing-services.swappable')).result.verdict,
    ).toBe('partial');
  });

  it('local-only files (compose, .env.local) do not count; nothing else is unknown', async () => {
    const files = {
      'docker-compose.yml':
        'services:\n  app:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:app@db:5432/app\n',
      'main.py': '',
    };
    const { result } = await evaluate(
      files,
      'f4-backing-services.urls-from-env',
    );
    expect(result.verdict).toBe('unknown');
    expect(
      (await evaluate(files, 'f4-backing-services.swappable')).result.verdict,
    ).toBe('unknown');
  });
});

describe('backing-service addresses by setting name', () => {
  it("reads Kafka's security protocols (PLAINTEXT://, SASL_SSL://) as a transport, the setting's name telling what is behind it", () => {
    expect(classify('kafka.bootstrap.servers', 'plaintext')).toEqual({
      kind: 'broker',
      tech: 'kafka',
    });
    expect(classify('KAFKA_BROKERS', 'sasl_ssl')).toEqual({
      kind: 'broker',
      tech: 'kafka',
    });
    // An unknown scheme still says nothing.
    expect(classify('KAFKA_BROKERS', 'foo')).toBeUndefined();
  });
});
