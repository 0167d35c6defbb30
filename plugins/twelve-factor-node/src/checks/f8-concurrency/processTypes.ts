/**
 * Process types of a service, from its workloads: the vocabulary that the
 * processes, port-binding, concurrency, disposability and dev/prod-parity
 * checks share.
 *
 * - web: declares a containerPort that a Service routes traffic to (metrics
 *   and health ports, and Services that only expose them, do not count), or
 *   declares no port at all while a Service routes traffic to its pods
 *   (containerPort is informational: the Service's targetPort is served);
 * - worker: consumes a queue (celery, sidekiq, rq, bull, Kafka consumers…, or
 *   a KEDA ScaledObject or HPA scales it on a queue), or serves no traffic
 *   (no port, metrics/health ports only, a consumer-group or queue variable,
 *   or a worker's name with no Service routing traffic to it);
 * - backing: a backing service run beside the app (redis, postgres…), which is
 *   no process of the app;
 * - job: runs to completion (Job, CronJob, bare Pod that does not restart);
 * - other: serves a traffic port that no Service selects.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError, type FactReader } from '../../engine/facts';
import type { CheckOutcome } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { finalStage } from '../../facts/dockerfile/parseDockerfile';
import type { DockerfileInfo } from '../../facts/dockerfile/types';
import type { SourcedObject } from '../../facts/manifests/yamlObjects';
import {
  isLongRunningWorkload,
  setWorkloads,
  type Workload,
  type WorkloadContainer,
} from '../../facts/manifests/workloads';
import type { ObjectSet } from '../../facts/objectSets';
import {
  runtimeHintsFactRef,
  type RuntimeHintsFact,
} from '../../facts/runtimeHints';
import { mapSelectorMatches } from '../../kube/labels';
import {
  backingKindOfImage,
  imageName,
  imageRepository,
  operatorBackingServices,
} from '../../facts/images';
import { worstOf } from '../combine';
import { because, finding, noted, type Said } from '../messages';
import { codeNote } from '../codeNotes';
import {
  consumerEvidence,
  declaredProcesses,
  declaredWorkers,
  runningConsumers,
} from './declaredProcesses';
import { fileEvidence, type Note } from '../evidence';
import {
  consumerEnv,
  queueScalerOf,
  routesTraffic,
  scalesOnQueue,
  servingPorts,
  WORKER_NAME,
} from '../serving';

/** @public */
export type ProcessType = 'web' | 'worker' | 'backing' | 'job' | 'other';

/** A workload with its process type. */
export interface AppWorkload extends Workload {
  type: ProcessType;
  /** Why it got that type, for evidence. */
  why: string;
  /** `<type>: <why>` as a message, for evidence notes. */
  whySaid: Said;
  /** Services selecting its pods. */
  services: SourcedObject[];
  /** For backing services: redis, postgresql… */
  backingKind?: string;
  /** For workers: the queue system (celery, sidekiq…), when the command names one. */
  queue?: string;
  /** Containers that run the app (no init containers, no proxies or agents). */
  appContainers: WorkloadContainer[];
}

// ---------------------------------------------------------------- images

/**
 * Results of pure string functions below, which checks call for every
 * container of every set: a few distinct images and commands per scan,
 * asked about hundreds of times. Bounded, as the strings come from manifests.
 */
function memoized<T>(f: (s: string) => T): (s: string) => T {
  const results = new Map<string, T>();
  return s => {
    if (results.has(s)) return results.get(s)!;
    const r = f(s);
    if (results.size >= 2048) results.clear();
    results.set(s, r);
    return r;
  };
}

export {
  imageRepository,
  imageName,
  backingKindOfImage,
  operatorBackingServices,
};

// ---------------------------------------------------------------- commands

/** A container's command and args as one string. */
export function commandOf(container: Record<string, any>): string {
  const parts = [
    ...(Array.isArray(container.command) ? container.command : []),
    ...(Array.isArray(container.args) ? container.args : []),
  ];
  return parts.map(String).join(' ');
}

