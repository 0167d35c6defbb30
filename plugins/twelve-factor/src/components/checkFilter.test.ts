import type { CheckResult } from '@internal/plugin-twelve-factor-common';
import { filterFromParams, filterToParams, matchesFilter } from './checkFilter';
import { groupEvidence } from './evidence/groupEvidence';

const result = (
  checkId: string,
  verdict: CheckResult['verdict'],
): CheckResult => ({
  checkId,
  area: checkId.split('.')[0],
  verdict,
  summary: `${checkId} summary`,
  evidence: [],
});

describe('the tab filter', () => {
  const gaps = [result('a.x', 'pass'), result('a.y', 'fail')];
  const none = [result('a.x', 'pass'), result('a.z', 'unknown')];

  it('shows gaps only by default when there are gaps, every check when there are none', () => {
    expect(filterFromParams(new URLSearchParams(), gaps).view).toBe('gaps');
    expect(filterFromParams(new URLSearchParams(), none).view).toBe('all');
    expect(filterFromParams(new URLSearchParams('view=all'), gaps).view).toBe(
      'all',
    );
    // Asking for a verdict shows it, gaps or not.
    expect(
      filterFromParams(new URLSearchParams('verdict=unknown'), gaps),
    ).toEqual({ view: 'all', verdicts: ['unknown'], q: '' });
  });

  it('round-trips through the address and keeps other parameters', () => {
    const params = filterToParams(
      { view: 'all', verdicts: ['fail', 'unknown'], q: 'probe' },
      new URLSearchParams('area=f9-disposability'),
    );
    expect(params.toString()).toBe(
      'area=f9-disposability&view=all&verdict=fail%2Cunknown&q=probe',
    );
    expect(filterFromParams(params, gaps)).toEqual({
      view: 'all',
      verdicts: ['fail', 'unknown'],
      q: 'probe',
    });
  });

  it('finds words in the title, the finding and the evidence notes', () => {
    const r: CheckResult = {
      ...result('cn-observability.liveness', 'fail'),
      summary: 'No liveness probe on cms-mcp',
      evidence: [
        {
          type: 'file',
          path: 'kubernetes/base/deployment-mcp.yaml',
          startLine: 3,
          note: 'container app has no probe',
        },
      ],
    };
    const def = {
      id: r.checkId,
      area: r.area,
      title: 'Liveness probe configured',
    } as any;
    const all = { view: 'all' as const, verdicts: [] };
    expect(matchesFilter(r, def, { ...all, q: 'LIVENESS cms-mcp' })).toBe(true);
    expect(matchesFilter(r, def, { ...all, q: 'deployment-mcp.yaml' })).toBe(
      true,
    );
    expect(matchesFilter(r, def, { ...all, q: 'readiness' })).toBe(false);
    expect(
      matchesFilter(r, def, { view: 'all', verdicts: ['pass'], q: '' }),
    ).toBe(false);
  });
});

describe('groupEvidence', () => {
  it('shows a finding repeated across deploy targets once, with the targets', () => {
    const groups = groupEvidence([
      {
        type: 'file',
        path: 'kubernetes/base/deployment-mcp.yaml',
        startLine: 1,
        target: 'kubernetes/overlays/dev',
        note: 'no HPA',
      },
      {
        type: 'file',
        path: 'kubernetes/base/deployment-mcp.yaml',
        startLine: 1,
        target: 'kubernetes/overlays/prd',
        note: 'no HPA',
      },
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
      {
        type: 'file',
        path: 'kubernetes/base/deployment-web.yaml',
        startLine: 1,
        target: 'kubernetes/overlays/dev',
        note: 'no HPA',
      },
    ]);
    expect(groups.map(g => g.targets)).toEqual([
      ['kubernetes/overlays/dev', 'kubernetes/overlays/prd'],
      ['dev-aks/cms-dev', 'dev-aks/cms-prd'],
      ['kubernetes/overlays/dev'],
    ]);
    expect(groups[1].members).toHaveLength(2);
  });
});
