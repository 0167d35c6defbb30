import { evaluateCheckWithConfig as evaluate } from '../__testUtils__/configLiterals';

const values = 'image:\n  tag: 1.2.3\n';
const files = {
  'helmfile.yaml':
    'repositories:\n  - {name: bitnami, url: "https://charts.bitnami.com/bitnami"}\nreleases:\n  - name: web\n    chart: bitnami/nginx\n    values:\n      - deploy/values-{{ .Environment.Name }}.yaml\n',
  'deploy/values-staging.yaml': values,
  'deploy/values-prod.yaml': values,
};

describe('environments of a remote Helm chart deployed with a values file each', () => {
  it('count for f10 staging, with the staging values file as evidence', async () => {
    const { result } = await evaluate(files, 'f10-dev-prod-parity.staging');
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: 'deploy/values-staging.yaml',
        note: 'values for staging of the remote Helm chart bitnami/nginx',
      }),
    );
  });

  it('count for cn-cicd environment separation', async () => {
    const { result } = await evaluate(files, 'cn-cicd.environment-separation');
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: 'deploy/values-prod.yaml',
        note: 'values for prod of the remote Helm chart bitnami/nginx',
      }),
    );
  });
});
