import { stringify } from 'yaml';
import { evaluateCheck } from '../../__testUtils__';

const TYPES = 'f8-concurrency.process-types';
const SCALING = 'f8-concurrency.worker-scaling';

/** A web Deployment behind a Service: the only long-running process of the set. */
const webOnly = (extra: object[] = []) =>
  [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'api' } },
        template: {
          metadata: { labels: { app: 'api' } },
          spec: {
            containers: [
              {
                name: 'api',
                image: 'registry.example.com/api:1.0.0',
                ports: [{ containerPort: 8080 }],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { selector: { app: 'api' }, ports: [{ port: 80 }] },
    },
    ...extra,
  ]
    .map(o => stringify(o))
    .join('---\n');

const judge = async (files: Record<string, string>, id = TYPES) =>
  (await evaluateCheck(files, id)).result;

const notes = (r: { evidence: Array<{ note?: string }> }) =>
  r.evidence.map(e => e.note).join('\n');

describe('in-process queue consumers: a worker inside the web process', () => {
  it.each([
    [
      'BullMQ Worker',
      'src/jobs.ts',
      "import { Worker } from 'bullmq';\n\nexport const worker = new Worker('emails', async job => send(job.data));\n",
      3,
    ],
    [
      'a bee-queue processor',
      'src/queue.js',
      "const Queue = require('bee-queue');\nconst q = new Queue('emails');\nq.process(async job => send(job.data));\n",
      3,
    ],
    [
      'a Kue processor',
      'src/queue.js',
      "const kue = require('kue');\nconst queue = kue.createQueue();\nqueue.process('email', (job, done) => done());\n",
      3,
    ],
    [
      'an Agenda job definition',
      'src/agenda.js',
      "const Agenda = require('agenda');\nconst agenda = new Agenda({ db: { address: url } });\nagenda.define('send report', async job => {});\n",
      3,
    ],
    [
      'a NestJS @Processor',
      'src/mail.processor.ts',
      "import { Processor, WorkerHost } from '@nestjs/bullmq';\n\n@Processor('mail')\nexport class MailProcessor extends WorkerHost {}\n",
      3,
    ],
    [
      'a Temporal worker',
      'src/worker.ts',
      "import { Worker } from '@temporalio/worker';\nconst worker = await Worker.create({ taskQueue: 'orders' });\n",
      2,
    ],
    [
      'a kafkajs consumer',
      'src/consumer.ts',
      "import { Kafka } from 'kafkajs';\nconst consumer = kafka.consumer({ groupId: 'orders' });\n",
      2,
    ],
    [
      'a Spring @KafkaListener',
      'src/main/java/org/acme/OrderListener.java',
      'package org.acme;\n\npublic class OrderListener {\n  @KafkaListener(topics = "orders")\n  public void on(String m) {}\n}\n',
      4,
    ],
    [
      'a Spring @RabbitListener',
      'src/main/java/org/acme/Listener.java',
      'public class Listener {\n  @RabbitListener(queues = "q")\n  void on(String m) {}\n}\n',
      2,
    ],
    [
      'a Spring @SqsListener',
      'src/main/java/org/acme/Listener.java',
      'public class Listener {\n  @SqsListener("orders")\n  void on(String m) {}\n}\n',
      2,
    ],
    [
      'an asynq server',
      'cmd/api/main.go',
      'package main\n\nfunc main() {\n\tsrv := asynq.NewServer(redisOpt, asynq.Config{Concurrency: 10})\n}\n',
      4,
    ],
    [
      'a machinery worker',
      'cmd/api/main.go',
      'package main\n\nimport "github.com/RichardKnop/machinery/v2"\n\nfunc main() {\n\tw := server.NewWorker("api", 10)\n}\n',
      6,
    ],
    [
      'a Faktory worker manager',
      'cmd/api/main.go',
      'package main\n\nimport worker "github.com/contribsys/faktory_worker_go"\n\nfunc main() {\n\tmgr := worker.NewManager()\n}\n',
      6,
    ],
    [
      'a Temporal Go worker',
      'cmd/api/main.go',
      'package main\n\nimport "go.temporal.io/sdk/worker"\n\nfunc main() {\n\tw := worker.New(c, "orders", worker.Options{})\n}\n',
      6,
    ],
    [
      'an RQ worker started in the code',
      'app/worker.py',
      'from rq import Worker\n\nWorker(["default"], connection=redis).work()\n',
      3,
    ],
    [
      'a MassTransit consumer',
      'Api/OrderConsumer.cs',
      'public class OrderConsumer : IConsumer<OrderSubmitted>\n{\n}\n',
      1,
    ],
  ])(
    'sees %s running inside the only, web, workload (file:line)',
    async (_what, path, code, line) => {
      const r = await judge({ [path]: code, 'k8s/app.yaml': webOnly() });
      expect(r.verdict).toBe('partial');
      expect(r.summary).toBe(
        `k8s: process types share a workload: a queue consumer (${path}:${line}) runs inside the web process api, the only kind of long-running process`,
      );
      expect(r.evidence[0]).toMatchObject({ path, startLine: line });
      expect(r.remediation?.text).toContain(`${path}:${line}`);
    },
  );

  it('does not take worker_threads, Celery task definitions or a queue producer for a consumer in the web process', async () => {
    for (const [path, code] of [
      [
        'src/pool.js',
        "const { Worker } = require('node:worker_threads');\nnew Worker('./hash.js');\n",
      ],
      [
        'app/tasks.py',
        'from celery import Celery\napp = Celery("app")\n\n@app.task\ndef send(x):\n    pass\n',
      ],
      [
        'src/enqueue.ts',
        "import { Queue } from 'bullmq';\nexport const q = new Queue('emails');\n",
      ],
    ])
      expect(
        (await judge({ [path]: code, 'k8s/app.yaml': webOnly() })).verdict,
      ).toBe('pass');
  });

  it('leaves the consumer to the worker a command of the repository declares', async () => {
    const r = await judge({
      'src/jobs.ts':
        "import { Worker } from 'bullmq';\nnew Worker('emails', process);\n",
      'package.json': JSON.stringify(
        {
          scripts: {
            start: 'node dist/server.js',
            worker: 'node dist/jobs.js',
          },
        },
        null,
        2,
      ),
      'k8s/app.yaml': webOnly(),
    });
    expect(r.verdict).toBe('pass');
  });

  it('judges the background work of the web workload in worker-scaling: fixed, or autoscaled with it', async () => {
    const code = {
      'src/main/java/org/acme/Listener.java':
        'class Listener {\n  @KafkaListener(topics = "t")\n  void on(String m) {}\n}\n',
    };
    const fixed = await judge({ ...code, 'k8s/app.yaml': webOnly() }, SCALING);
    expect(fixed.verdict).toBe('partial');
    expect(fixed.summary).toBe(
      'k8s: background work in api fixed at 2 replicas',
    );
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api' },
      spec: {
        scaleTargetRef: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'api',
        },
        minReplicas: 2,
        maxReplicas: 6,
      },
    };
    expect(
      (await judge({ ...code, 'k8s/app.yaml': webOnly([hpa]) }, SCALING))
        .verdict,
    ).toBe('pass');
  });
});

