import { stringify } from 'yaml';
import { clusterOf, evaluateCheck } from '../../__testUtils__';

const docs = (...objects: object[]) =>
  objects.map(o => stringify(o)).join('---\n');

function workload(
  name: string,
  container: Record<string, unknown>,
  pod: Record<string, unknown> = {},
  kind = 'Deployment',
  meta: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      labels: { 'backstage.io/kubernetes-id': 'svc' },
      ...meta,
    },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          ...pod,
          containers: [
            { name, image: 'registry.example.com/svc:1.0.0', ...container },
          ],
        },
      },
    },
  };
}
const service = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }] },
});
const port = { ports: [{ name: 'http', containerPort: 8080 }] };
const readiness = (initialDelaySeconds: number) => ({
  readinessProbe: {
    httpGet: { path: '/ready', port: 'http' },
    initialDelaySeconds,
  },
});
const preStop = {
  lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 5'] } } },
};
const CELERY = { command: ['celery', '-A', 'app', 'worker'] };

describe('f9-disposability.fast-startup', () => {
  it('passes with a short readiness delay or a startupProbe', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          workload('api', { ...port, ...readiness(5) }),
          service('api'),
        ),
      },
      'f9-disposability.fast-startup',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe('k8s: api readiness initialDelaySeconds 5');
    const startup = {
      startupProbe: {
        httpGet: { path: '/healthz', port: 'http' },
        periodSeconds: 2,
        failureThreshold: 15,
      },
    };
    expect(
      (
        await evaluateCheck(
          {
            'k8s/a.yaml': docs(
              workload('api', { ...port, ...startup }),
              service('api'),
            ),
          },
          'f9-disposability.fast-startup',
        )
      ).result.summary,
    ).toContain('startupProbe (up to 30 s)');
  });

  it('is partial for a long readiness delay, with a startupProbe patch reusing the readiness handler', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          workload('api', { ...port, ...readiness(90) }),
          service('api'),
        ),
      },
      'f9-disposability.fast-startup',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'k8s: slow start-up: api readiness initialDelaySeconds 90',
    );
    expect(result.evidence[0]).toMatchObject({
      path: 'k8s/a.yaml',
      note: expect.stringContaining('readinessProbe'),
    });
    const snippet = result.remediation?.snippet?.content ?? '';
    expect(snippet).toMatch(/startupProbe:\n\s+httpGet:\n\s+path: \/ready/);
  });

  it('is partial for a JVM without any probe', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
        'k8s/a.yaml': docs(workload('api', port), service('api')),
      },
      'f9-disposability.fast-startup',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(
      'no readiness or startup probe; JVM runtime (java -jar /app.jar)',
    );
    expect(result.remediation?.snippet?.content).toContain('tcpSocket');
  });

  it('is unknown when nothing tells the start-up time (a worker without probes)', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(workload('worker', CELERY)) },
      'f9-disposability.fast-startup',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f9-disposability.graceful-shutdown', () => {
  const k8s = docs(
    workload('api', port),
    service('api'),
    workload('worker', CELERY),
  );
  const LIFESPAN =
    'from contextlib import asynccontextmanager\n\n@asynccontextmanager\nasync def lifespan(app):\n    yield\n\napp = FastAPI(lifespan=lifespan)\n';

  it('passes when web and worker both have shutdown hooks', async () => {
    const files = {
      'k8s/a.yaml': k8s,
      'app/main.py': LIFESPAN,
      'app/worker.py': '@worker_shutdown.connect\ndef bye(**kw):\n    pass\n',
    };
    const { result } = await evaluateCheck(
      files,
      'f9-disposability.graceful-shutdown',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('for web and worker');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ path: 'app/worker.py', startLine: 1 }),
    );
  });

  it('passes without hooks when the server drains by itself, and agrees with sigterm', async () => {
    const gunicorn = {
      'requirements.txt': 'fastapi==0.115.0\ngunicorn==22.0.0\n',
      'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      Dockerfile:
        'FROM python:3.12-slim\nCMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "app.main:app"]\n',
    };
    for (const id of [
      'f9-disposability.graceful-shutdown',
      'f9-disposability.sigterm',
    ]) {
      const { result } = await evaluateCheck(gunicorn, id);
      expect(result.verdict).toBe('pass');
      expect(result.summary).toMatch(/gunicorn/);
    }
    // A worker beside it that nothing drains keeps it partial.
    const { result } = await evaluateCheck(
      {
        ...gunicorn,
        'k8s/a.yaml': docs(
          workload('api', {
            ...port,
            command: ['gunicorn', 'app.main:app'],
          }),
          service('api'),
          workload('consumer', {
            name: 'consumer',
            image: 'acme/api:1',
            command: ['python', '-m', 'app.consume'],
          }),
        ),
      },
      'f9-disposability.graceful-shutdown',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toMatch(/worker process/);
  });

  it('counts Spring Boot 3.4 and later as shutting down gracefully by default, not 3.3', async () => {
    const app = (version: string) => ({
      'pom.xml': `<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>${version}</version></parent><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>`,
      'src/main/java/org/acme/App.java':
        '@SpringBootApplication\npublic class App { public static void main(String[] a) { SpringApplication.run(App.class, a); } }\n',
    });
    const newer = await evaluateCheck(
      app('3.4.1'),
      'f9-disposability.graceful-shutdown',
    );
    expect(newer.result.verdict).toBe('pass');
    expect(newer.result.evidence).toContainEqual(
      expect.objectContaining({ path: 'pom.xml' }),
    );
    expect(
      (await evaluateCheck(app('4.0.3'), 'f9-disposability.sigterm')).result
        .verdict,
    ).toBe('pass');
    expect(
      (await evaluateCheck(app('3.3.5'), 'f9-disposability.graceful-shutdown'))
        .result.verdict,
    ).toBe('fail');
  });

  describe('JVM frameworks that shut down in order but do not drain by default', () => {
    const pom = (group: string, artifact: string) =>
      `<project><dependencies><dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId></dependency></dependencies></project>`;
    const RESOURCE =
      '@Path("/orders")\npublic class OrderResource { @GET public String list() { return "[]"; } }\n';

    it.each([
      ['Quarkus', 'io.quarkus', 'quarkus-rest', 'quarkus.shutdown.timeout='],
      [
        'Micronaut',
        'io.micronaut',
        'micronaut-http-server-netty',
        'micronaut.lifecycle.graceful-shutdown.enabled=true',
      ],
      [
        'Helidon',
        'io.helidon.webserver',
        'helidon-webserver',
        'server.shutdown-grace-period=',
      ],
    ])(
      'is partial for %s without a drain setting, with the setting for application.properties',
      async (name, group, artifact, setting) => {
        const { result } = await evaluateCheck(
          {
            'pom.xml': pom(group, artifact),
            'src/main/java/org/acme/OrderResource.java': RESOURCE,
          },
          'f9-disposability.graceful-shutdown',
        );
        expect(result.verdict).toBe('partial');
        expect(result.summary).toContain(name);
        expect(result.evidence).toContainEqual(
          expect.objectContaining({ path: 'pom.xml' }),
        );
        expect(result.remediation?.snippet).toMatchObject({
          path: 'src/main/resources/application.properties',
          content: expect.stringContaining(setting),
        });
      },
    );

    it('passes once the drain setting is there, in properties or nested YAML', async () => {
      const quarkus = await evaluateCheck(
        {
          'pom.xml': pom('io.quarkus', 'quarkus-rest'),
          'src/main/java/org/acme/OrderResource.java': RESOURCE,
          'src/main/resources/application.properties':
            'quarkus.http.port=8080\nquarkus.shutdown.timeout=30s\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(quarkus.result.verdict).toBe('pass');
      expect(quarkus.result.evidence).toContainEqual(
        expect.objectContaining({
          path: 'src/main/resources/application.properties',
          startLine: 2,
        }),
      );
      const micronaut = await evaluateCheck(
        {
          'build.gradle.kts':
            'dependencies {\n    implementation("io.micronaut:micronaut-http-server-netty")\n}\n',
          'src/main/kotlin/Application.kt':
            'fun main(args: Array<String>) { run(*args) }\n',
          'src/main/resources/application.yml':
            'micronaut:\n  lifecycle:\n    graceful-shutdown:\n      enabled: true\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(micronaut.result.verdict).toBe('pass');
    });

    it('writes the setting in YAML when the app configures itself in application.yml', async () => {
      const { result } = await evaluateCheck(
        {
          'pom.xml': pom('io.quarkus', 'quarkus-rest'),
          'src/main/java/org/acme/OrderResource.java': RESOURCE,
          'src/main/resources/application.yml':
            'quarkus:\n  log:\n    console:\n      json: true\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(result.verdict).toBe('partial');
      expect(result.remediation?.snippet).toMatchObject({
        language: 'yaml',
        path: 'src/main/resources/application.yml',
        content: expect.stringContaining('shutdown:\n    timeout: 20s'),
      });
    });

    it('gives Ktor a code snippet and passes its engine stop with a grace period', async () => {
      const gradle =
        'dependencies {\n    implementation("io.ktor:ktor-server-netty-jvm:2.3.12")\n}\n';
      const partial = await evaluateCheck(
        {
          'build.gradle.kts': gradle,
          'src/main/kotlin/Main.kt':
            'fun main() { embeddedServer(Netty, port = 8080) { routing { } }.start(wait = true) }\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(partial.result.verdict).toBe('partial');
      expect(partial.result.remediation?.snippet?.content).toContain(
        'server.stop(gracePeriodMillis',
      );
      const drained = await evaluateCheck(
        {
          'build.gradle.kts': gradle,
          'src/main/kotlin/Main.kt':
            'fun main() {\n  val server = embeddedServer(Netty, port = 8080) { }\n  server.start(wait = false)\n  onTerm { server.stop(5_000, 20_000) }\n}\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(drained.result.verdict).toBe('pass');
    });

    it('still fails a plain main without a framework or hook', async () => {
      const { result } = await evaluateCheck(
        {
          'pom.xml': pom('com.google.guava', 'guava'),
          'src/main/java/org/acme/Main.java':
            'public class Main { public static void main(String[] a) throws Exception { new java.net.ServerSocket(8080).accept(); } }\n',
        },
        'f9-disposability.graceful-shutdown',
      );
      expect(result.verdict).toBe('fail');
    });
  });

  it('is partial when the worker process has none, with a Celery snippet', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': k8s, 'app/main.py': LIFESPAN },
      'f9-disposability.graceful-shutdown',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('Shutdown hooks cover web but not worker');
    expect(result.remediation?.snippet).toMatchObject({
      language: 'python',
      content: expect.stringContaining('worker_shutdown'),
    });
  });

  it('fails without any hook, with a snippet for the language', async () => {
    const { result } = await evaluateCheck(
      { 'server.js': "const app = require('express')();\napp.listen(3000);\n" },
      'f9-disposability.graceful-shutdown',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet).toMatchObject({
      language: 'javascript',
      content: expect.stringContaining("process.on('SIGTERM'"),
    });
  });

  it('is unknown without source code', async () => {
    const { result } = await evaluateCheck(
      { 'README.md': '# svc' },
      'f9-disposability.graceful-shutdown',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('No source files');
  });
});

describe('f9-disposability.prestop-hook', () => {
  it('passes when every web container has a preStop hook; workers do not count', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          workload('api', { ...port, ...preStop }),
          service('api'),
          workload('worker', CELERY),
        ),
      },
      'f9-disposability.prestop-hook',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'k8s: every web container defines lifecycle.preStop (api)',
    );
  });

  it('is partial when some lack it and fails when none has it, with a patch', async () => {
    const some = docs(
      workload('api', { ...port, ...preStop }),
      service('api'),
      workload('admin', port),
      service('admin'),
    );
    const partial = (
      await evaluateCheck(
        { 'k8s/a.yaml': some },
        'f9-disposability.prestop-hook',
      )
    ).result;
    expect(partial.verdict).toBe('partial');
    expect(partial.summary).toContain(
      '1 of 2 web containers lack a preStop hook (admin/admin)',
    );
    expect(partial.remediation?.snippet?.content).toMatch(
      /name: admin[\s\S]*preStop:\n\s+exec:/,
    );
    const none = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(workload('api', port), service('api')) },
        'f9-disposability.prestop-hook',
      )
    ).result;
    expect(none.verdict).toBe('fail');
  });

  it('judges the container a Service sends traffic to even when it declares no containerPort', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/a.yaml': docs(workload('web', {}), service('web')) },
      'f9-disposability.prestop-hook',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('web/web');
  });

  it('suggests the sleep action for a distroless image', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
        'k8s/a.yaml': docs(workload('api', port), service('api')),
      },
      'f9-disposability.prestop-hook',
    );
    expect(result.remediation?.snippet?.content).toMatch(
      /preStop:\n\s+sleep:\n\s+seconds: 5/,
    );
  });

  it('is unknown without a web process', async () => {
    expect(
      (
        await evaluateCheck(
          { 'k8s/a.yaml': docs(workload('worker', CELERY)) },
          'f9-disposability.prestop-hook',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f9-disposability.termination-grace', () => {
  it('passes when every long-running workload sets it above the preStop sleep', async () => {
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          workload(
            'api',
            { ...port, ...preStop },
            { terminationGracePeriodSeconds: 40 },
          ),
          service('api'),
        ),
      },
      'f9-disposability.termination-grace',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toBe(
      'Deployment/api spec.template.spec.terminationGracePeriodSeconds: 40 s > preStop sleep 5 s',
    );
  });

  it('is partial when some rely on the default (a backing StatefulSet included), naming them', async () => {
    const redis = workload(
      'redis',
      { image: 'redis:7', ports: [{ containerPort: 6379 }] },
      {},
      'StatefulSet',
    );
    const { result } = await evaluateCheck(
      {
        'k8s/a.yaml': docs(
          workload('worker', CELERY, { terminationGracePeriodSeconds: 120 }),
          redis,
        ),
      },
      'f9-disposability.termination-grace',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe('k8s: redis relies on the default (30 s)');
    const both = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(workload('worker', CELERY), redis) },
        'f9-disposability.termination-grace',
      )
    ).result;
    expect(both.summary).toBe('k8s: worker, redis rely on the default (30 s)');
    expect(result.remediation?.snippet?.content).toMatch(
      /kind: StatefulSet[\s\S]*terminationGracePeriodSeconds: 60/,
    );
  });

  it('is partial when the grace period does not exceed the preStop sleep, and fails when none sets it', async () => {
    const short = workload(
      'api',
      { ...port, lifecycle: { preStop: { sleep: { seconds: 20 } } } },
      { terminationGracePeriodSeconds: 15 },
    );
    const partial = (
      await evaluateCheck(
        { 'k8s/a.yaml': docs(short, service('api')) },
        'f9-disposability.termination-grace',
      )
    ).result;
    expect(partial.verdict).toBe('partial');
    expect(partial.summary).toBe(
      'k8s: api sets 15 s, not more than its preStop sleep of 20 s',
    );
    expect(
      (
        await evaluateCheck(
          { 'k8s/a.yaml': docs(workload('api', port), service('api')) },
          'f9-disposability.termination-grace',
        )
      ).result.verdict,
    ).toBe('fail');
  });

  it('reads the owner-set value of a live object from its last-applied configuration', async () => {
    const applied = JSON.stringify({
      spec: { template: { spec: { containers: [] } } },
    });
    const live = workload(
      'api',
      port,
      { terminationGracePeriodSeconds: 30 },
      'Deployment',
      {
        namespace: 'prod',
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': applied,
        },
      },
    );
    const { result } = await evaluateCheck(
      undefined,
      'f9-disposability.termination-grace',
      { clusters: [clusterOf('aks', docs(live))] },
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      type: 'cluster-object',
      name: 'api',
      fieldPath: 'spec.template.spec.terminationGracePeriodSeconds',
    });
  });

  it('is unknown without long-running workloads', async () => {
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'j', image: 'x' }],
          },
        },
      },
    };
    expect(
      (
        await evaluateCheck(
          { 'k8s/a.yaml': docs(job) },
          'f9-disposability.termination-grace',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f9-disposability.sigterm', () => {
  it('fails for a shell-form CMD, with the exec form as fix', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD java -jar /app.jar\n',
      },
      'f9-disposability.sigterm',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 3,
    });
    expect(result.remediation?.snippet).toMatchObject({
      language: 'dockerfile',
      content: 'CMD ["java","-jar","/app.jar"]\n',
    });
  });

  it('fails for sh -c without exec (keeping the shell where variables need it) and in a manifest command', async () => {
    const df = (
      await evaluateCheck(
        {
          Dockerfile:
            'FROM ubuntu:22.04\nCMD ["sh", "-c", "java $JAVA_OPTS -jar /app.jar"]\n',
        },
        'f9-disposability.sigterm',
      )
    ).result;
    expect(df.verdict).toBe('fail');
    expect(df.remediation?.snippet?.content).toBe(
      'CMD ["sh","-c","exec java $JAVA_OPTS -jar /app.jar"]\n',
    );
    const k8s = docs(
      workload('api', {
        ...port,
        command: ['/bin/sh', '-c', 'node server.js'],
      }),
      service('api'),
    );
    const manifest = (
      await evaluateCheck(
        {
          'k8s/a.yaml': k8s,
          'server.js': "process.on('SIGTERM', () => server.close());\n",
        },
        'f9-disposability.sigterm',
      )
    ).result;
    expect(manifest.verdict).toBe('fail');
    expect(manifest.evidence[0]).toMatchObject({
      path: 'k8s/a.yaml',
      note: expect.stringContaining('sh -c without exec'),
    });
    expect(manifest.remediation?.snippet?.content).toContain(
      'exec node server.js',
    );
  });

  it('passes for an exec-form server that drains, or tini in front of a handler', async () => {
    const uv = (
      await evaluateCheck(
        { Dockerfile: 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app"]\n' },
        'f9-disposability.sigterm',
      )
    ).result;
    expect(uv.verdict).toBe('pass');
    expect(uv.summary).toContain('uvicorn drain on SIGTERM');
    const tini = (
      await evaluateCheck(
        {
          Dockerfile:
            'FROM node:22-alpine\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "dist/server.js"]\n',
          'src/server.ts': "process.on('SIGTERM', () => shutdown());\n",
        },
        'f9-disposability.sigterm',
      )
    ).result;
    expect(tini.verdict).toBe('pass');
    expect(tini.summary).toContain('handler at src/server.ts:1');
  });

  it('fails when the code is read and nothing in it handles SIGTERM; unknown when no code could be read', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM gcr.io/distroless/static\nCOPY app /app\nENTRYPOINT ["/app"]\n',
        'main.go':
          'package main\nfunc main() { log.Fatal(http.ListenAndServe(":8080", nil)) }\n',
      },
      'f9-disposability.sigterm',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(/nothing handles it/);
    const noCode = await evaluateCheck(
      {
        Dockerfile:
          'FROM gcr.io/distroless/static\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      },
      'f9-disposability.sigterm',
    );
    expect(noCode.result.verdict).toBe('unknown');
    expect(noCode.result.reason).toContain('neither a signal handler');
  });

  it("follows the start command into the repository's script: a last command without exec keeps the shell as PID 1", async () => {
    const files = {
      Dockerfile:
        'FROM python:3.12-slim\nCOPY . /app\nCMD ["/app/docker/entrypoint-web.sh"]\n',
      'docker/entrypoint-web.sh':
        '#!/bin/bash\nset -e\npython manage.py migrate\n# start\nuvicorn app.asgi:application \\\n  --host 0.0.0.0\n',
      'app/asgi.py': 'application = get_asgi_application()\n',
    };
    const { result } = await evaluateCheck(files, 'f9-disposability.sigterm');
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0].note).toMatch(
      /runs docker\/entrypoint-web\.sh, whose last command \(line 5: uvicorn/,
    );
    expect(result.remediation?.snippet).toMatchObject({
      path: 'docker/entrypoint-web.sh',
      content: 'exec uvicorn app.asgi:application --host 0.0.0.0\n',
    });
    // With exec, the server it starts is known, and it drains.
    const fixed = await evaluateCheck(
      {
        ...files,
        'docker/entrypoint-web.sh':
          '#!/bin/bash\nset -e\npython manage.py migrate\nexec uvicorn app.asgi:application\n',
      },
      'f9-disposability.sigterm',
    );
    expect(fixed.result.verdict).toBe('pass');
    expect(fixed.result.summary).toContain('uvicorn drain on SIGTERM');
  });

  it('puts exec before the last command of a chain, which is the one that must become PID 1', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile:
          'FROM python:3.12-slim\nCMD alembic upgrade head && hypercorn app:app --bind 0.0.0.0:8000\n',
      },
      'f9-disposability.sigterm',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.content).toBe(
      'CMD ["sh","-c","alembic upgrade head && exec hypercorn app:app --bind 0.0.0.0:8000"]\n',
    );
  });

  it('takes any Spring Boot for handling SIGTERM (its shutdown hook), and a start command only a base image knows for unknown', async () => {
    const boot = await evaluateCheck(
      {
        'pom.xml':
          '<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>2.0.3.RELEASE</version></parent></project>',
        Dockerfile:
          'FROM eclipse-temurin:17-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
        'src/main/java/App.java': 'public class App {}\n',
      },
      'f9-disposability.sigterm',
    );
    expect(boot.result.verdict).toBe('pass');
    const baseImage = await evaluateCheck(
      {
        Dockerfile:
          'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.10\nCOPY ./app /app\n',
        'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
      },
      'f9-disposability.sigterm',
    );
    expect(baseImage.result.verdict).toBe('unknown');
  });

  it('fails for a package manager as PID 1 (npm start)', async () => {
    const { result } = await evaluateCheck(
      {
        Dockerfile: 'FROM node:22-alpine\nCMD ["npm", "start"]\n',
        'src/server.js': "process.on('SIGTERM', () => server.close());\n",
      },
      'f9-disposability.sigterm',
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('a package manager');
  });
});