const QUEUES: Array<[RegExp, string]> = [
  [/\bcelery\b.*\bworker\b/, 'celery'],
  [/\bsidekiq\b/, 'sidekiq'],
  [/\brq\s+worker\b|\brqworker\b/, 'rq'],
  [/\bdramatiq\b/, 'dramatiq'],
  [/\barq\s+\S/, 'arq'],
  [/\bhuey_consumer\b/, 'huey'],
  [/\bqcluster\b/, 'django-q'],
  [/\b(taskiq|procrastinate)\s+worker\b/, 'worker'],
  [
    /\bqueue:(work|listen)\b|\bjobs:work\b|\bresque\b|\bartisan\s+horizon\b|\bmessenger:consume\b/,
    'queue',
  ],
  [
    /\b(shoryuken|sneakers|good_job|delayed_job)\b|\bque\s+(-|\S+\.rb)/,
    'queue',
  ],
  [/\b(bull|bullmq|bee-queue|kue|agenda|graphile-worker|pg-boss)\b/, 'bull'],
  [/\bfaust\b.*\bworker\b/, 'faust'],
  [
    /\bkafka-console-consumer\b|\bkarafka\s+server\b|\bracecar\b|\bphobos\s+start\b|\bkafka[-_]?consumer\b|--consumer-group\b|--group-id\b/i,
    'kafka',
  ],
  [/\basynq\b|\bmachinery\s+worker\b|\bfaktory-worker\b/, 'worker'],
  // Generic last: `worker`/`consumer` as a word, a worker script or an npm script; not gunicorn's --workers.
  [
    /(^|\s)(worker|consumer)(\s|$)|(^|[\s/])[\w-]*(worker|consumer)\.(c?js|mjs|ts|py|rb)\b|\brun\s+[\w:-]*(worker|consume)/i,
    'worker',
  ],
];

/** The queue system a command consumes from, if it runs a worker. */
export function workerCommand(command: string): string | undefined {
  if (!command) return undefined;
  return queueOf(command);
}

const queueOf = memoized((command: string): string | undefined => {
  for (const [re, name] of QUEUES) if (re.test(command)) return name;
  return undefined;
});

/**
 * Several processes started by one command: a process manager, or a shell
 * that backgrounds one program and starts another. `-B` runs celery beat
 * inside a worker.
 */
export function multiProcessCommand(command: string): string | undefined {
  return multiProcess(command)?.text;
}

/** How a command starts several processes, if it does: the kind (for message ids) and the process manager. */
export function multiProcessOf(
  command: string,
): Pick<MultiProcess, 'kind' | 'manager'> | undefined {
  return multiProcess(command);
}

/** How a command starts several processes: the kind (for message ids), the process manager, and the English. */
interface MultiProcess {
  kind: 'manager' | 'celery-beat' | 'shell';
  manager?: string;
  text: string;
}

function multiProcess(command: string): MultiProcess | undefined {
  if (!command) return undefined;
  const found =
    /\b(supervisord|honcho\s+start|foreman\s+start|overmind\s+start|concurrently|s6-svscan|runsvdir|pm2-runtime|pm2\s+start)\b/.exec(
      command,
    );
  if (found) {
    const manager = found[1].replace(/\s+/g, ' ');
    return { kind: 'manager', manager, text: `process manager ${manager}` };
  }
  if (/\bcelery\b.*\bworker\b.*(\s-B\b|\s--beat\b)/.test(command))
    return {
      kind: 'celery-beat',
      text: 'celery worker with embedded beat scheduler (-B)',
    };
  if (/(^|[^&>|])&\s+(?!&)\S/.test(command))
    return {
      kind: 'shell',
      text: 'a shell that backgrounds one program (&) and starts another',
    };
  return undefined;
}

/** Proxies and agents that ride along in a pod; they are not app processes. */
const SIDECAR =
  /(^|\/)(envoy|istio-proxy|proxyv2|linkerd-proxy|cloud-sql-proxy|cloudsql-proxy|oauth2-proxy|fluent-bit|fluentd|vector|otel-collector|opentelemetry-collector[\w-]*|datadog-agent|vault|pgbouncer)$/;

/** Web servers that serve an app from a second container (nginx in front of php-fpm). */
export const WEB_SERVER_IMAGE =
  /(^|\/)(nginx|nginx-unprivileged|openresty|httpd|apache2?|caddy|lighttpd|h2o|haproxy|traefik)$/;

/** The containers of a workload that run the app. */
function appContainersOf(w: Workload): WorkloadContainer[] {
  return w.containers.filter(
    c =>
      !c.init &&
      !SIDECAR.test(
        imageRepository(String(c.container.image ?? '')).toLowerCase(),
      ),
  );
}

