import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { dirname } from '../../sources/RepoSnapshot';
import { findDeployTargets, findKustomizationDirs, renderKustomization } from '../../kustomize';
import { requireRepo } from '../repo';
import type { DeployTarget, ManifestsFact } from './types';
import { readYamlObjects } from './yamlObjects';

/** The repository's deploy targets and their objects. @public */
export const manifestsFactRef = createFactRef<ManifestsFact>({ id: 'repo.manifests' });

/** Folder names where plain manifests conventionally live. */
const MANIFEST_DIRS = new Set(['k8s', 'deploy', 'deployment', 'deployments', 'manifests', 'kubernetes', '.k8s', 'kube']);

function conventionalRoot(path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (MANIFEST_DIRS.has(parts[i])) return parts.slice(0, i + 1).join('/');
  }
  return undefined;
}

function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** @public */
export const manifestsExtractor: FactExtractor<ManifestsFact> = {
  ref: manifestsFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const targets: DeployTarget[] = [];
    const skippedRemote: string[] = [];

    const kustomizeDirs = findKustomizationDirs(repo);
    for (const dir of findDeployTargets(repo)) {
      const render = renderKustomization(repo, dir);
      for (const d of render.diagnostics) ctx.report(d);
      skippedRemote.push(...render.skippedRemote);
      targets.push({ id: dir, kind: 'kustomize', objects: render.objects });
    }

    const helmCharts = repo.find((_p, name) => name === 'Chart.yaml').map(f => dirname(f.path));

    // Plain YAML outside kustomize trees and charts, grouped by conventional folder.
    const plain = new Map<string, DeployTarget>();
    for (const file of repo.find(p => /\.ya?ml$/i.test(p))) {
      const root = conventionalRoot(file.path);
      if (root === undefined || file.text === undefined) continue;
      const dir = dirname(file.path);
      if (kustomizeDirs.some(k => isUnder(dir, k))) continue;
      if (helmCharts.some(c => isUnder(file.path, c))) continue;
      const { objects, errors } = readYamlObjects(file.path, file.text);
      for (const message of errors) ctx.report({ level: 'warning', source: 'manifests', path: file.path, message });
      if (objects.length === 0) continue;
      const target = plain.get(root) ?? { id: root, kind: 'plain' as const, objects: [] };
      target.objects.push(...objects);
      plain.set(root, target);
    }
    targets.push(...plain.values());
    return { targets, helmCharts, skippedRemote };
  },
};
