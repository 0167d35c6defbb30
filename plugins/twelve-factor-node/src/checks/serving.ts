/*
 * What a workload's shape says about it: which of its ports serve traffic
 * (as opposed to metrics and health ports), which Services route traffic to
 * it (as opposed to a Service that only exposes metrics), what scales it on
 * a queue, and whether it consumes one. Shared by the process-type,
 * event-driven, readiness and PDB checks, so that a worker is a worker for
 * all of them.
 */
import type { Workload } from '../facts/manifests/workloads';
import type { SourcedObject } from '../facts/manifests/yamlObjects';
import type { ObjectSet } from '../facts/objectSets';

/**
 * Port names of metrics, health and management endpoints: not traffic. Port
 * numbers alone are not read (9090 is as often gRPC as Prometheus).
 */
const NON_SERVING_PORT_NAME =
  /^(https?-)?(metrics?|prom|prometheus|monitoring|telemetry|stats|statsd|exporter|health|healthz|health-?check|probes?|liveness|readiness|management|mgmt|actuator|pprof|jmx)$/i;
/** Service names that say the Service is for scraping (`api-metrics`). */
const METRICS_SERVICE =
  /[-_.](metrics|monitoring|prometheus|exporter|telemetry)$/i;

function list(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/** Whether a container port serves metrics or health checks only. */
export function isNonServingPort(port: Record<string, any>): boolean {
  if (!port || typeof port !== 'object') return false;
  if (typeof port.name === 'string' && NON_SERVING_PORT_NAME.test(port.name))
    return true;
  // A prometheus.io/port annotation is not read: apps often serve traffic and metrics on one port.
  return false;
}

/** The container ports of a workload's app containers that serve traffic. */
export function servingPorts(w: Workload): Array<Record<string, any>> {
  const out: Array<Record<string, any>> = [];
  for (const c of w.containers) {
    if (c.init) continue;
    for (const p of list(c.container.ports))
      if (p && typeof p === 'object' && !isNonServingPort(p)) out.push(p);
  }
  return out;
}

/** The container port a Service port sends to (by name or number), if the workload declares it. */
function targetOf(
  svcPort: Record<string, any>,
  w: Workload,
): Record<string, any> | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  for (const c of w.containers) {
    if (c.init) continue;
    for (const p of list(c.container.ports)) {
      if (!p || typeof p !== 'object') continue;
      if (typeof target === 'string' && p.name === target) return p;
      if (Number(target) === Number(p.containerPort)) return p;
    }
  }
  return undefined;
}

/**
 * Whether a Service selecting the workload routes traffic to it, rather than
 * only exposing its metrics (a Service named `*-metrics`, or whose every
 * port is a metrics or health port).
 */
export function routesTraffic(service: SourcedObject, w: Workload): boolean {
  const s = service.object;
  if (METRICS_SERVICE.test(String(s.metadata?.name ?? ''))) return false;
  const ports = list(s.spec?.ports);
  if (ports.length === 0) return true;
  return ports.some(p => {
    if (!p || typeof p !== 'object') return false;
    if (typeof p.name === 'string' && NON_SERVING_PORT_NAME.test(p.name))
      return false;
    const target = targetOf(p, w);
    return !(target && isNonServingPort(target));
  });
}

/** KEDA trigger types that scale on a queue, stream or subscription backlog. */
const QUEUE_TRIGGERS =
  /^(kafka|apache-kafka|rabbitmq|redis|redis-cluster|redis-sentinel|redis-streams|redis-cluster-streams|redis-sentinel-streams|aws-sqs-queue|aws-kinesis-stream|azure-servicebus|azure-queue|azure-eventhub|gcp-pubsub|gcp-cloudtasks|nats-jetstream|stan|activemq|artemis-queue|ibmmq|pulsar|rocketmq|solace-event-queue|beanstalkd|nsq|github-runner|azure-pipelines|celery|rq)$/i;
/** External HPA metrics that measure a backlog. */
const QUEUE_METRIC =
  /queue|lag|backlog|messages?|undelivered|subscription|stream|topic|consumer|pending|depth|jobs?_waiting/i;