describe('C# services', () => {
  const csproj =
    '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="StackExchange.Redis" Version="2.8.16" />\n  </ItemGroup>\n</Project>\n';
  const program =
    'public class Program\n{\n    public static void Main(string[] args)\n    {\n        CreateHostBuilder(args).Build().Run();\n    }\n}\n';

  it('takes the generic host, which stops on SIGTERM and drains, as handling SIGTERM', async () => {
    const { result } = await evaluateCheck(
      {
        'src/cart.csproj': csproj,
        'src/Program.cs': program,
        Dockerfile:
          'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\nENTRYPOINT ["dotnet", "/app/cart.dll"]\n',
      },
      'f9-disposability.sigterm',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/Program.cs',
      startLine: 5,
    });
  });

  it('finds a shutdown hook (ApplicationStopping), and judges C# code without one instead of calling it unknown', async () => {
    const hooked = await evaluateCheck(
      {
        'src/cart.csproj': csproj,
        'src/Worker.cs':
          'lifetime.ApplicationStopping.Register(() => redis.Close());\n',
      },
      'f9-disposability.graceful-shutdown',
    );
    expect(hooked.result.verdict).toBe('pass');
    const none = await evaluateCheck(
      {
        'src/cart.csproj': csproj,
        'src/Worker.cs': 'while (true) { Thread.Sleep(100); }\n',
      },
      'f9-disposability.graceful-shutdown',
    );
    expect(none.result.verdict).toBe('fail');
    expect(none.result.summary).toContain('(csharp)');
  });
});
