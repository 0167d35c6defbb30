import type { Entity } from '@backstage/catalog-model';
import type { ClusterIndex } from './ClusterIndex';
import {
  LabelRequirement,
  LabelSelectorError,
  mapSelectorMatches,
  matchesRequirements,
  parseLabelSelector,
  selectorMatches,
} from './labels';
import { objectKey, type KubeObject } from './types';
import { errorDetail } from '../engine/diagnostic';

/** The Backstage Kubernetes plugin's annotations. @public */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
/** @public */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
/** @public */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';

/** How an entity selects its objects. @public */
export interface EntitySelector {
  requirements: LabelRequirement[];
  namespace?: string;
  /** Human description, for evidence and reasons. */
  description: string;
}

/**
 * The entity's selector, by the Kubernetes plugin's rules: the label-selector
 * annotation wins over kubernetes-id; kubernetes-namespace narrows both.
 * Undefined when the entity has neither annotation.
 * @public
 */
export function entitySelector(entity: Entity): EntitySelector | undefined {
  const a = entity.metadata.annotations ?? {};
  const namespace = a[KUBERNETES_NAMESPACE_ANNOTATION] || undefined;
  const ns = namespace ? ` in namespace ${namespace}` : '';
  if (a[KUBERNETES_LABEL_SELECTOR_ANNOTATION]) {
    const raw = a[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
    try {
      return {
        requirements: parseLabelSelector(raw),
        namespace,
        description: `label selector ${raw}${ns}`,
      };
    } catch (e) {
      throw new LabelSelectorError('diagnostic.selector.invalid-annotation', {
        annotation: KUBERNETES_LABEL_SELECTOR_ANNOTATION,
        selector: raw,
        ...errorDetail(e),
      });
    }
  }
  if (a[KUBERNETES_ID_ANNOTATION]) {
    const id = a[KUBERNETES_ID_ANNOTATION];
    return {
      requirements: [{ key: KUBERNETES_ID_ANNOTATION, op: '=', value: id }],
      namespace,
      description: `${KUBERNETES_ID_ANNOTATION}=${id}${ns}`,
    };
  }
  return undefined;
}

const POD_TEMPLATE_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'Rollout',
]);

function podTemplateLabels(o: KubeObject): Record<string, string> | undefined {
  if (o.kind === 'Pod') return o.metadata.labels;
  if (o.kind === 'CronJob')
    return o.spec?.jobTemplate?.spec?.template?.metadata?.labels;
  if (POD_TEMPLATE_KINDS.has(o.kind)) return o.spec?.template?.metadata?.labels;
  return undefined;
}

