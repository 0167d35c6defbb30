import { evaluateCheckWithConfig as evaluate } from '../__testUtils__/configLiterals';

const workflow = (run: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
const deployWith = (...files: string[]) =>
  workflow(
    `helm upgrade --install web bitnami/nginx ${files
      .map(f => `-f ${f}`)
      .join(' ')}`,
  );

describe('checks judged on the values files of a remote Helm chart', () => {
  it('passes resources set in every environment, citing the values file and line', async () => {
    const values =
      'replicaCount: 2\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 256Mi}\n';
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install web bitnami/nginx -f deploy/values-$ENV.yaml',
        ),
        'deploy/values-staging.yaml': values,
        'deploy/values-prod.yaml': values,
      },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'resources set as this check wants in the values of the remote Helm chart bitnami/nginx',
    );
    expect(result.evidence).toEqual([
      expect.objectContaining({
        path: 'deploy/values-prod.yaml',
        startLine: 2,
      }),
      expect.objectContaining({
        path: 'deploy/values-staging.yaml',
        startLine: 2,
        note: 'resources (values of a remote chart)',
      }),
    ]);
  });

  it('is partial when only some environments, or only part of the setting, are set', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': deployWith('deploy/values-prod.yaml'),
        'deploy/values-prod.yaml': 'resources:\n  requests: {cpu: 100m}\n',
      },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('partial');
  });

  it('fails probes, PDBs and autoscaling the values switch off', async () => {
    const files = {
      '.github/workflows/deploy.yml': deployWith('deploy/values-prod.yaml'),
      'deploy/values-prod.yaml':
        'livenessProbe:\n  enabled: false\npdb:\n  create: false\nautoscaling:\n  enabled: false\n',
    };
    for (const id of [
      'cn-observability.liveness',
      'cn-resilience.pdb',
      'f8-concurrency.hpa',
    ]) {
      const { result } = await evaluate(files, id);
      expect([id, result.verdict]).toEqual([id, 'fail']);
    }
  });

  it('passes an HPA of at least two replicas and a probe written out, partial for one replica', async () => {
    const files = (min: number) => ({
      '.github/workflows/deploy.yml': deployWith('deploy/values-prod.yaml'),
      'deploy/values-prod.yaml': `readinessProbe:\n  httpGet: {path: /ready, port: http}\nautoscaling:\n  enabled: true\n  minReplicas: ${min}\n  maxReplicas: 10\n`,
    });
    expect(
      (await evaluate(files(2), 'f8-concurrency.hpa')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluate(files(1), 'f8-concurrency.hpa')).result.verdict,
    ).toBe('partial');
    expect(
      (await evaluate(files(2), 'cn-observability.readiness')).result.verdict,
    ).toBe('pass');
  });

  it('judges the image tag from the values or from the deploy command', async () => {
    const latest = await evaluate(
      {
        '.github/workflows/deploy.yml': deployWith('deploy/values-prod.yaml'),
        'deploy/values-prod.yaml':
          'image:\n  repository: acme/web\n  tag: latest\n',
      },
      'f5-build-release-run.immutable-image',
    );
    expect(latest.result.verdict).toBe('fail');
    const atDeploy = await evaluate(
      {
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install web oci://ghcr.io/acme/charts/web -f deploy/values-prod.yaml --set image.tag=${{ github.sha }}',
        ),
        'deploy/values-prod.yaml': 'image:\n  tag: latest\n',
      },
      'f5-build-release-run.immutable-image',
    );
    expect(atDeploy.result.verdict).toBe('pass');
    expect(atDeploy.result.evidence).toEqual([
      expect.objectContaining({
        path: '.github/workflows/deploy.yml',
        note: '--set image.tag=${{ github.sha }} (values of a remote chart)',
      }),
    ]);
  });

  it('stays unknown when the values leave the setting out (the chart default is not known)', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': deployWith('deploy/values-prod.yaml'),
        'deploy/values-prod.yaml': 'replicaCount: 2\nresources: {}\n',
      },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('remote Helm chart bitnami/nginx');
  });

  it("judges values written inline: an Argo CD Application's helm.values text, a helmfile release's map", async () => {
    const argo = await evaluate(
      {
        'argocd/web-prod.yaml':
          'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web-prod}\nspec:\n  source:\n    repoURL: https://charts.bitnami.com/bitnami\n    chart: nginx\n    helm:\n      values: |\n        replicaCount: 2\n        livenessProbe:\n          enabled: false\n',
      },
      'cn-observability.liveness',
    );
    expect(argo.result.verdict).toBe('fail');
    expect(argo.result.evidence).toEqual([
      expect.objectContaining({ path: 'argocd/web-prod.yaml', startLine: 11 }),
    ]);
    const helmfile = await evaluate(
      {
        'helmfile.yaml':
          'repositories:\n  - {name: bitnami, url: "https://charts.bitnami.com/bitnami"}\nreleases:\n  - name: web\n    chart: bitnami/nginx\n    values:\n      - pdb: {create: true}\n',
      },
      'cn-resilience.pdb',
    );
    expect(helmfile.result.verdict).toBe('pass');
    expect(helmfile.result.evidence).toEqual([
      expect.objectContaining({ path: 'helmfile.yaml', startLine: 7 }),
    ]);
  });
});
