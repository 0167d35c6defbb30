import { clusterOf } from '../../__testUtils__';
import {
  evaluateCheckWithConfig as evaluate,
  scoreExample,
} from '../../__testUtils__/configLiterals';

/** A Deployment with the given container fields (YAML, indented for the container), and optional pod-spec fields. */
function deployment(
  name: string,
  container: string,
  pod = '',
  labels = '',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${labels}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:${pod}
      containers:
        - name: app
          image: registry.example.com/${name}:1.2.3
${container}`;
}

const CM =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc-config\ndata:\n  LOG_LEVEL: info\n';

describe('f3-config.env-based', () => {
  it('passes with a settings class that reads the environment, pointing at it', async () => {
    const { result } = await evaluate(
      {
        'app/config.py':
          'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    DATABASE_URL: str\n',
      },
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'app/config.py',
      startLine: 3,
    });
  });

  it('is partial when most settings are literals in a settings file baked into the image', async () => {
    const { result } = await evaluate(
      {
        'src/main/resources/application.properties':
          'server.port=8080\nspring.datasource.url=jdbc:postgresql://db.corp:5432/app\nspring.datasource.password=${DB_PASSWORD}\napp.mode=batch\napp.output=/data\n',
        'src/main/java/App.java':
          'class App { @Value("${app.mode}") String mode; }\n',
      },
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      '4 literal settings in src/main/resources/application.properties',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'spring.datasource.url=${SPRING_DATASOURCE_URL}',
    );
  });

  it('does not count logging configuration or deploy-tree patches as settings baked into the image', async () => {
    const { result } = await evaluate(
      {
        'users/app.py':
          'import os\nDB = os.environ.get("ACCOUNTS_DB_URI")\nKEY = os.environ.get("PUB_KEY_PATH")\n',
        'users/logging.conf':
          '[loggers]\nkeys=root\n[handlers]\nkeys=console\n[formatters]\nkeys=json\n[logger_root]\nlevel=INFO\nhandlers=console\n',
        'users/k8s/base/add-key-volume.yaml':
          '- op: add\n  path: /spec/template/spec/volumes/-\n  value:\n    name: keys\n    secret:\n      secretName: jwt-key\n',
      },
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('pass');
  });

  it('fails when nothing reads the environment, with a settings module for the language', async () => {
    const { result } = await evaluate(
      { 'main.py': 'PORT = 8000\nprint(PORT)\n' },
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet).toMatchObject({ language: 'python' });
    expect(result.remediation?.snippet?.content).toContain('BaseSettings');
  });

  it('passes when a kustomization mounts Spring configuration files from a ConfigMap at /workspace/config, and is partial without the mount', async () => {
    const files = (mount: string) => ({
      'src/main/resources/application.yml':
        'server:\n  port: 9001\nspring:\n  application:\n    name: catalog\n  datasource:\n    username: user\n    url: jdbc:postgresql://localhost:5432/catalog\npolar:\n  greeting: hello\n',
      'k8s/application.yml':
        'spring:\n  datasource:\n    url: jdbc:postgresql://polar-postgres/catalog\n',
      'k8s/kustomization.yml':
        'resources:\n  - deployment.yml\nconfigMapGenerator:\n  - name: catalog-config\n    files:\n      - application.yml\n',
      'k8s/deployment.yml': deployment(
        'catalog',
        mount,
        mount
          ? '\n      volumes:\n        - name: config\n          configMap: {name: catalog-config}'
          : '',
      ),
    });
    const { result } = await evaluate(
      files(
        '          volumeMounts:\n            - {name: config, mountPath: /workspace/config}\n',
      ),
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toMatch(
      /ConfigMap catalog-config-\w+ at \/workspace\/config \(from k8s\/application\.yml\), overriding the defaults baked into src\/main\/resources\/application\.yml/,
    );
    expect(
      (await evaluate(files(''), 'f3-config.env-based')).result.verdict,
    ).toBe('partial');
  });

  it('is unknown without code or settings', async () => {
    const { result } = await evaluate(
      { 'README.md': '# x' },
      'f3-config.env-based',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no source code/);
  });
});

describe('f3-config.configmap', () => {
  it('passes when the workloads load a ConfigMap', async () => {
    const files = {
      'k8s/cm.yaml': CM,
      'k8s/deploy.yaml': deployment(
        'svc',
        '          envFrom:\n            - configMapRef: {name: svc-config}\n',
      ),
    };
    const { result } = await evaluate(files, 'f3-config.configmap');
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('svc-config');
  });

  it('is partial with literal env values, pointing at their lines, with a ConfigMap written from them', async () => {
    const env =
      '          env:\n            - name: LOG_LEVEL\n              value: debug\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n';
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.configmap',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        path: 'k8s/deploy.yaml',
        startLine: 16,
        target: 'k8s',
      }),
    ]);
    const snippet = result.remediation!.snippet!.content;
    expect(snippet).toContain('name: svc-config');
    expect(snippet).toContain('LOG_LEVEL: debug');
    expect(snippet).not.toContain('DB_PASSWORD');
    expect(snippet).toContain('configMapRef');
  });

  it('fails without ConfigMap and env', async () => {
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', '') },
      'f3-config.configmap',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain('name: svc-config');
  });

  it('judges cluster namespaces too, naming the object and field', async () => {
    const cluster = clusterOf(
      'aks',
      deployment(
        'svc',
        '          env:\n            - {name: MODE, value: fast}\n',
        '',
        '\n  namespace: shop\n  labels: {backstage.io/kubernetes-id: svc}',
      ),
    );
    const { result } = await evaluate(
      { 'main.py': '' },
      'f3-config.configmap',
      { clusters: [cluster] },
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        type: 'cluster-object',
        cluster: 'aks',
        namespace: 'shop',
        kind: 'Deployment',
        name: 'svc',
        fieldPath: 'spec.template.spec.containers[0].env[0]',
      }),
    );
  });

  it('is unknown without manifests or cluster', async () => {
    const { result } = await evaluate({ 'main.py': '' }, 'f3-config.configmap');
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no Kubernetes manifests/);
  });
});

describe('f3-config.secrets', () => {
  it('passes when credentials come from Secrets', async () => {
    const env =
      '          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n';
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('through Secrets (db)');
  });

  it('fails on a literal password in env, without showing it, with a secretKeyRef patch', async () => {
    const env =
      '          env:\n            - name: DB_PASSWORD\n              value: hunter2\n';
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/deploy.yaml',
      startLine: 16,
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(result.remediation?.snippet?.content).toContain('secretKeyRef');
    expect(result.remediation?.snippet?.content).toContain(
      'create secret generic svc-credentials',
    );
  });

  it('fails on a connection string with user:pass@ in a ConfigMap', async () => {
    const files = {
      'k8s/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc-config\ndata:\n  DATABASE_URL: postgres://app:s3cr3t@db:5432/app\n',
      'k8s/deploy.yaml': deployment(
        'svc',
        '          envFrom:\n            - configMapRef: {name: svc-config}\n',
      ),
    };
    const { result } = await evaluate(files, 'f3-config.secrets');
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      note: expect.stringContaining(
        'DATABASE_URL holds a URL with a literal password',
      ),
    });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('does not mistake $(VAR) references for literal credentials', async () => {
    const env =
      '          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n            - name: DATABASE_URL\n              value: postgresql://app:$(DB_PASSWORD)@db:5432/app\n';
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('pass');
  });

  it('does not take a path to a mounted credentials file for a credential', async () => {
    const env =
      '          env:\n            - name: GOOGLE_APPLICATION_CREDENTIALS\n              value: /var/run/secrets/tokens/gcp-ksa/google-application-credentials.json\n          volumeMounts:\n            - name: gcp-ksa\n              mountPath: /var/run/secrets/tokens/gcp-ksa\n';
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('unknown');
    expect(JSON.stringify(result)).not.toContain(
      'GOOGLE_APPLICATION_CREDENTIALS',
    );
  });

  it('fails on a Secret committed with its values, pointing at it and never showing them', async () => {
    const secret =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt-key\ntype: Opaque\ndata:\n  jwtRS256.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3c=\n';
    const pod =
      '\n      volumes:\n        - name: keys\n          secret: {secretName: jwt-key}';
    const { result } = await evaluate(
      {
        'k8s/kustomization.yaml': 'resources: [deploy.yaml, jwt-secret.yaml]\n',
        'k8s/jwt-secret.yaml': secret,
        'k8s/deploy.yaml': deployment('svc', '', pod),
      },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('Secret jwt-key');
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/jwt-secret.yaml',
      startLine: 1,
      note: expect.stringContaining('jwtRS256.key'),
    });
    expect(JSON.stringify(result)).not.toContain('LS0tLS1CRUdJTi');
  });

  it('does not count a Secret manifest whose values are left empty or for a later step', async () => {
    const secret =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: ${DB_PASSWORD}\ndata:\n  token: ""\n';
    const env =
      '          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n';
    const { result } = await evaluate(
      { 'k8s/secret.yaml': secret, 'k8s/deploy.yaml': deployment('svc', env) },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is unknown when no workload reads or holds a credential', async () => {
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', '') },
      'f3-config.secrets',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/reads a Secret or has a credential/);
  });
});

describe('f3-config.no-hardcoded', () => {
  const base = (extra: string) => ({
    'kubernetes/base/kustomization.yaml': `resources: [deploy.yaml]\nconfigMapGenerator:\n  - name: svc-config\n    literals:\n      - LOG_LEVEL=info\n${extra}`,
    'kubernetes/base/deploy.yaml': deployment(
      'svc',
      '          envFrom:\n            - configMapRef: {name: svc-config}\n',
    ),
    'kubernetes/overlays/dev/kustomization.yaml':
      'resources: [../../base]\nconfigMapGenerator:\n  - name: svc-config\n    behavior: merge\n    literals:\n      - API_URL=https://api.dev.example.com\n',
    'kubernetes/overlays/prod/kustomization.yaml':
      'resources: [../../base]\nconfigMapGenerator:\n  - name: svc-config\n    behavior: merge\n    literals:\n      - API_URL=https://api.prod.example.com\n',
  });

  it('passes when environment hosts live in their overlays and only loopback and bind-all IPs appear', async () => {
    const files = {
      ...base('      - BIND_ADDRESS=0.0.0.0\n'),
      'app/config.py': 'BIND = "0.0.0.0"\nLOCAL = "http://127.0.0.1:8000"\n',
      // Allow-lists name IPs that are not reached: not addresses to move into configuration.
      'kubernetes/base/ingress.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: svc\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.1,10.0.0.2\nspec:\n  rules: []\n',
    };
    const { result } = await evaluate(files, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('pass');
  });

  it('counts a private IP that a host setting or a URL reaches, in a manifest and as a code default', async () => {
    const files = {
      ...base('      - CACHE_HOST=10.0.0.7\n'),
      'app/db.py':
        'import os\nDB_HOST = os.getenv("DB_HOST", "192.168.10.5")\nREPORTS = "http://172.16.4.2:8081/api"\n',
    };
    const { result } = await evaluate(files, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('partial');
    const notes = result.evidence.map(
      e => `${(e as any).path}:${(e as any).startLine} ${e.note}`,
    );
    expect(notes).toEqual(
      expect.arrayContaining([
        'kubernetes/base/kustomization.yaml:6 CACHE_HOST: private IP 10.0.0.7',
        'app/db.py:2 DB_HOST: private IP 192.168.10.5',
        'app/db.py:3 REPORTS: private IP 172.16.4.2',
      ]),
    );
  });

  it('leaves private IPs of laptop files alone', async () => {
    const files = {
      ...base(''),
      '.env': 'DB_HOST=192.168.1.20\n',
      'docker-compose.yml':
        'services:\n  app:\n    environment:\n      REDIS_URL: redis://192.168.1.21:6379\n',
    };
    const { result } = await evaluate(files, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('pass');
  });

  it('is partial for a public IP, with file and line', async () => {
    const { result } = await evaluate(
      base('      - CORS_ORIGINS=http://20.1.2.3:8080\n'),
      'f3-config.no-hardcoded',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('20.1.2.3');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        path: 'kubernetes/base/kustomization.yaml',
        startLine: 6,
        note: 'CORS_ORIGINS: public IP 20.1.2.3',
      }),
    ]);
    expect(result.remediation?.snippet).toMatchObject({
      path: 'kubernetes/overlays/<env>/kustomization.yaml',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'CORS_ORIGINS=<value for this environment>',
    );
  });

  it('is partial for a production hostname in the shared base and in a dev env file', async () => {
    const files = {
      ...base('      - CDN=https://cdn-prod.example.com\n'),
      '.env.development': 'CDN=https://cdn-prod.example.com\n',
      '.env.production': 'CDN=https://cdn-prod.example.com\n',
    };
    const { result } = await evaluate(files, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('partial');
    expect(result.evidence.map(e => (e as any).path).sort()).toEqual([
      '.env.development',
      'kubernetes/base/kustomization.yaml',
    ]);
  });

  it('fails with many literals', async () => {
    const ips = Array.from(
      { length: 6 },
      (_, i) => `      - HOST_${i}=http://52.0.0.${i + 1}\n`,
    ).join('');
    const { result } = await evaluate(base(ips), 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(/^Many/);
  });

  it('fails when credentials are hard-coded in deployed config, but ignores local-only files', async () => {
    const local = {
      '.env.local': 'DB_PASSWORD=devpass\n',
      'docker-compose.yml':
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: devpass\n',
    };
    expect(
      (await evaluate({ ...base(''), ...local }, 'f3-config.no-hardcoded'))
        .result.verdict,
    ).toBe('pass');
    const { result } = await evaluate(
      {
        ...base(''),
        ...local,
        'src/main/resources/application.properties':
          'spring.datasource.password=prodpass\n',
      },
      'f3-config.no-hardcoded',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/resources/application.properties',
      startLine: 1,
    });
    expect(JSON.stringify(result)).not.toContain('prodpass');
  });

  it('does not take a request read for a credential in code, but does a connection string literal', async () => {
    const handler = [
      'def create_user():',
      '    req = {k: bleach.clean(v) for k, v in request.form.items()}',
      "    password = req['password']",
      '',
      'def login():',
      "    password = bleach.clean(request.args.get('password'))",
      '    return check(password)',
      '',
    ].join('\n');
    const clean = await evaluate(
      { ...base(''), 'app/userservice.py': handler },
      'f3-config.no-hardcoded',
    );
    expect(clean.result.verdict).toBe('pass');
    const { result } = await evaluate(
      {
        ...base(''),
        'app/userservice.py': `${handler}DSN = "host=db user=app password=s3cret dbname=app"\n`,
      },
      'f3-config.no-hardcoded',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence).toEqual([
      expect.objectContaining({ path: 'app/userservice.py', startLine: 8 }),
    ]);
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });

  it('reads ConfigMaps of the cluster against the namespace environment', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc-config\n  namespace: shop-dev\ndata:\n  API_URL: https://api.prod.example.com\n';
    const d = deployment(
      'svc',
      '          envFrom:\n            - configMapRef: {name: svc-config}\n',
      '',
      '\n  namespace: shop-dev\n  labels: {backstage.io/kubernetes-id: svc}',
    );
    const { result } = await evaluate(
      { 'main.py': '' },
      'f3-config.no-hardcoded',
      { clusters: [clusterOf('aks', `${cm}---\n${d}`)] },
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        type: 'cluster-object',
        namespace: 'shop-dev',
        kind: 'ConfigMap',
        fieldPath: 'data.API_URL',
      }),
    ]);
  });

  it('is unknown without the repository', async () => {
    const { result } = await evaluate(undefined, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('unknown');
  });
});

