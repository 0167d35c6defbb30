/*
 * The deploy manifests of a monorepo member. The repository's deploy targets
 * are rendered as for any repository; each then keeps only the entity's own
 * objects and the objects that point at them, and a target that deploys
 * nothing of the entity is dropped.
 *
 * An object is the entity's own when
 *  - it comes from a file under the entity's code root;
 *  - it comes from a file or folder, or belongs to a deploy target, listed in
 *    the entity's `twelve-factor.io/manifests` annotation;
 *  - its labels (or, for a workload, its pod template's) match the entity's
 *    `backstage.io/kubernetes-label-selector` or `backstage.io/kubernetes-id`
 *    annotation, as the Kubernetes plugin matches cluster objects;
 *  - it is a workload running an image built from the code root (CI,
 *    skaffold or compose builds, see images.ts);
 *  - it shares its file, or else its folder, with the entity's workloads and
 *    with no other service's workload (the Service, HPA and PrometheusRule of
 *    `kubernetes-manifests/cart.yaml` or of `base/cart/`); backing services
 *    (redis, postgres… images) count as no other service's;
 *  - it is a backing service the entity's pods address: a Service named in
 *    their environment, arguments or ConfigMaps whose pods run a datastore,
 *    cache or broker image (and those workloads), or an operator-managed
 *    database whose name prefixes such an address or a Secret they read
 *    (CloudNativePG's `<cluster>-rw`, `<cluster>-app`).
 * The objects pointing at the entity's pods or used by them are added as for
 * a cluster (kube/entityMapping.ts, without its namespace-wide rules), and
 * the Argo CD Applications, ApplicationSets and Flux Kustomizations whose
 * path is a deploy target that deploys the entity.
 */
import type { ExtractionContext } from '../../engine/types';
import { ClusterIndex } from '../../kube/ClusterIndex';
import {
  entitySelector,
  withRelatedObjects,
  type EntitySelector,
} from '../../kube/entityMapping';
import { mapSelectorMatches, matchesRequirements } from '../../kube/labels';
import type { KubeObject } from '../../kube/types';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { isUnderFolder, type RepoScope } from '../../sources/scope';
import { backingKindOfImage, operatorBackingServices } from '../images';
import type { DeployTarget, ManifestsFact } from '../manifests/types';
import { workloadsOf } from '../manifests/workloads';
import type { SourcedObject } from '../manifests/yamlObjects';
import { requireRepo } from '../repo';
import { looseName } from './compose';
import { isOwnImage, ownImages, type OwnImage } from './images';
import { globPattern, normalizeRelative } from './paths';
import { errorDetail, said } from '../../engine/diagnostic';

/**
 * The annotation that lists a monorepo member's manifests: repository paths
 * of files or folders (globs allowed), or deploy targets, separated by commas
 * or white space. @public
 */
export const MANIFESTS_ANNOTATION = 'twelve-factor.io/manifests';

/** The paths an entity's manifests annotation lists, as patterns. */
function listedPaths(value: string | undefined): Array<{
  text: string;
  matches: (path: string) => boolean;
}> {
  if (!value) return [];
  return value
    .split(/[,\s]+/)
    .map(p => normalizeRelative(p.trim()))
    .filter(p => p !== '')
    .map(p => {
      const glob = /[*?]/.test(p) ? globPattern(p) : undefined;
      return {
        text: p,
        matches: (path: string) =>
          glob
            ? glob.test(path) || glob.test(dirname(path))
            : isUnderFolder(path, p),
      };
    });
}

/** The pod template labels of a workload object. */
function podLabels(o: Record<string, any>): Record<string, string> | undefined {
  if (o.kind === 'CronJob')
    return o.spec?.jobTemplate?.spec?.template?.metadata?.labels;
  if (o.kind === 'ScaledJob')
    return o.spec?.jobTargetRef?.template?.metadata?.labels;
  return o.spec?.template?.metadata?.labels;
}

