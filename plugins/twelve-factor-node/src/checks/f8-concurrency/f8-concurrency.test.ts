import { stringify } from 'yaml';
import { clusterOf, evaluateCheck } from '../../__testUtils__';
import {
  backingKindOfImage,
  multiProcessCommand,
  workerCommand,
} from './processTypes';

const docs = (...objects: object[]) =>
  objects.map(o => stringify(o)).join('---\n');

function deployment(
  name: string,
  opts: {
    replicas?: number;
    ports?: number[];
    command?: string[];
    namespace?: string;
    containers?: object[];
    envFrom?: string;
  } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      ...(opts.namespace ? { namespace: opts.namespace } : {}),
      labels: { 'backstage.io/kubernetes-id': 'svc' },
    },
    spec: {
      ...(opts.replicas !== undefined ? { replicas: opts.replicas } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: opts.containers ?? [
            {
              name,
              image: 'registry.example.com/svc:1.0.0',
              ...(opts.command ? { command: opts.command } : {}),
              ...(opts.ports
                ? {
                    ports: opts.ports.map(containerPort => ({ containerPort })),
                  }
                : {}),
              ...(opts.envFrom
                ? { envFrom: [{ configMapRef: { name: opts.envFrom } }] }
                : {}),
            },
          ],
        },
      },
    },
  };
}
const service = (name: string, namespace?: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { selector: { app: name }, ports: [{ port: 80 }] },
});
const hpa = (
  target: string,
  minReplicas: number | undefined,
  apiVersion = 'autoscaling/v2',
  namespace?: string,
) => ({
  apiVersion,
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: target, ...(namespace ? { namespace } : {}) },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
    ...(minReplicas !== undefined ? { minReplicas } : {}),
    maxReplicas: 5,
  },
});
const web = (opts: Parameters<typeof deployment>[1] = {}) => [
  deployment('api', { ports: [8080], ...opts }),
  service('api', opts.namespace),
];
const CELERY = ['celery', '-A', 'app.worker', 'worker', '--loglevel=INFO'];

describe('process types', () => {
  it('recognises queue consumers, process managers and backing images', () => {
    expect(
      workerCommand(
        'celery -A src.app.worker.celery_app worker --concurrency=4',
      ),
    ).toBe('celery');
    expect(workerCommand('bundle exec sidekiq -C config/sidekiq.yml')).toBe(
      'sidekiq',
    );
    expect(workerCommand('node dist/worker.js')).toBe('worker');
    expect(
      workerCommand(
        'gunicorn --workers 4 --worker-class uvicorn.workers.UvicornWorker app:app',
      ),
    ).toBeUndefined();
    expect(workerCommand('uvicorn src.app.worker.api:app')).toBeUndefined();
    expect(multiProcessCommand('/usr/bin/supervisord -n')).toBe(
      'process manager supervisord',
    );
    expect(multiProcessCommand('celery -A app worker -B')).toContain('beat');
    expect(
      multiProcessCommand('java -jar app.jar > /var/log/app.log 2>&1'),
    ).toBeUndefined();
    expect(backingKindOfImage('bitnami/redis:7.2')).toBe('redis');
    expect(backingKindOfImage('postgres:16@sha256:abc')).toBe('postgresql');
    expect(
      backingKindOfImage('registry.example.com/redis-proxy:1'),
    ).toBeUndefined();
  });
});

describe('f8-concurrency.horizontal', () => {
  it('passes with two or more replicas, or an autoscaler', async () => {
    expect(
      (
        await evaluateCheck(
          { 'k8s/a.yaml': docs(...web({ replicas: 3 })) },
          'f8-concurrency.horizontal',
        )
      ).result.verdict,
    ).toBe('pass');
    const scaled = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(...web({ replicas: 1 }), hpa('api', 2)) },
        'f8-concurrency.horizontal',
      )
    ).result;
    expect(scaled.verdict).toBe('pass');
    expect(scaled.evidence[0].note).toContain(
      'scaled by HorizontalPodAutoscaler api',
    );
  });

  it('is partial at one replica (also by default), with a replicas patch', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(...web({ namespace: 'shop' })) },
      'f8-concurrency.horizontal',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: api (1 replica) fixed without an autoscaler',
    );
    expect(result.evidence[0].note).toContain(
      'replicas: 1 (default), no autoscaler',
    );
    expect(result.remediation?.snippet?.content).toContain('replicas: 2');
    expect(result.remediation?.snippet?.content).toContain('namespace: shop');
  });

  it('lets a gap in the live cluster count although the repository passes', async () => {
    const live = docs(...web({ replicas: 1, namespace: 'prod' }));
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(...web({ replicas: 3 })) },
      'f8-concurrency.horizontal',
      { clusters: [clusterOf('aks', live)] },
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('aks/prod: api (1 replica)');
  });

  it('is unknown without a web process', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(deployment('worker', { command: CELERY })) },
      'f8-concurrency.horizontal',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f8-concurrency.process-types', () => {
  it('passes for separate web and worker Deployments', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(...web(), deployment('worker', { command: CELERY })),
      },
      'f8-concurrency.process-types',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: process types run as separate workloads: web (api), worker (worker)',
    );
  });

  it('is partial for celery beat embedded in the worker, with a beat Deployment', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          ...web(),
          deployment('worker', { command: [...CELERY, '-B'] }),
        ),
      },
      'f8-concurrency.process-types',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'celery worker with embedded beat scheduler',
    );
    expect(result.remediation?.snippet?.content).toContain('- beat');
    expect(result.remediation?.snippet?.content).toContain('app.worker');
  });

  it('is unknown without app workloads', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'c' },
        }),
      },
      'f8-concurrency.process-types',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f8-concurrency.worker-scaling', () => {
  const config = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cfg', namespace: 'jobs' },
    data: { CELERY_BROKER_URL: 'redis://:secret@redis:6379/2' },
  };

  it('is partial for a fixed worker, with a KEDA ScaledObject on its broker queue', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          config,
          deployment('worker', {
            command: CELERY,
            namespace: 'jobs',
            envFrom: 'cfg',
            replicas: 1,
          }),
        ),
      },
      'f8-concurrency.worker-scaling',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: worker fixed at 1 replica');
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('kind: ScaledObject');
    expect(snippet).toContain('address: redis.jobs.svc:6379');
    expect(snippet).toContain('listName: celery');
    expect(snippet).toMatch(/databaseIndex: ["']2["']/);
    expect(snippet).not.toContain('secret');
  });

  it('falls back to an HPA when the broker is unknown, and passes with a ScaledObject', async () => {
    const fixed = (
      await evaluateCheck(
        {
          'k8s/a.yaml': docs(
            deployment('consumer', {
              command: ['python', '-m', 'app.consumer'],
            }),
          ),
        },
        'f8-concurrency.worker-scaling',
      )
    ).result;
    expect(fixed.verdict).toBe('partial');
    expect(fixed.remediation?.snippet?.content).toContain(
      'kind: HorizontalPodAutoscaler',
    );
    const so = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'worker' },
      spec: { scaleTargetRef: { name: 'worker' }, triggers: [] },
    };
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(deployment('worker', { command: CELERY }), so) },
      'f8-concurrency.worker-scaling',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain('ScaledObject/worker');
  });

  it('is unknown without a worker process type', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(...web()) },
      'f8-concurrency.worker-scaling',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('No worker process type');
  });
});

