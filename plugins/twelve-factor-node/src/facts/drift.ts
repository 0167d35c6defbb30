import type {
  DriftItem,
  DriftTarget,
} from '@internal/plugin-twelve-factor-common';
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { clusterFactRef } from './cluster/extractor';
import { manifestsFactRef } from './manifests/extractor';

/** Drift between the repository's deploy targets and the clusters. @public */
export interface DriftFact {
  targets: DriftTarget[];
}

/** @public */
export const driftFactRef = createFactRef<DriftFact>({ id: 'drift' });

/** Kinds whose presence is compared: what a team deploys, not what controllers derive (Pods, ReplicaSets) or pipelines create (Secrets). */
const COMPARED = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ServiceMonitor',
  'PrometheusRule',
  'ScaledObject',
  'Rollout',
]);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function containersOf(o: any): any[] {
  return o?.spec?.template?.spec?.containers ?? [];
}

function describeResources(c: any): string {
  const r = c?.resources ?? {};
  const part = (x: any) =>
    x
      ? Object.entries(x)
          .map(([k, v]) => `${k}=${v}`)
          .sort()
          .join(',')
      : '-';
  return `requests ${part(r.requests)}; limits ${part(r.limits)}`;
}

/** Kubernetes writes `cpu: "1"` and `cpu: 1000m` for the same thing; compare normalised. */
function normQuantity(s: string): string {
  return s.replace(/=(\d+)m\b/g, (_m, n) =>
    Number(n) % 1000 === 0 ? `=${Number(n) / 1000}` : `=${n}m`,
  );
}

function compareWorkload(
  declared: any,
  live: any,
  scaledByHpa: boolean,
): DriftItem[] {
  const items: DriftItem[] = [];
  const kind = declared.kind;
  const name = declared.metadata.name;
  const dr = declared.spec?.replicas ?? 1;
  const lr = live.spec?.replicas ?? 1;
  if (!scaledByHpa && dr !== lr)
    items.push({
      kind,
      name,
      type: 'changed',
      field: 'replicas',
      declared: String(dr),
      live: String(lr),
    });
  const liveByName = new Map(containersOf(live).map((c: any) => [c.name, c]));
  for (const c of containersOf(declared)) {
    const l: any = liveByName.get(c.name);
    if (!l) {
      items.push({
        kind,
        name,
        type: 'changed',
        field: `container ${c.name}`,
        declared: 'present',
        live: 'absent',
      });
      continue;
    }
    if (c.image !== l.image)
      items.push({
        kind,
        name,
        type: 'changed',
        field: `image (${c.name})`,
        declared: c.image,
        live: l.image,
      });
    for (const probe of ['livenessProbe', 'readinessProbe'] as const) {
      if (Boolean(c[probe]) !== Boolean(l[probe]))
        items.push({
          kind,
          name,
          type: 'changed',
          field: `${probe} (${c.name})`,
          declared: c[probe] ? 'set' : 'none',
          live: l[probe] ? 'set' : 'none',
        });
    }
    const dres = normQuantity(describeResources(c));
    const lres = normQuantity(describeResources(l));
    if (dres !== lres)
      items.push({
        kind,
        name,
        type: 'changed',
        field: `resources (${c.name})`,
        declared: dres,
        live: lres,
      });
  }
  return items;
}

/**
 * Maps each repository deploy target to a cluster namespace (the namespace
 * its objects declare, or else a namespace named like the target's last
 * folder, `overlays/prd` ↔ `*-prd`) and compares what matters.
 * @public
 */
export const driftExtractor: FactExtractor<DriftFact> = {
  ref: driftFactRef,
  extract(ctx) {
    const manifests = ctx.facts.get(manifestsFactRef);
    const clusters = ctx.facts
      .get(clusterFactRef)
      .clusters.filter(c => c.status === 'ok');
    const targets: DriftTarget[] = [];
    for (const target of manifests.targets) {
      const declaredNs = new Set(
        target.objects.map(o => o.object.metadata?.namespace).filter(Boolean),
      );
      const suffix = target.id.split('/').pop()!;
      for (const cluster of clusters) {
        const namespaces = declaredNs.size
          ? cluster.namespaces.filter(n => declaredNs.has(n))
          : cluster.namespaces.filter(
              n => n === suffix || n.endsWith(`-${suffix}`),
            );
        for (const namespace of namespaces) {
          const declared = target.objects
            .map(o => o.object)
            .filter(
              o =>
                COMPARED.has(o.kind) &&
                (o.metadata?.namespace ?? namespace) === namespace,
            );
          const live = cluster.objects.filter(
            o => COMPARED.has(o.kind) && o.metadata.namespace === namespace,
          );
          const liveByKey = new Map(
            live.map(o => [`${o.kind}/${o.metadata.name}`, o]),
          );
          const declaredKeys = new Set(
            declared.map(o => `${o.kind}/${o.metadata?.name}`),
          );
          const hpaTargets = new Set(
            [...declared, ...live]
              .filter(
                o =>
                  o.kind === 'HorizontalPodAutoscaler' ||
                  o.kind === 'ScaledObject',
              )
              .map(
                o =>
                  `${o.spec?.scaleTargetRef?.kind ?? 'Deployment'}/${
                    o.spec?.scaleTargetRef?.name
                  }`,
              ),
          );
          const items: DriftItem[] = [];
          for (const d of declared) {
            const key = `${d.kind}/${d.metadata?.name}`;
            const l = liveByKey.get(key);
            if (!l)
              items.push({
                kind: d.kind,
                name: d.metadata?.name,
                type: 'missing',
              });
            else if (WORKLOADS.has(d.kind))
              items.push(...compareWorkload(d, l, hpaTargets.has(key)));
          }
          for (const l of live) {
            if (!declaredKeys.has(`${l.kind}/${l.metadata.name}`))
              items.push({
                kind: l.kind,
                name: l.metadata.name,
                type: 'undeclared',
              });
          }
          targets.push({
            target: target.id,
            cluster: cluster.name,
            namespace,
            items,
          });
        }
      }
    }
    return { targets };
  },
};