function podSpecOf(o: KubeObject): any {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

/**
 * The objects of one cluster that belong to an entity: those its selector
 * picks, plus the objects that point at its pods or that its pods use (HPAs,
 * PDBs, NetworkPolicies, Services, Ingresses, monitors, autoscalers,
 * ServiceAccounts and their bindings, ConfigMaps, Secrets, PVCs,
 * SecretProviderClasses).
 * @public
 */
export function mapEntityObjects(
  index: ClusterIndex,
  selector: EntitySelector | 'all',
): KubeObject[] {
  let own: ReadonlyArray<KubeObject>;
  if (selector === 'all') {
    own = index.objects;
  } else {
    // Use the label index for the first equality requirement; filter the rest.
    const eq = selector.requirements.find(r => r.op === '=') as
      | { key: string; value: string }
      | undefined;
    const candidates = eq ? index.withLabel(eq.key, eq.value) : index.objects;
    own = candidates.filter(
      o =>
        matchesRequirements(o.metadata.labels, selector.requirements) &&
        (!selector.namespace || o.metadata.namespace === selector.namespace),
    );
  }
  return withRelatedObjects(index, own, { namespaceWide: true });
}

/**
 * The given objects of an entity plus the objects of the index that point at
 * its pods or that its pods use.
 *
 * `namespaceWide` (a cluster): every PrometheusRule, SecretProviderClass,
 * ExternalSecret, PeerAuthentication, DestinationRule, Canary, Rollout and
 * ScaledJob in a namespace holding the entity's workloads counts as its own,
 * as a namespace usually holds one service. Without it (the shared manifests
 * of a monorepo, where one namespace holds many services) only those that
 * point at the entity's objects do: an ExternalSecret or SealedSecret whose
 * Secret its pods read, a SecretProviderClass they mount, a DestinationRule,
 * HTTPRoute, VirtualService or TrafficSplit naming its Service (and the
 * Gateways such a route attaches to), a PeerAuthentication, AuthorizationPolicy
 * or Cilium policy selecting its pods or the whole namespace, a Canary or
 * Rollout targeting its workload, a BackendConfig its Service names, and the
 * namespace's Namespace, LimitRange and ResourceQuota objects.
 * @public
 */
export function withRelatedObjects(
  index: ClusterIndex,
  own: ReadonlyArray<KubeObject>,
  options: { namespaceWide: boolean },
): KubeObject[] {
  const result = new Map<string, KubeObject>();
  for (const o of own) result.set(objectKey(o), o);

  const workloads = own.filter(
    o => podTemplateLabels(o) !== undefined && o.kind !== 'Pod',
  );
  const namespaces = new Set(workloads.map(w => w.metadata.namespace ?? ''));
  const podLabels = workloads.map(w => ({
    ns: w.metadata.namespace ?? '',
    labels: podTemplateLabels(w) ?? {},
  }));
  const selectsPods = (
    ns: string,
    match: (labels: Record<string, string>) => boolean,
  ) => podLabels.some(p => p.ns === ns && match(p.labels));
  const add = (o: KubeObject | undefined) => {
    if (o) result.set(objectKey(o), o);
  };

  for (const ns of namespaces) {
    for (const svc of index.ofKindIn('Service', ns)) {
      if (selectsPods(ns, l => mapSelectorMatches(svc.spec?.selector, l)))
        add(svc);
    }
    for (const kind of [
      'PodDisruptionBudget',
      'ServiceMonitor',
      'PodMonitor',
    ]) {
      for (const o of index.ofKindIn(kind, ns)) {
        if (kind === 'ServiceMonitor') {
          // A ServiceMonitor selects Services; keep it when it selects one of ours.
          const services = [...result.values()].filter(
            s => s.kind === 'Service' && s.metadata.namespace === ns,
          );
          if (
            services.some(s =>
              selectorMatches(o.spec?.selector, s.metadata.labels),
            )
          )
            add(o);
        } else if (
          o.spec?.selector &&
          selectsPods(ns, l => selectorMatches(o.spec.selector, l))
        )
          add(o);
      }
    }
    for (const np of index.ofKindIn('NetworkPolicy', ns)) {
      if (selectsPods(ns, l => selectorMatches(np.spec?.podSelector ?? {}, l)))
        add(np);
    }
    const workloadNames = new Set(
      workloads
        .filter(w => (w.metadata.namespace ?? '') === ns)
        .map(w => `${w.kind}/${w.metadata.name}`),
    );
    for (const kind of [
      'HorizontalPodAutoscaler',
      'ScaledObject',
      'VerticalPodAutoscaler',
    ]) {
      for (const o of index.ofKindIn(kind, ns)) {
        const t = o.spec?.scaleTargetRef ?? o.spec?.targetRef;
        if (t && workloadNames.has(`${t.kind ?? 'Deployment'}/${t.name}`))
          add(o);
      }
    }
    if (options.namespaceWide)
      for (const o of index.ofKindIn('ScaledJob', ns)) add(o);
    for (const ing of index.ofKindIn('Ingress', ns)) {
      const names = new Set<string>();
      const backend = (b: any) => b?.service?.name && names.add(b.service.name);
      backend(ing.spec?.defaultBackend);
      for (const rule of ing.spec?.rules ?? [])
        for (const p of rule.http?.paths ?? []) backend(p.backend);
      if ([...names].some(n => result.has(`Service/${ns}/${n}`))) add(ing);
    }
    if (options.namespaceWide) {
      for (const kind of [
        'PrometheusRule',
        'SecretProviderClass',
        'ExternalSecret',
        'PeerAuthentication',
        'DestinationRule',
        'Canary',
        'Rollout',
      ]) {
        for (const o of index.ofKindIn(kind, ns)) add(o);
      }
    } else {
      addPointingObjects(index, ns, workloads, workloadNames, result, add);
    }
  }
  // GitOps objects live in the controller's namespace and point at ours.
  for (const app of index.ofKind('Application')) {
    if (namespaces.has(app.spec?.destination?.namespace ?? '\u0000')) add(app);
  }
  for (const kind of ['Kustomization', 'HelmRelease']) {
    for (const o of index.ofKind(kind)) {
      if (
        o.apiVersion?.includes('fluxcd.io') &&
        namespaces.has(
          o.spec?.targetNamespace ?? o.metadata.namespace ?? '\u0000',
        )
      )
        add(o);
    }
  }
  if (!options.namespaceWide) {
    for (const kind of [
      'GlobalNetworkPolicy',
      'CiliumClusterwideNetworkPolicy',
    ])
      for (const o of index.ofKind(kind)) add(o);
  }
  for (const w of workloads) {
    const ns = w.metadata.namespace;
    const spec = podSpecOf(w) ?? {};
    const sa = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
    add(index.get('ServiceAccount', ns, sa));
    for (const v of spec.volumes ?? []) {
      if (v.configMap?.name) add(index.get('ConfigMap', ns, v.configMap.name));
      if (v.secret?.secretName)
        add(index.get('Secret', ns, v.secret.secretName));
      if (v.persistentVolumeClaim?.claimName)
        add(
          index.get(
            'PersistentVolumeClaim',
            ns,
            v.persistentVolumeClaim.claimName,
          ),
        );
    }
    for (const c of [
      ...(spec.containers ?? []),
      ...(spec.initContainers ?? []),
    ]) {
      for (const e of c.envFrom ?? []) {
        if (e.configMapRef?.name)
          add(index.get('ConfigMap', ns, e.configMapRef.name));
        if (e.secretRef?.name) add(index.get('Secret', ns, e.secretRef.name));
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.configMapKeyRef?.name)
          add(index.get('ConfigMap', ns, e.valueFrom.configMapKeyRef.name));
        if (e.valueFrom?.secretKeyRef?.name)
          add(index.get('Secret', ns, e.valueFrom.secretKeyRef.name));
      }
    }
    for (const rb of index.ofKindIn('RoleBinding', ns)) {
      if (
        (rb.subjects ?? []).some(
          (s: any) =>
            s.kind === 'ServiceAccount' &&
            s.name === sa &&
            (s.namespace ?? ns) === ns,
        )
      ) {
        add(rb);
        if (rb.roleRef?.kind === 'Role')
          add(index.get('Role', ns, rb.roleRef.name));
        if (rb.roleRef?.kind === 'ClusterRole')
          add(index.get('ClusterRole', undefined, rb.roleRef.name));
      }
    }
    for (const crb of index.ofKind('ClusterRoleBinding')) {
      if (
        (crb.subjects ?? []).some(
          (s: any) =>
            s.kind === 'ServiceAccount' && s.name === sa && s.namespace === ns,
        )
      ) {
        add(crb);
        add(index.get('ClusterRole', undefined, crb.roleRef?.name));
      }
    }
  }
  return [...result.values()];
}

