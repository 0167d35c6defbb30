import { stringify } from 'yaml';
import {
  clusterOf,
  evaluateCheck,
  serviceEntity,
  snapshotOf,
} from '../../__testUtils__';
import { createTwelveFactorEngine } from '../../engine/createEngine';
import { builtInExtractors } from '../../facts';
import {
  runtimeHintsExtractor,
  runtimeHintsFactRef,
} from '../../facts/runtimeHints';

const docs = (...objects: object[]) =>
  objects.map(o => stringify(o)).join('---\n');

function deployment(
  name: string,
  spec: {
    ports?: number[];
    command?: string[];
    image?: string;
    claim?: string;
    containers?: object[];
    labels?: Record<string, string>;
  } = {},
) {
  const labels = { app: name, ...spec.labels };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { 'backstage.io/kubernetes-id': 'svc' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels },
        spec: {
          containers: spec.containers ?? [
            {
              name,
              image: spec.image ?? 'registry.example.com/svc:1.0.0',
              ...(spec.command ? { command: spec.command } : {}),
              ...(spec.ports
                ? {
                    ports: spec.ports.map(containerPort => ({ containerPort })),
                  }
                : {}),
              ...(spec.claim
                ? { volumeMounts: [{ name: 'data', mountPath: '/data' }] }
                : {}),
            },
          ],
          ...(spec.claim
            ? {
                volumes: [
                  {
                    name: 'data',
                    persistentVolumeClaim: { claimName: spec.claim },
                  },
                ],
              }
            : {}),
        },
      },
    },
  };
}
const service = (name: string, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: {
    selector: { app: name },
    ports: [{ port: 80, targetPort: 8080 }],
    ...extra,
  },
});
const pvc = (name: string, mode: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: [mode], resources: { requests: { storage: '1Gi' } } },
});
const redis = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'redis' },
  spec: {
    selector: { matchLabels: { app: 'redis' } },
    template: {
      metadata: { labels: { app: 'redis' } },
      spec: {
        containers: [
          {
            name: 'redis',
            image: 'redis:7.4-alpine',
            ports: [{ containerPort: 6379 }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } },
    ],
  },
};

/** The default engine plus the runtime-hints fact, until facts/index.ts registers it. */
async function evaluateWithHints(
  files: Record<string, string>,
  checkId: string,
) {
  const registered = builtInExtractors.some(
    e => e.ref.id === runtimeHintsFactRef.id,
  );
  const engine = createTwelveFactorEngine({
    customExtractors: registered ? [] : [runtimeHintsExtractor],
  });
  const card = await engine.evaluate({
    entity: serviceEntity(),
    repo: snapshotOf(files),
  });
  return card.results.find(r => r.checkId === checkId)!;
}

describe('f6-processes.stateless', () => {
  it('passes when app Deployments mount no ReadWriteOnce claim; a backing StatefulSet does not count', async () => {
    const k8s = docs(
      deployment('api', { ports: [8080], claim: 'shared' }),
      service('api'),
      pvc('shared', 'ReadWriteMany'),
      redis,
    );
    const { result } = await evaluateCheck(
      { 'k8s/all.yaml': k8s },
      'f6-processes.stateless',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('no app workload (api)');
    expect(result.evidence[0]).toMatchObject({
      type: 'file',
      path: 'k8s/all.yaml',
      target: 'k8s',
    });
    expect(result.evidence[0].note).toContain(
      'ReadWriteMany shared is judged by f6-processes.shared-filesystem',
    );
  });

  it('is partial when an app Deployment keeps state on a ReadWriteOnce claim, naming the claim', async () => {
    const k8s = docs(
      deployment('api', { ports: [8080], claim: 'reports' }),
      service('api'),
      pvc('reports', 'ReadWriteOnce'),
    );
    const { result } = await evaluateCheck(
      { 'k8s/all.yaml': k8s },
      'f6-processes.stateless',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: api keep state on ReadWriteOnce claim(s) reports',
    );
    expect(result.evidence.map(e => e.note)).toEqual([
      'Deployment/api spec.template.spec.volumes[0].persistentVolumeClaim: mounts claim reports (ReadWriteOnce): its data lives with one pod',
      'PersistentVolumeClaim/reports spec.accessModes: accessModes ReadWriteOnce',
    ]);
    expect(result.remediation?.text).toContain('object storage');
  });

  it('judges the live cluster too: a claim there decides even when the repository has none', async () => {
    const live = docs(
      {
        ...deployment('api', { ports: [8080], claim: 'cache' }),
        metadata: {
          name: 'api',
          namespace: 'prod',
          labels: { 'backstage.io/kubernetes-id': 'svc' },
        },
      },
      {
        ...pvc('cache', 'ReadWriteOnce'),
        metadata: { name: 'cache', namespace: 'prod' },
      },
    );
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(
          deployment('api', { ports: [8080] }),
          service('api'),
        ),
      },
      'f6-processes.stateless',
      { clusters: [clusterOf('aks', live)] },
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        type: 'cluster-object',
        cluster: 'aks',
        namespace: 'prod',
        kind: 'Deployment',
        name: 'api',
      }),
    );
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ type: 'file', target: 'k8s' }),
    );
  });

  it('is unknown when the mounted claim is not defined, and without manifests', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(
          deployment('api', { ports: [8080], claim: 'elsewhere' }),
          service('api'),
        ),
      },
      'f6-processes.stateless',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('elsewhere');
    const none = (
      await evaluateCheck({ 'main.py': 'print(1)' }, 'f6-processes.stateless')
    ).result;
    expect(none.verdict).toBe('unknown');
    expect(none.reason).toMatch(/no Kubernetes manifests/);
  });
});

