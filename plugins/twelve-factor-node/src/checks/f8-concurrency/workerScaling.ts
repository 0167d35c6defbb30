import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { declaredWorkerScaling, withoutObjectSets } from './withoutManifests';
import { capEvidence } from '../evidence';
import { lazySnippet, toYaml } from '../snippets';
import { hpaFor } from './hpa';
import { detachedQueueScalers } from '../serving';
import {
  appProcesses,
  autoscalersOf,
  classify,
  combinedProcesses,
  envOf,
  judgeSets,
  namespaceOf,
  replicasOf,
  type AppWorkload,
} from './processTypes';
import { advice, finding, msg, noted, type Said, listing } from '../messages';
import type { Note } from '../evidence';
import { objectEvidence } from '../setMessages';

const M = 'f8-concurrency.worker-scaling';

const BROKER_VARS = [
  'CELERY_BROKER_URL',
  'BROKER_URL',
  'RQ_REDIS_URL',
  'SIDEKIQ_REDIS_URL',
  'QUEUE_URL',
  'AMQP_URL',
  'RABBITMQ_URL',
  'REDIS_URL',
];
const DEFAULT_QUEUE: Record<string, string> = {
  celery: 'celery',
  rq: 'default',
  sidekiq: 'queue:default',
  dramatiq: 'default',
  arq: 'arq:queue',
};

/** A KEDA ScaledObject on the worker's queue, from its broker URL; an HPA on CPU when the broker is unknown. */
function scalerFor(
  set: ObjectSet,
  w: AppWorkload,
): { said: ReturnType<typeof advice>; content: () => string } {
  const ns = namespaceOf(set, w);
  const env = envOf(set, w, w.appContainers[0]?.container ?? {});
  const url = BROKER_VARS.map(k => env[k]).find(
    v => v && /^(rediss?|amqps?):\/\//.test(v),
  );
  const m =
    url && /^(\w+):\/\/(?:[^@/]*@)?([^:/?]+)(?::(\d+))?(?:\/(\d+))?/.exec(url);
  if (!m) {
    return {
      said: advice(`${M}.hpa-advice`, { workload: w.name }),
      content: () => hpaFor(set, w),
    };
  }
  const [, scheme, host, port, db] = m;
  const queue = DEFAULT_QUEUE[w.queue ?? ''] ?? 'jobs';
  const address = `${host}${!host.includes('.') && ns ? `.${ns}.svc` : ''}:${
    port ?? (scheme.startsWith('redis') ? 6379 : 5672)
  }`;
  const trigger = scheme.startsWith('redis')
    ? {
        type: 'redis',
        metadata: {
          address,
          listName: queue,
          listLength: '10',
          ...(db ? { databaseIndex: db } : {}),
        },
      }
    : {
        type: 'rabbitmq',
        metadata: {
          protocol: 'amqp',
          queueName: queue,
          mode: 'QueueLength',
          value: '10',
        },
        authenticationRef: { name: `${w.name}-rabbitmq` },
      };
  return {
    said: advice(
      scheme.startsWith('amqp') ? `${M}.keda-amqp-advice` : `${M}.keda-advice`,
      {
        workload: w.name,
        queue: w.queue ?? '',
        broker: `${scheme}://${address}`,
      },
    ),
    content: () =>
      toYaml({
        apiVersion: 'keda.sh/v1alpha1',
        kind: 'ScaledObject',
        metadata: { name: w.name, ...(ns ? { namespace: ns } : {}) },
        spec: {
          scaleTargetRef: { name: w.name },
          minReplicaCount: 1,
          maxReplicaCount: Math.max(10, replicasOf(w) * 5),
          triggers: [trigger],
        },
      }),
  };
}

/**
 * A worker's note, `<what>-note`, or `<what>-embedded-note` for background
 * work inside another process: the work is said by its own message inside
 * the note's, the English as written.
 */
function withEmbedded(
  text: string,
  what: string,
  params: Record<string, string | number>,
  embedded: Said | undefined,
): Note {
  if (!embedded) return noted(`${M}.${what}-note`, params);
  return {
    note: text,
    noteMsg: {
      id: `${M}.${what}-embedded-note`,
      params: { ...params, work: msg(embedded[0], embedded[1]) },
    },
  };
}

