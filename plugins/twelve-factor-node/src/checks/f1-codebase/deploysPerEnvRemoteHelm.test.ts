import { evaluateCheckWithConfig as evaluate } from '../../__testUtils__/configLiterals';

const CHECK = 'f1-codebase.deploys-per-env';
const workflow = (run: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
const values = 'image:\n  tag: 1.2.3\nreplicaCount: 2\n';

describe('f1-codebase.deploys-per-env with a remote Helm chart', () => {
  it('passes for a remote chart deployed by CI with a values file per environment', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install web bitnami/nginx -f deploy/values-${{ inputs.env }}.yaml',
        ),
        'deploy/values-staging.yaml': values,
        'deploy/values-prod.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'Remote Helm chart bitnami/nginx deployed with values for prod, staging',
    );
    expect(result.summaryMsg?.[0]).toMatchObject({
      id: 'f1-codebase.deploys-per-env.remote-helm-values',
    });
    expect(result.evidence?.map(e => e.type === 'file' && e.path)).toEqual([
      'deploy/values-prod.yaml',
      'deploy/values-staging.yaml',
    ]);
  });

  it('is partial, not failed, for a remote chart deployed to one environment', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install web oci://ghcr.io/acme/charts/web -f deploy/values.yaml',
        ),
        'deploy/values.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'One environment only: remote Helm chart oci://ghcr.io/acme/charts/web',
    );
    expect(result.evidence).toMatchObject([
      { path: '.github/workflows/deploy.yml', startLine: 6 },
    ]);
  });

  it('counts helmfile releases of a remote chart per environment values file', async () => {
    const { result } = await evaluate(
      {
        'helmfile.yaml':
          'repositories:\n  - {name: bitnami, url: "https://charts.bitnami.com/bitnami"}\nreleases:\n  - name: web\n    chart: bitnami/nginx\n    values: [values/web-dev.yaml, values/web-prod.yaml]\n',
        'values/web-dev.yaml': values,
        'values/web-prod.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).toBe('pass');
  });

  it('still fails when the chart is in the repository nowhere and no deploy names one', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/ci.yml': workflow('helm lint ./chart'),
        'deploy/values-prod.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).toBe('fail');
  });
});