describe('f6-processes.external-sessions', () => {
  it('passes with token-based auth and no sticky sessions', async () => {
    const { result } = await evaluateCheck(
      {
        'app/auth.py':
          'import jwt\n\ndef check(t):\n    return jwt.decode(t, KEY)\n',
        'k8s/all.yaml': docs(
          deployment('api', { ports: [8080] }),
          service('api'),
        ),
      },
      'f6-processes.external-sessions',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'No sticky sessions; token-based auth (app/auth.py:4)',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'app/auth.py',
      startLine: 4,
    });
  });

  it("takes Django's database-backed sessions for an external store, and a file engine for in-process ones", async () => {
    const settings = (engine: string) => ({
      'app/settings.py': `MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n${engine}`,
      'k8s/all.yaml': docs(
        deployment('web', { ports: [8080] }),
        service('web'),
      ),
    });
    expect(
      (await evaluateCheck(settings(''), 'f6-processes.external-sessions'))
        .result.verdict,
    ).toBe('pass');
    expect(
      (
        await evaluateCheck(
          settings(
            'SESSION_ENGINE = "django.contrib.sessions.backends.file"\n',
          ),
          'f6-processes.external-sessions',
        )
      ).result.verdict,
    ).toBe('partial');
  });

  it('is partial with Service sessionAffinity ClientIP, with a patch for that Service', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(
          deployment('web', { ports: [8080] }),
          service('web', { sessionAffinity: 'ClientIP', type: 'NodePort' }),
        ),
        'App.java': 'class App {}',
      },
      'f6-processes.external-sessions',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'Service web has sessionAffinity: ClientIP (k8s)',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/all.yaml',
      note: 'Service/web spec.sessionAffinity: Service web has sessionAffinity: ClientIP',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'sessionAffinity: None',
    );
    expect(result.remediation?.snippet?.content).toContain('name: web');
  });

  it('is partial with an NGINX affinity cookie on the Ingress', async () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'web',
        annotations: { 'nginx.ingress.kubernetes.io/affinity': 'cookie' },
      },
      spec: { rules: [] },
    };
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(
          deployment('web', { ports: [8080] }),
          service('web'),
          ingress,
        ),
        'main.go': 'package main',
      },
      'f6-processes.external-sessions',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'nginx.ingress.kubernetes.io/affinity: cookie',
    );
  });

  it('is partial for in-memory server-side sessions, and passes once a session store backs them', async () => {
    const code =
      "const session = require('express-session');\napp.use(session({ secret: 's' }));\n";
    const memory = (
      await evaluateCheck(
        {
          'server.js': code,
          'package.json': '{"dependencies":{"express-session":"1.18.1"}}',
        },
        'f6-processes.external-sessions',
      )
    ).result;
    expect(memory.verdict).toBe('partial');
    expect(memory.summary).toContain('server.js:1');
    const stored = (
      await evaluateCheck(
        {
          'server.js': code,
          'package.json':
            '{"dependencies":{"express-session":"1.18.1","connect-redis":"7.1.1"}}',
        },
        'f6-processes.external-sessions',
      )
    ).result;
    expect(stored.verdict).toBe('pass');
    expect(stored.summary).toContain('connect-redis');
  });

  it('is unknown when only a cluster is visible and nothing is sticky there', async () => {
    const live = docs({
      ...deployment('api', { ports: [8080] }),
      metadata: {
        name: 'api',
        namespace: 'prod',
        labels: { 'backstage.io/kubernetes-id': 'svc' },
      },
    });
    const { result } = await evaluateCheck(
      undefined,
      'f6-processes.external-sessions',
      { clusters: [clusterOf('aks', live)] },
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('code could not be read');
  });
});

