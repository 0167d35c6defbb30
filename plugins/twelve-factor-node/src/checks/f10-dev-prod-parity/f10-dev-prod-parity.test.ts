import { stringify } from 'yaml';
import { evaluateCheck, serviceEntity, snapshotOf } from '../../__testUtils__';
import { createTwelveFactorEngine } from '../../engine/createEngine';
import { builtInExtractors } from '../../facts';
import {
  runtimeHintsExtractor,
  runtimeHintsFactRef,
} from '../../facts/runtimeHints';

const docs = (...objects: object[]) =>
  objects.map(o => stringify(o)).join('---\n');

function deployment(
  name: string,
  opts: {
    image?: string;
    ports?: number[];
    command?: string[];
    env?: Record<string, string>;
  } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name,
              image: opts.image ?? 'registry.example.com/shop:1.0.0',
              ...(opts.command ? { command: opts.command } : {}),
              ...(opts.ports
                ? {
                    ports: opts.ports.map(containerPort => ({ containerPort })),
                  }
                : {}),
              ...(opts.env
                ? {
                    env: Object.entries(opts.env).map(([n, value]) => ({
                      name: n,
                      value,
                    })),
                  }
                : {}),
            },
          ],
        },
      },
    },
  };
}
const service = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }] },
});
const redis = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'redis' },
  spec: {
    selector: { matchLabels: { app: 'redis' } },
    template: {
      metadata: { labels: { app: 'redis' } },
      spec: { containers: [{ name: 'redis', image: 'redis:7.4' }] },
    },
  },
};
const DB = { DATABASE_URL: 'postgresql://app@db.example.com:5432/shop' };

/** base + overlays for the named environments; `overlay` adds lines to an overlay's kustomization. */
function kustomizeRepo(
  envs: string[],
  overlay: Record<string, string> = {},
): Record<string, string> {
  const files: Record<string, string> = {
    'deploy/base/app.yaml': docs(
      deployment('shop', { ports: [8080], env: DB }),
      service('shop'),
      deployment('worker', { command: ['celery', '-A', 'shop', 'worker'] }),
      redis,
    ),
    'deploy/base/kustomization.yaml': 'resources:\n  - app.yaml\n',
  };
  for (const env of envs)
    files[
      `deploy/overlays/${env}/kustomization.yaml`
    ] = `namespace: shop-${env}\nresources:\n  - ../../base\n${
      overlay[env] ?? ''
    }`;
  return files;
}

async function evaluateWithHints(
  files: Record<string, string>,
  checkId: string,
) {
  const registered = builtInExtractors.some(
    e => e.ref.id === runtimeHintsFactRef.id,
  );
  const engine = createTwelveFactorEngine({
    customExtractors: registered ? [] : [runtimeHintsExtractor],
  });
  const card = await engine.evaluate({
    entity: serviceEntity(),
    repo: snapshotOf(files),
  });
  return card.results.find(r => r.checkId === checkId)!;
}

const COMPOSE = docs({
  services: {
    shop: {
      build: '.',
      ports: ['8080:8080'],
      environment: {
        DATABASE_URL: 'postgresql://shop:shop@postgres:5432/shop',
      },
    },
    worker: { build: '.', command: 'celery -A shop worker' },
    postgres: { image: 'postgres:16' },
    redis: { image: 'redis:7' },
  },
});

