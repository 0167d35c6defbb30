import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { dirname, RepoSnapshot } from '../../sources/RepoSnapshot';
import {
  findDeployTargets,
  findKustomizationDirs,
  renderKustomization,
} from '../../kustomize';
import { ancillaryFolder, ancillaryReason, type LeftOut } from '../ancillary';
import { requireRepo } from '../repo';
import { chartValuesFiles, renderHelmChart } from '../../helm/chart';
import { normalizeEnvironment } from '../configLiterals';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { scopeOf } from '../../sources/scope';
import { scopeManifests } from '../monorepo/manifests';
import { mentionsFolder } from '../monorepo/paths';
import type { DeployTarget, ManifestsFact } from './types';
import { readYamlObjects } from './yamlObjects';
import { plainManifestsOf } from './kustomizeFallback';
import { said } from '../../engine/diagnostic';

/** The repository's deploy targets and their objects. @public */
export const manifestsFactRef = createFactRef<ManifestsFact>({
  id: 'repo.manifests',
});

/** Folder names where plain manifests conventionally live. */
const MANIFEST_DIRS = new Set([
  'k8s',
  'deploy',
  'deployment',
  'deployments',
  'manifests',
  'kubernetes',
  '.k8s',
  'kube',
]);

function conventionalRoot(path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (MANIFEST_DIRS.has(parts[i])) return parts.slice(0, i + 1).join('/');
  }
  return undefined;
}

/** YAML files that are never Kubernetes manifests. */
const NOT_MANIFESTS =
  /(^|\/)(\.github|\.gitlab|\.circleci|\.azure-pipelines|node_modules|\.devcontainer)\/|(^|\/)(\.gitlab-ci|azure-pipelines|bitbucket-pipelines|(docker-)?compose[\w.-]*|pnpm-lock|mkdocs|\.pre-commit-config|codecov|\.twelve-factor)\.ya?ml$/;

/** Documents with apiVersion and kind that are not Kubernetes objects (catalog files, kustomize config). */
const NOT_KUBERNETES_API =
  /^(backstage\.io|kustomize\.config\.k8s\.io|skaffold\/|tekton\.dev|config\.kubernetes\.io)/;

function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** Text that holds a Kubernetes object (both keys at the start of a line); read without parsing. */
const LOOKS_KUBERNETES = /^\s*apiVersion\s*:/m;
const HAS_KIND = /^\s*kind\s*:/m;

/**
 * The kustomizations to render: those no other kustomization references,
 * once the ancillary ones (examples, test fixtures…) are set aside, so that
 * a base that only an example overlay used becomes a target of its own.
 */
function ownDeployTargets(
  repo: RepoSnapshot,
  kustomizeDirs: string[],
  leftOut: LeftOut[],
): string[] {
  const ancillary = new Map<string, string>();
  for (const dir of kustomizeDirs) {
    const reason = ancillaryFolder(repo, dir);
    if (reason) ancillary.set(dir, reason);
  }
  if (ancillary.size === 0) return findDeployTargets(repo);
  for (const [dir, reason] of ancillary)
    leftOut.push({ path: `${dir}/kustomization.yaml`, reason });
  const own = new RepoSnapshot(
    repo.find(
      (p, name) =>
        !(
          (name === 'kustomization.yaml' ||
            name === 'kustomization.yml' ||
            name === 'Kustomization') &&
          ancillary.has(dirname(p))
        ),
    ),
  );
  return findDeployTargets(own);
}

/**
 * kind/name: the same object written twice, whatever its namespace (copies
 * per environment usually differ in namespace only).
 */
function identity(o: { object: Record<string, any> }): string {
  return `${o.object.kind}/${o.object.metadata?.name ?? ''}`;
}

/**
 * A conventional folder holding the same object twice (by kind and name)
 * holds several deploy
 * units (`k8s/dev` and `k8s/prod`, `deploy/webapp` and `deploy/secure`),
 * each applied on its own: it is split by its subfolders, as deep as the
 * copies go. Files directly in the folder stay in its own target.
 */
