import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import type { DockerfileInfo } from '../../facts/dockerfile/types';
import { objectSets } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { advice, noted, listing, type Said } from '../messages';
import { objectEvidence } from '../setMessages';
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

/**
 * Why a container's runtime is known to start slowly (a JVM without a
 * startupProbe), if it is: its command, its image or its base image, which
 * names the message (`…jvm-command-…`, `…jvm-image-…`, `…jvm-base-image-…`).
 */
function slowRuntime(
  c: Record<string, any>,
  dockerfiles: ReadonlyArray<DockerfileInfo>,
):
  | { kind: 'jvm-command'; command: string }
  | { kind: 'jvm-image' | 'jvm-base-image'; image: string }
  | undefined {
  const image = String(c.image ?? '');
  const df = dockerfileFor(dockerfiles, image);
  const cmd = commandOf(c) || (df ? dockerCommand(df)?.text ?? '' : '');
  if (JVM_COMMAND.test(cmd))
    return { kind: 'jvm-command', command: cmd.slice(0, 60) };
  if (JVM_IMAGE.test(imageRepository(image).toLowerCase()))
    return { kind: 'jvm-image', image };
  const last = df && finalStage(df);
  if (df && last && JVM_IMAGE.test(baseImageOf(df, last).toLowerCase()))
    return { kind: 'jvm-base-image', image: baseImageOf(df, last) };
  return undefined;
}

const M = 'f9-disposability.fast-startup';

type Finding = {
  verdict: 'pass' | 'partial';
  w: AppWorkload;
  c: WorkloadContainer;
  /** What was found, as `${M}.<what>` with its parameters; the workload is added where it is named. */
  what: string;
  params: Record<string, string | number>;
};

/** The finding's note on its container (`<what>-note`). */
function noteOf(f: Finding) {
  return noted(`${M}.${f.what}-note`, {
    container: f.c.container.name,
    ...f.params,
  });
}

/** The finding said of its workload (`<what>`), for the summary. */
function saidOf(f: Finding): Said {
  return [`${M}.${f.what}`, { workload: f.w.name, ...f.params }];
}

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
      what: 'startup-probe',
      params: {
        seconds: (sp.periodSeconds ?? 10) * (sp.failureThreshold ?? 3),
      },
    };
  if (rp) {
    const delay = Number(rp.initialDelaySeconds ?? 0);
    if (delay > 30)
      return {
        verdict: 'partial',
        w,
        c,
        what: 'readiness-delay',
        params: { delay },
      };
    if (slow) {
      const { kind, ...runtime } = slow;
      return {
        verdict: 'partial',
        w,
        c,
        what: `${kind}-readiness`,
        params: { ...runtime, delay },
      };
    }
    return {
      verdict: 'pass',
      w,
      c,
      what: 'readiness-delay',
      params: { delay },
    };
  }
  if (slow) {
    const { kind, ...runtime } = slow;
    return {
      verdict: 'partial',
      w,
      c,
      what: `${kind}-no-probe`,
      params: runtime,
    };
  }
  const ld = Number(lp?.initialDelaySeconds ?? 0);
  if (ld > 60)
    return {
      verdict: 'partial',
      w,
      c,
      what: 'liveness-delay',
      params: { delay: ld },
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
            objectEvidence(
              set,
              f.w.source,
              noteOf(f),
              `${f.c.fieldPath}.${probeField(f.c.container)}`,
            ),
          ),
        );
        const slow = findings.filter(f => f.verdict === 'partial');
        if (slow.length === 0) {
          return {
            verdict: 'pass',
            ...listing(set.label, undefined, findings.map(saidOf), ', '),
            evidence,
          };
        }
        const patch = startupPatch(slow[0]);
        return {
          verdict: 'partial',
          ...listing(set.label, [`${M}.slow`], slow.map(saidOf), '; '),
          evidence,
          remediation: {
            ...advice(`${M}.slow-advice`, { workload: slow[0].w.name }),
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
      { id: `${M}.nothing` },
    );
  },
};
