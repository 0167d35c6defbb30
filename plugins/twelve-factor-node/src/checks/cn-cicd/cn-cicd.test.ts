import {
  cluster,
  docs,
  evaluate,
  workload,
} from '../cn-orchestration/testFixtures';

/** A GitHub Actions workflow: trigger block, then one job per entry. */
const workflow = (
  on: string,
  jobs: Record<string, { env?: string; steps: string[] }>,
) =>
  `on:\n${on}\njobs:\n${Object.entries(jobs)
    .map(
      ([name, j]) =>
        `  ${name}:\n    runs-on: ubuntu-latest\n${
          j.env ? `    environment: ${j.env}\n` : ''
        }    steps:\n${j.steps.map(s => `      - run: ${s}\n`).join('')}`,
    )
    .join('')}`;
const PUSH = '  push:\n    branches: [main]';
const app = (name = 'svc-dev', path = 'k8s', automated = true) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd' },
  spec: {
    source: { repoURL: 'https://github.com/org/svc.git', path },
    destination: {
      server: 'https://kubernetes.default.svc',
      namespace: name.replace('svc-', 'shop-'),
    },
    ...(automated ? { syncPolicy: { automated: { prune: true } } } : {}),
  },
});
const manifests = (ns = 'shop') => ({
  'k8s/all.yaml': docs({
    ...workload('api'),
    metadata: { name: 'api', namespace: ns },
  }),
});

