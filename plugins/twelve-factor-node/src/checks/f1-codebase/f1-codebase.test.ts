import type { Entity } from '@backstage/catalog-model';
import { serviceEntity } from '../../__testUtils__';
import { evaluateCheckWithConfig as evaluate } from '../../__testUtils__/configLiterals';

function located(location: string): Entity {
  const e = serviceEntity();
  return {
    ...e,
    metadata: {
      ...e.metadata,
      annotations: {
        ...e.metadata.annotations,
        'backstage.io/source-location': `url:${location}`,
      },
    },
  };
}

const GHA =
  'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n';
const deploy = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0.0\n`;

describe('f1-codebase.version-control', () => {
  it('passes with a source location and CI, naming both', async () => {
    const { result } = await evaluate(
      { '.github/workflows/ci.yml': GHA },
      'f1-codebase.version-control',
      { entity: located('https://github.com/org/svc/tree/main/') },
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('GitHub Actions');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        type: 'catalog',
        field: 'metadata.annotations["backstage.io/source-location"]',
        value: 'https://github.com/org/svc/tree/main/',
      }),
      expect.objectContaining({
        type: 'file',
        path: '.github/workflows/ci.yml',
      }),
    ]);
  });

  it('is partial without CI, suggesting a pipeline for the VCS host', async () => {
    const { result } = await evaluate(
      { 'go.mod': 'module x\n', 'main.go': 'package main\n' },
      'f1-codebase.version-control',
      { entity: located('https://gitlab.com/org/svc') },
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet).toMatchObject({
      path: '.gitlab-ci.yml',
    });
    expect(result.remediation?.snippet?.content).toContain('go test ./...');
  });

  it('fails without a source location when no repository was read either, with the annotation to add', async () => {
    const { result } = await evaluate(undefined, 'f1-codebase.version-control');
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain(
      'backstage.io/source-location: url:https://github.com/<org>/svc/tree/main/',
    );
  });

  it('passes a repository read without an entity location when it has CI: what is read is in version control', async () => {
    // The CLI without a catalog file, or a configured mirror: the entity names no location, the repository is there.
    const { result } = await evaluate(
      { '.github/workflows/ci.yml': GHA },
      'f1-codebase.version-control',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('GitHub Actions');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        type: 'file',
        path: '.github/workflows/ci.yml',
      }),
      expect.objectContaining({
        type: 'catalog',
        note: expect.stringContaining('judged from the repository'),
      }),
    ]);
    expect(result.remediation).toBeUndefined();
  });

  it('is partial for a repository read without an entity location and without CI, never fail', async () => {
    const { result } = await evaluate(
      { 'go.mod': 'module x\n', 'main.go': 'package main\n' },
      'f1-codebase.version-control',
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet?.content).toContain('go test ./...');
  });

  it('is unknown when the repository cannot be read to look for CI', async () => {
    const { result } = await evaluate(
      undefined,
      'f1-codebase.version-control',
      { entity: located('https://github.com/org/svc') },
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f1-codebase.one-app-one-repo', () => {
  it('passes when compose services share the one image of the repository', async () => {
    const compose =
      'services:\n  api:\n    build: .\n  worker:\n    build: .\n    command: worker\n  redis:\n    image: redis:7\n';
    const { result } = await evaluate(
      { Dockerfile: 'FROM alpine\n', 'docker-compose.yml': compose },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain(
      'compose services api, worker run the same image',
    );
  });

  it('is partial when another app is built from the same repository without its own build', async () => {
    const compose = 'services:\n  api:\n    build: .\n  ui:\n    build: ./ui\n';
    const { result } = await evaluate(
      {
        Dockerfile: 'FROM alpine\n',
        'ui/Dockerfile': 'FROM nginx\n',
        'docker-compose.yml': compose,
      },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('ui/');
    expect(result.evidence.map(e => (e as any).path)).toEqual([
      'Dockerfile',
      'ui/Dockerfile',
    ]);
    expect(result.remediation?.snippet?.content).toContain('context: ');
  });

  it('passes for a monorepo whose apps each have their own CI build', async () => {
    const gha =
      'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t api api/ && docker push api\n      - uses: docker/build-push-action@v6\n        with:\n          context: ui\n          push: true\n';
    const { result } = await evaluate(
      {
        'api/Dockerfile': 'FROM alpine\n',
        'ui/Dockerfile': 'FROM nginx\n',
        '.github/workflows/b.yml': gha,
      },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.verdict).toBe('pass');
  });

  it('does not count the images of a dev container, a test folder or a test compose stack as other apps', async () => {
    const { result } = await evaluate(
      {
        Dockerfile: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
        '.devcontainer/Dockerfile':
          'FROM mcr.microsoft.com/devcontainers/base\n',
        'tests/Dockerfile': 'FROM node:22-slim\nCMD ["npm", "test"]\n',
        'docker-compose.test.yml':
          'services:\n  sut:\n    build: ./e2e-runner\n  app:\n    build: .\n',
      },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'The repository builds one deployable, from the repository root',
    );
  });

  it('does not count a Dockerfile.dev as another app', async () => {
    expect(
      (
        await evaluate(
          { Dockerfile: 'FROM alpine\n', 'Dockerfile.dev': 'FROM alpine\n' },
          'f1-codebase.one-app-one-repo',
        )
      ).result.verdict,
    ).toBe('pass');
  });

  it('is unknown with several dependency manifests and no container build', async () => {
    const { result } = await evaluate(
      {
        'api/requirements.txt': 'fastapi==1.0\n',
        'web/package.json': '{"dependencies":{}}',
      },
      'f1-codebase.one-app-one-repo',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('api/, web/');
  });
});

describe('f1-codebase.deploys-per-env', () => {
  it('passes for a Kustomize base with two overlays', async () => {
    const files = {
      'deploy/base/kustomization.yaml': 'resources: [d.yaml]\n',
      'deploy/base/d.yaml': deploy('svc'),
      'deploy/overlays/staging/kustomization.yaml': 'resources: [../../base]\n',
      'deploy/overlays/production/kustomization.yaml':
        'resources: [../../base]\n',
    };
    const { result } = await evaluate(files, 'f1-codebase.deploys-per-env');
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'One base (deploy/base) with per-environment overlays for prod, staging',
    );
  });

  it('is partial for environments kept as copied manifests', async () => {
    const { result } = await evaluate(
      { 'k8s/dev/d.yaml': deploy('svc'), 'k8s/prod/d.yaml': deploy('svc') },
      'f1-codebase.deploys-per-env',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('copies');
    expect(result.remediation?.snippet).toMatchObject({
      path: 'k8s/overlays/prod/kustomization.yaml',
    });
  });

  it('is partial for one environment only', async () => {
    const { result } = await evaluate(
      { 'k8s/d.yaml': deploy('svc') },
      'f1-codebase.deploys-per-env',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('One environment only: k8s');
  });

  it('passes for a Helm chart with values per environment', async () => {
    const files = {
      'chart/Chart.yaml': 'name: svc\n',
      'chart/values.yaml': 'replicas: 1\n',
      'chart/values-dev.yaml': 'replicas: 1\n',
      'chart/values-prod.yaml': 'replicas: 3\n',
    };
    const { result } = await evaluate(files, 'f1-codebase.deploys-per-env');
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('values for dev, prod');
  });

  it('fails without deploy manifests', async () => {
    const { result } = await evaluate(
      { 'main.go': 'package main\n' },
      'f1-codebase.deploys-per-env',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toContain('../../base');
  });
});