/** A YAML value as a list: manifests are user input, a field may hold anything. */
export function list(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** The ports a container declares. */
export function portsOf(c: WorkloadContainer | Record<string, any>): any[] {
  // A WorkloadContainer wraps the container; a raw container has no `container` field.
  const wrapped = (c as WorkloadContainer).container;
  return list(
    typeof wrapped === 'object' && wrapped !== null
      ? wrapped.ports
      : (c as Record<string, any>).ports,
  );
}

// ---------------------------------------------------------------- workloads

/** Labels of the pods a workload creates. */
export function podLabels(w: Workload): Record<string, string> {
  const o = w.source.object;
  if (w.kind === 'Pod') return o.metadata?.labels ?? {};
  if (w.kind === 'CronJob')
    return o.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return o.spec?.template?.metadata?.labels ?? {};
}

/** Objects created by a controller (ReplicaSets of Deployments, Pods of anything) repeat their owner. */
function isControlled(o: Record<string, any>): boolean {
  return list(o.metadata?.ownerReferences).some((r: any) => r?.controller);
}

function isJob(w: Workload): boolean {
  if (w.kind === 'Job' || w.kind === 'CronJob') return true;
  return (
    w.kind === 'Pod' &&
    ['Never', 'OnFailure'].includes(String(w.podSpec.restartPolicy ?? 'Always'))
  );
}

/** Whether a workload runs until stopped (Deployment, StatefulSet, DaemonSet, Rollout, or an unowned ReplicaSet/Pod that restarts). */
export function isLongRunning(w: Workload): boolean {
  return isLongRunningWorkload(w);
}

/** Services of a set that select a workload's pods. */
export function servicesSelecting(
  objects: ReadonlyArray<SourcedObject>,
  w: Workload,
): SourcedObject[] {
  const labels = podLabels(w);
  return objects.filter(
    s =>
      s.object.kind === 'Service' &&
      (s.object.metadata?.namespace ?? '') === (w.namespace ?? '') &&
      mapSelectorMatches(s.object.spec?.selector, labels),
  );
}

const cache = new WeakMap<ReadonlyArray<SourcedObject>, AppWorkload[]>();

/** Why a workload has its process type, as evidence notes (`web: …`). */
const WHY = 'f8-concurrency.process-types.why';

/** The workloads of a set with their process types; controller-owned copies are left out. */
export function classify(set: ObjectSet): AppWorkload[] {
  const cached = cache.get(set.objects);
  if (cached) return cached;
  const out: AppWorkload[] = [];
  for (const w of setWorkloads(set.objects)) {
    if (isControlled(w.source.object)) continue;
    const services = servicesSelecting(set.objects, w);
    const appContainers = appContainersOf(w);
    const base = { ...w, services, appContainers };
    const backing = appContainers
      .map(c => backingKindOfImage(c.container.image))
      .find(Boolean);
    const command = appContainers.map(c => commandOf(c.container)).join(' ; ');
    const queue = workerCommand(command);
    const hasPort = appContainers.some(c => portsOf(c).length > 0);
    // Metrics and health ports, and Services that only expose them, carry no traffic: a worker may have both.
    const serving = servingPorts({ ...w, containers: appContainers });
    // containerPort is informational: a Service sending traffic to pods that declare no port still makes them web.
    const routing =
      serving.length || !hasPort
        ? services.filter(s => routesTraffic(s, w))
        : [];
    const scaler = isJob(w) ? undefined : queueScalerOf(set, w);
    const consumer = consumerEnv(w);
    const metricsOnly = hasPort && serving.length === 0;
    const routers = routing.map(s => s.object.metadata?.name).join(', ');
    if (isJob(w))
      out.push({
        ...base,
        type: 'job',
        why: `${w.kind} runs to completion`,
        whySaid: [`${WHY}-job`, { kind: w.kind }],
      });
    else if (
      backing &&
      appContainers.every(c => backingKindOfImage(c.container.image))
    )
      out.push({
        ...base,
        type: 'backing',
        backingKind: backing,
        why: `runs ${backing} (${appContainers[0].container.image})`,
        whySaid: [
          `${WHY}-backing`,
          { backing, image: String(appContainers[0].container.image) },
        ],
      });
    else if (queue)
      out.push({
        ...base,
        type: 'worker',
        queue,
        why: `command consumes a queue (${queue})`,
        whySaid: [`${WHY}-queue`, { queue }],
      });
    else if (scaler)
      out.push({
        ...base,
        type: 'worker',
        queue: scaler.trigger,
        why: `${scaler.scaler.object.kind} ${scaler.scaler.object.metadata?.name} scales it on a queue (${scaler.trigger})`,
        whySaid: [
          `${WHY}-scaler`,
          {
            scaler: `${scaler.scaler.object.kind} ${scaler.scaler.object.metadata?.name}`,
            trigger: scaler.trigger,
          },
        ],
      });
    else if (routing.length)
      out.push({
        ...base,
        type: 'web',
        why: hasPort
          ? `containerPort selected by Service ${routers}`
          : `declares no containerPort, but Service ${routers} sends traffic to its pods`,
        whySaid: [
          hasPort ? `${WHY}-web-port` : `${WHY}-web-no-port`,
          { services: routers },
        ],
      });
    else if (consumer || WORKER_NAME.test(w.name) || metricsOnly || !hasPort) {
      let whySaid: Said = [`${WHY}-no-port`];
      if (consumer) whySaid = [`${WHY}-consumer`, { env: consumer }];
      else if (WORKER_NAME.test(w.name) && serving.length)
        whySaid = [`${WHY}-worker-name-unrouted`];
      else if (metricsOnly) whySaid = [`${WHY}-metrics-only`];
      else if (WORKER_NAME.test(w.name)) whySaid = [`${WHY}-worker-name`];
      out.push({
        ...base,
        type: 'worker',
        why: consumer
          ? `serves no traffic and reads a queue (env ${consumer})`
          : WORKER_NAME.test(w.name) && serving.length
          ? `named as a worker and no Service routes traffic to it`
          : metricsOnly
          ? `long-running, and its only ports serve metrics or health checks`
          : WORKER_NAME.test(w.name)
          ? 'named as a worker and serves no port'
          : 'long-running and serves no port',
        whySaid,
      });
    } else
      out.push({
        ...base,
        type: 'other',
        why: 'declares a containerPort that no Service selects',
        whySaid: [`${WHY}-other`],
      });
  }
  cache.set(set.objects, out);
  return out;
}

/** The long-running app processes of a set (no backing services, no jobs). */
export function appProcesses(set: ObjectSet): AppWorkload[] {
  return classify(set).filter(
    w => w.type !== 'backing' && w.type !== 'job' && isLongRunning(w),
  );
}

/** HPAs and KEDA ScaledObjects of a set that target a workload. */
export function autoscalersOf(set: ObjectSet, w: Workload): SourcedObject[] {
  return set.objects.filter(o => {
    if (
      o.object.kind !== 'HorizontalPodAutoscaler' &&
      o.object.kind !== 'ScaledObject'
    )
      return false;
    if ((o.object.metadata?.namespace ?? '') !== (w.namespace ?? ''))
      return false;
    const t = o.object.spec?.scaleTargetRef ?? {};
    return t.name === w.name && (t.kind ?? 'Deployment') === w.kind;
  });
}

/**
 * HPAs and load-scaling KEDA ScaledObjects of a set whose target is not
 * among its workloads (the Deployment is rendered elsewhere, or not in the
 * repository). Queue scalers are left out: they scale workers.
 */
export function detachedAutoscalers(set: ObjectSet): SourcedObject[] {
  const workloads = classify(set);
  return set.objects.filter(o => {
    if (
      o.object.kind !== 'HorizontalPodAutoscaler' &&
      o.object.kind !== 'ScaledObject'
    )
      return false;
    const t = o.object.spec?.scaleTargetRef ?? {};
    const kind = t.kind ?? 'Deployment';
    if (workloads.some(w => w.name === t.name && w.kind === kind)) return false;
    return !scalesOnQueue(o.object);
  });
}

/** `HorizontalPodAutoscaler api → Deployment/api`. */
export function describeScaler(o: SourcedObject): string {
  const t = o.object.spec?.scaleTargetRef ?? {};
  return `${o.object.kind} ${o.object.metadata?.name} → ${
    t.kind ?? 'Deployment'
  }/${t.name ?? '?'}`;
}

/** The replica count a workload asks for (Kubernetes defaults to 1). */
export function replicasOf(w: Workload): number {
  const r = Number(w.source.object.spec?.replicas ?? 1);
  return Number.isFinite(r) ? r : 1;
}

/** Namespace for a snippet: the workload's own, else the set's. */
export function namespaceOf(set: ObjectSet, w: Workload): string | undefined {
  return w.namespace ?? set.namespace;
}

/** envOf's answers per container and set: several checks read every container's environment. */
const envCache = new WeakMap<
  object,
  WeakMap<ObjectSet, Readonly<Record<string, string>>>
>();

/**
 * Environment variables a container sees: ConfigMaps of the set through
 * envFrom, then env values. Computed once per container and set; callers
 * share the record and must not change it.
 */
export function envOf(
  set: ObjectSet,
  w: Workload,
  container: Record<string, any>,
): Readonly<Record<string, string>> {
  let perSet = envCache.get(container);
  const hit = perSet?.get(set);
  if (hit) return hit;
  const env: Record<string, string> = {};
  for (const from of list(container.envFrom)) {
    const name = from?.configMapRef?.name;
    const cm =
      name &&
      set.objects.find(
        o =>
          o.object.kind === 'ConfigMap' &&
          o.object.metadata?.name === name &&
          (o.object.metadata?.namespace ?? '') === (w.namespace ?? ''),
      );
    if (cm)
      for (const [k, v] of Object.entries(cm.object.data ?? {}))
        env[`${from.prefix ?? ''}${k}`] = String(v);
  }
  for (const e of list(container.env))
    if (e?.name && typeof e.value === 'string') env[e.name] = e.value;
  if (!perSet) {
    perSet = new WeakMap();
    envCache.set(container, perSet);
  }
  perSet.set(set, env);
  return env;
}

// ---------------------------------------------------------------- combined processes

/** The repository's hints, or undefined while the fact is not registered or the repository is unreadable. */
export function runtimeHints(facts: FactReader): RuntimeHintsFact | undefined {
  try {
    return facts.get(runtimeHintsFactRef);
  } catch (e) {
    // Until facts/index.ts registers the extractor the store throws a plain Error; treat as "no hints".
    if (
      e instanceof UnknownVerdictError ||
      /No extractor registered/.test((e as Error).message)
    )
      return undefined;
    throw e;
  }
}

/**
 * What the final image runs: the argv Docker builds from ENTRYPOINT and CMD
 * (shell forms become `/bin/sh -c <text>`; a shell-form ENTRYPOINT ignores
 * CMD), as one string, with the line of the instruction that decides it.
 */
export function dockerCommand(df: DockerfileInfo):
  | {
      text: string;
      argv: string[];
      line: number;
      form: 'exec' | 'shell';
      instruction: 'CMD' | 'ENTRYPOINT';
    }
  | undefined {
  let s = finalStage(df);
  const seen = new Set<number>();
  let cmd: { form: 'exec' | 'shell'; value: string; line: number } | undefined;
  let entrypoint: typeof cmd;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    cmd ??= s.cmd;
    entrypoint ??= s.entrypoint;
    s = s.fromStage !== undefined ? df.stages[s.fromStage] : undefined;
  }
  const argvOf = (i: NonNullable<typeof cmd>) =>
    i.form === 'exec' ? parseExec(i.value) : ['/bin/sh', '-c', i.value];
  let argv: string[];
  let main: NonNullable<typeof cmd>;
  if (entrypoint) {
    main = entrypoint;
    argv =
      entrypoint.form === 'shell'
        ? argvOf(entrypoint)
        : [...argvOf(entrypoint), ...(cmd ? argvOf(cmd) : [])];
  } else if (cmd) {
    main = cmd;
    argv = argvOf(cmd);
  } else {
    return undefined;
  }
  // An init (tini, dumb-init) in front forwards signals to what follows; the shell question is about that.
  const decisive =
    entrypoint &&
    cmd &&
    /(^|\/)(tini|dumb-init)$/.test(argvOf(entrypoint)[0] ?? '') &&
    entrypoint.form === 'exec'
      ? cmd
      : main;
  return {
    text: (main.form === 'shell' ? [main.value] : argv).join(' '),
    argv,
    line: decisive.line,
    form: decisive.form,
    instruction: decisive === entrypoint ? 'ENTRYPOINT' : 'CMD',
  };
}