describe('cn-cicd checks', () => {
  describe('automated-build', () => {
    it('passes when CI builds on push, naming the workflow and trigger', async () => {
      const r = await evaluate(
        {
          '.github/workflows/ci.yml': workflow(PUSH, {
            build: { steps: ['npm ci', 'docker build -t app .'] },
          }),
        },
        'cn-cicd.automated-build',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toBe(
        'CI builds automatically: .github/workflows/ci.yml on push (main)',
      );
      expect(r.evidence).toHaveLength(2);
    });

    it('counts a compile-and-test pipeline without an image (Jenkins)', async () => {
      const r = await evaluate(
        {
          Jenkinsfile:
            "pipeline { stages { stage('Test') { steps { sh 'mvn -B -s \"$S\" test' } } } }",
        },
        'cn-cicd.automated-build',
      );
      expect(r.verdict).toBe('pass');
    });

    it('fails when the build only runs by hand, and without CI, with a workflow for the language', async () => {
      const manual = await evaluate(
        {
          '.github/workflows/ci.yml': workflow('  workflow_dispatch: {}', {
            build: { steps: ['docker build -t app .'] },
          }),
        },
        'cn-cicd.automated-build',
      );
      expect(manual.verdict).toBe('fail');
      expect(manual.summary).toContain('only when started by hand');
      const none = await evaluate(
        { 'app.py': 'print(1)' },
        'cn-cicd.automated-build',
      );
      expect(none.verdict).toBe('fail');
      expect(none.remediation?.snippet?.content).toMatch(
        /pull_request[\s\S]*pytest[\s\S]*docker\/build-push-action/,
      );
    });

    it('is unknown without a repository', async () => {
      expect(
        (await evaluate(undefined, 'cn-cicd.automated-build')).verdict,
      ).toBe('unknown');
    });
  });

  describe('automated-deploy', () => {
    it('passes for a CI deploy on push', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: { steps: ['kubectl apply -k k8s'] },
          }),
        },
        'cn-cicd.automated-deploy',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0]).toMatchObject({
        path: '.github/workflows/cd.yml',
        note: 'deploy step: kubectl apply -k k8s',
      });
    });

    it('passes for an Argo CD Application with automated sync in the repository', async () => {
      const r = await evaluate(
        { ...manifests(), 'deploy/argocd/app.yaml': docs(app()) },
        'cn-cicd.automated-deploy',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain('Argo CD Application svc-dev');
    });

    it('fails for manual deploys, with an Argo CD Application for the deploy target', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          'deploy/argocd/app.yaml': docs(app('svc-dev', 'k8s', false)),
        },
        'cn-cicd.automated-deploy',
      );
      expect(r.verdict).toBe('fail');
      expect(r.summary).toContain('sync only by hand');
      expect(r.remediation?.snippet?.content).toMatch(
        /path: k8s[\s\S]*namespace: shop[\s\S]*automated:/,
      );
    });
  });

  describe('automated-deploy without any deploy in sight', () => {
    it('is unknown when nothing in the repository deploys and no cluster was consulted, fail when a cluster was', async () => {
      const files = {
        ...manifests(),
        '.github/workflows/ci.yml': workflow(PUSH, {
          build: { steps: ['docker build -t ghcr.io/org/svc:$GITHUB_SHA .'] },
        }),
      };
      const r = await evaluate(files, 'cn-cicd.automated-deploy');
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toMatch(/another repository/);
      const live = cluster('aks', {
        ...workload('api'),
        metadata: {
          name: 'api',
          namespace: 'shop',
          labels: { 'backstage.io/kubernetes-id': 'svc' },
        },
      });
      expect(
        (await evaluate(files, 'cn-cicd.automated-deploy', [live])).verdict,
      ).toBe('fail');
    });
  });

  describe('environment-separation', () => {
    it('passes when the pipeline deploys to distinct environments (aliases count once)', async () => {
      const r = await evaluate(
        {
          '.github/workflows/cd.yml': workflow(PUSH, {
            dev: { env: 'dev', steps: ['kubectl apply -k k8s/dev'] },
            prod: {
              env: 'production',
              steps: ['OVERLAY=prd kubectl apply -k k8s/prd'],
            },
          }),
        },
        'cn-cicd.environment-separation',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toBe(
        'The pipeline deploys to 2 environments (dev, prod)',
      );
    });

    it('counts GitOps Applications by destination', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          'deploy/apps.yaml': docs(app('svc-dev'), app('svc-prod')),
        },
        'cn-cicd.environment-separation',
      );
      expect(r.verdict).toBe('pass');
    });

    it('is partial for one environment and unknown when nothing deploys', async () => {
      const one = await evaluate(
        {
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: { steps: ['kubectl apply -f k8s/'] },
          }),
        },
        'cn-cicd.environment-separation',
      );
      expect(one.verdict).toBe('partial');
      expect(one.remediation?.snippet?.content).toContain(
        'environment: staging',
      );
      const none = await evaluate(
        {
          '.github/workflows/ci.yml': workflow(PUSH, {
            build: { steps: ['npm test'] },
          }),
        },
        'cn-cicd.environment-separation',
      );
      expect(none.verdict).toBe('unknown');
    });
  });

  describe('environment-separation: environments of deploying jobs only', () => {
    it('does not pass on environment labels of jobs that deploy nothing', async () => {
      const r = await evaluate(
        {
          '.github/workflows/ci.yml': workflow(PUSH, {
            e2e: { env: 'staging', steps: ['docker compose up -d'] },
            publish: { env: 'production', steps: ['npm publish'] },
          }),
        },
        'cn-cicd.environment-separation',
      );
      expect(r.verdict).toBe('unknown');
    });
  });

  describe('gitops', () => {
    it('passes for Argo CD Applications in the repository or in the cluster', async () => {
      expect(
        (
          await evaluate(
            { ...manifests(), 'deploy/apps.yaml': docs(app()) },
            'cn-cicd.gitops',
          )
        ).verdict,
      ).toBe('pass');
      const live = cluster(
        'aks',
        {
          ...workload('api'),
          metadata: {
            name: 'api',
            namespace: 'shop-dev',
            labels: { 'backstage.io/kubernetes-id': 'svc' },
          },
        },
        app('svc-dev'),
      );
      const r = await evaluate({ 'main.go': '' }, 'cn-cicd.gitops', [live]);
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0]).toMatchObject({
        type: 'cluster-object',
        cluster: 'aks',
        namespace: 'argocd',
        kind: 'Application',
        name: 'svc-dev',
      });
    });

    it('fails when CI runs kubectl directly, proposing Applications', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: { steps: ['kubectl apply -k k8s'] },
          }),
        },
        'cn-cicd.gitops',
      );
      expect(r.verdict).toBe('fail');
      expect(r.evidence[0].note).toBe('direct deploy: kubectl apply -k k8s');
      expect(r.remediation?.snippet?.content).toContain('kind: Application');
    });

    it('is unknown when neither repository nor cluster shows how it deploys', async () => {
      const r = await evaluate(manifests(), 'cn-cicd.gitops');
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toContain('another repository');
    });
  });

  describe('rollback', () => {
    it('passes when CI undoes a failed rollout, also with flags between kubectl and rollout', async () => {
      const step =
        'if ! kubectl -n shop rollout status deployment/api; then kubectl -n shop rollout undo deployment/api; fi';
      const r = await evaluate(
        {
          ...manifests(),
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: { steps: ['kubectl apply -k k8s', JSON.stringify(step)] },
          }),
        },
        'cn-cicd.rollback',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0]).toMatchObject({
        path: '.github/workflows/cd.yml',
        note: expect.stringContaining('rollout undo deployment/api'),
      });
    });

    it('passes for helm upgrade --atomic', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: {
              steps: [
                'helm upgrade --install api ./chart --atomic --timeout 5m',
              ],
            },
          }),
        },
        'cn-cicd.rollback',
      );
      expect(r.verdict).toBe('pass');
    });

    it('passes for an Argo Rollout with analysis', async () => {
      const rollout = workload('api', { kind: 'Rollout' });
      rollout.spec.strategy = {
        canary: {
          steps: [
            { setWeight: 20 },
            { analysis: { templates: [{ templateName: 'success-rate' }] } },
          ],
        },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(rollout) },
        'cn-cicd.rollback',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('Rollout/api');
    });

    it('is partial otherwise, with an undo step for the Deployment the pipeline waits on', async () => {
      const r = await evaluate(
        {
          ...manifests(),
          '.github/workflows/cd.yml': workflow(PUSH, {
            deploy: {
              steps: [
                'kubectl apply -k k8s',
                'kubectl -n $NS rollout status deployment/api --timeout=300s',
              ],
            },
          }),
        },
        'cn-cicd.rollback',
      );
      expect(r.verdict).toBe('partial');
      expect(r.remediation?.snippet?.content).toContain(
        'kubectl -n $NS rollout undo deployment/api',
      );
      expect(r.remediation?.text).toContain('Replace the rollout status line');
    });

    it('is unknown without workloads or CI rollbacks', async () => {
      expect(
        (await evaluate({ 'main.go': '' }, 'cn-cicd.rollback')).verdict,
      ).toBe('unknown');
    });
  });

  describe('progressive-delivery', () => {
    it('passes for an Argo Rollout or a Flagger Canary', async () => {
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api', { kind: 'Rollout' })) },
            'cn-cicd.progressive-delivery',
          )
        ).verdict,
      ).toBe('pass');
      const canary = {
        apiVersion: 'flagger.app/v1beta1',
        kind: 'Canary',
        metadata: { name: 'api' },
        spec: { targetRef: { kind: 'Deployment', name: 'api' } },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api'), canary) },
        'cn-cicd.progressive-delivery',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toBe('Progressive delivery: Flagger canary');
    });

    it('fails otherwise, with a Rollout reusing the Deployment', async () => {
      const r = await evaluate(manifests(), 'cn-cicd.progressive-delivery');
      expect(r.verdict).toBe('fail');
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: Rollout[\s\S]*namespace: shop[\s\S]*workloadRef:\n\s+apiVersion: apps\/v1\n\s+kind: Deployment\n\s+name: api/,
      );
    });
  });
});

