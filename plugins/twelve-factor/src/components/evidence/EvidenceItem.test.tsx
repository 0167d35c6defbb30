import { renderInTestApp } from '@backstage/test-utils';
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