/** The words of an exec-form (JSON array) instruction. */
export function parseExec(value: string): string[] {
  try {
    const v = JSON.parse(value);
    return Array.isArray(v) ? v.map(String) : [value];
  } catch {
    return [value];
  }
}

/** The Dockerfile that builds a container's image: the only one, or the one whose folder the image names. */
export function dockerfileFor(
  dockerfiles: ReadonlyArray<DockerfileInfo>,
  image: string,
): DockerfileInfo | undefined {
  // Off-the-shelf servers and backing services are not built here.
  if (
    WEB_SERVER_IMAGE.test(imageRepository(image).toLowerCase()) ||
    backingKindOfImage(image)
  )
    return undefined;
  const usable = dockerfiles.filter(d => d.stages.length > 0);
  if (usable.length === 1) return usable[0];
  const name = imageName(image).toLowerCase();
  return usable.find(d => {
    const dir = d.path.includes('/')
      ? d.path.split('/').slice(-2, -1)[0].toLowerCase()
      : '';
    return dir && name.includes(dir);
  });
}

/** Several process types found in one workload. */
export interface CombinedProcesses {
  workload: AppWorkload;
  /** `container` when one container runs them, `pod` when sibling containers do. */
  scope: 'container' | 'pod';
  /** How the processes are combined, for message ids: a command's kind, sibling containers, an in-process scheduler or queue consumer. */
  kind: MultiProcess['kind'] | 'pod' | 'scheduler' | 'consumer';
  /** The process manager, for `manager`. */
  manager?: string;
  what: string;
  /** `what` as a message. */
  said: Said;
  evidence: Evidence[];
}