/** Whether an autoscaler (KEDA ScaledObject or HPA) scales on a queue backlog rather than on load. */
export function scalesOnQueue(o: Record<string, any>): boolean {
  if (o.kind === 'ScaledObject')
    return list(o.spec?.triggers).some(x =>
      QUEUE_TRIGGERS.test(String(x?.type ?? '')),
    );
  return list(o.spec?.metrics).some(
    m =>
      m?.type === 'External' &&
      QUEUE_METRIC.test(JSON.stringify(m.external?.metric ?? m.external ?? {})),
  );
}

/**
 * What scales a workload on a queue: a KEDA ScaledObject with a queue
 * trigger, or an HPA on an external backlog metric (`trigger` then says
 * `external metric NAME`, and `metric` is the name alone).
 */
export function queueScalerOf(
  set: ObjectSet,
  w: Workload,
): { scaler: SourcedObject; trigger: string; metric?: string } | undefined {
  for (const o of set.objects) {
    const kind = o.object.kind;
    if (kind !== 'ScaledObject' && kind !== 'HorizontalPodAutoscaler') continue;
    const t = o.object.spec?.scaleTargetRef ?? {};
    if (t.name !== w.name || (t.kind ?? 'Deployment') !== w.kind) continue;
    if (
      o.object.metadata?.namespace !== undefined &&
      w.namespace !== undefined &&
      o.object.metadata.namespace !== w.namespace
    )
      continue;
    if (kind === 'ScaledObject') {
      const trigger = list(o.object.spec?.triggers).find(x =>
        QUEUE_TRIGGERS.test(String(x?.type ?? '')),
      );
      if (trigger) return { scaler: o, trigger: String(trigger.type) };
    } else {
      const metric = list(o.object.spec?.metrics).find(
        m =>
          m?.type === 'External' &&
          QUEUE_METRIC.test(
            JSON.stringify(m.external?.metric ?? m.external ?? {}),
          ),
      );
      if (metric) {
        const name = String(
          metric.external?.metric?.name ?? metric.external?.metricName ?? '',
        );
        return {
          scaler: o,
          trigger: `external metric ${name}`.trim(),
          metric: name,
        };
      }
    }
  }
  return undefined;
}

/**
 * KEDA ScaledObjects of a set with a queue trigger whose target is not among
 * the given workloads (the Deployment is rendered elsewhere, or not in the
 * repository): each still says that a queue consumer is scaled on its queue.
 */
export function detachedQueueScalers(
  set: ObjectSet,
  workloads: ReadonlyArray<Workload>,
): Array<{ scaler: SourcedObject; target: string; trigger: string }> {
  const out: Array<{ scaler: SourcedObject; target: string; trigger: string }> =
    [];
  for (const o of set.objects) {
    if (o.object.kind !== 'ScaledObject') continue;
    const t = o.object.spec?.scaleTargetRef ?? {};
    const kind = t.kind ?? 'Deployment';
    if (workloads.some(w => w.name === t.name && w.kind === kind)) continue;
    const trigger = list(o.object.spec?.triggers).find(x =>
      QUEUE_TRIGGERS.test(String(x?.type ?? '')),
    );
    if (trigger)
      out.push({
        scaler: o,
        target: `${kind}/${t.name ?? '?'}`,
        trigger: String(trigger.type),
      });
  }
  return out;
}

/** Environment variable names that only a consumer sets: its consumer group, subscription or queue to read. */
const CONSUMER_ENV =
  /(^|_)(CONSUMER_GROUP|GROUP_ID|CONSUMER_GROUP_ID|KAFKA_GROUP|SUBSCRIPTION(_ID|_NAME)?|QUEUE_URL|QUEUE_NAME|QUEUES|INPUT_QUEUE|CONSUME_QUEUE|CONSUMER_TOPICS?|INPUT_TOPICS?|SOURCE_TOPICS?|LISTEN_QUEUE)$/;

/** A consumer's environment variable (consumer group, subscription, queue URL), if the workload sets one. */
export function consumerEnv(w: Workload): string | undefined {
  for (const c of w.containers) {
    if (c.init) continue;
    for (const e of list(c.container.env))
      if (typeof e?.name === 'string' && CONSUMER_ENV.test(e.name))
        return e.name;
  }
  return undefined;
}

/** Names of workers and consumers: `*-worker`, `*-consumer`, `*-listener`… */
export const WORKER_NAME =
  /(^|[-_])(workers?|consumers?|listeners?|subscribers?|processors?|queue|jobs|sidekiq|celery|rq|bull|dispatcher|handler)([-_]|$)/i;
