import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useKubernetesView } from './kubernetesView';
import { screen } from '@testing-library/react';
import { EvidenceItem } from './EvidenceItem';
import { groupEvidence } from './groupEvidence';

const urlOf = () => undefined;

describe('EvidenceItem', () => {
  it('lists a finding repeated in several places once, with each place and its command', async () => {
    const [group] = groupEvidence([
      {
        type: 'cluster-object',
        cluster: 'dev-aks',
        namespace: 'cms-dev',
        kind: 'Deployment',
        name: 'cms-mcp',
        note: 'no HPA',
      },
      {
        type: 'cluster-object',
        cluster: 'dev-aks',
        namespace: 'cms-prd',
        kind: 'Deployment',
        name: 'cms-mcp',
        note: 'no HPA',
      },
    ]);
    await renderInTestApp(<EvidenceItem group={group} urlOf={urlOf} />);
    expect(screen.getByText('Deployment/cms-mcp')).toBeInTheDocument();
    expect(screen.getByTestId('evidence-targets')).toHaveTextContent(
      'In 2 deploy targets: dev-aks/cms-dev',
    );
    expect(
      screen.getByLabelText(
        'kubectl get deployment/cms-mcp -n cms-prd -o yaml --context dev-aks',
      ),
    ).toBeInTheDocument();
  });

  it('says a line found twice in one place once, without a list of places', async () => {
    const [group] = groupEvidence([
      { type: 'file', path: '.github/workflows/deploy.yml', startLine: 49 },
      { type: 'file', path: '.github/workflows/deploy.yml', startLine: 49 },
    ]);
    await renderInTestApp(<EvidenceItem group={group} urlOf={urlOf} />);
    expect(
      screen.getByText('.github/workflows/deploy.yml:49'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('evidence-targets')).toBeNull();
  });
});

describe('cluster evidence and the Kubernetes plugin', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'auto-builder-cms', namespace: 'default' },
    spec: {},
  };
  const [group] = groupEvidence([
    {
      type: 'cluster-object',
      cluster: 'dev-aks',
      namespace: 'cms-dev',
      kind: 'Deployment',
      name: 'cms-mcp',
      note: 'no HPA',
    },
  ]);
  function Row() {
    return (
      <EvidenceItem
        group={group}
        urlOf={() => undefined}
        kubernetesViewOf={useKubernetesView()}
      />
    );
  }
  const render = (apis: any[]) =>
    renderInTestApp(
      <TestApiProvider apis={apis}>
        <EntityProvider entity={entity}>
          <Row />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

  it("opens the entity's Kubernetes tab when the app has the Kubernetes plugin", async () => {
    await render([[createApiRef({ id: 'plugin.kubernetes.service' }), {}]]);
    expect(
      screen.getByText('dev-aks/cms-dev/Deployment/cms-mcp').closest('a'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/auto-builder-cms/kubernetes',
    );
  });

  it('offers the kubectl command, and no link, without it', async () => {
    await render([]);
    expect(
      screen.getByText('dev-aks/cms-dev/Deployment/cms-mcp').closest('a'),
    ).toBeNull();
    expect(
      screen.getByLabelText(
        'kubectl get deployment/cms-mcp -n cms-dev -o yaml --context dev-aks',
      ),
    ).toBeInTheDocument();
  });
});