describe('cn-cicd: delivery objects decide alone', () => {
  const canary = {
    apiVersion: 'flagger.app/v1beta1',
    kind: 'Canary',
    metadata: { name: 'api' },
    spec: {
      targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
      analysis: { interval: '1m', threshold: 5, maxWeight: 50, stepWeight: 10 },
    },
  };

  it('passes progressive-delivery and rollback for a Flagger Canary whose Deployment is not among the objects', async () => {
    const files = { 'k8s/canary.yaml': docs(canary) };
    const progressive = await evaluate(files, 'cn-cicd.progressive-delivery');
    expect(progressive.verdict).toBe('pass');
    expect(progressive.summary).toBe('Progressive delivery: Flagger canary');
    const rollback = await evaluate(files, 'cn-cicd.rollback');
    expect(rollback.verdict).toBe('pass');
    expect(rollback.summary).toContain('Canary/api');
  });

  it('passes progressive-delivery for weighted routing alone', async () => {
    const r = await evaluate(
      {
        'k8s/route.yaml': docs({
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'HTTPRoute',
          metadata: { name: 'api' },
          spec: {
            rules: [
              {
                backendRefs: [
                  { name: 'api-stable', port: 80, weight: 90 },
                  { name: 'api-canary', port: 80, weight: 10 },
                ],
              },
            ],
          },
        }),
      },
      'cn-cicd.progressive-delivery',
    );
    expect(r.verdict).toBe('pass');
  });
});
