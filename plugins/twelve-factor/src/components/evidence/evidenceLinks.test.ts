import { ScmIntegrationsApi } from '@backstage/integration-react';
import { mockApis } from '@backstage/test-utils';
import { fileEvidenceUrl, kubectlCommand } from './evidenceLinks';

// The registry the app's scmIntegrationsApiRef holds, from integrations: config.
const integrations = ScmIntegrationsApi.fromConfig(
  mockApis.config({
    data: {
      integrations: {
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
          },
        ],
        bitbucketServer: [{ host: 'bitbucket.example.com' }],
        azure: [{ host: 'dev.azure.com' }],
        gitea: [{ host: 'gitea.example.com' }],
      },
    },
  }),
);

const file = {
  type: 'file' as const,
  path: 'kubernetes/base/deployment.yaml',
  startLine: 16,
};

describe('fileEvidenceUrl', () => {
  it.each([
    [
      'GitHub',
      'https://github.com/acme/shop/tree/main/',
      'https://github.com/acme/shop/tree/main/kubernetes/base/deployment.yaml#L16',
    ],
    [
      'GitHub, from a monorepo folder: the path is the repository root’s',
      'https://github.com/acme/shop/tree/main/src/cart/',
      'https://github.com/acme/shop/tree/main/kubernetes/base/deployment.yaml#L16',
    ],
    [
      'GitLab',
      'https://gitlab.example.com/acme/shop/-/blob/main/',
      'https://gitlab.example.com/acme/shop/-/blob/main/kubernetes/base/deployment.yaml#L16',
    ],
    [
      'Gitea',
      'https://gitea.example.com/acme/shop/src/branch/main/',
      'https://gitea.example.com/acme/shop/src/branch/main/kubernetes/base/deployment.yaml#L16',
    ],
    [
      'Gitea, from a monorepo folder',
      'https://gitea.example.com/acme/shop/src/branch/main/src/cart/',
      'https://gitea.example.com/acme/shop/src/branch/main/kubernetes/base/deployment.yaml#L16',
    ],
  ])('links to the file and line on %s', (_name, base, expected) => {
    expect(fileEvidenceUrl(file, base, integrations)).toBe(expected);
  });

  it('anchors Bitbucket and Azure DevOps lines their own way', () => {
    const bitbucket = fileEvidenceUrl(
      file,
      'https://bitbucket.example.com/projects/ACME/repos/shop/browse/',
      integrations,
    );
    expect(bitbucket).toMatch(
      /^https:\/\/bitbucket\.example\.com\/projects\/ACME\/repos\/shop\/browse\/kubernetes\/base\/deployment\.yaml#16$/,
    );
    const azure = fileEvidenceUrl(
      file,
      'https://dev.azure.com/acme/shop/_git/shop?path=/&version=GBmain',
      integrations,
    );
    expect(azure).toContain('path=%2Fkubernetes%2Fbase%2Fdeployment.yaml');
    expect(azure).toContain('line=16');
  });

  it('gives no link for a local folder or a cluster object', () => {
    expect(
      fileEvidenceUrl(file, 'file:/srv/shop', integrations),
    ).toBeUndefined();
    expect(
      fileEvidenceUrl(
        {
          type: 'cluster-object',

          cluster: 'c',
          kind: 'Pod',
          name: 'p',
        },
        'https://github.com/acme/shop/tree/main/',
        integrations,
      ),
    ).toBeUndefined();
  });
});

describe('kubectlCommand', () => {
  it('names the object, its namespace and the cluster as the context', () => {
    expect(
      kubectlCommand({
        type: 'cluster-object',

        cluster: 'dev-aks',
        namespace: 'cms-dev',
        kind: 'Deployment',
        name: 'cms-mcp',
      }),
    ).toBe(
      'kubectl get deployment/cms-mcp -n cms-dev -o yaml --context dev-aks',
    );
  });
});
