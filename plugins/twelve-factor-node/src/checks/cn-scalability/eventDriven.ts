import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import type { Workload } from '../../facts/manifests/workloads';
import type { ObjectSet } from '../../facts/objectSets';
import {
  commandLine,
  envValues,
  LONG_RUNNING,
  ofKind,
  optionalFact,
  podLabels,
  sameNamespace,
} from '../cn-orchestration/kube';
import { mapSelectorMatches } from '../../kube/labels';
import { appProcesses, workerCommand } from '../f8-concurrency/processTypes';
import {
  consumerEvidence,
  runningConsumers,
} from '../f8-concurrency/declaredProcesses';
import type { ConsumerHint } from '../../facts/runtimeHints';
import {
  consumerEnv,
  detachedQueueScalers,
  queueScalerOf,
  routesTraffic,
  servingPorts,
} from '../serving';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { judgeSetMessages, objectEvidence } from '../setMessages';
import { lazySnippet, toYaml } from '../snippets';

/** Commands of queue consumers, by framework. One row per framework; extend here. */
const CONSUMER_COMMANDS: Array<{
  framework: string;
  pattern: RegExp;
  queue?: string;
}> = [
  { framework: 'Celery', pattern: /\bcelery\b.*\bworker\b/, queue: 'celery' },
  {
    framework: 'RQ',
    pattern: /\brq\s+worker\b|\brqworker\b/,
    queue: 'rq:queue:default',
  },
  {
    framework: 'Dramatiq',
    pattern: /\bdramatiq\s+\S/,
    queue: 'dramatiq:default',
  },
  { framework: 'arq', pattern: /\barq\s+\S/, queue: 'arq:queue' },
  { framework: 'Huey', pattern: /\bhuey_consumer\b/ },
  { framework: 'Faust', pattern: /\bfaust\b.*\bworker\b/ },
  { framework: 'Sidekiq', pattern: /\bsidekiq\b/, queue: 'queue:default' },
  { framework: 'Resque', pattern: /\bresque:work\b|\bresque-pool\b/ },
  { framework: 'Laravel queue', pattern: /\bartisan\s+queue:work\b/ },
];
const CONSUMER_NAME =
  /(^|[-_])(worker|workers|consumer|consumers|queue|listener|subscriber)([-_]|$)/;

interface Consumer {
  w: Workload;
  /**
   * How it was recognised, for its messages
   * (`cn-scalability.event-driven.scaled-<id>`, `…fixed-<id>`).
   */
  how: { id: string; params?: EngineMessage['params'] };
  queue?: string;
}

/**
 * The queue consumers among a set's long-running workloads: by command (a
 * framework's worker, a Kafka consumer…), by a KEDA ScaledObject or HPA that
 * scales it on a queue, by a consumer-group or queue variable, or by name
 * when the code uses a queue or no Service routes traffic to it.
 */
function consumersOf(
  set: ObjectSet,
  workloads: Workload[],
  codeUsesQueue: boolean,
): Consumer[] {
  const out: Consumer[] = [];
  for (const w of workloads) {
    if (!LONG_RUNNING.has(w.kind) || w.kind === 'DaemonSet') continue;
    const cmd = w.containers
      .filter(c => !c.init)
      .map(c => commandLine(c.container))
      .join(' ');
    const byCommand = CONSUMER_COMMANDS.find(c => c.pattern.test(cmd));
    if (byCommand) {
      out.push({
        w,
        how: { id: 'framework', params: { framework: byCommand.framework } },
        ...(byCommand.queue ? { queue: byCommand.queue } : {}),
      });
      continue;
    }
    const generic = workerCommand(cmd);
    if (generic && generic !== 'worker') {
      out.push({
        w,
        how: { id: 'command', params: { command: generic } },
      });
      continue;
    }
    const scaler = queueScalerOf(set, w);
    if (scaler) {
      out.push({
        w,
        how: scaler.metric
          ? { id: 'metric', params: { metric: scaler.metric } }
          : { id: 'trigger', params: { trigger: scaler.trigger } },
      });
      continue;
    }
    const env = consumerEnv(w);
    const routed = ofKind(set, 'Service').some(
      s =>
        sameNamespace(s.object.metadata?.namespace, w.namespace) &&
        mapSelectorMatches(s.object.spec?.selector, podLabels(w)) &&
        servingPorts(w).length > 0 &&
        routesTraffic(s, w),
    );
    if (env && !routed)
      out.push({
        w,
        how: { id: 'env', params: { env } },
      });
    else if (
      (generic || CONSUMER_NAME.test(w.name)) &&
      (codeUsesQueue || !routed)
    )
      out.push({
        w,
        how: { id: 'by-name' },
      });
  }
  return out;
}