/** The images of a workload's containers (init containers included); undefined for objects that run no pods. */
function imagesOf(source: SourcedObject): string[] | undefined {
  const o = source.object;
  if (o.kind === 'ScaledJob') {
    const spec = o.spec?.jobTargetRef?.template?.spec ?? {};
    return [...(spec.containers ?? []), ...(spec.initContainers ?? [])]
      .map((c: any) => c?.image)
      .filter((i: unknown): i is string => typeof i === 'string');
  }
  const [w] = workloadsOf([source]);
  if (!w) return undefined;
  return w.containers
    .map(c => c.container.image)
    .filter((i): i is string => typeof i === 'string');
}

/** Whether an object can go in an index (a mapping with a metadata mapping). */
function indexable(o: Record<string, any>): boolean {
  return (
    typeof o.metadata === 'object' &&
    o.metadata !== null &&
    !Array.isArray(o.metadata)
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A host name as an address names it: `cart-redis`, `cart-redis:6379`, `redis://cart-redis.shop.svc`. */
function hostPattern(name: string): RegExp {
  return new RegExp(`(^|[^\\w.-])${escape(name)}(?=$|[^\\w-])`);
}

/** What the entity's pods say about their peers: env values, commands and arguments, and the ConfigMaps they read. */
function addressTexts(
  own: ReadonlyArray<KubeObject>,
  related: ReadonlyArray<KubeObject>,
): string {
  const texts: string[] = [];
  for (const o of own) {
    for (const w of workloadsOf([{ object: o, origin: { path: '' } }]))
      for (const { container: c } of w.containers) {
        for (const e of Array.isArray(c.env) ? c.env : [])
          if (typeof e?.value === 'string') texts.push(e.value);
        for (const a of [c.command, c.args])
          if (Array.isArray(a)) texts.push(...a.map(String));
      }
  }
  for (const o of related)
    if (o.kind === 'ConfigMap')
      for (const v of Object.values(o.data ?? {})) texts.push(String(v));
  return texts.join('\n');
}

/** The Secrets the pods of workloads read, by name. */
function secretsRead(own: ReadonlyArray<KubeObject>): string[] {
  const names: string[] = [];
  for (const o of own)
    for (const w of workloadsOf([{ object: o, origin: { path: '' } }]))
      for (const { container: c } of w.containers) {
        for (const e of Array.isArray(c.envFrom) ? c.envFrom : [])
          if (e?.secretRef?.name) names.push(String(e.secretRef.name));
        for (const e of Array.isArray(c.env) ? c.env : [])
          if (e?.valueFrom?.secretKeyRef?.name)
            names.push(String(e.valueFrom.secretKeyRef.name));
      }
  return names;
}

/** The backing services (and their Services) a target holds for the entity's pods. */
function backingServicesOf(
  target: DeployTarget,
  index: ClusterIndex,
  own: ReadonlyArray<KubeObject>,
  related: ReadonlyArray<KubeObject>,
): KubeObject[] {
  const text = addressTexts(own, related);
  const secrets = secretsRead(own);
  const mine = new Set<KubeObject>([...own, ...related]);
  const out: KubeObject[] = [];
  for (const svc of index.ofKind('Service')) {
    if (mine.has(svc) || !hostPattern(svc.metadata.name).test(text)) continue;
    const ns = svc.metadata.namespace;
    const backing = index.objects.filter(
      w =>
        (w.metadata.namespace ?? '') === (ns ?? '') &&
        mapSelectorMatches(svc.spec?.selector, podLabels(w)) &&
        (imagesOf({ object: w, origin: { path: '' } }) ?? []).some(i =>
          backingKindOfImage(i),
        ),
    );
    if (backing.length) out.push(svc, ...backing);
  }
  for (const { source } of operatorBackingServices(target.objects)) {
    const o = source.object as KubeObject;
    if (!indexable(o) || mine.has(o)) continue;
    const name = String(o.metadata.name ?? '');
    if (
      name &&
      (hostPattern(name).test(text) ||
        new RegExp(`(^|[^\\w.-])${escape(name)}-\\w+`).test(text) ||
        secrets.some(s => s.startsWith(`${name}-`)))
    )
      out.push(o);
  }
  return out;
}

/** The paths GitOps objects deploy: Argo CD source paths, ApplicationSet git directories, Flux paths. */
function gitopsPaths(o: Record<string, any>): string[] {
  const api = String(o.apiVersion ?? '');
  const paths: unknown[] = [];
  if (o.kind === 'Application' && api.startsWith('argoproj.io')) {
    paths.push(o.spec?.source?.path);
    for (const s of o.spec?.sources ?? []) paths.push(s?.path);
  } else if (o.kind === 'ApplicationSet' && api.startsWith('argoproj.io')) {
    for (const g of o.spec?.generators ?? [])
      for (const d of g?.git?.directories ?? [])
        if (!d?.exclude) paths.push(d?.path);
  } else if (o.kind === 'Kustomization' && api.includes('fluxcd.io'))
    paths.push(o.spec?.path);
  return paths
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map(p => normalizeRelative(p));
}

/** How an entity's own objects are recognised, in words. */
function matchedBy(
  scope: RepoScope,
  selector: EntitySelector | undefined,
  listed: ReadonlyArray<{ text: string }>,
  images: ReadonlyArray<OwnImage>,
): string[] {
  return [
    `manifests under ${scope.codeRoot}/`,
    ...(selector ? [`labels ${selector.description}`] : []),
    ...(listed.length
      ? [`${MANIFESTS_ANNOTATION}: ${listed.map(l => l.text).join(', ')}`]
      : []),
    ...images.map(
      i =>
        `image ${i.repository} (${i.how}, ${i.path}${
          i.line ? `:${i.line}` : ''
        })`,
    ),
  ];
}

/** The entity's share of the repository's manifests. */
export function scopeManifests(
  fact: ManifestsFact,
  ctx: ExtractionContext,
  scope: RepoScope,
): ManifestsFact {
  const entity = ctx.input.entity;
  let selector: EntitySelector | undefined;
  try {
    selector = entitySelector(entity);
  } catch (e) {
    ctx.report({
      level: 'warning',
      source: 'manifests',
      ...said('diagnostic.manifests.selector-ignored', errorDetail(e)),
    });
  }
  const listed = listedPaths(
    entity.metadata.annotations?.[MANIFESTS_ANNOTATION],
  );
  const images = ownImages(ctx.facts, requireRepo(ctx), scope, entity);
  // The namespace annotation names cluster namespaces; the repository's overlays may deploy elsewhere (dev).
  const labelsMatch = (o: Record<string, any>) =>
    !!selector &&
    (matchesRequirements(o.metadata?.labels, selector.requirements) ||
      (podLabels(o) !== undefined &&
        matchesRequirements(podLabels(o), selector.requirements)));

  const names = new Set(
    [
      entity.metadata.name,
      basename(scope.codeRoot),
      entity.metadata.annotations?.['backstage.io/kubernetes-id'],
    ].filter(Boolean),
  );

  // Pass 1: the objects that are the entity's by themselves, and where workloads come from.
  const own = new Set<object>();
  let ownWorkloads = 0;
  const namedLikeEntity: Array<{ object: object; path: string }> = [];
  const workloadFiles = new Map<string, { own: number; other: number }>();
  const count = (key: string, isOwn: boolean) => {
    const c = workloadFiles.get(key) ?? { own: 0, other: 0 };
    if (isOwn) c.own++;
    else c.other++;
    workloadFiles.set(key, c);
  };
  for (const target of fact.targets) {
    for (const source of target.objects) {
      const o = source.object;
      const path = 'path' in source.origin ? source.origin.path : '';
      const runs = imagesOf(source);
      const isOwn =
        isUnderFolder(path, scope.codeRoot) ||
        listed.some(l => l.matches(path) || l.matches(target.id)) ||
        labelsMatch(o) ||
        (runs !== undefined && runs.some(i => isOwnImage(i, images)));
      if (isOwn) own.add(o);
      if (runs !== undefined && isOwn) ownWorkloads++;
      if (runs !== undefined && !isOwn && o.metadata?.name)
        namedLikeEntity.push({ object: o, path });
      if (runs === undefined || !path) continue;
      // Backing services take no side: they follow the entity's workloads they sit beside.
      if (!isOwn && runs.some(i => backingKindOfImage(i))) continue;
      count(`file:${path}`, isOwn);
      count(`dir:${dirname(path)}`, isOwn);
    }
  }
  // Nothing else tells: the workloads named like the entity or its folder (`vote/` is deployed by `Deployment vote`),
  // else those whose name ends a longer folder name (`spring-petclinic-customers-service/` by `customers-service`).
  const nameOf = (w: { object: object }) =>
    String((w.object as KubeObject).metadata.name);
  const loosely = new Set([...names].filter(Boolean).map(n => looseName(n!)));
  const exact = namedLikeEntity.filter(w => loosely.has(looseName(nameOf(w))));
  const loose = namedLikeEntity.filter(w => {
    const n = nameOf(w);
    return (
      n.length >= 4 &&
      [...names].some(e => !!e && (e.endsWith(`-${n}`) || n.endsWith(`-${e}`)))
    );
  });
  const byName = ownWorkloads === 0 ? (exact.length ? exact : loose) : [];
  for (const { object, path } of byName) {
    own.add(object);
    if (!path) continue;
    for (const key of [`file:${path}`, `dir:${dirname(path)}`]) {
      const c = workloadFiles.get(key);
      if (c) {
        c.other--;
        c.own++;
      }
    }
  }
  const beside = (key: string) => {
    const c = workloadFiles.get(key);
    return !!c && c.own > 0 && c.other === 0;
  };

  // Pass 2, per target: what lies beside the entity's workloads, its backing services, and what points at them.
  const kept = new Map<DeployTarget, Set<object>>();
  for (const target of fact.targets) {
    const mine: KubeObject[] = [];
    for (const source of target.objects) {
      const o = source.object;
      const path = 'path' in source.origin ? source.origin.path : '';
      if (
        own.has(o) ||
        (path && (beside(`file:${path}`) || beside(`dir:${dirname(path)}`)))
      )
        mine.push(o as KubeObject);
    }
    if (mine.length === 0) continue;
    const index = new ClusterIndex(
      target.objects.map(s => s.object as KubeObject).filter(indexable),
    );
    const indexed = mine.filter(indexable);
    let related = withRelatedObjects(index, indexed, { namespaceWide: false });
    const backing = backingServicesOf(target, index, indexed, related);
    if (backing.length)
      related = withRelatedObjects(index, [...indexed, ...backing], {
        namespaceWide: false,
      });
    kept.set(target, new Set<object>([...mine, ...related]));
  }

  // GitOps objects deploying a target that deploys the entity.
  const deploying = [...kept.keys()].map(t => t.id);
  for (const target of fact.targets) {
    for (const source of target.objects) {
      const paths = gitopsPaths(source.object);
      if (
        !paths.some(p =>
          deploying.some(id =>
            /[*?]/.test(p) ? globPattern(p).test(id) : p === id,
          ),
        )
      )
        continue;
      const set = kept.get(target) ?? new Set<object>();
      set.add(source.object);
      kept.set(target, set);
    }
  }

  const targets: DeployTarget[] = [];
  const otherTargets: string[] = [];
  const otherObjects: Array<{ path: string; line?: number }> = [];
  for (const target of fact.targets) {
    const set = kept.get(target);
    const objects = set ? target.objects.filter(s => set.has(s.object)) : [];
    for (const s of target.objects)
      if (!set?.has(s.object) && 'path' in s.origin)
        otherObjects.push(
          s.origin.line !== undefined
            ? { path: s.origin.path, line: s.origin.line }
            : { path: s.origin.path },
        );
    if (objects.length) targets.push({ ...target, objects });
    else otherTargets.push(target.id);
  }
  const helmCharts = fact.helmCharts.filter(
    c =>
      isUnderFolder(c, scope.codeRoot) ||
      listed.some(l => l.matches(c) || l.matches(`${c}/Chart.yaml`)) ||
      names.has(basename(c)),
  );
  return {
    ...fact,
    targets,
    helmCharts,
    scope: {
      codeRoot: scope.codeRoot,
      matchedBy: [
        ...matchedBy(scope, selector, listed, images),
        ...(byName.length
          ? [
              `workloads named ${
                exact.length
                  ? [...names].join(' or ')
                  : `like ${[...names].join(' or ')} (${byName
                      .map(nameOf)
                      .join(', ')})`
              } (nothing else matched)`,
            ]
          : []),
      ],
      otherTargets,
      otherObjects,
    },
  };
}
