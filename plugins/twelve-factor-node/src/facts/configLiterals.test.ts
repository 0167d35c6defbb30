import {
  environmentOf,
  environmentOfName,
  findAddresses,
  hostEnvironment,
  ipClassOf,
  isCredentialName,
  normalizeEnvironment,
  roleOf,
  scanConfigFile,
} from './configLiterals';

describe('config literals', () => {
  it('classifies IPv4 addresses', () => {
    expect(
      [
        '20.249.205.59',
        '10.1.2.3',
        '172.20.0.1',
        '192.168.1.1',
        '127.0.0.1',
        '0.0.0.0',
        '169.254.169.254',
        '255.255.255.0',
        '300.1.1.1',
      ].map(ipClassOf),
    ).toEqual([
      'public',
      'private',
      'private',
      'private',
      'loopback',
      'unspecified',
      'link-local',
      'reserved',
      undefined,
    ]);
  });

  it('finds URLs (masking passwords), bare IPs but not CIDRs or versions, and hosts of host-named keys', () => {
    expect(
      findAddresses(
        'DATABASE_URL=postgres://app:s3cret@db.prod.internal:5432/app',
        'DATABASE_URL',
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'url',
        host: 'db.prod.internal',
        scheme: 'postgres',
        literalPassword: true,
        value: 'postgres://app:***@db.prod.internal:5432',
      }),
    ]);
    expect(
      findAddresses(
        'url: postgresql://$(DB_USER):$(DB_PASSWORD)@$(DB_HOST):5432/x',
      ),
    ).toEqual([]);
    expect(
      findAddresses(
        'spring.datasource.url=jdbc:postgresql://10.2.3.4:5432/r',
      )[0],
    ).toMatchObject({ scheme: 'postgresql', ipClass: 'private' });
    expect(findAddresses('cidr: 0.0.0.0/0 except 10.0.0.0/8')).toEqual([]);
    expect(findAddresses('__version__ = "1.2.3.4"', '__version__')).toEqual([]);
    expect(findAddresses('upstream 52.1.2.3;')).toEqual([
      expect.objectContaining({ kind: 'ip', ipClass: 'public' }),
    ]);
    expect(
      findAddresses(
        'spring.mail.host=smtp.corp.example.com',
        'spring.mail.host',
      ),
    ).toEqual([
      expect.objectContaining({ kind: 'host', host: 'smtp.corp.example.com' }),
    ]);
    expect(findAddresses('Addr: cfg.HTTPAddr,', 'Addr', true)).toEqual([]);
  });

  it('finds every URL of a line, whatever comes before the first', () => {
    const found = findAddresses(
      'a:// x, see HTTP://Api.Example.com:80/x and jdbc:mysql://10.0.0.5/db or x.y://z',
      'URLS',
    );
    expect(found.map(a => [a.kind, a.host, a.scheme, a.ipClass])).toEqual([
      ['url', 'Api.Example.com', 'http', undefined],
      ['url', '10.0.0.5', 'mysql', 'private'],
      ['url', 'z', 'x.y', undefined],
    ]);
    // The IP of a URL is not found again as a bare IP; a host setting counts only without other addresses.
    expect(
      findAddresses('DB_HOST=10.0.0.5 redis://cache:6379', 'DB_HOST').map(
        a => a.kind,
      ),
    ).toEqual(['url', 'ip']);
    expect(
      findAddresses('DB_HOST=db.internal.example.com', 'DB_HOST').map(
        a => a.kind,
      ),
    ).toEqual(['host']);
  });

  it('names the environment of hosts, files and namespaces', () => {
    expect(
      [
        'cdn-prod.example.com',
        'api.staging.example.com',
        'svc.ns.svc.cluster.local',
        'sandbox.psp.example.net',
      ].map(hostEnvironment),
    ).toEqual(['prod', 'staging', undefined, undefined]);
    expect(environmentOf('.env.development', 'env-file')).toEqual({
      environment: 'dev',
      local: true,
    });
    expect(environmentOf('.env.prod', 'env-file')).toEqual({
      environment: 'prod',
      local: false,
    });
    expect(environmentOf('.env', 'env-file')).toEqual({
      environment: 'local',
      local: true,
    });
    expect(
      environmentOf('kubernetes/overlays/prd/kustomization.yaml', 'manifest'),
    ).toEqual({ environment: 'prod', local: false });
    expect(
      environmentOf(
        'src/main/resources/application-local.properties',
        'app-config',
      ),
    ).toEqual({ environment: 'local', local: true });
    expect(environmentOf('src/dev_tools/server.py', 'source')).toEqual({
      local: false,
    });
    expect(environmentOf('config/app.prod.', 'app-config')).toEqual({
      environment: 'prod',
      local: false,
    });
    expect(environmentOf('deploy/qa/app', 'manifest')).toEqual({
      environment: 'qa',
      local: false,
    });
    expect(
      ['team-PRD_east', 'a..b--stg', 'local', ''].map(environmentOfName),
    ).toEqual(['prod', 'staging', 'local', undefined]);
    expect(['db.local.prod.example.com', 'local'].map(hostEnvironment)).toEqual(
      ['prod', undefined],
    );
    // Names of Object.prototype's members are no environments.
    expect(
      ['constructor', 'app-toString', 'svc.__proto__.example.com'].map(
        environmentOfName,
      ),
    ).toEqual([undefined, undefined, undefined]);
    expect(normalizeEnvironment('hasOwnProperty')).toBeUndefined();
  });

  it('decides which files carry configuration', () => {
    expect(roleOf('src/app/config.py', '')).toBe('source');
    expect(roleOf('src/app/config.test.ts', '')).toBeUndefined();
    expect(roleOf('tests/conftest.py', '')).toBeUndefined();
    expect(roleOf('k8s/app.yaml', 'apiVersion: v1\nkind: ConfigMap\n')).toBe(
      'manifest',
    );
    expect(roleOf('config/settings.yaml', 'db:\n  host: x\n')).toBe(
      'app-config',
    );
    expect(roleOf('deploy/applications.yaml', 'kind: Application\n')).toBe(
      'manifest',
    );
    expect(roleOf('.github/workflows/ci.yml', 'on: push\n')).toBeUndefined();
    expect(roleOf('.env.example', '')).toBeUndefined();
    expect(roleOf('pip.conf', '')).toBeUndefined();
    expect(
      roleOf('backend/alembic.ini', 'sqlalchemy.url = x\n'),
    ).toBeUndefined();
    // Dotfiles configure tools.
    expect(
      roleOf('.codecov.yml', 'coverage:\n  range: 70..100\n'),
    ).toBeUndefined();
    expect(roleOf('.env.production', 'A=b\n')).toBe('env-file');
    // Translations are texts, not settings.
    expect(
      roleOf('ui/src/locales/common.yaml', 'login:\n  password: Password\n'),
    ).toBeUndefined();
    // Build tooling, workspace set-up and translated texts are no settings of the service.
    expect(
      roleOf('.mvn/wrapper/maven-wrapper.properties', 'distributionUrl=x'),
    ).toBeUndefined();
    expect(roleOf('.gitpod.yml', 'tasks: []\n')).toBeUndefined();
    expect(
      roleOf('src/main/resources/messages/messages_de.properties', 'a=b'),
    ).toBeUndefined();
    expect(roleOf('src/main/resources/app.properties', 'a=b')).toBe(
      'app-config',
    );
    // A patch of a deploy tree has no kind: it is deploy configuration all the same.
    expect(
      roleOf(
        'src/users/k8s/base/add-key-volume.yaml',
        '- op: add\n  path: /spec/template/spec/volumes/-\n',
      ),
    ).toBe('manifest');
    expect(roleOf('charts/api/ci/values-test.yaml', 'replicaCount: 1\n')).toBe(
      'manifest',
    );
  });

  it('decides by the text where the path alone does not (and remembers only the path)', () => {
    expect(
      roleOf('src/main/resources/application.yml', 'server:\n  port: 8080\n'),
    ).toBe('app-config');
    expect(
      roleOf('src/main/resources/application.yml', 'kind: ConfigMap\n'),
    ).toBe('manifest');
    expect(
      roleOf('src/main/resources/application.yml', 'spring:\n  x: 1\n'),
    ).toBe('app-config');
    expect(roleOf('.github/application.yml', 'a: 1\n')).toBe('app-config');
    expect(roleOf('.github/application.yml', 'kind: Job\n')).toBeUndefined();
    expect(roleOf('config/application.properties', 'kind: x\n')).toBe(
      'app-config',
    );
  });

  it('tells credential names from look-alikes', () => {
    expect(
      [
        'DB_PASSWORD',
        'JWT_SECRET_KEY',
        'OPENAI_API_KEY',
        'GITHUB_TOKEN',
        'spring.datasource.password',
      ].every(isCredentialName),
    ).toBe(true);
    expect(
      [
        'JWT_PUBLIC_KEY',
        'ACCESS_TOKEN_EXPIRE_MINUTES',
        'SSH_KEY_PATH',
        'key',
        'secretName',
        'CACHE_KEY_PREFIX',
        // Names of states and errors.
        'BROKEN_CREDENTIALS',
        'INVALID_TOKEN',
        'missing_api_key',
      ].some(isCredentialName),
    ).toBe(false);
    expect(
      ['db_password', 'Api-Key', 'client.secret', 'credentials', 'PWD'].every(
        isCredentialName,
      ),
    ).toBe(true);
    expect(['', 'passwords', 'tokens_url'].some(isCredentialName)).toBe(false);
  });

  it('scans a manifest: only configuration kinds, env names for value lines, credentials without values', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
spec:
  destination:
    server: https://prod-cluster.example.com
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: DB_PASSWORD
              value: changeme
            - name: API_URL
              value: https://api.prod.example.com
            - name: TOKEN
              valueFrom:
                secretKeyRef:
                  name: s
                  key: token
`;
    const r = scanConfigFile('k8s/all.yaml', text, 'manifest');
    expect(r.literals.map(l => `${l.line} ${l.key} ${l.host}`)).toEqual([
      '18 API_URL api.prod.example.com',
    ]);
    expect(r.credentials).toEqual([
      expect.objectContaining({
        line: 16,
        key: 'DB_PASSWORD',
        form: 'assignment',
      }),
    ]);
    expect(JSON.stringify(r)).not.toContain('changeme');
    expect(r.keyLines).toEqual([
      { path: 'k8s/all.yaml', key: 'DB_PASSWORD', line: 15 },
      { path: 'k8s/all.yaml', key: 'API_URL', line: 17 },
      { path: 'k8s/all.yaml', key: 'TOKEN', line: 19 },
    ]);
  });

  it('scans code: string-literal credentials and addresses, not environment reads', () => {
    const text =
      'import os\nAPI_KEY = "sk-live-123"\nDB = os.getenv("DATABASE_URL", "postgres://localhost/app")\nNAME = "API_KEY"\n';
    const r = scanConfigFile('app/settings.py', text, 'source');
    expect(r.credentials.map(c => `${c.line} ${c.key}`)).toEqual(['2 API_KEY']);
    expect(r.literals).toEqual([
      expect.objectContaining({
        line: 3,
        host: 'localhost',
        envOverride: true,
      }),
    ]);
  });

  it('does not take a yes/no flag named for a password for a credential (ALLOW_EMPTY_PASSWORD: "no")', () => {
    const r = scanConfigFile(
      'k8s/base/redis.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: ALLOW_EMPTY_PASSWORD\n              value: "no"\n            - name: REDIS_PASSWORD\n              value: hunter2hunter2\n',
      'manifest',
    );
    expect(r.credentials.map(c => c.key)).toEqual(['REDIS_PASSWORD']);
  });

  it("does not take a key's name for its value (an ExternalSecret's secretKey: JWT_SECRET)", () => {
    const r = scanConfigFile(
      'environments/dev/kustomization.yaml',
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - patch: |-\n      - secretKey: JWT_SECRET\n        remoteRef:\n          key: app/dev/auth\n      - secretKey: db_password_9f8e7d6c5b\n',
      'manifest',
    );
    expect(r.credentials.map(c => c.line)).toEqual([8]);
  });

  it('takes a generic *_KEY name for a credential only with a secret-shaped value', () => {
    const keys = (text: string) =>
      scanConfigFile('app/settings.py', text, 'source').credentials.map(
        c => `${c.line} ${c.key}`,
      );
    expect(
      keys(
        'CACHE_KEY = "os-message-dismissed"\nSORT_KEY = "name"\nSIGNING_KEY = "dev"\nAPI_KEY = "local"\nHMAC_KEY = "9f8e7d6c5b4a3f2e1d0c"\n',
      ),
    ).toEqual(['3 SIGNING_KEY', '4 API_KEY', '5 HMAC_KEY']);
  });

  it('scans code: hosts that clients are given without a URL', () => {
    const hosts = (path: string, text: string) =>
      scanConfigFile(path, text, 'source')
        .literals.filter(l => l.kind === 'host')
        .map(
          l =>
            `${l.line} ${l.key} ${l.host} ${l.scheme}${
              l.envOverride ? ' env' : ''
            }`,
        );
    expect(
      hosts(
        'vote/app.py',
        'from redis import Redis\nr = Redis(host="redis", db=0)\napp.run(host="0.0.0.0", port=80)\n',
      ),
    ).toEqual(['2 host redis redis']);
    expect(
      hosts(
        'worker/Program.cs',
        'using Npgsql;\nvar pg = OpenDbConnection("Server=db;Username=app;");\nvar r = OpenRedisConnection("redis");\nvar h = Environment.GetEnvironmentVariable("DB_HOST") ?? "db";\n',
      ),
    ).toEqual(['2 Server db postgresql', '3 host redis redis']);
    expect(
      hosts(
        'db.js',
        "const { Pool } = require('pg');\nconst pool = new Pool({\n  host: 'db',\n  port: 5432,\n});\nconst other = { host: process.env.PGHOST };\n",
      ),
    ).toEqual(['3 host db postgresql']);
    // No client named on the line or in the file: a host option is no backing service.
    expect(
      hosts('server.go', 'srv := &http.Server{Addr: "api:8080"}\n'),
    ).toEqual([]);
  });

  it('counts literal and placeholder settings of a settings file', () => {
    const r = scanConfigFile(
      'application.properties',
      '# db\na=1\nb=${B}\nc=\nd=x\n',
      'app-config',
    );
    expect(r.file.settings).toEqual({ literal: 2, placeholder: 1 });
  });
});
