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

describe('workers are recognised by their shape', () => {
  const ID = { 'backstage.io/kubernetes-id': 'svc' };
  /** A Deployment whose only port serves metrics, as queue consumers often have. */
  const consumer = (
    name: string,
    container: Record<string, unknown> = {},
    port: Record<string, unknown> = { name: 'metrics', containerPort: 9090 },
  ) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: ID },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name,
              image: 'registry.example.com/svc:1.0.0',
              ports: [port],
              ...container,
            },
          ],
        },
      },
    },
  });
  const metricsService = (name: string, svcName = `${name}-metrics`) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svcName, labels: ID },
    spec: {
      selector: { app: name },
      ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics' }],
    },
  });
  const scaledObject = (target: string, type = 'kafka') => ({
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: target },
    spec: {
      scaleTargetRef: { name: target },
      minReplicaCount: 1,
      maxReplicaCount: 20,
      triggers: [
        {
          type,
          metadata: {
            bootstrapServers: 'kafka:9092',
            consumerGroup: target,
            topic: 'orders',
            lagThreshold: '50',
          },
        },
      ],
    },
  });

  it('recognises a worker that exposes only a metrics port and is scaled by a KEDA ScaledObject on queue lag', async () => {
    const files = {
      'k8s/ingest.yaml': docs(
        consumer('ingest'),
        metricsService('ingest'),
        scaledObject('ingest'),
      ),
    };
    const scaling = (
      await evaluateCheck(files, 'f8-concurrency.worker-scaling')
    ).result;
    expect(scaling.verdict).toBe('pass');
    expect(scaling.summary).toBe('k8s: workers ingest are autoscaled');
    const events = (await evaluateCheck(files, 'cn-scalability.event-driven'))
      .result;
    expect(events.verdict).toBe('pass');
    expect(events.summary).toContain('ingest');
    // It serves no traffic: no web Deployment is missing an HPA, and nothing waits for a readiness probe.
    expect(
      (await evaluateCheck(files, 'f8-concurrency.hpa')).result.verdict,
    ).toBe('unknown');
    expect(
      (await evaluateCheck(files, 'cn-observability.readiness')).result.verdict,
    ).toBe('unknown');
  });

  it('is partial for worker-scaling and fails event-driven when such a consumer runs at fixed replicas', async () => {
    const files = {
      'k8s/ingest.yaml': docs(
        consumer('ingest', {
          env: [{ name: 'KAFKA_CONSUMER_GROUP', value: 'ingest' }],
        }),
        metricsService('ingest'),
      ),
    };
    expect(
      (await evaluateCheck(files, 'f8-concurrency.worker-scaling')).result
        .verdict,
    ).toBe('partial');
    const events = (await evaluateCheck(files, 'cn-scalability.event-driven'))
      .result;
    expect(events.verdict).toBe('fail');
    expect(events.summary).toBe(
      'Queue consumer(s) ingest without event-driven scaling',
    );
  });

  it.each([
    ['a Celery worker', { command: ['celery', '-A', 'app', 'worker'] }],
    ['a Sidekiq process', { command: ['bundle', 'exec', 'sidekiq'] }],
    ['an RQ worker', { command: ['rq', 'worker', 'default'] }],
    ['a BullMQ processor', { command: ['node', 'dist/bullmq-processor.js'] }],
    [
      'a Kafka console consumer',
      { command: ['kafka-console-consumer', '--topic', 'orders'] },
    ],
    ['a Karafka server', { command: ['bundle', 'exec', 'karafka', 'server'] }],
    [
      'a consumer with a consumer group in its env',
      { env: [{ name: 'KAFKA_GROUP_ID', value: 'orders' }] },
    ],
    [
      'a Pub/Sub subscriber',
      { env: [{ name: 'PUBSUB_SUBSCRIPTION', value: 'orders-sub' }] },
    ],
  ])(
    'counts %s with a metrics Service as a worker that fails event-driven without KEDA',
    async (_what, container) => {
      const files = {
        'k8s/app.yaml': docs(
          consumer('orders', container),
          metricsService('orders', 'orders-monitoring'),
        ),
      };
      const scaling = (
        await evaluateCheck(files, 'f8-concurrency.worker-scaling')
      ).result;
      expect(scaling.verdict).toBe('partial');
      expect(scaling.summary).toContain('orders fixed at 2 replicas');
      expect(
        (await evaluateCheck(files, 'cn-scalability.event-driven')).result
          .verdict,
      ).toBe('fail');
    },
  );

  it.each([
    [
      'a ScaledObject with a queue trigger',
      [scaledObject('orders', 'rabbitmq')],
    ],
    [
      'an HPA on an external queue metric',
      [
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'orders' },
          spec: {
            scaleTargetRef: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: 'orders',
            },
            minReplicas: 1,
            maxReplicas: 10,
            metrics: [
              {
                type: 'External',
                external: {
                  metric: {
                    name: 'pubsub.googleapis.com|subscription|num_undelivered_messages',
                  },
                  target: { type: 'AverageValue', averageValue: '100' },
                },
              },
            ],
          },
        },
      ],
    ],
  ])(
    'counts a Deployment with an HTTP port but scaled by %s as a worker',
    async (_what, scalers) => {
      const files = {
        'k8s/app.yaml': docs(
          consumer('orders', {}, { name: 'http', containerPort: 8080 }),
          ...scalers,
        ),
      };
      expect(
        (await evaluateCheck(files, 'f8-concurrency.worker-scaling')).result
          .verdict,
      ).toBe('pass');
      expect(
        (await evaluateCheck(files, 'cn-scalability.event-driven')).result
          .verdict,
      ).toBe('pass');
    },
  );

  it('counts a Deployment named as a worker, with a port no Service routes traffic to, as a worker', async () => {
    const files = {
      'k8s/app.yaml': docs(
        consumer('billing-worker', {}, { name: 'http', containerPort: 8080 }),
      ),
    };
    const r = (await evaluateCheck(files, 'f8-concurrency.worker-scaling'))
      .result;
    expect(r.verdict).toBe('partial');
    expect(r.summary).toContain('billing-worker fixed at 2 replicas');
  });

  it('passes worker-scaling and event-driven for a queue ScaledObject or ScaledJob alone (the Deployment is elsewhere)', async () => {
    const alone = { 'k8s/keda.yaml': docs(scaledObject('orders')) };
    expect(
      (await evaluateCheck(alone, 'f8-concurrency.worker-scaling')).result,
    ).toMatchObject({
      verdict: 'pass',
      summary: 'k8s: Deployment/orders is scaled on its kafka queue',
    });
    expect(
      (await evaluateCheck(alone, 'cn-scalability.event-driven')).result
        .verdict,
    ).toBe('pass');
    const job = {
      'k8s/keda.yaml': docs({
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledJob',
        metadata: { name: 'resize' },
        spec: {
          jobTargetRef: {
            template: {
              spec: {
                containers: [{ name: 'resize', image: 'reg/resize:1.0.0' }],
              },
            },
          },
          triggers: [{ type: 'aws-sqs-queue', metadata: { queueURL: 'x' } }],
        },
      }),
    };
    expect(
      (await evaluateCheck(job, 'cn-scalability.event-driven')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(job, 'f8-concurrency.worker-scaling')).result
        .verdict,
    ).toBe('pass');
  });

  it('keeps a web Deployment with a metrics port beside its HTTP port a web process', async () => {
    const files = {
      'k8s/app.yaml': docs(
        consumer('api', {
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090 },
          ],
        }),
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'api', labels: ID },
          spec: {
            selector: { app: 'api' },
            ports: [
              { name: 'http', port: 80, targetPort: 'http' },
              { name: 'metrics', port: 9090, targetPort: 'metrics' },
            ],
          },
        },
      ),
    };
    expect(
      (await evaluateCheck(files, 'f8-concurrency.hpa')).result.verdict,
    ).toBe('fail');
    expect(
      (await evaluateCheck(files, 'f8-concurrency.worker-scaling')).result
        .verdict,
    ).toBe('unknown');
  });
});

