import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import {
  remoteHelmEnvironments,
  remoteHelmFactRef,
} from '../../facts/manifests/remoteHelm';
import { setWorkloads } from '../../facts/manifests/workloads';
import { dirname } from '../../sources/RepoSnapshot';
import { capEvidence, fileEvidence, type Note } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { environmentOfPath } from '../f3-config/perEnvFiles';
import { baseFiles, sharedBase } from './overlays';
import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import { snippetComment } from '../snippets';

const VALUES_DIFFER = snippetComment('#', 'snippet.values-differ');

const M = 'f10-dev-prod-parity.env-overlays';

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
    const targetEvidence = (t: (typeof targets)[number], note: Note) => {
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
        ...finding(`${M}.overlays`, {
          n: kustomize.length,
          overlays: kustomize.map(t => t.id).join(', '),
          base: base || '.',
        }),
        evidence: kustomize.map(t =>
          targetEvidence(
            t,
            noted(`${M}.overlay-note`, { n: baseFiles(t).size }),
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
          ...finding(`${M}.helm-values`, {
            charts: chart,
            environments: envs.map(t => environmentOfPath(t.id)).join(', '),
          }),
          evidence: envs.map(t =>
            fileEvidence(
              t.id,
              noted(`${M}.values-note`, {
                env: String(environmentOfPath(t.id)),
              }),
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
          ...finding(`${M}.helm-values`, {
            charts: m.helmCharts.join(', '),
            environments: [...values.keys()].join(', '),
          }),
          evidence: [...values].map(([env, at]) =>
            fileEvidence(
              at.path,
              noted(`${M}.deploys-note`, { env }),
              at.line,
              at.line,
            ),
          ),
        };
      }
      if (targets.length === 0) {
        return {
          verdict: 'unknown',
          ...finding(`${M}.helm-hidden`, { charts: m.helmCharts.join(', ') }),
          ...because(`${M}.helm-hidden-reason`),
          evidence: m.helmCharts.map(c =>
            fileEvidence(`${c}/Chart.yaml`, noted(`${M}.chart-note`)),
          ),
        };
      }
    }
    // A chart the repository does not hold, deployed with a values file per environment.
    const remote = facts.tryGet(remoteHelmFactRef)?.releases ?? [];
    const remoteEnvs = remoteHelmEnvironments({ releases: remote });
    if (remoteEnvs.size >= 2)
      return {
        verdict: 'pass',
        ...finding(`${M}.remote-helm-values`, {
          charts: [...new Set(remote.map(r => r.chart))].join(', '),
          environments: [...remoteEnvs.keys()].join(', '),
        }),
        evidence: [...remoteEnvs].map(([env, { values }]) =>
          fileEvidence(
            values.path,
            noted(`${M}.values-note`, { env }),
            values.line,
          ),
        ),
      };
    if (targets.length === 0) {
      return {
        verdict: 'unknown',
        ...finding(`${M}.none`),
        ...because(`${M}.none-reason`),
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
      // A workload copied into several folders, else the Kustomize targets per environment.
      const copies = copied[0]
        ? finding(`${M}.copied`, {
            workload: copied[0][0],
            places: [...copied[0][1]].join(', '),
          })
        : finding(`${M}.copied-targets`, {
            n: perEnvironment.length,
            places: perEnvironment.map(t => t.id).join(', '),
          });
      return {
        verdict: 'partial',
        ...copies,
        evidence: capEvidence(
          targets.map(t =>
            targetEvidence(
              t,
              noted(`${M}.copy-note`, { n: setWorkloads(t.objects).length }),
            ),
          ),
        ),
        remediation: {
          ...advice(`${M}.copied-advice`),
          snippet: {
            language: 'yaml',
            action: 'create',
            ...overlayLayout(
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
      // one-kustomize, one-helm or one-plain.
      ...finding(
        `${M}.one-${
          t.kind === 'kustomize' || t.kind === 'helm' ? t.kind : 'plain'
        }`,
        { target: t.id },
      ),
      evidence: [
        targetEvidence(
          t,
          noted(`${M}.only-note`, { n: setWorkloads(t.objects).length }),
        ),
      ],
      remediation:
        t.kind === 'helm'
          ? {
              ...advice(`${M}.helm-advice`),
              snippet: {
                language: 'yaml',
                action: 'create',
                path: `${
                  /\.ya?ml$/.test(t.id) ? dirname(t.id) : t.id
                }/values-staging.yaml`,
                content: `${VALUES_DIFFER.text}\nreplicaCount: 2\n`,
                comments: [VALUES_DIFFER],
              },
            }
          : {
              ...advice(`${M}.base-advice`, { target: t.id }),
              snippet: {
                language: 'yaml',
                action: 'create',
                ...overlayLayout(t.id, t.id, t.objects),
              },
            },
    };
  },
};

/** A base + prod overlay layout for the target's files, with the comments naming its two files. */
function overlayLayout(
  targetId: string,
  root: string,
  objects: ReadonlyArray<{
    object: Record<string, any>;
    origin: { path: string } | { cluster: string };
  }>,
): Pick<RemediationSnippet, 'content' | 'comments'> {
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
  const base = snippetComment('#', 'snippet.overlay-base', {
    path: `${prefix}base/kustomization.yaml`,
    target: targetId,
  });
  const overlay = snippetComment('#', 'snippet.file', {
    path: `${prefix}overlays/prod/kustomization.yaml`,
  });
  const content = [
    base.text,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...files.map(f => `  - ${f}`),
    '---',
    overlay.text,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    ...(ns ? [`namespace: ${ns}`] : []),
    'resources:',
    '  - ../../base',
    '',
  ].join('\n');
  return { content, comments: [base, overlay] };
}