describe('f10-dev-prod-parity.same-stack', () => {
  it('passes when every environment uses the same images and backing-service kinds', async () => {
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['dev', 'prod']), 'docker-compose.yml': COMPOSE },
      'f10-dev-prod-parity.same-stack',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('dev: postgresql, redis; images shop');
    expect(result.summary).toContain('local: postgresql, redis');
  });

  it('is partial when an environment swaps the database (SQLite in dev, PostgreSQL in prod)', async () => {
    const files = {
      '.env.development': 'DATABASE_URL=sqlite:///./dev.db\n',
      '.env.production': 'DATABASE_URL=postgresql://app@db:5432/app\n',
    };
    const { result } = await evaluateCheck(
      files,
      'f10-dev-prod-parity.same-stack',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'dev uses database sqlite where prod uses postgresql',
    );
    expect(result.evidence.map(e => (e as any).path)).toEqual([
      '.env.development',
      '.env.production',
    ]);
    expect(result.remediation?.text).toContain('run postgresql in dev');
  });

  it('is partial when an overlay deploys a different image', async () => {
    const files = kustomizeRepo(['dev', 'prod'], {
      dev: 'images:\n  - name: registry.example.com/shop\n    newName: registry.example.com/shop-debug\n',
    });
    const { result } = await evaluateCheck(
      files,
      'f10-dev-prod-parity.same-stack',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'dev uses image shop-debug where prod uses shop',
    );
  });

  it('is unknown with a single environment', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('shop', { ports: [8080] }),
          service('shop'),
        ),
      },
      'f10-dev-prod-parity.same-stack',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f10-dev-prod-parity.env-overlays', () => {
  it('passes for Kustomize overlays over one base', async () => {
    const { result } = await evaluateCheck(
      kustomizeRepo(['dev', 'prod']),
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      '2 Kustomize overlays (deploy/overlays/dev, deploy/overlays/prod) over one base (deploy/base)',
    );
    expect(result.evidence[0]).toMatchObject({ target: 'deploy/overlays/dev' });
  });

  it('passes for the environment overlays over one base beside a standalone kustomization that is no environment', async () => {
    const { result } = await evaluateCheck(
      {
        ...kustomizeRepo(['dev', 'prod']),
        'kustomize/app.yaml': docs(deployment('shop', { ports: [8080] })),
        'kustomize/kustomization.yaml': 'resources:\n  - app.yaml\n',
      },
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      '2 Kustomize overlays (deploy/overlays/dev, deploy/overlays/prod) over one base (deploy/base)',
    );
  });

  it('passes for a Helm chart rendered with a values file per environment', async () => {
    const chart = {
      'deploy/chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
      'deploy/chart/values.yaml': 'replicas: 1\n',
      'deploy/chart/values-dev.yaml': 'replicas: 1\n',
      'deploy/chart/values-prod.yaml': 'replicas: 3\n',
      'deploy/chart/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Chart.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: shop\n          image: registry.example.com/shop:1.0.0\n',
    };
    const { result } = await evaluateCheck(
      chart,
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'Helm chart deploy/chart with values per environment (dev, prod)',
    );
    const { 'deploy/chart/values-prod.yaml': _prod, ...devOnly } = chart;
    const single = await evaluateCheck(
      devOnly,
      'f10-dev-prod-parity.env-overlays',
    );
    expect(single.result.summary).toBe(
      'One environment only: a Helm chart with one set of values in deploy/chart/values-dev.yaml, no per-environment values files',
    );
  });

  it('is partial for manifests copied per environment', async () => {
    const app = docs(deployment('shop', { ports: [8080] }), service('shop'));
    const { result } = await evaluateCheck(
      { 'k8s/dev/app.yaml': app, 'k8s/prod/app.yaml': app },
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'Environments are copied manifests: Deployment/shop is defined separately in k8s/dev, k8s/prod',
    );
    expect(result.remediation?.snippet?.content).toContain('../../base');
  });

  it('does not take one environment packaged several ways (plain manifests, a release bundle) for copied environments', async () => {
    const app = docs(deployment('shop', { ports: [8080] }), service('shop'));
    const { result } = await evaluateCheck(
      {
        'kubernetes-manifests/shop.yaml': app,
        'kubernetes-manifests/kustomization.yaml': 'resources: [shop.yaml]\n',
        'kustomize/base/shop.yaml': app,
        'kustomize/base/kustomization.yaml': 'resources: [shop.yaml]\n',
        'release/kubernetes-manifests.yaml': app,
      },
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.summary).not.toMatch(/copied manifests/);
    expect(result.summary).toMatch(/^One environment only/);
  });

  it('is partial for a single environment, with a base/overlay layout of its files', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs({
          ...deployment('shop'),
          metadata: { name: 'shop', namespace: 'finance' },
        }),
      },
      'f10-dev-prod-parity.env-overlays',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('One environment only');
    expect(result.remediation?.snippet?.content).toContain('  - app.yaml');
    expect(result.remediation?.snippet?.content).toContain(
      'namespace: finance',
    );
  });

  it('is unknown without manifests', async () => {
    expect(
      (
        await evaluateCheck(
          { 'main.go': 'package main' },
          'f10-dev-prod-parity.env-overlays',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f10-dev-prod-parity.same-database', () => {
  it('passes when dev and prod use the same engine', async () => {
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['dev', 'prod']), 'docker-compose.yml': COMPOSE },
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('postgresql in development');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ path: 'docker-compose.yml' }),
    );
  });

  it("fails when Spring Boot's default profile runs an embedded H2 and production PostgreSQL, even with a compose file offering PostgreSQL", async () => {
    const files = {
      'pom.xml':
        '<project><dependencies><dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope></dependency><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><scope>runtime</scope></dependency></dependencies></project>',
      'src/main/resources/application.properties':
        'spring.jpa.open-in-view=false\n',
      'src/main/resources/application-postgres.properties':
        'spring.datasource.url=${POSTGRES_URL:jdbc:postgresql://localhost/petclinic}\n',
      'docker-compose.yml': docs({
        services: { postgres: { image: 'postgres:16' } },
      }),
      'k8s/app.yaml': docs(
        deployment('petclinic', {
          ports: [8080],
          env: { SPRING_PROFILES_ACTIVE: 'postgres' },
        }),
        service('petclinic'),
        deployment('db', { image: 'postgres:16', ports: [5432] }),
        service('db'),
      ),
    };
    const { result } = await evaluateCheck(
      files,
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(
      /application\.properties uses h2 while production uses postgresql/,
    );
    // With a datasource URL in the default profile, the embedded engine is not what runs.
    const configured = await evaluateCheck(
      {
        ...files,
        'src/main/resources/application.properties':
          'spring.datasource.url=jdbc:postgresql://localhost/petclinic\n',
      },
      'f10-dev-prod-parity.same-database',
    );
    expect(configured.result.verdict).toBe('pass');
  });

  it('fails when local development runs another engine, with a compose service for the production one', async () => {
    const compose = docs({
      services: { app: { build: '.' }, db: { image: 'mysql:8.4' } },
    });
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['prod']), 'docker-compose.yml': compose },
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'docker-compose.yml uses mysql while production uses postgresql',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'image: postgres:16',
    );
    expect(result.remediation?.snippet?.content).toContain('POSTGRES_DB: shop');
  });

  it('passes when the local stack runs the production engine beside an alternative, and engine-named profiles are no environments', async () => {
    const compose = docs({
      services: {
        mysql: { image: 'mysql:8.4' },
        postgres: { image: 'postgres:16' },
      },
    });
    const files = {
      ...kustomizeRepo(['prod']),
      'docker-compose.yml': compose,
      'src/main/resources/application-mysql.properties':
        'spring.datasource.url=jdbc:mysql://localhost/shop\n',
    };
    const result = await evaluateWithHints(
      files,
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('postgresql in development');
    const stack = await evaluateWithHints(
      files,
      'f10-dev-prod-parity.same-stack',
    );
    expect(stack.summary).not.toContain('mysql uses');
    const staging = await evaluateWithHints(
      files,
      'f10-dev-prod-parity.staging',
    );
    expect(staging.summary).not.toContain('mysql');
  });

  it('fails for an in-memory H2 local profile against PostgreSQL in the default profile', async () => {
    const files = {
      'src/main/resources/application.properties':
        'spring.datasource.url=jdbc:postgresql://10.0.0.5:5432/reporting\n',
      'src/main/resources/application-local.properties':
        'spring.datasource.url=jdbc:h2:mem:reporting\n',
      'src/main/resources/application-qa.yml':
        'spring:\n  datasource:\n    url: jdbc:postgresql://qa-db:5432/reporting?user=rep&password=hunter2\n',
    };
    const result = await evaluateWithHints(
      files,
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('fail');
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: 'src/main/resources/application-local.properties',
        startLine: 1,
      }),
    );
    expect(result.remediation?.snippet).toMatchObject({
      path: 'src/main/resources/application-local.properties',
      content: expect.stringContaining(
        'jdbc:postgresql://localhost:5432/reporting',
      ),
    });
  });

  it('is unknown when no environment names a database', async () => {
    const { result } = await evaluateCheck(
      { '.env.development': 'REDIS_URL=redis://redis:6379\n' },
      'f10-dev-prod-parity.same-database',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f10-dev-prod-parity.container-dev', () => {
  it('passes when compose starts the production services', async () => {
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['dev', 'prod']), 'docker-compose.yml': COMPOSE },
      'f10-dev-prod-parity.container-dev',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'docker-compose.yml starts the same services as deploy/overlays/prod',
    );
  });

  it('takes a local container of the engine production attaches by address for parity, not an extra', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('api', {
            ports: [8080],
            env: {
              POSTGRES_HOST: 'postgres-postgresql.postgres.svc.cluster.local',
            },
          }),
          service('api'),
        ),
        'docker-compose.yml': docs({
          services: {
            api: { build: '.', ports: ['8080:8080'] },
            db: { image: 'postgres:16' },
          },
        }),
      },
      'f10-dev-prod-parity.container-dev',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial when compose adds tools production does not run, moving them to a profile', async () => {
    const compose = docs({
      services: {
        ...parseServices(COMPOSE),
        pgadmin: { image: 'dpage/pgadmin4:8' },
      },
    });
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['prod']), 'docker-compose.yml': compose },
      'f10-dev-prod-parity.container-dev',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'starts pgadmin (dpage/pgadmin4:8), which production does not run',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'pgadmin:\n    profiles:\n      - tools',
    );
  });

  it('is partial when compose lacks a production process type', async () => {
    const compose = docs({
      services: {
        shop: { build: '.', ports: ['8080:8080'] },
        postgres: { image: 'postgres:16' },
        redis: { image: 'redis:7' },
      },
    });
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['prod']), 'docker-compose.yml': compose },
      'f10-dev-prod-parity.container-dev',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('lacks the worker process');
  });

  it('fails without any container-based set-up, suggesting a compose file from production', async () => {
    const { result } = await evaluateCheck(
      kustomizeRepo(['prod']),
      'f10-dev-prod-parity.container-dev',
    );
    expect(result.verdict).toBe('fail');
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('shop:\n    build: .');
    expect(snippet).toContain('image: postgres:16');
    expect(snippet).toContain('image: redis:7');
  });

  it('passes with Skaffold, and is unknown for compose without production manifests', async () => {
    expect(
      (
        await evaluateCheck(
          {
            ...kustomizeRepo(['prod']),
            'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\n',
          },
          'f10-dev-prod-parity.container-dev',
        )
      ).result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          { 'docker-compose.yml': COMPOSE },
          'f10-dev-prod-parity.container-dev',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f10-dev-prod-parity.staging', () => {
  it('reads the environments GitOps objects deploy (Argo CD Applications per environment)', async () => {
    const app = (name: string, ns: string) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: 'argocd' },
      spec: {
        source: { repoURL: 'https://github.com/org/svc', path: 'helm' },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: ns,
        },
      },
    });
    const { result } = await evaluateCheck(
      {
        'k8s/app.yaml': docs(
          deployment('svc', { ports: [8080] }),
          service('svc'),
        ),
        'argocd/staging.yaml': docs(app('svc-staging', 'staging')),
        'argocd/production.yaml': docs(app('svc-production', 'production')),
      },
      'f10-dev-prod-parity.staging',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('staging');
  });

  it('passes with a staging overlay', async () => {
    const { result } = await evaluateCheck(
      kustomizeRepo(['dev', 'staging', 'prod']),
      'f10-dev-prod-parity.staging',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      target: 'deploy/overlays/staging',
    });
  });

  it('passes with a pre-production CI environment', async () => {
    const ci = docs({
      on: 'push',
      jobs: {
        uat: {
          'runs-on': 'ubuntu-latest',
          environment: 'uat',
          steps: [{ run: 'kubectl apply -k deploy/overlays/prod' }],
        },
      },
    });
    const { result } = await evaluateCheck(
      { ...kustomizeRepo(['prod']), '.github/workflows/deploy.yml': ci },
      'f10-dev-prod-parity.staging',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('uat');
  });

  it('fails with only dev and prod, suggesting a staging overlay over the same base', async () => {
    const { result } = await evaluateCheck(
      kustomizeRepo(['dev', 'prod']),
      'f10-dev-prod-parity.staging',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'No staging or pre-production environment; found only dev, prod',
    );
    expect(result.remediation?.snippet).toMatchObject({
      path: 'deploy/overlays/staging/kustomization.yaml',
      content: expect.stringContaining('namespace: shop-staging'),
    });
    expect(result.remediation?.snippet?.content).toContain('  - ../../base');
    expect(result.remediation?.text).toContain('waiver');
  });

  it('is unknown when nothing names an environment', async () => {
    expect(
      (
        await evaluateCheck(
          { 'main.py': 'print(1)' },
          'f10-dev-prod-parity.staging',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

function parseServices(compose: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml').parse(compose).services;
}