describe('autoscalers whose workload is not among the objects', () => {
  it('judges an HPA alone: minReplicas 2 passes hpa and horizontal, minReplicas 1 is partial', async () => {
    const two = { 'k8s/hpa.yaml': docs(hpa('api', 2)) };
    expect(
      (await evaluateCheck(two, 'f8-concurrency.hpa')).result,
    ).toMatchObject({
      verdict: 'pass',
      summary:
        'k8s: HorizontalPodAutoscaler api → Deployment/api with a minimum of 2 or more',
    });
    expect(
      (await evaluateCheck(two, 'cn-scalability.horizontal')).result.verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(two, 'f8-concurrency.horizontal')).result.verdict,
    ).toBe('pass');
    const one = (
      await evaluateCheck(
        { 'k8s/hpa.yaml': docs(hpa('api', 1)) },
        'f8-concurrency.hpa',
      )
    ).result;
    expect(one.verdict).toBe('partial');
    expect(one.remediation?.snippet?.content).toContain('minReplicas: 2');
  });

  it('does not take an HPA on a queue backlog for the web process’s', async () => {
    const queue = {
      ...hpa('orders', 1),
      spec: {
        ...hpa('orders', 1).spec,
        metrics: [
          {
            type: 'External',
            external: {
              metric: { name: 'sqs_messages_visible' },
              target: { type: 'AverageValue', averageValue: '10' },
            },
          },
        ],
      },
    };
    expect(
      (
        await evaluateCheck(
          { 'k8s/hpa.yaml': docs(queue) },
          'f8-concurrency.hpa',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('a web process is not taken for a worker', () => {
  it('keeps a gRPC server on an unnamed 9090, and an app whose scrape annotation names its only port, web', async () => {
    const grpc = deployment('api', { ports: [9090] });
    const annotated = deployment('web', { ports: [8080] });
    (annotated.spec.template.metadata as Record<string, unknown>).annotations =
      {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '8080',
      };
    const files = {
      'k8s/app.yaml': docs(grpc, service('api'), annotated, service('web')),
    };
    const r = (await evaluateCheck(files, 'f8-concurrency.hpa')).result;
    expect(r.verdict).toBe('fail');
    expect(r.summary).toBe('k8s: no HPA for api, web');
  });
});

describe('a workload behind a Service is web without declaring a containerPort', () => {
  it('judges it as a web process (HPA, horizontal), not as a worker', async () => {
    const files = {
      'k8s/app.yaml': docs(
        deployment('reader', { replicas: 1 }),
        service('reader'),
      ),
    };
    const hpaResult = (await evaluateCheck(files, 'f8-concurrency.hpa')).result;
    expect(hpaResult.verdict).toBe('fail');
    expect(hpaResult.summary).toBe('k8s: no HPA for reader');
    const workers = (
      await evaluateCheck(files, 'f8-concurrency.worker-scaling')
    ).result;
    expect(workers.verdict).toBe('unknown');
    const processes = (
      await evaluateCheck(files, 'f8-concurrency.process-types')
    ).result;
    expect(processes.evidence[0].note).toContain(
      'declares no containerPort, but Service reader sends traffic to its pods',
    );
  });
});
