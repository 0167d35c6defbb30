import type { EngineMessage } from '@internal/plugin-twelve-factor-common';
import { createFactRef } from '../../engine/facts';
import { unknownReasonFields } from '../../engine/unknownReason';
import type { FactExtractor } from '../../engine/types';
import { Addon, findAddons } from '../../kube/addons';
import { ClusterIndex } from '../../kube/ClusterIndex';
import {
  entitySelector,
  mapEntityObjects,
  workloadNamespaces,
} from '../../kube/entityMapping';
import type { KubeObject } from '../../kube/types';
import { withRouteGateways } from '../../kube/routeGateways';

/** One cluster as an entity sees it. @public */
export interface EntityCluster {
  name: string;
  /**
   * ok: read and mapped; unreachable: the cluster failed as a whole;
   * not-mapped: the entity has no Kubernetes annotation.
   */
  status: 'ok' | 'unreachable' | 'not-mapped';
  reason?: string;
  /** The reason as a message, when it is ours (a cluster's error is its text). */
  reasonMsg?: EngineMessage;
  /** The entity's objects and those pointing at its pods. */
  objects: KubeObject[];
  /** Namespaces holding the entity's workloads. */
  namespaces: string[];
  /** Cluster-wide add-ons (log collectors, Prometheus, mesh, GitOps…). */
  addons: Addon[];
  /** Custom resource kinds the cluster serves. */
  installedKinds: string[];
  /** Kinds that could not be read, with why. */
  unreadableKinds: Array<{ kind: string; reason: string }>;
  /** How the entity selects its objects. */
  selector?: string;
}

/** Live-cluster evidence for the entity. @public */
export interface ClusterFact {
  /** Empty when no cluster is configured. */
  clusters: EntityCluster[];
}

/** @public */
export const clusterFactRef = createFactRef<ClusterFact>({
  id: 'cluster.objects',
});

/** @public */
export const clusterExtractor: FactExtractor<ClusterFact> = {
  ref: clusterFactRef,
  extract(ctx) {
    const { entity, clusters = [], mapAllClusterObjects } = ctx.input;
    const selector = mapAllClusterObjects ? 'all' : entitySelector(entity);
    return {
      clusters: clusters.map((c): EntityCluster => {
        const base = {
          name: c.name,
          installedKinds: c.installedKinds ?? [],
          unreadableKinds: c.unreadableKinds ?? [],
        };
        if (c.error) {
          return {
            ...base,
            status: 'unreachable',
            reason: c.error,
            objects: [],
            namespaces: [],
            addons: [],
          };
        }
        const index = ClusterIndex.of(c);
        const addons = findAddons(index);
        if (!selector) {
          return {
            ...base,
            status: 'not-mapped',
            ...unknownReasonFields('unknown.cluster-not-mapped'),
            objects: [],
            namespaces: [],
            addons,
          };
        }
        const objects = withRouteGateways(
          index,
          mapEntityObjects(index, selector),
        );
        const own = new Set(
          objects.map(
            o => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`,
          ),
        );
        return {
          ...base,
          status: 'ok',
          objects,
          namespaces: workloadNamespaces(objects),
          addons: addons.filter(
            a =>
              !own.has(
                `${a.object.kind}/${a.object.namespace}/${a.object.name}`,
              ),
          ),
          selector:
            selector === 'all'
              ? 'every object of the cluster'
              : selector.description,
        };
      }),
    };
  },
};
