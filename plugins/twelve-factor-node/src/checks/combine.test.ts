import { mergeLabelled, worstOf } from './combine';

describe('mergeLabelled', () => {
  it('says a finding shared by several deploy targets once, with the targets', () => {
    expect(
      mergeLabelled([
        'kubernetes/overlays/dev: 5 containers run a mutable image',
        'kubernetes/overlays/prd: 5 containers run a mutable image',
        'dev-aks/cms-dev: 2 containers run a mutable image',
        'dev-aks/cms-prd, dev-gke/cms-prd: 5 containers run a mutable image',
      ]),
    ).toEqual([
      'kubernetes/overlays/dev, kubernetes/overlays/prd, dev-aks/cms-prd, dev-gke/cms-prd: 5 containers run a mutable image',
      'dev-aks/cms-dev: 2 containers run a mutable image',
    ]);
  });

  it('leaves summaries without a set label alone', () => {
    expect(
      mergeLabelled(['No workloads', 'Releases have commit-SHA tags: ok']),
    ).toEqual(['No workloads', 'Releases have commit-SHA tags: ok']);
  });

  it('is what worstOf writes', () => {
    expect(
      worstOf([
        { verdict: 'fail', summary: 'dev: no HPA', evidence: [] },
        { verdict: 'fail', summary: 'prd: no HPA', evidence: [] },
        { verdict: 'pass', summary: 'stg: HPA', evidence: [] },
      ]).summary,
    ).toBe('dev, prd: no HPA');
  });
});
