import {
  KubeObject,
  ResourceType,
  groupVersionOf,
  parseApiVersion,
} from './types';

type BuiltIn = Omit<ResourceType, 'listKind' | 'custom' | 'singular'> & {
  singular?: string;
};

const ALL = ['all'];

/**
 * Built-in kinds a real cluster always serves, as its discovery documents
 * them (names, scope, short names kubectl resolves `deploy`/`hpa`/`svc` with,
 * and the `all` category). Only one version per kind: the server does no
 * version conversion, so an object is served under the apiVersion it has.
 */
const BUILT_INS: BuiltIn[] = [
  {
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    namespaced: true,
    shortNames: ['po'],
    categories: ALL,
  },
  {
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    namespaced: true,
    shortNames: ['svc'],
    categories: ALL,
  },
  {
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
    namespaced: true,
  },
  {
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    namespaced: true,
    shortNames: ['sa'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    shortNames: ['pvc'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    shortNames: ['pv'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    namespaced: true,
    shortNames: ['ep'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'ResourceQuota',
    plural: 'resourcequotas',
    namespaced: true,
    shortNames: ['quota'],
  },
  {
    group: '',
    version: 'v1',
    kind: 'LimitRange',
    plural: 'limitranges',
    namespaced: true,
    shortNames: ['limits'],
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    plural: 'deployments',
    namespaced: true,
    shortNames: ['deploy'],
    categories: ALL,
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    namespaced: true,
    shortNames: ['sts'],
    categories: ALL,
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'DaemonSet',
    plural: 'daemonsets',
    namespaced: true,
    shortNames: ['ds'],
    categories: ALL,
  },
  {
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    namespaced: true,
    shortNames: ['rs'],
    categories: ALL,
  },
  {
    group: 'batch',
    version: 'v1',
    kind: 'Job',
    plural: 'jobs',
    namespaced: true,
    categories: ALL,
  },
  {
    group: 'batch',
    version: 'v1',
    kind: 'CronJob',
    plural: 'cronjobs',
    namespaced: true,
    shortNames: ['cj'],
    categories: ALL,
  },
  {
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ALL,
  },
  {
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    namespaced: true,
    shortNames: ['pdb'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'Ingress',
    plural: 'ingresses',
    namespaced: true,
    shortNames: ['ing'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'IngressClass',
    plural: 'ingressclasses',
    namespaced: false,
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'Role',
    plural: 'roles',
    namespaced: true,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'RoleBinding',
    plural: 'rolebindings',
    namespaced: true,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    shortNames: ['crd', 'crds'],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    shortNames: ['sc'],
  },
];

function fromBuiltIn(b: BuiltIn, version = b.version): ResourceType {
  return {
    ...b,
    version,
    singular: b.singular ?? b.kind.toLowerCase(),
    listKind: `${b.kind}List`,
    custom: false,
  };
}

/**
 * The plural the API machinery guesses for a kind it has no CRD for; the same
 * rule as apimachinery's UnsafeGuessKindToResource.
 */
export function guessPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y') && !/[aeiou]y$/.test(lower))
    return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/**
 * Kubernetes version order: GA before beta before alpha, then higher numbers
 * first (v2 > v1 > v2beta1 > v1beta2 > v1beta1 > v1alpha1); anything that
 * is not a Kubernetes-style version sorts last, alphabetically.
 */
export function compareKubeVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] | undefined => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return undefined;
    const stability = { alpha: 0, beta: 1 }[m[2] as 'alpha' | 'beta'] ?? 2;
    return [stability, Number(m[1]), m[3] === undefined ? 0 : Number(m[3])];
  };
  const ra = rank(a);
  const rb = rank(b);
  if (ra && rb) {
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
    return 0;
  }
  if (ra) return -1;
  if (rb) return 1;
  return a.localeCompare(b);
}

interface CrdNames {
  kind?: string;
  listKind?: string;
  plural?: string;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
}

interface CrdSpec {
  group?: string;
  names?: CrdNames;
  scope?: string;
  versions?: Array<{ name?: string; served?: boolean }>;
  version?: string; // apiextensions v1beta1 CRDs
}

function resourcesOfCrd(crd: KubeObject): ResourceType[] {
  const spec = (crd.spec ?? {}) as CrdSpec;
  const names = spec.names ?? {};
  if (!spec.group || !names.kind || !names.plural) return [];
  const versions = spec.versions?.length
    ? spec.versions
        .filter(v => v.served !== false && v.name)
        .map(v => v.name as string)
    : [spec.version].filter((v): v is string => !!v);
  return versions.map(version => ({
    group: spec.group as string,
    version,
    kind: names.kind as string,
    plural: names.plural as string,
    singular: names.singular ?? (names.kind as string).toLowerCase(),
    namespaced: spec.scope !== 'Cluster',
    listKind: names.listKind ?? `${names.kind}List`,
    shortNames: names.shortNames,
    categories: names.categories,
    custom: true,
  }));
}

/**
 * Every resource type the server serves: the built-ins, the versions each
 * CustomResourceDefinition in the dumps declares, and any other kind objects
 * exist for (so a dump taken without its CRDs is still served, with a guessed
 * plural and a scope taken from whether its objects have a namespace).
 */
export class ResourceRegistry {
  private readonly byGvPlural = new Map<string, ResourceType>();
  private readonly byGvKind = new Map<string, ResourceType>();

  constructor(objects: readonly KubeObject[]) {
    for (const b of BUILT_INS) this.add(fromBuiltIn(b));
    for (const o of objects) {
      if (
        o.kind === 'CustomResourceDefinition' &&
        o.apiVersion.startsWith('apiextensions.k8s.io/')
      ) {
        for (const r of resourcesOfCrd(o)) this.add(r);
      }
    }
    for (const o of objects) {
      const { group, version } = parseApiVersion(o.apiVersion);
      if (this.byGvKind.has(`${group}/${version}/${o.kind}`)) continue;
      this.add(this.inferred(o, group, version, objects));
    }
  }

  private inferred(
    o: KubeObject,
    group: string,
    version: string,
    objects: readonly KubeObject[],
  ): ResourceType {
    // Same kind known under another version (autoscaling/v1 HPA, a CRD's
    // unlisted version): reuse its names, only the version differs.
    const sibling = [...this.byGvKind.values()].find(
      r => r.group === group && r.kind === o.kind,
    );
    if (sibling) return { ...sibling, version };
    const namespaced = objects.some(
      x =>
        x.apiVersion === o.apiVersion &&
        x.kind === o.kind &&
        !!x.metadata.namespace,
    );
    return {
      group,
      version,
      kind: o.kind,
      plural: guessPlural(o.kind),
      singular: o.kind.toLowerCase(),
      namespaced,
      listKind: `${o.kind}List`,
      custom: true,
    };
  }

  private add(r: ResourceType) {
    const gv = groupVersionOf(r.group, r.version);
    this.byGvPlural.set(`${gv}/${r.plural}`, r);
    this.byGvKind.set(`${r.group}/${r.version}/${r.kind}`, r);
  }

  byPlural(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.byGvPlural.get(`${groupVersionOf(group, version)}/${plural}`);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const { group, version } = parseApiVersion(apiVersion);
    return this.byGvKind.get(`${group}/${version}/${kind}`);
  }

  all(): ResourceType[] {
    return [...this.byGvPlural.values()];
  }

  /** Resources of one group/version, in a stable order. */
  ofGroupVersion(group: string, version: string): ResourceType[] {
    return this.all()
      .filter(r => r.group === group && r.version === version)
      .sort((a, b) => a.plural.localeCompare(b.plural));
  }

  /** Named groups (not the core group) with their versions, preferred first. */
  groups(): Array<{ name: string; versions: string[] }> {
    const map = new Map<string, Set<string>>();
    for (const r of this.all()) {
      if (!r.group) continue;
      if (!map.has(r.group)) map.set(r.group, new Set());
      map.get(r.group)!.add(r.version);
    }
    return [...map.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, versions]) => ({
        name,
        versions: [...versions].sort(compareKubeVersions),
      }));
  }

  coreVersions(): string[] {
    return [
      ...new Set(
        this.all()
          .filter(r => !r.group)
          .map(r => r.version),
      ),
    ].sort(compareKubeVersions);
  }
}
