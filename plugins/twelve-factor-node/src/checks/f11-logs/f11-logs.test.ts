import { clusterOf, evaluateCheck } from '../../__testUtils__';

const LOGGER_FILE_AND_STDOUT = `import logging, os, sys
from logging.handlers import RotatingFileHandler

def get_logger(name):
    logger = logging.getLogger(name)
    logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))
    stream = logging.StreamHandler(sys.stdout)
    logger.addHandler(stream)
    file_handler = RotatingFileHandler(os.path.join(os.environ["LOG_DIR"], "app.log"))
    logger.addHandler(file_handler)
    return logger
`;
const LOGGER_STDOUT =
  'import logging, sys\nlogging.basicConfig(stream=sys.stdout)\n';

/** A Deployment of the entity `svc` that mounts a PVC at /app/data and reads LOG_DIR from its ConfigMap. */
const APP = (ns: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: svc-config, namespace: ${ns}, labels: {backstage.io/kubernetes-id: svc}}
data: {LOG_DIR: /app/data/logs}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: svc-api, namespace: ${ns}, labels: {backstage.io/kubernetes-id: svc}}
spec:
  selector: {matchLabels: {app: svc-api}}
  template:
    metadata: {labels: {app: svc-api, backstage.io/kubernetes-id: svc}}
    spec:
      containers:
        - name: api
          image: registry.example.com/svc:1.0.0
          envFrom: [{configMapRef: {name: svc-config}}]
          volumeMounts: [{name: data, mountPath: /app/data}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: svc-data}}]
`;
const FLUENT_BIT = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluent-bit, namespace: logging, labels: {app.kubernetes.io/name: fluent-bit}}
spec:
  selector: {matchLabels: {app.kubernetes.io/name: fluent-bit}}
  template:
    metadata: {labels: {app.kubernetes.io/name: fluent-bit}}
    spec: {containers: [{name: fluent-bit, image: cr.fluentbit.io/fluent/fluent-bit:3.2.4}]}
`;
const AMA_LOGS = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ama-logs, namespace: kube-system}
spec:
  selector: {matchLabels: {component: ama-logs}}
  template:
    metadata: {labels: {component: ama-logs}}
    spec: {containers: [{name: ama-logs, image: mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1.0}]}