function splitCopies(target: DeployTarget): DeployTarget[] {
  const seen = new Set<string>();
  let copies = false;
  for (const o of target.objects) {
    const id = identity(o);
    if (seen.has(id)) {
      copies = true;
      break;
    }
    seen.add(id);
  }
  if (!copies || target.id === '.') return [target];
  const prefix = `${target.id}/`;
  const groups = new Map<string, DeployTarget>();
  for (const o of target.objects) {
    const path = 'path' in o.origin ? o.origin.path : '';
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    const slash = rest.indexOf('/');
    const id = slash === -1 ? target.id : `${prefix}${rest.slice(0, slash)}`;
    const group = groups.get(id) ?? { id, kind: 'plain' as const, objects: [] };
    group.objects.push(o);
    groups.set(id, group);
  }
  if (groups.size === 1) return [target];
  return [...groups.values()].flatMap(g =>
    g.id === target.id ? [g] : splitCopies(g),
  );
}

/**
 * A chart's deploy targets: one per values file named for an environment
 * (`values-prod.yaml` over `values.yaml`), else the chart with its default
 * values. A library chart deploys nothing.
 */
function helmTargets(
  repo: RepoSnapshot,
  chart: string,
  ctx: { report(d: Diagnostic): void },
  skippedRemote: string[],
): DeployTarget[] {
  if (/^type:\s*["']?library/m.test(repo.read(`${chart}/Chart.yaml`) ?? ''))
    return [];
  const envFiles = chartValuesFiles(repo, chart).filter(
    v => normalizeEnvironment(v.name) !== undefined,
  );
  const runs = envFiles.length
    ? envFiles.map(v => ({ id: v.path, values: [v.path] }))
    : [{ id: chart, values: [] as string[] }];
  const out: DeployTarget[] = [];
  const reported = new Set<string>();
  for (const run of runs) {
    const render = renderHelmChart(repo, chart, run.values);
    for (const d of render.diagnostics) {
      const key = `${d.path}|${d.message}`;
      if (!reported.has(key)) ctx.report(d);
      reported.add(key);
    }
    for (const r of render.skippedRemote)
      if (!skippedRemote.includes(r)) skippedRemote.push(r);
    // A chart that renders nothing (templates missing, all disabled) deploys nothing.
    if (render.objects.length) {
      const rendered = new Set(render.objects.map(o => o.object.kind));
      const offered = chartTemplateKinds(repo, chart).filter(
        k => !rendered.has(k.kind),
      );
      out.push({
        id: run.id,
        kind: 'helm',
        objects: render.objects,
        ...(offered.length ? { offered } : {}),
      });
    }
  }
  return out;
}

/** Kinds that switch a capability on, written by a chart's own templates (not its subcharts'). */
const OFFERABLE_KINDS =
  /^kind:\s*["']?(HorizontalPodAutoscaler|PodDisruptionBudget|NetworkPolicy|ScaledObject|ServiceMonitor|PodMonitor|Ingress|VerticalPodAutoscaler)\b/m;

function chartTemplateKinds(
  repo: RepoSnapshot,
  chart: string,
): Array<{ kind: string; path: string; line: number }> {
  const out: Array<{ kind: string; path: string; line: number }> = [];
  for (const f of repo.find(p => p.startsWith(`${chart}/templates/`))) {
    if (f.text === undefined || !/\.(ya?ml|tpl)$/.test(f.path)) continue;
    const m = OFFERABLE_KINDS.exec(f.text);
    if (!m) continue;
    const line = f.text.slice(0, m.index).split('\n').length;
    if (!out.some(o => o.kind === m[1]))
      out.push({ kind: m[1], path: f.path, line });
  }
  return out;
}

/** A file's YAML error (`path: the parser's message`) as a diagnostic's message. */
function yamlError(path: string, error: string) {
  return error.startsWith(`${path}: `)
    ? said('diagnostic.manifests.unparsable', {
        file: path,
        detail: error.slice(path.length + 2),
      })
    : said('diagnostic.manifests.yaml-error', { detail: error });
}

/**
 * A kustomization that renders nothing (unreadable, or every entry it lists
 * missing) is judged by the plain manifests of its folder, as a reader would.
 */
function fallBackToPlain(
  repo: RepoSnapshot,
  dir: string,
  ctx: { report(d: Diagnostic): void },
) {
  const { objects, files } = plainManifestsOf(repo, dir);
  if (files.length)
    ctx.report({
      level: 'warning',
      source: 'kustomize',
      path: dir || '.',
      ...said('diagnostic.kustomize.fallback-plain', {
        dir: dir || '.',
        files: { list: files },
      }),
    });
  return objects;
}

/** @public */
export const manifestsExtractor: FactExtractor<ManifestsFact> = {
  ref: manifestsFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const targets: DeployTarget[] = [];
    const skippedRemote: string[] = [];
    const leftOut: LeftOut[] = [];

    const kustomizeDirs = findKustomizationDirs(repo);
    const deployTargets = ownDeployTargets(repo, kustomizeDirs, leftOut);
    if (
      kustomizeDirs.length > 0 &&
      deployTargets.length === 0 &&
      kustomizeDirs.some(d => !ancillaryFolder(repo, d))
    ) {
      // Every kustomization is referenced by another: they form a cycle with no entry point.
      ctx.report({
        level: 'error',
        source: 'kustomize',
        ...said('diagnostic.kustomize.cycle-all', {
          dirs: kustomizeDirs.join(', '),
        }),
      });
    }
    const scope = scopeOf(ctx.input);
    // A monorepo member: a shared tree's references into another service's folder are not followed.
    const intoOtherService = (d: { message: string; path?: string }) =>
      !!scope?.otherServices.some(
        f =>
          (d.path !== undefined && isUnder(d.path, f)) ||
          mentionsFolder(d.message, f),
      );
    let notFollowed = 0;
    for (const dir of deployTargets) {
      const render = renderKustomization(scope?.manifests ?? repo, dir);
      for (const d of render.diagnostics) {
        if (intoOtherService(d)) notFollowed++;
        else ctx.report(d);
      }
      skippedRemote.push(...render.skippedRemote);
      targets.push({
        id: dir,
        kind: 'kustomize',
        objects: render.objects.length
          ? render.objects
          : fallBackToPlain(scope?.manifests ?? repo, dir, ctx),
      });
    }

    const allCharts = repo
      .find((_p, name) => name === 'Chart.yaml')
      .map(f => dirname(f.path));
    const helmCharts: string[] = [];
    for (const chart of allCharts) {
      const reason = ancillaryFolder(repo, chart);
      if (reason) leftOut.push({ path: `${chart}/Chart.yaml`, reason });
      else helmCharts.push(chart);
    }
    for (const chart of helmCharts)
      targets.push(...helmTargets(repo, chart, ctx, skippedRemote));

    // Plain YAML outside kustomize trees and charts, grouped by conventional
    // folder (or by their own folder elsewhere, so that a repository holding
    // a single manifest is still read).
    const plain = new Map<string, DeployTarget>();
    for (const file of repo.find(
      p => /\.ya?ml$/i.test(p) && !NOT_MANIFESTS.test(p),
    )) {
      if (file.text === undefined) continue;
      const root = conventionalRoot(file.path) ?? (dirname(file.path) || '.');
      const dir = dirname(file.path);
      if (kustomizeDirs.some(k => isUnder(dir, k))) continue;
      if (allCharts.some(c => isUnder(file.path, c))) continue;
      const ancillary = ancillaryReason(repo, file.path);
      if (ancillary) {
        if (LOOKS_KUBERNETES.test(file.text) && HAS_KIND.test(file.text))
          leftOut.push({ path: file.path, reason: ancillary });
        continue;
      }
      const { objects: all, errors } = readYamlObjects(file.path, file.text);
      const objects = all.filter(
        o => !NOT_KUBERNETES_API.test(o.object.apiVersion),
      );
      // Outside the conventional folders a broken YAML file is probably not a manifest.
      if (conventionalRoot(file.path) !== undefined || objects.length > 0) {
        for (const message of errors)
          ctx.report({
            level: 'warning',
            source: 'manifests',
            path: file.path,
            ...yamlError(file.path, message),
          });
      }
      if (objects.length === 0) continue;
      const target = plain.get(root) ?? {
        id: root,
        kind: 'plain' as const,
        objects: [],
      };
      target.objects.push(...objects);
      plain.set(root, target);
    }
    for (const t of plain.values()) targets.push(...splitCopies(t));
    const fact = { targets, helmCharts, skippedRemote, leftOut };
    if (!scope) return fact;
    if (notFollowed)
      ctx.report({
        level: 'info',
        source: 'kustomize',
        ...said('diagnostic.kustomize.not-followed', { n: notFollowed }),
      });
    // A monorepo member: each target keeps the entity's objects and those pointing at them.
    return scopeManifests(fact, ctx, scope);
  },
};