describe('f8-concurrency.hpa', () => {
  it('passes with an autoscaling/v2 HPA and minReplicas >= 2', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(...web(), hpa('api', 2)) },
      'f8-concurrency.hpa',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain('minReplicas 2');
  });

  it('fails without an HPA, with an autoscaling/v2 HPA for the Deployment in its namespace', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(...web({ namespace: 'shop' })) },
      'f8-concurrency.hpa',
    );
    expect(result.verdict).toBe('fail');
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toContain('apiVersion: autoscaling/v2');
    expect(snippet).toMatch(/metadata:\n {2}name: api\n {2}namespace: shop/);
    expect(snippet).toMatch(
      /scaleTargetRef:\n {4}apiVersion: apps\/v1\n {4}kind: Deployment\n {4}name: api/,
    );
    expect(snippet).toContain('minReplicas: 2');
  });

  it('is partial with minReplicas 1 (the default) or an old API version', async () => {
    const one = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(...web(), hpa('api', undefined)) },
        'f8-concurrency.hpa',
      )
    ).result;
    expect(one.verdict).toBe('partial');
    expect(one.summary).toBe('k8s: api: minReplicas 1');
    expect(one.remediation?.snippet?.content).toMatch(
      /kind: HorizontalPodAutoscaler[\s\S]*spec:\n {2}minReplicas: 2/,
    );
    const v1 = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(...web(), hpa('api', 3, 'autoscaling/v1')) },
        'f8-concurrency.hpa',
      )
    ).result;
    expect(v1.verdict).toBe('partial');
    expect(v1.summary).toContain('autoscaling/v1 (not autoscaling/v2)');
  });

  it('is partial when only some web Deployments have one', async () => {
    const k8s = docs(
      ...web(),
      hpa('api', 2),
      deployment('admin', { ports: [9000] }),
      service('admin'),
    );
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': k8s },
      'f8-concurrency.hpa',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: no HPA for admin');
  });

  it('is unknown without web Deployments', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(deployment('worker', { command: CELERY })) },
      'f8-concurrency.hpa',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('odd manifests', () => {
  it('never make a check of these areas fail with an error', async () => {
    const odd = docs(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'odd', ownerReferences: 'x' },
        spec: {
          replicas: 'two',
          template: {
            metadata: { labels: 'x' },
            spec: {
              volumes: {},
              containers: [
                {
                  name: 'c',
                  image: 7,
                  ports: '80',
                  env: { A: 1 },
                  envFrom: 'cfg',
                  command: 'sh -c x',
                  lifecycle: { preStop: { exec: { command: 'sleep 5' } } },
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'odd' },
        spec: { selector: 'x', ports: 'y', sessionAffinity: 3 },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'odd', annotations: null },
        spec: { rules: { host: 'x' } },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'odd' },
        spec: { rules: [{ backendRefs: 'odd' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cfg' },
        data: null,
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'odd' },
        spec: null,
      },
    );
    const { scorecard } = await evaluateCheck(
      {
        'k8s/odd.yaml': odd,
        'docker-compose.yml': 'services:\n  x: 3\n',
        Dockerfile: 'FROM x\nCMD\n',
      },
      'f8-concurrency.hpa',
    );
    const mine = scorecard.results.filter(r =>
      /^f(6|7|8|9|10)-/.test(r.checkId),
    );
    expect(mine).toHaveLength(21);
    expect(
      scorecard.diagnostics.filter(d => /^check:f(6|7|8|9|10)-/.test(d.source)),
    ).toEqual([]);
  });
});
