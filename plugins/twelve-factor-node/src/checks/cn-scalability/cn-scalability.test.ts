import {
  docs,
  evaluate,
  service,
  workload,
} from '../cn-orchestration/testFixtures';

const inNs = (o: Record<string, any>, namespace = 'shop') => ({
  ...o,
  metadata: { ...o.metadata, namespace },
});
const configMap = (data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cfg' },
  data,
});
const fromConfig = { envFrom: [{ configMapRef: { name: 'cfg' } }] };

describe('cn-scalability checks', () => {
  it('horizontal: gives exactly the verdict and summary of f8-concurrency.hpa', async () => {
    const repos = [
      {
        'k8s/all.yaml': docs(
          workload('web', { container: { ports: [{ containerPort: 8080 }] } }),
          service('web'),
        ),
      },
      {
        'k8s/all.yaml': docs(
          workload('web', {
            replicas: 2,
            container: { ports: [{ containerPort: 8080 }] },
          }),
          service('web'),
          {
            apiVersion: 'autoscaling/v2',
            kind: 'HorizontalPodAutoscaler',
            metadata: { name: 'web' },
            spec: {
              scaleTargetRef: {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: 'web',
              },
              minReplicas: 2,
              maxReplicas: 5,
            },
          },
        ),
      },
    ];
    const verdicts = [];
    for (const files of repos) {
      const mine = await evaluate(files, 'cn-scalability.horizontal');
      const hpa = await evaluate(files, 'f8-concurrency.hpa');
      expect({
        verdict: mine.verdict,
        summary: mine.summary,
        evidence: mine.evidence,
      }).toEqual({
        verdict: hpa.verdict,
        summary: hpa.summary,
        evidence: hpa.evidence,
      });
      verdicts.push(mine.verdict);
    }
    expect(verdicts).toEqual(['fail', 'pass']);
  });

  describe('vertical', () => {
    it('passes with requests, or with a VerticalPodAutoscaler alone', async () => {
      expect(
        (
          await evaluate(
            {
              'k8s/all.yaml': docs(
                workload('api', {
                  container: { resources: { requests: { cpu: '100m' } } },
                }),
              ),
            },
            'cn-scalability.vertical',
          )
        ).verdict,
      ).toBe('pass');
      const vpa = {
        apiVersion: 'autoscaling.k8s.io/v1',
        kind: 'VerticalPodAutoscaler',
        metadata: { name: 'api' },
        spec: {
          targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api'), vpa) },
        'cn-scalability.vertical',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence.map(e => e.note).join()).toContain(
        'VerticalPodAutoscaler targets Deployment/api',
      );
    });

    it('fails without any requests, proposing a recommendation-only VPA with Off quoted (YAML 1.1 reads it as false)', async () => {
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api')) },
        'cn-scalability.vertical',
      );
      expect(r.verdict).toBe('fail');
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: VerticalPodAutoscaler[\s\S]*name: api[\s\S]*updateMode: ["']Off["']/,
      );
    });
  });

  describe('database', () => {
    it('passes for a managed database host in the env, naming the host', async () => {
      const api = workload('api', {
        container: {
          env: [
            {
              name: 'DATABASE_HOST',
              value: 'psql-shop.postgres.database.azure.com',
            },
          ],
        },
      });
      const r = await evaluate(
        { 'k8s/all.yaml': docs(api) },
        'cn-scalability.database',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain(
        'managed database psql-shop.postgres.database.azure.com',
      );
      expect(r.evidence[0].note).toContain('DATABASE_HOST');
    });

    it('passes for an operator-managed cluster', async () => {
      const pg = {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: 'shop-db' },
        spec: { instances: 3 },
      };
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api'), pg) },
        'cn-scalability.database',
      );
      expect(r.verdict).toBe('pass');
      expect(r.summary).toContain('CloudNativePG Cluster/shop-db');
    });

    it('is partial for a single database pod, proposing an operator cluster in its place', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            workload('postgres', {
              kind: 'StatefulSet',
              container: { image: 'postgres:16' },
            }),
          ),
        },
        'cn-scalability.database',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toContain(
        'StatefulSet/postgres runs a single postgres:16 database',
      );
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: Cluster[\s\S]*name: postgres[\s\S]*instances: 3/,
      );
    });

    it('passes for a managed host named in application config', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(workload('api')),
          'src/main/resources/application.properties':
            'spring.datasource.url=jdbc:postgresql://shop.cluster-abc.eu-west-1.rds.amazonaws.com:5432/shop\n',
        },
        'cn-scalability.database',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0]).toMatchObject({
        path: 'src/main/resources/application.properties',
        startLine: 1,
      });
    });

    it('is unknown when the code uses a database whose location is not visible, and when there is none', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(workload('api')),
          'package.json': JSON.stringify({ dependencies: { pg: '8.11.0' } }),
        },
        'cn-scalability.database',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toContain('(pg)');
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api')) },
            'cn-scalability.database',
          )
        ).reason,
      ).toMatch(/No database found/);
    });
  });

  describe('cache', () => {
    it('is partial for a single Redis StatefulSet, proposing a Sentinel failover for it', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api'),
            inNs(
              workload('redis', {
                kind: 'StatefulSet',
                container: { image: 'redis:7.4-alpine' },
              }),
            ),
          ),
        },
        'cn-scalability.cache',
      );
      expect(r.verdict).toBe('partial');
      expect(r.summary).toBe(
        'StatefulSet/redis runs a single redis:7.4-alpine cache',
      );
      expect(r.remediation?.snippet?.content).toMatch(
        /kind: RedisFailover[\s\S]*name: redis\n\s+namespace: shop[\s\S]*sentinel:/,
      );
    });

    it('passes for Sentinel, for a managed cache host, and for a Redis operator resource', async () => {
      const sentinel = workload('redis', {
        kind: 'StatefulSet',
        replicas: 3,
        container: { image: 'bitnami/redis-sentinel:7.4' },
      });
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api'), sentinel) },
            'cn-scalability.cache',
          )
        ).verdict,
      ).toBe('pass');
      const managed = await evaluate(
        {
          'k8s/all.yaml': docs(
            workload('api', { container: fromConfig }),
            configMap({ REDIS_HOST: 'shop.redis.cache.windows.net' }),
          ),
        },
        'cn-scalability.cache',
      );
      expect(managed.verdict).toBe('pass');
      expect(managed.evidence[0].note).toContain('data.REDIS_HOST');
      const failover = {
        apiVersion: 'databases.spotahome.com/v1',
        kind: 'RedisFailover',
        metadata: { name: 'cache' },
        spec: {},
      };
      expect(
        (
          await evaluate(
            { 'k8s/all.yaml': docs(workload('api'), failover) },
            'cn-scalability.cache',
          )
        ).verdict,
      ).toBe('pass');
    });

    it('is unknown without a cache', async () => {
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api')) },
        'cn-scalability.cache',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toMatch(/No cache found/);
    });
  });

  describe('event-driven', () => {
    const worker = (namespace?: string) =>
      workload('worker', {
        namespace,
        container: {
          command: ['celery', '-A', 'app.tasks', 'worker', '--loglevel=INFO'],
          envFrom: [{ configMapRef: { name: 'cfg' } }],
          env: [
            {
              name: 'REDIS_PASSWORD',
              valueFrom: { secretKeyRef: { name: 's', key: 'p' } },
            },
          ],
        },
      });

    it('fails for a Celery worker without KEDA, with a ScaledObject on its Redis broker list', async () => {
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            inNs(workload('api')),
            worker('shop'),
            inNs(configMap({ CELERY_BROKER_URL: 'redis://redis:6379/0' })),
          ),
        },
        'cn-scalability.event-driven',
      );
      expect(r.verdict).toBe('fail');
      expect(r.evidence[0].note).toContain(
        'Celery consumer with 1 fixed replica(s)',
      );
      const snippet = r.remediation?.snippet?.content ?? '';
      expect(snippet).toMatch(
        /kind: ScaledObject\nmetadata:\n\s+name: worker\n\s+namespace: shop/,
      );
      expect(snippet).toContain('address: redis.shop.svc.cluster.local:6379');
      expect(snippet).toContain('listName: celery');
      expect(snippet).toMatch(/databaseIndex: ["']0["']/);
      expect(snippet).toContain('passwordFromEnv: REDIS_PASSWORD');
    });

    it('passes when a KEDA ScaledObject targets the worker', async () => {
      const so = {
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: 'worker' },
        spec: {
          scaleTargetRef: { name: 'worker' },
          triggers: [{ type: 'redis' }],
        },
      };
      const r = await evaluate(
        {
          'k8s/all.yaml': docs(
            worker(),
            configMap({ CELERY_BROKER_URL: 'amqp://rabbit' }),
            so,
          ),
        },
        'cn-scalability.event-driven',
      );
      expect(r.verdict).toBe('pass');
      expect(r.evidence[0].note).toContain('scaled by ScaledObject');
    });

    describe('a queue consumer in the code, run by the app workload', () => {
      const BULLMQ =
        "import { Worker } from 'bullmq';\n\nexport const worker = new Worker('emails', async job => send(job.data));\n";
      const api = workload('api', {
        replicas: 2,
        container: { ports: [{ name: 'http', containerPort: 8080 }] },
      });

      it('fails with fixed replicas, pointing at the consumer line and the workload', async () => {
        const r = await evaluate(
          {
            'src/queue.ts': BULLMQ,
            'k8s/all.yaml': docs(api, service('api')),
          },
          'cn-scalability.event-driven',
        );
        expect(r.verdict).toBe('fail');
        expect(r.summary).toContain('api');
        expect(r.evidence).toContainEqual(
          expect.objectContaining({
            path: 'k8s/all.yaml',
            note: expect.stringContaining(
              'queue consumer of the code (src/queue.ts:3) with 2 fixed replica(s)',
            ),
          }),
        );
        expect(r.evidence).toContainEqual(
          expect.objectContaining({ path: 'src/queue.ts', startLine: 3 }),
        );
        expect(r.remediation?.snippet?.content).toMatch(
          /kind: ScaledObject[\s\S]*name: api/,
        );
      });

      it('passes when a KEDA ScaledObject scales that workload', async () => {
        const r = await evaluate(
          {
            'src/queue.ts': BULLMQ,
            'k8s/all.yaml': docs(api, service('api'), {
              apiVersion: 'keda.sh/v1alpha1',
              kind: 'ScaledObject',
              metadata: { name: 'api' },
              spec: {
                scaleTargetRef: { name: 'api' },
                triggers: [{ type: 'redis', metadata: { listName: 'emails' } }],
              },
            }),
          },
          'cn-scalability.event-driven',
        );
        expect(r.verdict).toBe('pass');
        expect(r.evidence[0].note).toContain('scaled by ScaledObject');
      });

      it('stays unknown for a queue producer only', async () => {
        const r = await evaluate(
          {
            'src/queue.ts':
              "import { Queue } from 'bullmq';\nexport const q = new Queue('emails');\n",
            'k8s/all.yaml': docs(api, service('api')),
          },
          'cn-scalability.event-driven',
        );
        expect(r.verdict).toBe('unknown');
      });
    });

    it('is unknown without queue consumers', async () => {
      const r = await evaluate(
        { 'k8s/all.yaml': docs(workload('api')) },
        'cn-scalability.event-driven',
      );
      expect(r.verdict).toBe('unknown');
      expect(r.reason).toMatch(/No queue consumers/);
    });
  });
});

describe('cn-scalability.vertical: a VerticalPodAutoscaler decides alone', () => {
  it('passes for a VerticalPodAutoscaler whose Deployment is not among the objects', async () => {
    const r = await evaluate(
      {
        'k8s/vpa.yaml': docs({
          apiVersion: 'autoscaling.k8s.io/v1',
          kind: 'VerticalPodAutoscaler',
          metadata: { name: 'api' },
          spec: {
            targetRef: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: 'api',
            },
            updatePolicy: { updateMode: 'Off' },
          },
        }),
      },
      'cn-scalability.vertical',
    );
    expect(r.verdict).toBe('pass');
    expect(r.summary).toBe('A VerticalPodAutoscaler sizes Deployment/api');
  });
});