describe('process types declared without manifests', () => {
  it('passes a Procfile with web and worker entries (Celery, Sidekiq, RQ, Dramatiq), leaving release out, and names each line', async () => {
    for (const worker of [
      'celery -A proj worker --loglevel=info',
      'bundle exec sidekiq -C config/sidekiq.yml',
      'rq worker high default',
      'dramatiq app.tasks',
      'bundle exec faktory-worker',
    ]) {
      const files = {
        Procfile: `web: gunicorn proj.wsgi\nworker: ${worker}\nrelease: python manage.py migrate\n`,
      };
      const r = await judge(files);
      expect(r.verdict).toBe('pass');
      expect(r.summary).toBe(
        'process types declared as separate commands: web (Procfile:1), worker (Procfile:2)',
      );
      expect(r.evidence[1]).toMatchObject({
        path: 'Procfile',
        startLine: 2,
        note: `worker process type worker: ${worker}`,
      });
      const scaling = await judge(files, SCALING);
      expect(scaling.verdict).toBe('unknown');
      expect(scaling.summary).toContain(
        'worker process types declared (worker (Procfile:2))',
      );
    }
  });

  it('passes compose services that run the app image with a worker command, through a YAML merge key or the same image', async () => {
    const merged = await judge({
      'docker-compose.yml': [
        'x-app: &app',
        '  build: .',
        '  env_file: .env',
        'services:',
        '  web:',
        '    <<: *app',
        '    ports: ["8000:8000"]',
        '  worker:',
        '    <<: *app',
        '    command: celery -A proj worker -l info',
        '  redis:',
        '    image: redis:7',
      ].join('\n'),
    });
    expect(merged.verdict).toBe('pass');
    expect(merged.summary).toBe(
      'process types declared as separate commands: web (docker-compose.yml:5), worker (docker-compose.yml:8)',
    );
    const sameImage = await judge({
      'compose.yaml': [
        'services:',
        '  api:',
        '    build: .',
        '    image: shop:dev',
        '    ports: ["3000:3000"]',
        '  jobs:',
        '    image: shop:dev',
        '    command: ["node", "dist/worker.js"]',
      ].join('\n'),
    });
    expect(sameImage.verdict).toBe('pass');
    expect(sameImage.summary).toContain('worker (compose.yaml:6)');
    const pulled = await judge({
      'deploy/docker-compose.prod.yml': [
        'services:',
        '  web:',
        '    image: ghcr.io/acme/shop:1.4.0',
        '    ports: ["80:8000"]',
        '  worker:',
        '    image: ghcr.io/acme/shop:1.4.0',
        '    command: celery -A shop worker',
        '  db:',
        '    image: postgres:16',
      ].join('\n'),
    });
    expect(pulled.summary).toBe(
      'process types declared as separate commands: web (deploy/docker-compose.prod.yml:2), worker (deploy/docker-compose.prod.yml:5)',
    );
  });

  it('passes a worker script of package.json beside its start script', async () => {
    const r = await judge({
      'package.json': JSON.stringify(
        {
          scripts: {
            build: 'tsc',
            start: 'node dist/server.js',
            'start:worker': 'node dist/worker.js',
          },
        },
        null,
        2,
      ),
    });
    expect(r.verdict).toBe('pass');
    expect(r.summary).toBe(
      'process types declared as separate commands: web (package.json:4), worker (package.json:5)',
    );
  });

  it('is partial for a declared command that starts several processes', async () => {
    const r = await judge({
      Procfile: 'web: node server.js & node worker.js\n',
    });
    expect(r.verdict).toBe('partial');
    expect(r.summary).toBe(
      'process types share a workload: web (Procfile:1) starts several processes: a shell that backgrounds one program (&) and starts another',
    );
  });

  it('is partial for a consumer in the code of an image that serves, with no worker command', async () => {
    const r = await judge({
      Dockerfile:
        'FROM node:22-slim\nCOPY . .\nEXPOSE 3000\nCMD ["node", "dist/server.js"]\n',
      'src/jobs.ts':
        "import { Worker } from 'bullmq';\nnew Worker('emails', process);\n",
    });
    expect(r.verdict).toBe('partial');
    expect(r.summary).toBe(
      'a queue consumer (src/jobs.ts:2) runs in the web process: no worker command starts it on its own',
    );
    expect(notes(r)).toContain('web process type Dockerfile');
  });

  it('says where Celery tasks are when nothing declares their worker', async () => {
    const r = await judge({
      'app/tasks.py':
        'from celery import shared_task\n\n@shared_task\ndef send(x):\n    pass\n',
    });
    expect(r.verdict).toBe('unknown');
    expect(r.reason).toContain('app/tasks.py:3');
    expect(r.evidence[0].note).toContain('Celery task');
  });
});