const COMBINED = 'f8-concurrency.process-types.combined';

/**
 * Workloads that run more than one process type: a process manager or a
 * backgrounding shell in one container (from the manifest or the Dockerfile
 * CMD it inherits), a web container next to a worker container, or an
 * in-process scheduler in the code when web processes are the only
 * long-running ones.
 */
export function combinedProcesses(
  set: ObjectSet,
  facts: FactReader,
  evidenceOf: (w: AppWorkload, note: Note, fieldPath?: string) => Evidence,
): CombinedProcesses[] {
  const out: CombinedProcesses[] = [];
  const processes = appProcesses(set);
  const dockerfiles = facts.tryGet(containerBuildFactRef)?.dockerfiles ?? [];
  for (const w of processes) {
    const roles = new Set<string>();
    for (const c of w.appContainers) {
      const own = commandOf(c.container);
      const df = own
        ? undefined
        : dockerfileFor(dockerfiles, String(c.container.image ?? ''));
      const dc = df ? dockerCommand(df) : undefined;
      const command = own || dc?.text || '';
      const found = multiProcess(command);
      if (found) {
        const multi = found.text;
        const params = {
          container: c.container.name,
          ...(found.manager ? { manager: found.manager } : {}),
        };
        out.push({
          workload: w,
          scope: 'container',
          kind: found.kind,
          ...(found.manager ? { manager: found.manager } : {}),
          what: `container ${c.container.name} runs ${multi}`,
          said: [`${COMBINED}-${found.kind}`, params],
          evidence: [
            own || !df || !dc
              ? evidenceOf(
                  w,
                  noted(`${COMBINED}-${found.kind}-note`, {
                    ...params,
                    command: command.slice(0, 120),
                  }),
                  `${c.fieldPath}.command`,
                )
              : {
                  type: 'file',
                  path: df.path,
                  startLine: dc.line,
                  endLine: dc.line,
                  ...noted(`${COMBINED}-${found.kind}-dockerfile-note`, {
                    instruction: dc.instruction,
                    command: dc.text.slice(0, 120),
                    workload: `${w.kind}/${w.name}`,
                    ...params,
                  }),
                },
          ],
        });
      }
      if (workerCommand(command)) roles.add('worker');
      else if (portsOf(c).length) roles.add('web');
    }
    if (roles.has('web') && roles.has('worker')) {
      out.push({
        workload: w,
        scope: 'pod',
        kind: 'pod',
        what: `a web container and a worker container share the pod of ${w.kind}/${w.name}`,
        said: [`${COMBINED}-pod`, { workload: `${w.kind}/${w.name}` }],
        evidence: [
          evidenceOf(
            w,
            noted(`${COMBINED}-pod-note`),
            `${w.podSpecPath}.containers`,
          ),
        ],
      });
    }
  }
  const hints = runtimeHints(facts);
  const webs = processes.filter(p => p.type === 'web');
  if (
    hints?.schedulers.length &&
    webs.length &&
    processes.every(p => p.type === 'web')
  ) {
    const s = hints.schedulers[0];
    for (const w of webs) {
      out.push({
        workload: w,
        scope: 'container',
        kind: 'scheduler',
        what: `an in-process scheduler (${s.path}:${s.line}) runs inside the web process ${w.name}, the only kind of long-running process`,
        said: [
          `${COMBINED}-scheduler`,
          { location: `${s.path}:${s.line}`, workload: w.name },
        ],
        evidence: [
          ...hints.schedulers
            .slice(0, 3)
            .map(
              (h): Evidence =>
                fileEvidence(h.path, codeNote(h), h.line, h.line),
            ),
          evidenceOf(w, noted(`${COMBINED}-scheduler-note`)),
        ],
      });
    }
  }
  // Queue consumers that start wherever their code is loaded run in the web process when nothing else runs them: no worker workload, no worker command.
  const consumers = runningConsumers(facts);
  if (
    consumers.length &&
    webs.length &&
    processes.every(p => p.type === 'web') &&
    declaredWorkers(declaredProcesses(facts)).length === 0
  ) {
    const c = consumers[0];
    for (const w of webs)
      out.push({
        workload: w,
        scope: 'container',
        kind: 'consumer',
        what: `a queue consumer (${c.path}:${c.line}) runs inside the web process ${w.name}, the only kind of long-running process`,
        said: [
          `${COMBINED}-consumer`,
          { location: `${c.path}:${c.line}`, workload: w.name },
        ],
        evidence: [
          ...consumers.slice(0, 3).map(consumerEvidence),
          evidenceOf(w, noted(`${COMBINED}-consumer-note`)),
        ],
      });
  }
  return out;
}