`;

describe('f11-logs.stdout', () => {
  it('passes with a stdout handler, listing the extra file handler too', async () => {
    const { result } = await evaluateCheck(
      { 'app/logger.py': LOGGER_FILE_AND_STDOUT },
      'f11-logs.stdout',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('StreamHandler(sys.stdout)');
    expect(result.evidence).toEqual([
      expect.objectContaining({ path: 'app/logger.py', startLine: 7 }),
      expect.objectContaining({ path: 'app/logger.py', startLine: 9 }),
    ]);
  });

  it('fails when logs go to files only, with a console appender for log4j2', async () => {
    const log4j2 =
      '<Configuration>\n  <Appenders>\n    <RollingFile name="File" fileName="/var/log/app/app.log"/>\n  </Appenders>\n</Configuration>\n';
    const { result } = await evaluateCheck(
      { 'src/main/resources/log4j2.xml': log4j2, 'pom.xml': '<project/>' },
      'f11-logs.stdout',
    );
    expect(result.verdict).toBe('fail');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/resources/log4j2.xml',
      startLine: 3,
    });
    expect(result.remediation?.snippet).toMatchObject({
      path: 'src/main/resources/log4j2.xml',
      content: expect.stringContaining(
        '<Console name="Console" target="SYSTEM_OUT">',
      ),
    });
  });

  it('passes with the default loggers when no file handler exists', async () => {
    const { result } = await evaluateCheck(
      { 'main.go': 'package main\nfunc main() {}\n' },
      'f11-logs.stdout',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toMatch(/default loggers/);
  });

  it('is unknown without source code', async () => {
    const { result } = await evaluateCheck(
      { 'README.md': '# svc' },
      'f11-logs.stdout',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/no Python, JavaScript/);
  });
});

describe('f11-logs.structured', () => {
  it('passes with a JSON formatter in code or a JSON logging library', async () => {
    expect(
      (
        await evaluateCheck(
          {
            'src/log.ts':
              "import pino from 'pino';\nexport const logger = pino();\n",
          },
          'f11-logs.structured',
        )
      ).result.verdict,
    ).toBe('pass');
    const lib = (
      await evaluateCheck(
        {
          'requirements.txt': 'python-json-logger==3.2.1\n',
          'app.py': 'import logging\n',
        },
        'f11-logs.structured',
      )
    ).result;
    expect(lib.verdict).toBe('pass');
    expect(lib.evidence[0]).toMatchObject({
      path: 'requirements.txt',
      startLine: 1,
    });
  });

  it('is partial for plain text, with a JSONFormatter wired to the handlers of the service', async () => {
    const { result } = await evaluateCheck(
      {
        'requirements.txt': 'fastapi==0.115.0\n',
        'app/logger.py': LOGGER_FILE_AND_STDOUT,
      },
      'f11-logs.structured',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('app/logger.py');
    expect(result.remediation?.snippet).toMatchObject({
      language: 'python',
      path: 'app/logger.py',
      action: 'modify',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'class JSONFormatter(logging.Formatter)',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'stream.setFormatter(JSONFormatter())',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'file_handler.setFormatter(JSONFormatter())',
    );
  });

  it('suggests the JSON handler of the language: slog for Go, pino for Node', async () => {
    const go = (
      await evaluateCheck(
        {
          'go.mod': 'module x\n',
          'main.go':
            'package main\nimport "log"\nfunc main() { log.Println("hi") }\n',
        },
        'f11-logs.structured',
      )
    ).result;
    expect(go.verdict).toBe('partial');
    expect(go.remediation?.snippet?.content).toContain(
      'slog.NewJSONHandler(os.Stdout',
    );
    const node = (
      await evaluateCheck(
        {
          'package.json': '{"dependencies":{"express":"4.0.0"}}',
          'src/server.ts': "console.log('up');\n",
        },
        'f11-logs.structured',
      )
    ).result;
    expect(node.remediation?.snippet?.content).toContain(
      "import pino from 'pino'",
    );
  });

  it('is unknown without source code', async () => {
    expect(
      (await evaluateCheck({ 'README.md': '' }, 'f11-logs.structured')).result
        .verdict,
    ).toBe('unknown');
  });
});

describe('f11-logs.centralized and cn-observability.centralized-logging', () => {
  const both = async (
    files: Record<string, string>,
    clusters?: ReturnType<typeof clusterOf>[],
  ) => {
    const a = (
      await evaluateCheck(files, 'f11-logs.centralized', {
        ...(clusters ? { clusters } : {}),
      })
    ).result;
    const b = (
      await evaluateCheck(files, 'cn-observability.centralized-logging', {
        ...(clusters ? { clusters } : {}),
      })
    ).result;
    // One helper judges both: same verdict, summary and evidence.
    expect({
      verdict: b.verdict,
      summary: b.summary,
      evidence: b.evidence,
    }).toEqual({
      verdict: a.verdict,
      summary: a.summary,
      evidence: a.evidence,
    });
    return a;
  };

  it('fails when the app writes files on a PVC and the cluster has no collector, naming the volume', async () => {
    const result = await both({ 'app/logger.py': LOGGER_FILE_AND_STDOUT }, [
      clusterOf('prod', APP('svc-prd')),
    ]);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'cluster prod: logs are written to files (app/logger.py:9) and no log collector ships them',
    );
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'cluster-object',
          cluster: 'prod',
          kind: 'Namespace',
          name: 'svc-prd',
        }),
        expect.objectContaining({
          type: 'file',
          path: 'app/logger.py',
          startLine: 9,
        }),
        expect.objectContaining({
          type: 'cluster-object',
          kind: 'Deployment',
          name: 'svc-api',
          fieldPath: 'spec.template.spec.containers[0].volumeMounts[0]',
          note: expect.stringContaining(
            'LOG_DIR=/app/data/logs land on PVC svc-data',
          ),
        }),
      ]),
    );
    expect(result.remediation?.text).toContain('app/logger.py:9');
    expect(result.remediation?.snippet?.content).toContain('fluent-bit');
  });

  it('is partial with a collector while the app still writes files', async () => {
    const result = await both({ 'app/logger.py': LOGGER_FILE_AND_STDOUT }, [
      clusterOf('prod', APP('svc-prd') + FLUENT_BIT),
    ]);
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      type: 'cluster-object',
      namespace: 'logging',
      kind: 'DaemonSet',
      name: 'fluent-bit',
    });
    expect(result.remediation?.text).toMatch(/Remove the file handler/);
  });

  it('passes with a collector and stdout-only logging', async () => {
    const result = await both({ 'app/main.py': LOGGER_STDOUT }, [
      clusterOf('prod', APP('svc-prd') + FLUENT_BIT),
    ]);
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toEqual([
      expect.objectContaining({
        name: 'fluent-bit',
        note: 'fluent-bit collects pod logs',
      }),
    ]);
  });

  it('judges each cluster: a cluster without a collector fails even when another has one', async () => {
    const result = await both({ 'app/main.py': LOGGER_STDOUT }, [
      clusterOf('east', APP('svc') + FLUENT_BIT),
      clusterOf('west', APP('svc')),
    ]);
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      "cluster west: no log collector ships the pods' logs",
    );
  });

  it('passes without a cluster when a library ships the logs itself', async () => {
    const result = await both({
      'requirements.txt': 'python-logging-loki==0.3.1\n',
      'app/main.py': LOGGER_STDOUT,
    });
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'requirements.txt',
      note: 'python-logging-loki ships logs to Loki',
    });
  });

  it('fails without a cluster when logs only go to files: nothing reaches stdout', async () => {
    const result = await both({
      'app/logger.py':
        'from logging import FileHandler\nh = FileHandler("/var/log/app.log")\n',
    });
    expect(result.verdict).toBe('fail');
    expect(result.summary).toMatch(/nothing reaches stdout/);
  });

  it('is unknown without a cluster when logs go to stdout: a collector is a cluster add-on', async () => {
    const result = await both({ 'app/main.py': LOGGER_STDOUT });
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(
      /cluster add-on and no cluster is configured/,
    );
  });

  it("does not count a cluster that runs none of the entity's workloads", async () => {
    const result = await both({ 'app/main.py': LOGGER_STDOUT }, [
      clusterOf('other', FLUENT_BIT),
    ]);
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(
      /cluster other runs no workload of this entity/,
    );
  });
});

describe('f11-logs.aggregation', () => {
  it('passes when a cloud agent ships the logs, naming the backend', async () => {
    const { result } = await evaluateCheck(
      { 'app/main.py': LOGGER_STDOUT },
      'f11-logs.aggregation',
      { clusters: [clusterOf('aks', APP('svc') + AMA_LOGS)] },
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      kind: 'DaemonSet',
      name: 'ama-logs',
      note: 'azure-monitor-agent sends pod logs to Azure Monitor (Container Insights)',
    });
  });

  it('fails when logs stay on each pod', async () => {
    const { result } = await evaluateCheck(
      { 'app/logger.py': LOGGER_FILE_AND_STDOUT },
      'f11-logs.aggregation',
      { clusters: [clusterOf('aks', APP('svc'))] },
    );
    expect(result.verdict).toBe('fail');
    expect(result.summary).toBe(
      'cluster aks: no log backend or collector; logs stay on each pod',
    );
    expect(result.remediation?.text).toMatch(/Loki, Elasticsearch/);
  });

  it('is unknown without a cluster, and fails for file-only logging', async () => {
    expect(
      (
        await evaluateCheck(
          { 'app/main.py': LOGGER_STDOUT },
          'f11-logs.aggregation',
        )
      ).result.verdict,
    ).toBe('unknown');
    expect(
      (
        await evaluateCheck(
          { 'a.py': 'h = logging.FileHandler("/var/log/a.log")\n' },
          'f11-logs.aggregation',
        )
      ).result.verdict,
    ).toBe('fail');
  });
});

describe('f11-logs.runtime-level', () => {
  it('passes when the level can change at run time', async () => {
    const { result } = await evaluateCheck(
      {
        'main.go':
          'package main\nvar atom = zap.NewAtomicLevel()\nfunc routes(mux *http.ServeMux) {\n  mux.Handle("/log/level", atom)\n}\n',
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({ path: 'main.go', startLine: 4 });
    // Spring Boot's actuator exposing every endpoint exposes loggers too.
    expect(
      (
        await evaluateCheck(
          {
            'src/main/resources/application.properties':
              'management.endpoints.web.exposure.include=*\n',
          },
          'f11-logs.runtime-level',
        )
      ).result.verdict,
    ).toBe('pass');
  });

  it("passes when application.yml's nested actuator exposure includes loggers", async () => {
    const { result } = await evaluateCheck(
      {
        'src/main/resources/application.yml':
          'management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info,loggers\n',
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: 'src/main/resources/application.yml',
      startLine: 5,
    });
  });

  it('does not take a level object set once at start for a runtime switch', async () => {
    const { result } = await evaluateCheck(
      {
        'main.go':
          'package main\nimport "go.uber.org/zap"\nvar atom = zap.NewAtomicLevelAt(zap.InfoLevel)\nvar logger = zap.New(zapcore.NewCore(enc, zapcore.Lock(os.Stdout), atom))\n',
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).not.toBe('pass');
  });

  it('is unknown when the code sets up no logging at all', async () => {
    const { result } = await evaluateCheck(
      { 'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toMatch(/sets up no logger/);
  });

  it('is partial when the level comes from LOG_LEVEL, with an admin endpoint for FastAPI', async () => {
    const { result } = await evaluateCheck(
      {
        'requirements.txt': 'fastapi==0.115.0\n',
        'app/logger.py': LOGGER_FILE_AND_STDOUT,
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'app/logger.py',
      startLine: 6,
    });
    expect(result.remediation?.snippet?.content).toContain(
      '@app.put("/admin/log-level"',
    );
  });

  it('is partial when the start command takes the level from the environment (gunicorn --log-level=$LOG_LEVEL)', async () => {
    const { result } = await evaluateCheck(
      {
        'app.py': 'import logging\nlogging.basicConfig()\n',
        Dockerfile:
          'FROM python:3.12-slim\nENV LOG_LEVEL=info\nCMD gunicorn -b :8080 --log-level=$LOG_LEVEL "app:create_app()"\n',
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toBe(
      'The log level comes from the environment when the process starts (--log-level=$LOG_LEVEL, Dockerfile:3); changing it needs a restart',
    );
  });

  it('fails when the level is hard-coded', async () => {
    const { result } = await evaluateCheck(
      {
        'pom.xml': '<project/>',
        'src/main/java/App.java':
          'class App { Logger l = LoggerFactory.getLogger(App.class); }\n',
      },
      'f11-logs.runtime-level',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.text).toMatch(/LOG_LEVEL/);
    expect(result.remediation?.snippet?.content).toContain('loggers');
  });

  it('is unknown without source code', async () => {
    expect(
      (await evaluateCheck({ 'README.md': '' }, 'f11-logs.runtime-level'))
        .result.verdict,
    ).toBe('unknown');
  });
});

describe('f11-logs: the cluster decides without source code', () => {
  it('passes aggregation from the cluster’s log collector, and fails centralised logging in a cluster without one, with no code in the repository', async () => {
    const manifestsOnly = { 'README.md': '# svc\n' };
    const aggregation = (
      await evaluateCheck(manifestsOnly, 'f11-logs.aggregation', {
        clusters: [clusterOf('prod', APP('svc-prd') + FLUENT_BIT)],
      })
    ).result;
    expect(aggregation.verdict).toBe('pass');
    const centralized = (
      await evaluateCheck(manifestsOnly, 'f11-logs.centralized', {
        clusters: [clusterOf('prod', APP('svc-prd'))],
      })
    ).result;
    expect(centralized.verdict).toBe('fail');
    expect(centralized.summary).toBe(
      "cluster prod: no log collector ships the pods' logs",
    );
  });

  it('stays unknown for centralised logging with a collector but no code: log files cannot be ruled out', async () => {
    const { result } = await evaluateCheck(
      { 'README.md': '# svc\n' },
      'f11-logs.centralized',
      { clusters: [clusterOf('prod', APP('svc-prd') + FLUENT_BIT)] },
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain(
      'whether it also writes log files cannot be told',
    );
  });
});

describe('C# logging', () => {
  it('reads console logging, a JSON console formatter and the level from appsettings', async () => {
    const files = {
      'src/Program.cs':
        'var builder = WebApplication.CreateBuilder(args);\nbuilder.Logging.AddJsonConsole();\nConsole.WriteLine("starting");\n',
      'src/appsettings.json':
        '{\n  "Logging": {\n    "LogLevel": {\n      "Default": "Information"\n    }\n  }\n}\n',
    };
    expect((await evaluateCheck(files, 'f11-logs.stdout')).result.verdict).toBe(
      'pass',
    );
    expect(
      (await evaluateCheck(files, 'f11-logs.structured')).result.verdict,
    ).toBe('pass');
    const level = await evaluateCheck(files, 'f11-logs.runtime-level');
    expect(level.result.verdict).toBe('partial');
    expect(level.result.evidence[0]).toMatchObject({
      path: 'src/appsettings.json',
      startLine: 3,
    });
  });
});
