import { clusterOf, evaluateCheck } from '../__testUtils__';

const REPO = {
  'deploy/prd/kustomization.yaml':
    'namespace: shop-prd\nresources: [app.yaml]\n',
  'deploy/prd/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {backstage.io/kubernetes-id: svc}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, backstage.io/kubernetes-id: svc}}
    spec:
      containers:
        - name: web
          image: shop/web:1.4.0
          readinessProbe: {httpGet: {path: /healthz, port: 8080}}
          resources: {requests: {cpu: 1000m, memory: 256Mi}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, labels: {backstage.io/kubernetes-id: svc}}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
`,
};

const LIVE = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop-prd, labels: {backstage.io/kubernetes-id: svc}}
  spec:
    replicas: 1
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web, backstage.io/kubernetes-id: svc}}
      spec:
        containers:
          - name: web
            image: shop/web:latest
            resources: {requests: {cpu: "1", memory: 256Mi}}
- apiVersion: v1
  kind: Service
  metadata: {name: web-debug, namespace: shop-prd, labels: {backstage.io/kubernetes-id: svc}}
  spec: {selector: {app: web}, ports: [{port: 80}]}
`;

describe('drift between the repository and the cluster', () => {
  it('finds missing, undeclared and changed objects, per target and namespace', async () => {
    const { scorecard } = await evaluateCheck(
      REPO,
      'f2-dependencies.declared',
      { clusters: [clusterOf('prod-eu', LIVE)] },
    );
    expect(scorecard.drift).toEqual([
      {
        target: 'deploy/prd',
        cluster: 'prod-eu',
        namespace: 'shop-prd',
        items: expect.arrayContaining([
          {
            kind: 'Deployment',
            name: 'web',
            type: 'changed',
            field: 'replicas',
            declared: '3',
            live: '1',
          },
          {
            kind: 'Deployment',
            name: 'web',
            type: 'changed',
            field: 'image (web)',
            declared: 'shop/web:1.4.0',
            live: 'shop/web:latest',
          },
          {
            kind: 'Deployment',
            name: 'web',
            type: 'changed',
            field: 'readinessProbe (web)',
            declared: 'set',
            live: 'none',
          },
          { kind: 'PodDisruptionBudget', name: 'web', type: 'missing' },
          { kind: 'Service', name: 'web-debug', type: 'undeclared' },
        ]),
      },
    ]);
    // 1000m and "1" are the same CPU: no resources drift.
    expect(
      scorecard.drift![0].items.some(i => i.field?.startsWith('resources')),
    ).toBe(false);
    expect(scorecard.drift![0].items).toHaveLength(5);
  });

  it('shows drift as evidence on the checks it bears on', async () => {
    const { scorecard } = await evaluateCheck(
      REPO,
      'f2-dependencies.declared',
      { clusters: [clusterOf('prod-eu', LIVE)] },
    );
    const pdb = scorecard.results.find(r => r.checkId === 'cn-resilience.pdb')!;
    expect(pdb.evidence).toContainEqual(
      expect.objectContaining({
        type: 'cluster-object',
        cluster: 'prod-eu',
        namespace: 'shop-prd',
        kind: 'PodDisruptionBudget',
        name: 'web',
        note: expect.stringContaining('declared in deploy/prd but not running'),
      }),
    );
    const image = scorecard.results.find(
      r => r.checkId === 'f5-build-release-run.immutable-image',
    )!;
    expect(image.evidence).toContainEqual(
      expect.objectContaining({
        fieldPath: 'image (web)',
        note: expect.stringContaining('shop/web:latest'),
      }),
    );
  });

  it('is absent without a cluster', async () => {
    const { scorecard } = await evaluateCheck(REPO, 'f2-dependencies.declared');
    expect(scorecard.drift).toBeUndefined();
  });
});
