/* Probes: which containers have which probe, and a probe to suggest. */
import type { CodeFact } from '../../facts/code/extractor';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import { podSpecPatch } from '../snippets';

/** HTTP paths that are health endpoints (`/healthz`, `/_healthz`, `/-/healthy`, `/actuator/health`…). */
export const HEALTH_PATH =
  /\/[_-]?(health|healthz|healthy|livez|liveness|readyz|readiness|ready|live|alive|ping|status)(\b|$)|\/actuator\/health/i;

/** An exec probe that runs a gRPC health client (grpc_health_probe, grpcurl … grpc.health.v1). */
const GRPC_HEALTH_COMMAND = /grpc[_-]health[_-]probe|grpc\.health\.v1/;

/**
 * The health endpoint a probe checks, if it checks one: an HTTP GET on a
 * health path, or the standard gRPC health service (a `grpc` probe calls
 * grpc.health.v1.Health/Check, as grpc_health_probe does).
 */
export function probeHealthEndpoint(
  probe: Record<string, any> | undefined,
): string | undefined {
  if (!probe) return undefined;
  const path = probe.httpGet?.path;
  if (typeof path === 'string' && HEALTH_PATH.test(path)) return path;
  if (probe.grpc) return `gRPC health service (port ${probe.grpc.port})`;
  const cmd = probe.exec?.command;
  if (Array.isArray(cmd) && GRPC_HEALTH_COMMAND.test(cmd.join(' ')))
    return 'gRPC health service';
  return undefined;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** A short description of a probe: `HTTP GET /health`, `TCP http`, `exec celery …`. */
export function describeProbe(probe: Record<string, any>): string {
  if (probe.httpGet)
    return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${
      probe.httpGet.port
    }`;
  if (probe.tcpSocket) return `TCP port ${probe.tcpSocket.port}`;
  if (probe.grpc) return `gRPC port ${probe.grpc.port}`;
  if (probe.exec)
    return `exec ${(probe.exec.command ?? []).join(' ').slice(0, 80)}`;
  return 'probe';
}

/** The kinds of probe a note tells apart (the ids `…-<variant>-note`). */
export type ProbeVariant = 'http' | 'tcp' | 'grpc' | 'exec' | 'other';

/** describeProbe as a message variant and its parameters (names, ports, paths). */
export function probeParts(probe: Record<string, any>): {
  variant: ProbeVariant;
  params: Record<string, string>;
} {
  if (probe.httpGet)
    return {
      variant: 'http',
      params: {
        path: String(probe.httpGet.path ?? '/'),
        port: String(probe.httpGet.port),
      },
    };
  if (probe.tcpSocket)
    return { variant: 'tcp', params: { port: String(probe.tcpSocket.port) } };
  if (probe.grpc)
    return { variant: 'grpc', params: { port: String(probe.grpc.port) } };
  if (probe.exec)
    return {
      variant: 'exec',
      params: {
        command: (probe.exec.command ?? []).join(' ').slice(0, 80),
      },
    };
  return { variant: 'other', params: {} };
}

/** The health route the code defines, e.g. `/health` from `@app.get("/health")`. */
export function codeHealthPath(code: CodeFact | undefined): string | undefined {
  for (const m of code?.signals['endpoint.health'] ?? []) {
    const p = /["'`](?:GET\s+)?(\/[\w/-]*)["'`]/.exec(m.text);
    if (p) return p[1];
  }
  return undefined;
}

/** A probe that fits a container: HTTP on its health route, TCP on its port, or a command. */
export function suggestedProbe(
  c: Record<string, any>,
  healthPath: string | undefined,
  kind: ProbeKind,
): Record<string, unknown> {
  const port = (c.ports ?? [])[0];
  const portRef = port?.name ?? port?.containerPort;
  const timing =
    kind === 'livenessProbe'
      ? { initialDelaySeconds: 15, periodSeconds: 20, failureThreshold: 3 }
      : { periodSeconds: 10, failureThreshold: 3 };
  if (portRef !== undefined && healthPath)
    return { httpGet: { path: healthPath, port: portRef }, ...timing };
  if (portRef !== undefined) return { tcpSocket: { port: portRef }, ...timing };
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].map(String);
  const celery = cmd.indexOf('-A');
  if (cmd.includes('celery') && celery >= 0) {
    return {
      exec: {
        command: [
          '/bin/sh',
          '-c',
          `celery -A ${cmd[celery + 1]} inspect ping -d celery@$HOSTNAME`,
        ],
      },
      ...timing,
      periodSeconds: 60,
      timeoutSeconds: 10,
    };
  }
  return {
    exec: {
      command: [
        '/bin/sh',
        '-c',
        '<command that fails when the process is stuck>',
      ],
    },
    ...timing,
  };
}

/** Strategic-merge patch adding a probe to the given containers of a workload. */
export function probePatch(
  w: Workload,
  containers: WorkloadContainer[],
  kind: ProbeKind,
  healthPath: string | undefined,
): string {
  return podSpecPatch(
    {
      apiVersion: w.source.object.apiVersion,
      kind: w.kind,
      name: w.name,
      ...(w.namespace ? { namespace: w.namespace } : {}),
    },
    {
      containers: containers.map(c => ({
        name: c.container.name,
        [kind]: suggestedProbe(c.container, healthPath, kind),
      })),
    },
  );
}