describe('f3-config.per-env-files', () => {
  const overlays = (prodConfig: string) => ({
    'kubernetes/base/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'kubernetes/base/deploy.yaml': deployment('svc', ''),
    'kubernetes/overlays/dev/kustomization.yaml':
      'resources: [../../base]\nconfigMapGenerator:\n  - name: svc-config\n    literals: [LOG_LEVEL=debug]\n',
    'kubernetes/overlays/prod/kustomization.yaml': `resources: [../../base]\n${prodConfig}`,
  });

  it('passes when every overlay sets its own configuration', async () => {
    const { result } = await evaluate(
      overlays(
        'configMapGenerator:\n  - name: svc-config\n    literals: [LOG_LEVEL=warn]\n',
      ),
      'f3-config.per-env-files',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence.map(e => (e as any).path)).toEqual([
      'kubernetes/overlays/dev/kustomization.yaml',
      'kubernetes/overlays/prod/kustomization.yaml',
    ]);
  });

  it('is partial when an environment has no configuration of its own, with an overlay for it', async () => {
    const { result } = await evaluate(overlays(''), 'f3-config.per-env-files');
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'No per-environment configuration for prod',
    );
    expect(result.remediation?.snippet).toMatchObject({
      path: 'kubernetes/overlays/prod/kustomization.yaml',
    });
  });

  it('is partial for one configuration for all environments; a local profile does not count', async () => {
    const { result } = await evaluate(
      {
        'k8s/deploy.yaml': deployment('svc', ''),
        'src/main/resources/application-local.properties': 'a=b\n',
      },
      'f3-config.per-env-files',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('One configuration for all environments');
  });

  it('passes with .env.<env> files for two environments', async () => {
    const { result } = await evaluate(
      { '.env.staging': 'A=1\n', '.env.production': 'A=2\n', 'app.py': '' },
      'f3-config.per-env-files',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is unknown when nothing names or configures an environment', async () => {
    const { result } = await evaluate(
      { 'app.py': 'print(1)\n' },
      'f3-config.per-env-files',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f3-config.secret-store', () => {
  const spc =
    'apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata:\n  name: svc-kv\nspec:\n  provider: azure\n';
  const readsSecret =
    '          envFrom:\n            - secretRef: {name: app-secrets}\n';

  it('passes when a pod mounts the SecretProviderClass', async () => {
    const pod =
      '\n      volumes:\n        - name: kv\n          csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: svc-kv}}';
    const { result } = await evaluate(
      {
        'k8s/spc.yaml': spc,
        'k8s/deploy.yaml': deployment('svc', readsSecret, pod),
      },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('mounts SecretProviderClass svc-kv');
  });

  it('passes when the Secret a workload reads is written by an ExternalSecret', async () => {
    const es =
      'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: svc\nspec:\n  target: {name: app-secrets}\n';
    const { result } = await evaluate(
      { 'k8s/es.yaml': es, 'k8s/deploy.yaml': deployment('svc', readsSecret) },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial when the store is configured but not mounted, with a CSI volume patch for the workload', async () => {
    const { result } = await evaluate(
      {
        'k8s/spc.yaml': spc,
        'k8s/deploy.yaml': deployment('svc', readsSecret),
      },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/spc.yaml',
      note: expect.stringContaining('not mounted'),
    });
    expect(result.remediation?.snippet?.content).toContain(
      'secretProviderClass: svc-kv',
    );
    expect(result.remediation?.snippet?.content).toContain('name: svc');
  });

  it('is partial with only plain Secrets, suggesting ExternalSecrets that keep the Secret names', async () => {
    const { result } = await evaluate(
      { 'k8s/deploy.yaml': deployment('svc', readsSecret) },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet?.content).toContain(
      'kind: ExternalSecret',
    );
    expect(result.remediation?.snippet?.content).toContain('name: app-secrets');
  });

  it('fails on a Secret with values committed to the repository', async () => {
    const secret =
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\ndata:\n  TOKEN: c2VjcmV0\n';
    const { result } = await evaluate(
      {
        'k8s/secret.yaml': secret,
        'k8s/deploy.yaml': deployment('svc', readsSecret),
      },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({ path: 'k8s/secret.yaml' });
  });

  it('fails on credentials in a deployed env file, but not in local-only ones', async () => {
    const files = {
      'k8s/deploy.yaml': deployment('svc', readsSecret),
      '.env.local': 'API_KEY=local-key\n',
    };
    expect(
      (await evaluate(files, 'f3-config.secret-store')).result.verdict,
    ).toBe('partial');
    const { result } = await evaluate(
      { ...files, '.env.prod': 'API_KEY=live-key\n' },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: '.env.prod',
      startLine: 1,
    });
    expect(JSON.stringify(result)).not.toContain('live-key');
  });

  it('does not take a credentials file path or a request read for a committed credential', async () => {
    const { result } = await evaluate(
      {
        'k8s/deploy.yaml': deployment('svc', readsSecret),
        '.env.prod':
          'GOOGLE_APPLICATION_CREDENTIALS=/var/run/secrets/tokens/gcp-ksa/google-application-credentials.json\n',
        'app/main.py':
          "password = request.args.get('password')\ncredentials = '/var/run/secrets/sa.json'\n",
      },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('partial');
  });

  it('is unknown without manifests, cluster or committed credentials', async () => {
    const { result } = await evaluate(
      { 'main.py': '' },
      'f3-config.secret-store',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f3-config on the examples', () => {
  it('auto-builder-cms: the hard-coded IP is shown at its three lines', async () => {
    const { card } = await scoreExample('auto-builder-cms');
    const r = card.results.find(x => x.checkId === 'f3-config.no-hardcoded')!;
    expect(
      r.evidence
        .filter(e => e.type === 'file')
        .map(e => `${(e as any).path}:${(e as any).startLine}`),
    ).toEqual([
      'kubernetes/base/configmap.yaml:14',
      'src/app/config/config.py:30',
      'src/app/config/config.py:31',
    ]);
  });
});

describe('f3-config and material that is not the service’s own', () => {
  it('leaves a local observability stack and test fixtures out of the hard-coded addresses, and says so', async () => {
    const files = {
      'k8s/deploy.yaml': deployment(
        'svc',
        '          envFrom:\n            - configMapRef: {name: svc-config}\n',
      ),
      'otel/docker-compose.yml':
        'services:\n  collector:\n    image: otel/opentelemetry-collector-contrib:0.100.0\n',
      'otel/collector.yaml':
        'exporters:\n  otlphttp:\n    endpoint: http://34.120.10.10:4318\n',
      'tests/fixtures/settings.yaml': 'api:\n  url: http://52.1.2.3/v1\n',
    };
    const { result } = await evaluate(files, 'f3-config.no-hardcoded');
    expect(result.verdict).toBe('pass');
    const notes = result.evidence.map(e => e.note);
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^left out: otel\/.*local observability stack/),
        expect.stringMatching(
          /^left out: tests\/fixtures\/settings\.yaml \(test material\)/,
        ),
      ]),
    );
    // The same addresses in the service's own configuration count.
    const own = await evaluate(
      { ...files, 'config/settings.yaml': 'api:\n  url: http://52.1.2.3/v1\n' },
      'f3-config.no-hardcoded',
    );
    expect(own.result.verdict).toBe('partial');
  });
});