/** The Secrets and SecretProviderClasses the pods of workloads read, by name. */
function podReferences(workloads: ReadonlyArray<KubeObject>): {
  secrets: Set<string>;
  providerClasses: Set<string>;
} {
  const secrets = new Set<string>();
  const providerClasses = new Set<string>();
  for (const w of workloads) {
    const spec = podSpecOf(w) ?? {};
    for (const v of spec.volumes ?? []) {
      if (v.secret?.secretName) secrets.add(String(v.secret.secretName));
      for (const s of v.projected?.sources ?? [])
        if (s.secret?.name) secrets.add(String(s.secret.name));
      const spc = v.csi?.volumeAttributes?.secretProviderClass;
      if (spc) providerClasses.add(String(spc));
    }
    for (const c of [
      ...(spec.containers ?? []),
      ...(spec.initContainers ?? []),
    ]) {
      for (const e of c.envFrom ?? [])
        if (e.secretRef?.name) secrets.add(String(e.secretRef.name));
      for (const e of c.env ?? [])
        if (e.valueFrom?.secretKeyRef?.name)
          secrets.add(String(e.valueFrom.secretKeyRef.name));
    }
    for (const s of spec.imagePullSecrets ?? [])
      if (s?.name) secrets.add(String(s.name));
  }
  return { secrets, providerClasses };
}

/** `cart`, `cart.shop`, `cart.shop.svc.cluster.local` → `cart`. */
function serviceOfHost(host: unknown): string {
  return String(host ?? '').split('.')[0];
}

