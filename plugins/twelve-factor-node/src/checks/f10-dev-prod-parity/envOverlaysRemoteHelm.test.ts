import { evaluateCheckWithConfig as evaluate } from '../../__testUtils__/configLiterals';

const CHECK = 'f10-dev-prod-parity.env-overlays';
const values = 'image:\n  tag: 1.2.3\nreplicaCount: 2\n';

describe('f10-dev-prod-parity.env-overlays with a remote Helm chart', () => {
  it('passes for an Argo CD Application per environment over one remote chart', async () => {
    const app = (env: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web-${env}}\nspec:\n  sources:\n    - repoURL: https://charts.bitnami.com/bitnami\n      chart: nginx\n      helm:\n        valueFiles: [$values/deploy/values-${env}.yaml]\n    - repoURL: https://github.com/acme/web.git\n      ref: values\n`;
    const { result } = await evaluate(
      {
        'argocd/web-dev.yaml': app('dev'),
        'argocd/web-prod.yaml': app('prod'),
        'deploy/values-dev.yaml': values,
        'deploy/values-prod.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'Remote Helm chart https://charts.bitnami.com/bitnami/nginx deployed with values per environment (dev, prod)',
    );
    expect(result.evidence?.map(e => e.type === 'file' && e.path)).toEqual([
      'deploy/values-dev.yaml',
      'deploy/values-prod.yaml',
    ]);
  });

  it('does not pass on one environment of a remote chart', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install web bitnami/nginx -f deploy/values-prod.yaml\n',
        'deploy/values-prod.yaml': values,
      },
      CHECK,
    );
    expect(result.verdict).not.toBe('pass');
  });
});