describe('f6-processes.shared-filesystem', () => {
  it('is partial when app workloads share a ReadWriteMany claim, naming it and the object-storage library at hand', async () => {
    const k8s = docs(
      deployment('api', { ports: [8080], claim: 'files' }),
      deployment('worker', {
        command: ['celery', '-A', 'app', 'worker'],
        claim: 'files',
      }),
      service('api'),
      pvc('files', 'ReadWriteMany'),
    );
    const { result } = await evaluateCheck(
      { 'k8s/all.yaml': k8s, 'requirements.txt': 'boto3==1.35.0\n' },
      'f6-processes.shared-filesystem',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: ReadWriteMany claim files is shared by api, worker',
    );
    expect(result.evidence.map(e => e.note)).toContain(
      'PersistentVolumeClaim/files spec.accessModes: accessModes ReadWriteMany',
    );
    expect(result.remediation?.text).toContain(
      'boto3 (already a dependency, requirements.txt)',
    );
  });

  it('passes with ReadWriteOnce claims only (judged by stateless) and is unknown without workloads', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(
          deployment('api', { ports: [8080], claim: 'own' }),
          service('api'),
          pvc('own', 'ReadWriteOnce'),
        ),
      },
      'f6-processes.shared-filesystem',
    );
    expect(result.verdict).toBe('pass');
    const empty = (
      await evaluateCheck(
        {
          'k8s/cm.yaml': docs({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'x' },
          }),
        },
        'f6-processes.shared-filesystem',
      )
    ).result;
    expect(empty.verdict).toBe('unknown');
    expect(empty.reason).toContain('No app workloads');
  });
});

describe('f6-processes.independent', () => {
  it('passes when web and worker are separate Deployments', async () => {
    const k8s = docs(
      deployment('api', { ports: [8080] }),
      service('api'),
      deployment('worker', { command: ['celery', '-A', 'app', 'worker'] }),
    );
    const { result } = await evaluateCheck(
      { 'k8s/all.yaml': k8s },
      'f6-processes.independent',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: each process type runs in its own workload: web (api), worker (worker)',
    );
  });

  it('is partial when the image CMD starts supervisord', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM python:3.12-slim\nCOPY . /app\nCMD ["supervisord", "-c", "/etc/supervisord.conf"]\n',
        'k8s/all.yaml': docs(
          deployment('app', { ports: [8080] }),
          service('app'),
        ),
      },
      'f6-processes.independent',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'container app runs process manager supervisord',
    );
    expect(result.evidence[0]).toMatchObject({
      type: 'file',
      path: 'Dockerfile',
      startLine: 3,
    });
  });

  it('is partial for a shell that backgrounds one program and starts another', async () => {
    const k8s = docs(
      deployment('app', {
        ports: [8080],
        command: ['sh', '-c', 'celery -A app worker & exec uvicorn app:app'],
      }),
      service('app'),
    );
    const { result } = await evaluateCheck(
      { 'k8s/all.yaml': k8s },
      'f6-processes.independent',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('backgrounds one program');
    expect(result.remediation?.text).toContain('own Deployment');
  });

  it('is partial for a web and a worker container in one pod, with a Deployment for the worker', async () => {
    const containers = [
      {
        name: 'web',
        image: 'registry.example.com/svc:1.0.0',
        ports: [{ containerPort: 8080 }],
      },
      {
        name: 'jobs',
        image: 'registry.example.com/svc:1.0.0',
        command: ['node', 'dist/worker.js'],
      },
    ];
    const { result } = await evaluateCheck(
      {
        'k8s/all.yaml': docs(deployment('app', { containers }), service('app')),
      },
      'f6-processes.independent',
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet?.content).toContain('name: app-worker');
    expect(result.remediation?.snippet?.content).toContain('dist/worker.js');
  });

  it('is partial for an in-process scheduler in the only (web) process, suggesting a CronJob with its schedule', async () => {
    const files = {
      'src/main/java/com/example/Nightly.java':
        'class Nightly {\n  @Scheduled(cron = "0 30 1 * * *")\n  void run() {}\n}\n',
      'k8s/all.yaml': docs(
        deployment('reports', { ports: [8080] }),
        service('reports'),
      ),
    };
    const result = await evaluateWithHints(files, 'f6-processes.independent');
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'in-process scheduler (src/main/java/com/example/Nightly.java:2)',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/java/com/example/Nightly.java',
      startLine: 2,
    });
    expect(result.remediation?.snippet?.content).toContain('kind: CronJob');
    expect(result.remediation?.snippet?.content).toContain(
      'schedule: 30 1 * * *',
    );
  });

  it('is unknown without long-running app workloads', async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'm', image: 'svc:1' }],
          },
        },
      },
    };
    const { result } = await evaluateCheck(
      { 'k8s/job.yaml': docs(job, redis) },
      'f6-processes.independent',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f6-processes.external-sessions: what decides and what does not', () => {
  it('is partial for a Service with ClientIP affinity alone (its pods are elsewhere)', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/svc.yaml': docs({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'api' },
          spec: {
            selector: { app: 'api' },
            sessionAffinity: 'ClientIP',
            ports: [{ port: 80 }],
          },
        }),
      },
      'f6-processes.external-sessions',
    );
    expect(result.verdict).toBe('partial');
  });

  it('is unknown, not pass, without sticky settings and without source code', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/app.yaml': docs(deployment('api', { ports: [8080] })) },
      'f6-processes.external-sessions',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('no source code');
  });
});