/**
 * A queue consumer in the code that starts wherever the code is loaded (a
 * BullMQ Worker, a @KafkaListener) makes the workloads running the app's
 * code consumers when no workload of their own does: their web workloads, or
 * every app workload when none serves.
 */
function inProcessConsumers(
  set: ObjectSet,
  code: ReadonlyArray<ConsumerHint>,
): Consumer[] {
  if (code.length === 0) return [];
  const apps = appProcesses(set).filter(w => w.kind !== 'DaemonSet');
  const web = apps.filter(w => w.type === 'web');
  return (web.length ? web : apps).map(w => ({
    w,
    how: {
      id: 'code',
      params: { location: `${code[0].path}:${code[0].line}` },
    },
  }));
}

/** What scales a workload on events: a KEDA ScaledObject, or an HPA on external (queue) metrics. */
function eventScaler(set: ObjectSet, w: Workload) {
  return ofKind(set, 'ScaledObject', 'HorizontalPodAutoscaler').find(
    s =>
      s.object.spec?.scaleTargetRef?.name === w.name &&
      (s.object.spec?.scaleTargetRef?.kind ?? 'Deployment') === w.kind &&
      sameNamespace(s.object.metadata?.namespace, w.namespace) &&
      (s.object.kind === 'ScaledObject' ||
        (s.object.spec?.metrics ?? []).some(
          (m: any) => m?.type === 'External',
        )),
  );
}

