import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import type { DockerfileInfo } from '../../facts/dockerfile/types';
import { objectSets, setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { podSpecPatch } from '../snippets';
import {
  appProcesses,
  commandOf,
  dockerCommand,
  dockerfileFor,
  imageRepository,
  judgeSets,
  portsOf,
  type AppWorkload,
} from '../f8-concurrency/processTypes';
import type { WorkloadContainer } from '../../facts/manifests/workloads';

const JVM_COMMAND =
  /(^|\s|\/)java(\s|$)|\.jar\b|catalina\.sh|spring-boot:run|(^|\s)(mvn|gradlew?)\s/;
const JVM_IMAGE =
  /jdk|jre|java|temurin|corretto|zulu|liberica|semeru|tomcat|jetty|wildfly|jboss|payara|liberty/;

/** Why a container's runtime is known to start slowly (a JVM without a startupProbe), if it is. */
function slowRuntime(
  c: Record<string, any>,
  dockerfiles: ReadonlyArray<DockerfileInfo>,
): string | undefined {
  const image = String(c.image ?? '');
  const df = dockerfileFor(dockerfiles, image);
  const cmd = commandOf(c) || (df ? dockerCommand(df)?.text ?? '' : '');
  if (JVM_COMMAND.test(cmd)) return `JVM runtime (${cmd.slice(0, 60)})`;
  if (JVM_IMAGE.test(imageRepository(image).toLowerCase()))
    return `JVM image ${image}`;
  const last = df && finalStage(df);
  if (df && last && JVM_IMAGE.test(baseImageOf(df, last).toLowerCase()))
    return `JVM base image ${baseImageOf(df, last)}`;
  return undefined;
}

type Finding = {
  verdict: 'pass' | 'partial';
  w: AppWorkload;
  c: WorkloadContainer;
  note: string;
};

function judgeContainer(
  w: AppWorkload,
  c: WorkloadContainer,
  dockerfiles: ReadonlyArray<DockerfileInfo>,
): Finding | undefined {
  const {
    startupProbe: sp,
    readinessProbe: rp,
    livenessProbe: lp,
  } = c.container;
  const slow = slowRuntime(c.container, dockerfiles);
  if (sp)
    return {
      verdict: 'pass',
      w,
      c,
      note: `startupProbe (up to ${
        (sp.periodSeconds ?? 10) * (sp.failureThreshold ?? 3)
      } s)`,
    };
  if (rp) {
    const delay = Number(rp.initialDelaySeconds ?? 0);
    if (delay > 30)
      return {
        verdict: 'partial',
        w,
        c,
        note: `readiness initialDelaySeconds ${delay}`,
      };
    if (slow)
      return {
        verdict: 'partial',
        w,
        c,
        note: `${slow} without a startupProbe (readiness after ${delay} s)`,
      };
    return {
      verdict: 'pass',
      w,
      c,
      note: `readiness initialDelaySeconds ${delay}`,
    };
  }
  if (slow)
    return {
      verdict: 'partial',
      w,
      c,
      note: `no readiness or startup probe; ${slow}`,
    };
  const ld = Number(lp?.initialDelaySeconds ?? 0);
  if (ld > 60)
    return {
      verdict: 'partial',
      w,
      c,
      note: `liveness initialDelaySeconds ${ld}`,
    };
  // A worker without probes says nothing about its start-up time.
  return undefined;
}

/** The probe a finding is about. */
function probeField(c: Record<string, any>): string {
  return ['startupProbe', 'readinessProbe'].find(p => c[p]) ?? 'livenessProbe';
}

function startupPatch(f: Finding) {
  const c = f.c.container;
  const handler =
    (c.readinessProbe &&
      (['httpGet', 'tcpSocket', 'grpc', 'exec'] as const)
        .map(k =>
          c.readinessProbe[k] ? { [k]: c.readinessProbe[k] } : undefined,
        )
        .find(Boolean)) ??
    (portsOf(c)[0]
      ? {
          tcpSocket: {
            port: portsOf(c)[0].name ?? portsOf(c)[0].containerPort,
          },
        }
      : undefined);
  if (!handler) return undefined;
  return podSpecPatch(
    {
      apiVersion: f.w.source.object.apiVersion,
      kind: f.w.kind,
      name: f.w.name,
      namespace: f.w.namespace,
    },
    {
      containers: [
        {
          name: c.name,
          startupProbe: { ...handler, periodSeconds: 5, failureThreshold: 36 },
          ...(c.readinessProbe
            ? { readinessProbe: { initialDelaySeconds: 0 } }
            : {}),
        },
      ],
    },
  );
}

export const fastStartup: TwelveFactorCheck = {
  id: 'f9-disposability.fast-startup',
  evaluate({ facts }) {
    const dockerfiles = facts.tryGet(containerBuildFactRef)?.dockerfiles ?? [];
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const findings = appProcesses(set).flatMap(w =>
          w.appContainers
            .map(c => judgeContainer(w, c, dockerfiles))
            .filter((f): f is Finding => !!f),
        );
        if (findings.length === 0) return undefined;
        const evidence: Evidence[] = capEvidence(
          findings.map(f =>
            setEvidence(
              set,
              f.w.source,
              `container ${f.c.container.name}: ${f.note}`,
              `${f.c.fieldPath}.${probeField(f.c.container)}`,
            ),
          ),
        );
        const slow = findings.filter(f => f.verdict === 'partial');
        if (slow.length === 0) {
          return {
            verdict: 'pass',
            summary: `${set.label}: ${findings
              .map(f => `${f.w.name} ${f.note}`)
              .join(', ')}`,
            evidence,
          };
        }
        const patch = startupPatch(slow[0]);
        return {
          verdict: 'partial',
          summary: `${set.label}: slow start-up: ${slow
            .map(f => `${f.w.name} ${f.note}`)
            .join('; ')}`,
          evidence,
          remediation: {
            text: `Give ${slow[0].w.name} a startupProbe instead of long initial delays, so that Kubernetes learns as soon as it is up (and still tolerates a slow first start); for a JVM consider class-data sharing, lazy initialisation or a native image.`,
            ...(patch
              ? {
                  snippet: {
                    language: 'yaml' as const,
                    action: 'create' as const,
                    content: patch,
                  },
                }
              : {}),
          },
        };
      },
      'No readiness, startup or liveness probe and no known slow runtime to judge start-up time by',
    );
  },
};
