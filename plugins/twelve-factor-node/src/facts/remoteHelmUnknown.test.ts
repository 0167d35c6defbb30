import { evaluateCheckWithConfig as evaluate } from '../__testUtils__/configLiterals';

const workflow = (run: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

describe('checks that need rendered objects, for a service deployed from a remote Helm chart', () => {
  it('stay unknown with a reason naming the remote chart and its values files', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/deploy.yml': workflow(
          'helm upgrade --install web bitnami/nginx -f deploy/values-prod.yaml',
        ),
        'deploy/values-prod.yaml': 'replicaCount: 2\n',
      },
      'cn-orchestration.resources',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain(
      'the service is deployed from the remote Helm chart bitnami/nginx, which is not in the repository and is not rendered (values files: deploy/values-prod.yaml)',
    );
    expect(JSON.stringify(result.reasonMsg)).toContain(
      'unknown.remote-helm-chart',
    );
  });
});