// ---------------------------------------------------------------- combining sets

const PROD = /(^|[/_.-])(prod|prd|production|live)([/_.-]|$)/i;

/**
 * Judges every set; a set with nothing to judge returns undefined and is left
 * out. The worst decided verdict wins; undecided sets keep their evidence but
 * do not hide a decided one. The remediation of a production set is preferred.
 */
export function judgeSets(
  sets: ReadonlyArray<ObjectSet>,
  judge: (set: ObjectSet) => CheckOutcome | undefined,
  nothing: string | { id: string },
): CheckOutcome {
  const judged: Array<{ set: ObjectSet; outcome: CheckOutcome }> = [];
  for (const set of sets) {
    const outcome = judge(set);
    if (outcome) judged.push({ set, outcome });
  }
  if (judged.length === 0) {
    // By id: `<id>` and `<id>-reason` (with the sets) say it in every language.
    if (typeof nothing !== 'string')
      return {
        verdict: 'unknown',
        ...finding(nothing.id),
        ...because(`${nothing.id}-reason`, {
          sets: sets.map(s => s.label).join(', '),
        }),
      };
    return {
      verdict: 'unknown',
      summary: nothing,
      reason: `${nothing} (${sets.map(s => s.label).join(', ')}).`,
    };
  }
  const decided = judged.filter(j => j.outcome.verdict !== 'unknown');
  const chosen = decided.length ? decided : judged;
  const result = worstOf(chosen.map(j => j.outcome));
  result.evidence = judged.flatMap(j => j.outcome.evidence ?? []);
  const preferred = chosen.find(
    j =>
      j.outcome.verdict === result.verdict &&
      j.outcome.remediation &&
      PROD.test(j.set.label),
  );
  if (preferred) result.remediation = preferred.outcome.remediation;
  result.summary = groupedSummary(
    chosen.filter(j => j.outcome.verdict === result.verdict),
  );
  return result;
}

/** "dev, prd: X; c/cms-dev: Y" instead of repeating X for every set that says the same. */
function groupedSummary(
  judged: ReadonlyArray<{ set: ObjectSet; outcome: CheckOutcome }>,
): string {
  const groups = new Map<string, string[]>();
  for (const { set, outcome } of judged) {
    const prefix = `${set.label}: `;
    const rest = outcome.summary.startsWith(prefix)
      ? outcome.summary.slice(prefix.length)
      : outcome.summary;
    const labels = groups.get(rest) ?? [];
    if (outcome.summary.startsWith(prefix)) labels.push(set.label);
    groups.set(rest, labels);
  }
  return [...groups]
    .map(([rest, labels]) =>
      labels.length ? `${labels.join(', ')}: ${rest}` : rest,
    )
    .join('; ');
}

/** Whether a label or name means production. */
export function isProductionName(name: string): boolean {
  return PROD.test(name) || /^(prod|prd|production|live)$/i.test(name);
}
