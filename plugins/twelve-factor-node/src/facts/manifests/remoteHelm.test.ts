import { serviceEntity, snapshotOf } from '../../__testUtils__';
import { FactStore } from '../../engine/FactStore';
import { builtInExtractors } from '..';
import { remoteHelmFactRef } from './remoteHelm';
import { scopeScanInput } from '../../sources/scope';

function releasesOf(files: Record<string, string>) {
  const facts = new FactStore(
    new Map(builtInExtractors.map(e => [e.ref.id, e])),
    { entity: serviceEntity('svc'), repo: snapshotOf(files) },
    [],
  );
  // The settings each values file writes are remoteValues' (checks/remoteHelmValues.test.ts).
  return facts.get(remoteHelmFactRef).releases.map(r => ({
    ...r,
    values: r.values.map(({ settings: _settings, ...v }) => v),
  }));
}

const workflow = (run: string, environment?: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${
    environment ? `    environment: ${environment}\n` : ''
  }    steps:\n      - run: |\n${run
    .split('\n')
    .map(l => `          ${l}`)
    .join('\n')}\n`;
const values = 'image:\n  tag: 1.2.3\nreplicaCount: 2\n';

describe('remote Helm releases', () => {
  it('reads a CI helm upgrade of a repository chart with a values file per environment', () => {
    const releases = releasesOf({
      '.github/workflows/deploy.yml': workflow(
        'helm repo add bitnami https://charts.bitnami.com/bitnami\nhelm upgrade --install myapp bitnami/nginx \\\n  --namespace web -f deploy/values-prod.yaml --atomic\nhelm upgrade --install myapp-stg bitnami/nginx --values=deploy/values-staging.yaml',
      ),
      'deploy/values-prod.yaml': values,
      'deploy/values-staging.yaml': values,
    });
    expect(releases).toEqual([
      expect.objectContaining({
        release: 'myapp',
        chart: 'bitnami/nginx',
        via: 'ci',
        path: '.github/workflows/deploy.yml',
        values: [{ path: 'deploy/values-prod.yaml', environment: 'prod' }],
      }),
      expect.objectContaining({
        release: 'myapp-stg',
        values: [
          { path: 'deploy/values-staging.yaml', environment: 'staging' },
        ],
      }),
    ]);
  });

  it("reads an OCI chart, values templated by environment, and the job's environment", () => {
    const releases = releasesOf({
      '.github/workflows/deploy.yml': workflow(
        'helm upgrade app oci://ghcr.io/acme/charts/app --version 1.4.0 -f deploy/values-${ENV}.yaml -f deploy/common.yaml',
        'production',
      ),
      'deploy/values-dev.yaml': values,
      'deploy/values-prod.yaml': values,
      'deploy/common.yaml': values,
    });
    expect(releases).toHaveLength(1);
    expect(releases[0].chart).toBe('oci://ghcr.io/acme/charts/app');
    expect(releases[0].values).toEqual(
      expect.arrayContaining([
        { path: 'deploy/values-dev.yaml', environment: 'dev' },
        { path: 'deploy/values-prod.yaml', environment: 'prod' },
        { path: 'deploy/common.yaml', environment: 'prod' },
      ]),
    );
  });

  it('leaves out charts the repository holds (rendered as charts of their own)', () => {
    expect(
      releasesOf({
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install app ./charts/app -f charts/app/values-prod.yaml\nhelm upgrade --install app2 charts/app\nhelm upgrade --install app3 deploy/helm -f deploy/helm/values-prod.yaml',
        ),
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'charts/app/values-prod.yaml': values,
        // A chart folder whose Chart.yaml CI generates.
        'deploy/helm/values-prod.yaml': values,
      }),
    ).toEqual([]);
  });

  it('reads helmfile releases of a declared repository, with their values files and inline values', () => {
    const releases = releasesOf({
      'helmfile.yaml': `repositories:\n  - name: bitnami\n    url: https://charts.bitnami.com/bitnami\nreleases:\n  - name: web\n    namespace: web\n    chart: bitnami/nginx\n    values:\n      - values/{{ .Environment.Name }}.yaml\n  - name: local\n    chart: ./charts/local\n  - name: cache\n    chart: bitnami/redis\n    values:\n      - replica: {replicaCount: 1}\n`,
      'values/production.yaml': values,
      'values/staging.yaml': values,
    });
    expect(releases).toEqual([
      {
        release: 'web',
        chart: 'bitnami/nginx',
        via: 'helmfile',
        path: 'helmfile.yaml',
        line: 5,
        values: [
          { path: 'values/production.yaml', environment: 'prod' },
          { path: 'values/staging.yaml', environment: 'staging' },
        ],
      },
      {
        release: 'cache',
        chart: 'bitnami/redis',
        via: 'helmfile',
        path: 'helmfile.yaml',
        line: 12,
        values: [{ path: 'helmfile.yaml', line: 15, inline: true }],
      },
    ]);
  });

  it('reads Argo CD Applications of a remote chart: `$values/` files of this repository and inline values', () => {
    const releases = releasesOf({
      'argocd/web-prod.yaml': `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web-prod}\nspec:\n  destination: {namespace: web}\n  sources:\n    - repoURL: https://charts.bitnami.com/bitnami\n      chart: nginx\n      targetRevision: 15.0.0\n      helm:\n        valueFiles:\n          - $values/deploy/web.yaml\n          - values-production.yaml\n    - repoURL: https://github.com/acme/web.git\n      ref: values\n`,
      'argocd/web-dev.yaml': `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web-dev}\nspec:\n  source:\n    repoURL: https://charts.bitnami.com/bitnami\n    chart: nginx\n    helm:\n      values: |\n        replicaCount: 1\n`,
      'deploy/web.yaml': values,
    });
    expect(releases).toEqual([
      {
        release: 'web-dev',
        chart: 'https://charts.bitnami.com/bitnami/nginx',
        via: 'argocd',
        path: 'argocd/web-dev.yaml',
        line: 6,
        values: [
          {
            path: 'argocd/web-dev.yaml',
            line: 9,
            inline: true,
            environment: 'dev',
          },
        ],
      },
      expect.objectContaining({
        release: 'web-prod',
        path: 'argocd/web-prod.yaml',
        values: [{ path: 'deploy/web.yaml', environment: 'prod' }],
      }),
    ]);
  });
});

describe('remote Helm releases of a monorepo member', () => {
  it("keeps the releases with values in the member's share of the repository", () => {
    const { input } = scopeScanInput({
      entity: serviceEntity('a'),
      repo: snapshotOf({
        'services/a/package.json': '{"name": "a"}\n',
        'services/a/index.js': 'console.log(1);\n',
        'services/a/deploy/values-prod.yaml': 'replicaCount: 2\n',
        'services/b/package.json': '{"name": "b"}\n',
        'services/b/index.js': 'console.log(2);\n',
        'services/b/deploy/values-prod.yaml': 'replicaCount: 2\n',
        'helmfile.yaml':
          'repositories:\n  - {name: bitnami, url: "https://charts.bitnami.com/bitnami"}\nreleases:\n  - name: a\n    chart: bitnami/nginx\n    values: [services/a/deploy/values-prod.yaml]\n  - name: b\n    chart: bitnami/nginx\n    values: [services/b/deploy/values-prod.yaml]\n',
      }),
      codeRoot: 'services/a',
    });
    const facts = new FactStore(
      new Map(builtInExtractors.map(e => [e.ref.id, e])),
      input,
      [],
    );
    expect(facts.get(remoteHelmFactRef).releases.map(r => r.release)).toEqual([
      'a',
    ]);
  });
});
