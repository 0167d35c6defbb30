import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { setWorkloads } from '../../facts/manifests/workloads';
import { dirname } from '../../sources/RepoSnapshot';
import { capEvidence, fileEvidence } from '../evidence';
import { environmentOfPath } from '../f3-config/perEnvFiles';
import { baseFiles, sharedBase } from './overlays';

export const envOverlays: TwelveFactorCheck = {
  id: 'f10-dev-prod-parity.env-overlays',
  evaluate({ facts }) {
    const m = facts.get(manifestsFactRef);
    const targets = m.targets.filter(t => setWorkloads(t.objects).length > 0);
    const all = targets.filter(t => t.kind === 'kustomize');
    // The overlays named after environments, when they share a base: another kustomization beside them (a standalone example, a demo) is no environment.
    const named = all.filter(t => environmentOfPath(t.id));
    const kustomize =
      named.length >= 2 && sharedBase(named) !== undefined ? named : all;
    const base = sharedBase(kustomize);
    const targetEvidence = (t: (typeof targets)[number], note: string) => {
      const first = t.objects.find(o => 'path' in o.origin);
      return fileEvidence(
        first && 'path' in first.origin ? first.origin.path : t.id,
        note,
        undefined,
        undefined,
        t.id,
      );
    };
    if (kustomize.length >= 2 && base !== undefined) {
      return {
        verdict: 'pass',
        summary: `${kustomize.length} Kustomize overlays (${kustomize
          .map(t => t.id)
          .join(', ')}) over one base (${base || '.'})`,
        evidence: kustomize.map(t =>
          targetEvidence(
            t,
            `overlay rendering ${baseFiles(t).size} files of the base`,
          ),
        ),
      };
    }
    // Helm: a chart rendered with a values file per environment.
    for (const chart of m.helmCharts) {
      const envs = targets.filter(
        t =>
          t.kind === 'helm' &&
          t.id.startsWith(`${chart}/`) &&
          environmentOfPath(t.id) !== undefined,
      );
      if (envs.length >= 2)
        return {
          verdict: 'pass',
          summary: `Helm chart ${chart} with values per environment (${envs
            .map(t => environmentOfPath(t.id))
            .join(', ')})`,
          evidence: envs.map(t =>
            fileEvidence(
              t.id,
              `values for ${environmentOfPath(
                t.id,
              )} over the chart's values.yaml`,
              undefined,
              undefined,
              t.id,
            ),
          ),
        };
    }
    // Helm: per-environment values files named by the deploy steps.
    if (m.helmCharts.length) {
      const steps = facts.tryGet(ciFactRef)?.steps ?? [];
      const values = new Map<string, { path: string; line: number }>();
      for (const s of steps)
        for (const v of (s.run ?? '').matchAll(/values[-._]([\w-]+)\.ya?ml/g))
          if (!values.has(v[1]))
            values.set(v[1], { path: s.path, line: s.line });
      if (values.size >= 2) {
        return {
          verdict: 'pass',
          summary: `Helm chart ${m.helmCharts.join(
            ', ',
          )} with values per environment (${[...values.keys()].join(', ')})`,
          evidence: [...values].map(([env, at]) =>
            fileEvidence(
              at.path,
              `deploys with values-${env}`,
              at.line,
              at.line,
            ),
          ),
        };
      }
      if (targets.length === 0) {
        return {
          verdict: 'unknown',
          summary: `Helm chart ${m.helmCharts.join(
            ', ',
          )}; per-environment values not visible`,
          reason:
            'The repository has a Helm chart, but no deploy step names per-environment values files, so whether environments differ only in values cannot be told.',
          evidence: m.helmCharts.map(c =>
            fileEvidence(`${c}/Chart.yaml`, 'Helm chart'),
          ),
        };
      }
    }
    if (targets.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No Kubernetes manifests or Helm charts',
        reason:
          'The repository deploys nothing that this check can read (no Kustomize, plain manifests or Helm charts).',
      };
    }
    // Copies: the same workload defined in several folders (k8s/dev/deployment.yaml, k8s/prod/deployment.yaml) or targets.
    const folders = new Map<string, Set<string>>();
    for (const t of targets) {
      for (const w of setWorkloads(t.objects)) {
        const path = 'path' in w.source.origin ? w.source.origin.path : t.id;
        const key = `${w.kind}/${w.name}`;
        folders.set(
          key,
          (folders.get(key) ?? new Set()).add(
            t.kind === 'kustomize' ? t.id : dirname(path),
          ),
        );
      }
    }
    // Copies are environments only where their places are named for environments: the same Deployment in kubernetes-manifests/, a Helm chart and a release bundle is one environment packaged several ways.
    const copied = [...folders].filter(
      ([, dirs]) =>
        [...dirs].filter(d => environmentOfPath(d) !== undefined).length > 1,
    );
    const perEnvironment = kustomize.filter(t => environmentOfPath(t.id));
    if (copied.length || perEnvironment.length >= 2) {
      const [key, dirs] = copied[0] ?? [
        `${perEnvironment.length} Kustomize targets`,
        new Set(perEnvironment.map(t => t.id)),
      ];
      return {
        verdict: 'partial',
        summary: `Environments are copied manifests: ${key} is defined separately in ${[
          ...dirs,
        ].join(', ')}`,
        evidence: capEvidence(
          targets.map(t =>
            targetEvidence(
              t,
              `${setWorkloads(t.objects).length} workloads, no shared base`,
            ),
          ),
        ),
        remediation: {
          text: 'Keep one base with the common manifests and one Kustomize overlay per environment that patches only what differs (replicas, resources, hosts, config); then a fix in the base reaches every environment.',
          snippet: {
            language: 'yaml',
            action: 'create',
            content: overlayLayout(
              targets[0].id,
              dirname(targets[0].id) || '.',
              targets[0].objects,
            ),
          },
        },
      };
    }
    const t = targets[0];
    return {
      verdict: 'partial',
      summary: `One environment only: ${
        t.kind === 'kustomize'
          ? 'a single kustomization'
          : t.kind === 'helm'
          ? 'a Helm chart with one set of values'
          : 'plain manifests'
      } in ${t.id}, no per-environment ${
        t.kind === 'helm' ? 'values files' : 'overlays'
      }`,
      evidence: [
        targetEvidence(
          t,
          `${
            setWorkloads(t.objects).length
          } workloads in the only deploy target`,
        ),
      ],
      remediation:
        t.kind === 'helm'
          ? {
              text: `Keep the chart's values.yaml for what every environment shares and add a values file per environment beside it (values-staging.yaml, values-prod.yaml) holding only what differs; deploy each with \`helm upgrade --install -f\`.`,
              snippet: {
                language: 'yaml',
                action: 'create',
                path: `${
                  /\.ya?ml$/.test(t.id) ? dirname(t.id) : t.id
                }/values-staging.yaml`,
                content:
                  '# only what differs from values.yaml\nreplicaCount: 2\n',
              },
            }
          : {
              text: `Turn ${t.id} into a Kustomize base and add an overlay per environment, so that a second environment (staging, dev) differs from production only in what the overlay patches.`,
              snippet: {
                language: 'yaml',
                action: 'create',
                content: overlayLayout(t.id, t.id, t.objects),
              },
            },
    };
  },
};

/** A base + prod overlay layout for the target's files. */
function overlayLayout(
  targetId: string,
  root: string,
  objects: ReadonlyArray<{
    object: Record<string, any>;
    origin: { path: string } | { cluster: string };
  }>,
): string {
  const files = [
    ...new Set(
      objects
        .map(o => ('path' in o.origin ? o.origin.path.split('/').pop()! : ''))
        .filter(Boolean),
    ),
  ];
  const ns = objects.find(o => o.object.metadata?.namespace)?.object.metadata
    .namespace;
  const prefix = root === '.' ? '' : `${root}/`;
  return [
    `# ${prefix}base/kustomization.yaml (move the manifests of ${targetId} here)`,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...files.map(f => `  - ${f}`),
    '---',
    `# ${prefix}overlays/prod/kustomization.yaml`,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    ...(ns ? [`namespace: ${ns}`] : []),
    'resources:',
    '  - ../../base',
    '',
  ].join('\n');
}