export const workerScaling: TwelveFactorCheck = {
  id: 'f8-concurrency.worker-scaling',
  evaluate({ facts }) {
    const declared = withoutObjectSets(facts, declaredWorkerScaling);
    if (declared) return declared;
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const apps = appProcesses(set);
        const workers = apps.filter(w => w.type === 'worker');
        // Background work inside another process type (an in-process scheduler, a worker container in a web pod) scales with its host.
        const hosts = combinedProcesses(set, facts, (w, note, fieldPath) =>
          objectEvidence(set, w.source, note, fieldPath),
        ).filter(
          (c, i, all) =>
            !workers.includes(c.workload) &&
            all.findIndex(o => o.workload === c.workload) === i,
        );
        if (workers.length === 0 && hosts.length === 0) {
          // KEDA objects whose workload is not among these objects still say that a queue worker scales with its queue.
          const detached = detachedQueueScalers(set, classify(set));
          const jobs = set.objects.filter(o => o.object.kind === 'ScaledJob');
          if (detached.length === 0 && jobs.length === 0) return undefined;
          return {
            verdict: 'pass',
            ...listing(
              set.label,
              undefined,
              [
                ...detached.map(
                  d =>
                    [
                      `${M}.queue-scaled`,
                      { workload: d.target, trigger: d.trigger },
                    ] as const,
                ),
                ...jobs.map(
                  j =>
                    [
                      `${M}.scaled-job`,
                      { name: String(j.object.metadata?.name) },
                    ] as const,
                ),
              ],
              ', ',
            ),
            evidence: [
              ...detached.map(d =>
                objectEvidence(
                  set,
                  d.scaler,
                  noted(`${M}.detached-note`, {
                    workload: d.target,
                    trigger: d.trigger,
                    set: set.label,
                  }),
                  'spec.triggers',
                ),
              ),
              ...jobs.map(j =>
                objectEvidence(set, j, noted(`${M}.scaled-job-note`)),
              ),
            ],
          };
        }
        const rows = [
          ...workers.map(w => ({
            w,
            embedded: undefined as string | undefined,
            embeddedSaid: undefined as Said | undefined,
          })),
          ...hosts.map(h => ({
            w: h.workload,
            embedded: h.what,
            embeddedSaid: h.said,
          })),
        ].map(r => ({ ...r, scalers: autoscalersOf(set, r.w) }));
        const evidence: Evidence[] = capEvidence([
          ...rows.map(r =>
            r.scalers.length
              ? objectEvidence(
                  set,
                  r.scalers[0],
                  withEmbedded(
                    `scales ${r.w.name}${r.embedded ? ` (${r.embedded})` : ''}`,
                    'scales',
                    { workload: r.w.name },
                    r.embeddedSaid,
                  ),
                )
              : objectEvidence(
                  set,
                  r.w.source,
                  withEmbedded(
                    `${
                      r.embedded ? `${r.embedded}; ` : ''
                    }replicas fixed at ${replicasOf(
                      r.w,
                    )}, no HPA or ScaledObject`,
                    'fixed',
                    { n: replicasOf(r.w) },
                    r.embeddedSaid,
                  ),
                  'spec.replicas',
                ),
          ),
          ...hosts.flatMap(h =>
            h.evidence.filter(
              e => e.type === 'file' && !('target' in e && e.target),
            ),
          ),
        ]);
        const fixed = rows.filter(r => r.scalers.length === 0);
        if (fixed.length === 0) {
          return {
            verdict: 'pass',
            ...finding(
              `${M}.autoscaled`,
              { workers: rows.map(r => r.w.name).join(', ') },
              [set.label],
            ),
            evidence,
          };
        }
        const first = fixed[0];
        const scaler = first.embedded ? undefined : scalerFor(set, first.w);
        return {
          verdict: 'partial',
          ...listing(
            set.label,
            undefined,
            fixed.map(
              r =>
                [
                  r.embedded ? `${M}.background-fixed` : `${M}.fixed`,
                  { workload: r.w.name, n: replicasOf(r.w) },
                ] as const,
            ),
            ', ',
          ),
          evidence,
          remediation: scaler
            ? {
                ...scaler.said,
                snippet: lazySnippet(
                  { language: 'yaml', action: 'create' },
                  scaler.content,
                ),
              }
            : {
                ...advice(`${M}.embedded-advice`, { workload: first.w.name }),
              },
        };
      },
      { id: `${M}.no-workers` },
    );
  },
};