/** A KEDA trigger for the consumer's broker, from the broker URL its containers see. */
function triggerFor(set: ObjectSet, c: Consumer): Record<string, unknown> {
  const env = envValues(set, c.w);
  const broker =
    env.find(e => /BROKER/i.test(e.name) && /:\/\//.test(e.value)) ??
    env.find(e =>
      /(REDIS|RABBIT|AMQP|KAFKA)[\w]*(URL|URI|HOST|SERVERS|BROKERS)/i.test(
        e.name,
      ),
    );
  const queue = c.queue ?? 'QUEUE_NAME';
  const url = broker
    ? /^(\w+):\/\/(?:[^@/]*@)?([^:/]+)(?::(\d+))?(?:\/(\d+))?/.exec(
        broker.value,
      )
    : null;
  const fqdn = (host: string) =>
    !host.includes('.') && c.w.namespace
      ? `${host}.${c.w.namespace}.svc.cluster.local`
      : host;
  if (url && /^rediss?$/.test(url[1])) {
    const password =
      env.find(e => /REDIS_PASSWORD/i.test(e.name)) ??
      c.w.containers
        .flatMap(x => x.container.env ?? [])
        .find((e: any) => /REDIS_PASSWORD/.test(e?.name));
    return {
      type: 'redis',
      metadata: {
        address: `${fqdn(url[2])}:${url[3] ?? '6379'}`,
        listName: queue,
        listLength: '10',
        ...(url[4] ? { databaseIndex: url[4] } : {}),
        ...(password ? { passwordFromEnv: password.name } : {}),
      },
    };
  }
  if (
    (url && /^amqps?$/.test(url[1])) ||
    /RABBIT|AMQP/i.test(broker?.name ?? '')
  ) {
    return {
      type: 'rabbitmq',
      metadata: {
        hostFromEnv: broker!.name,
        queueName: queue,
        mode: 'QueueLength',
        value: '20',
      },
    };
  }
  if (/KAFKA/i.test(broker?.name ?? '')) {
    return {
      type: 'kafka',
      metadata: {
        bootstrapServers: broker!.value,
        consumerGroup: c.w.name,
        topic: 'TOPIC',
        lagThreshold: '50',
      },
    };
  }
  return {
    type: 'redis',
    metadata: {
      address: 'BROKER_HOST:6379',
      listName: queue,
      listLength: '10',
    },
  };
}

export const eventDriven: TwelveFactorCheck = {
  id: 'cn-scalability.event-driven',
  evaluate({ facts }) {
    const caps = optionalFact(facts, codeFactRef)?.capabilities ?? {};
    const codeUsesQueue = [
      'task-queue',
      'broker-rabbitmq',
      'broker-kafka',
    ].some(c => (caps as any)[c]?.length);
    const codeConsumers = runningConsumers(facts);
    return judgeSetMessages(
      facts,
      (set, workloads) => {
        const scaledJobs = ofKind(set, 'ScaledJob');
        // A queue ScaledObject whose Deployment is not among these objects still scales a consumer on its queue.
        const detached = detachedQueueScalers(set, workloads);
        let consumers = consumersOf(set, workloads, codeUsesQueue);
        if (
          consumers.length === 0 &&
          scaledJobs.length === 0 &&
          detached.length === 0
        )
          consumers = inProcessConsumers(set, codeConsumers);
        // The consumers' lines in the code, beside the workloads that run them.
        const codeEvidence = consumers.some(c => c.how.id === 'code')
          ? codeConsumers.slice(0, 3).map(consumerEvidence)
          : [];
        if (consumers.length === 0) {
          if (scaledJobs.length === 0 && detached.length === 0)
            return undefined;
          const jobs = scaledJobs.length
            ? finding('cn-scalability.event-driven.scaled-jobs', {
                jobs: scaledJobs.map(j => j.object.metadata?.name).join(', '),
              })
            : undefined;
          // One message per scaler: the English says them in one clause.
          const scales: MessagePart[] = detached.map(d => ({
            id: 'cn-scalability.event-driven.keda-scales',
            params: { target: d.target, trigger: d.trigger },
          }));
          return {
            verdict: 'pass',
            summary: [
              jobs?.summary ?? '',
              detached.length
                ? `KEDA scales ${detached
                    .map(d => `${d.target} on ${d.trigger}`)
                    .join(', ')}`
                : '',
            ]
              .filter(Boolean)
              .join('; '),
            summaryMsg: [...(jobs?.summaryMsg ?? []), ...scales],
            evidence: [
              ...scaledJobs.map(j =>
                objectEvidence(
                  set,
                  j,
                  noted('cn-scalability.event-driven.scaled-job-note'),
                ),
              ),
              ...detached.map(d =>
                objectEvidence(
                  set,
                  d.scaler,
                  noted('cn-scalability.event-driven.detached-note', {
                    target: d.target,
                    trigger: d.trigger,
                    set: set.label,
                  }),
                  'spec.triggers',
                ),
              ),
            ],
          };
        }
        const unscaled = consumers.filter(c => !eventScaler(set, c.w));
        const scaled = consumers.filter(c => eventScaler(set, c.w));
        const evidence = [
          ...scaled.map(c =>
            objectEvidence(
              set,
              eventScaler(set, c.w)!,
              noted(`cn-scalability.event-driven.scaled-${c.how.id}`, {
                ...c.how.params,
                name: c.w.name,
                scaler: String(eventScaler(set, c.w)!.object.kind),
              }),
            ),
          ),
          ...unscaled.map(c =>
            objectEvidence(
              set,
              c.w.source,
              noted(`cn-scalability.event-driven.fixed-${c.how.id}`, {
                ...c.how.params,
                replicas: String(c.w.source.object.spec?.replicas ?? 1),
              }),
              `${c.w.podSpecPath}.containers`,
            ),
          ),
          ...codeEvidence,
        ];
        if (unscaled.length === 0) {
          return {
            verdict: 'pass',
            ...finding('cn-scalability.event-driven.scaled', {
              names: scaled.map(c => c.w.name).join(', '),
            }),
            evidence,
          };
        }
        const first = unscaled[0];
        return {
          verdict: 'fail',
          ...finding('cn-scalability.event-driven.unscaled', {
            names: unscaled.map(c => c.w.name).join(', '),
          }),
          evidence: capEvidence(evidence),
          remediation: {
            ...advice('cn-scalability.event-driven.unscaled-advice', {
              name: first.w.name,
            }),
            snippet: lazySnippet({ language: 'yaml', action: 'create' }, () =>
              toYaml({
                apiVersion: 'keda.sh/v1alpha1',
                kind: 'ScaledObject',
                metadata: {
                  name: first.w.name,
                  ...(first.w.namespace
                    ? { namespace: first.w.namespace }
                    : {}),
                },
                spec: {
                  scaleTargetRef: {
                    ...(first.w.kind !== 'Deployment'
                      ? {
                          apiVersion: first.w.source.object.apiVersion,
                          kind: first.w.kind,
                        }
                      : {}),
                    name: first.w.name,
                  },
                  minReplicaCount: 1,
                  maxReplicaCount: 10,
                  cooldownPeriod: 300,
                  triggers: [triggerFor(set, first)],
                },
              }),
            ),
          },
        };
      },
      () => because('cn-scalability.event-driven.nothing-reason'),
      { withoutWorkloads: true },
    );
  },
};