/** The objects of one namespace that point at the entity's own (see withRelatedObjects without namespaceWide). */
function addPointingObjects(
  index: ClusterIndex,
  ns: string,
  workloads: ReadonlyArray<KubeObject>,
  workloadNames: ReadonlySet<string>,
  result: Map<string, KubeObject>,
  add: (o: KubeObject | undefined) => void,
): void {
  const inNs = workloads.filter(w => (w.metadata.namespace ?? '') === ns);
  const podLabels = inNs.map(w => podTemplateLabels(w) ?? {});
  const selectsPods = (selector: any) =>
    podLabels.some(l => selectorMatches(selector ?? {}, l));
  const services = new Set(
    [...result.values()]
      .filter(o => o.kind === 'Service' && (o.metadata.namespace ?? '') === ns)
      .map(o => o.metadata.name),
  );
  const refs = podReferences(inNs);
  for (const o of index.ofKindIn('ExternalSecret', ns)) {
    const target = o.spec?.target?.name ?? o.metadata.name;
    if (refs.secrets.has(String(target))) add(o);
  }
  for (const o of index.ofKindIn('SealedSecret', ns)) {
    const target = o.spec?.template?.metadata?.name ?? o.metadata.name;
    if (refs.secrets.has(String(target))) add(o);
  }
  for (const o of index.ofKindIn('SecretProviderClass', ns))
    if (refs.providerClasses.has(o.metadata.name)) add(o);
  for (const kind of ['PeerAuthentication', 'AuthorizationPolicy']) {
    for (const o of index.ofKindIn(kind, ns)) {
      // No selector: the policy covers the whole namespace, the entity's pods included.
      const sel = o.spec?.selector;
      if (!sel?.matchLabels || selectsPods({ matchLabels: sel.matchLabels }))
        add(o);
    }
  }
  for (const o of index.ofKindIn('CiliumNetworkPolicy', ns))
    if (selectsPods(o.spec?.endpointSelector)) add(o);
  for (const o of index.ofKindIn('DestinationRule', ns))
    if (services.has(serviceOfHost(o.spec?.host))) add(o);
  for (const o of index.ofKindIn('VirtualService', ns)) {
    const hosts: string[] = [];
    for (const section of ['http', 'tcp', 'tls'])
      for (const r of o.spec?.[section] ?? [])
        for (const d of r?.route ?? []) hosts.push(d?.destination?.host);
    if (hosts.some(h => services.has(serviceOfHost(h)))) add(o);
  }
  for (const o of index.ofKindIn('TrafficSplit', ns)) {
    const names = [
      o.spec?.service,
      ...(o.spec?.backends ?? []).map((b: any) => b?.service),
    ];
    if (names.some(n => services.has(serviceOfHost(n)))) add(o);
  }
  for (const kind of [
    'HTTPRoute',
    'GRPCRoute',
    'TCPRoute',
    'TLSRoute',
    'UDPRoute',
  ]) {
    for (const o of index.ofKindIn(kind, ns)) {
      const backends = (o.spec?.rules ?? []).flatMap(
        (r: any) => r?.backendRefs ?? [],
      );
      if (
        !backends.some(
          (b: any) =>
            (b?.kind ?? 'Service') === 'Service' &&
            (b?.namespace ?? ns) === ns &&
            services.has(String(b?.name)),
        )
      )
        continue;
      add(o);
      for (const p of o.spec?.parentRefs ?? [])
        if ((p?.kind ?? 'Gateway') === 'Gateway')
          add(index.get('Gateway', p?.namespace ?? ns, String(p?.name)));
    }
  }
  for (const kind of ['Canary', 'Rollout']) {
    for (const o of index.ofKindIn(kind, ns)) {
      const t = o.spec?.targetRef ?? o.spec?.workloadRef;
      if (t && workloadNames.has(`${t.kind ?? 'Deployment'}/${t.name}`)) add(o);
    }
  }
  for (const name of services) {
    const svc = index.get('Service', ns || undefined, name);
    const a = svc?.metadata.annotations ?? {};
    const ref =
      a['cloud.google.com/backend-config'] ??
      a['beta.cloud.google.com/backend-config'];
    if (!ref) continue;
    for (const o of index.ofKindIn('BackendConfig', ns))
      if (ref.includes(`"${o.metadata.name}"`)) add(o);
  }
  add(index.get('Namespace', undefined, ns));
  for (const kind of ['LimitRange', 'ResourceQuota'])
    for (const o of index.ofKindIn(kind, ns)) add(o);
}

/** The namespaces that hold an entity's workloads. @public */
export function workloadNamespaces(
  objects: ReadonlyArray<KubeObject>,
): string[] {
  return [
    ...new Set(
      objects
        .filter(o => podTemplateLabels(o) !== undefined)
        .map(o => o.metadata.namespace ?? ''),
    ),
  ].sort();
}
