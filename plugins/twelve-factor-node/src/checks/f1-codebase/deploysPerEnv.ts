import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { tryConfigLiterals } from '../../facts/configLiterals';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import type { DeployTarget } from '../../facts/manifests/types';
import {
  remoteHelmEnvironments,
  remoteHelmFactRef,
  type RemoteHelmRelease,
} from '../../facts/manifests/remoteHelm';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { fileEvidence } from '../evidence';
import { environmentOfPath } from '../f3-config/perEnvFiles';
import { advice, finding, noted } from '../messages';
import { snippetComment, toYaml } from '../snippets';

const VALUES_DIFFER = snippetComment('#', 'snippet.values-differ');

const pathsOf = (t: DeployTarget) =>
  t.objects.map(o => ('path' in o.origin ? o.origin.path : '')).filter(Boolean);
const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

/** The files every target deploys from outside its own folder: the shared base. */
function sharedBase(targets: DeployTarget[]): string | undefined {
  const sets = targets.map(
    t => new Set(pathsOf(t).filter(p => !under(p, t.id))),
  );
  const common = [...sets[0]].filter(p => sets.every(s => s.has(p)));
  if (!common.length) return undefined;
  const dirs = common.map(dirname);
  // The deepest folder that holds every shared file.
  const parts = dirs[0].split('/');
  const candidates = parts.map((_, i) =>
    parts.slice(0, parts.length - i).join('/'),
  );
  return candidates.find(c => dirs.every(d => under(d, c))) || '.';
}

export const deploysPerEnv: TwelveFactorCheck = {
  id: 'f1-codebase.deploys-per-env',
  evaluate({ facts, entity }) {
    const m = facts.get(manifestsFactRef);
    const remote = facts.tryGet(remoteHelmFactRef)?.releases ?? [];
    if (
      m.targets.length === 0 &&
      m.helmCharts.length === 0 &&
      remote.length === 0
    ) {
      return {
        verdict: 'fail',
        ...finding('f1-codebase.deploys-per-env.no-manifests'),
        remediation: overlayRemediation(
          'kubernetes',
          entity.metadata.name,
          true,
        ),
      };
    }
    // Targets that deploy something runnable (not e.g. a folder of Argo CD Applications).
    const deploying = m.targets.filter(t =>
      t.objects.some(o =>
        /^(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod|Rollout|Service)$/.test(
          o.object.kind,
        ),
      ),
    );
    const byEnv = new Map<string, DeployTarget>();
    for (const t of deploying.filter(x => x.kind === 'kustomize')) {
      const env = environmentOfPath(t.id);
      if (env && !byEnv.has(env)) byEnv.set(env, t);
    }
    const envs = [...byEnv.keys()];
    const ev: Evidence[] = [...byEnv.entries()].map(([env, t]) =>
      fileEvidence(
        t.id,
        noted('f1-codebase.deploys-per-env.overlay-note', { env }),
        undefined,
        undefined,
        t.id,
      ),
    );
    if (envs.length >= 2) {
      const base = sharedBase([...byEnv.values()]);
      if (base) {
        return {
          verdict: 'pass',
          ...finding('f1-codebase.deploys-per-env.one-base', {
            base,
            envs: envs.join(', '),
          }),
          evidence: ev,
        };
      }
      return {
        verdict: 'partial',
        ...finding('f1-codebase.deploys-per-env.copied-no-base', {
          envs: envs.join(', '),
        }),
        evidence: ev,
        remediation: overlayRemediation(
          dirname(dirname(byEnv.get(envs[0])!.id)) || 'kubernetes',
          entity.metadata.name,
          false,
        ),
      };
    }
    // Helm: one chart, a values-<env>.yaml per environment.
    const values = (tryConfigLiterals(facts)?.files ?? []).filter(
      f =>
        f.environment &&
        /^values[.-]/.test(basename(f.path)) &&
        m.helmCharts.some(c => under(f.path, c)),
    );
    const helmEnvs = [...new Set(values.map(f => f.environment!))];
    if (helmEnvs.length >= 2) {
      return {
        verdict: 'pass',
        ...finding('f1-codebase.deploys-per-env.helm-values', {
          charts: m.helmCharts.join(', '),
          envs: helmEnvs.join(', '),
        }),
        evidence: values.map(f =>
          fileEvidence(
            f.path,
            noted('f1-codebase.deploys-per-env.values-note', {
              env: f.environment!,
            }),
          ),
        ),
      };
    }
    const remoteOutcome = remoteHelmOutcome(remote, m.targets.length > 0);
    if (remoteOutcome) return remoteOutcome;
    // Plain manifests copied per environment folder (k8s/dev, k8s/prod): targets of their own.
    const plainEnvs = new Map<string, DeployTarget>();
    for (const t of deploying.filter(x => x.kind === 'plain')) {
      const env = environmentOfPath(t.id);
      if (env && !plainEnvs.has(env)) plainEnvs.set(env, t);
    }
    if (plainEnvs.size >= 2) {
      const ids = [...plainEnvs.values()].map(t => t.id);
      const parent = commonFolder(ids);
      return {
        verdict: 'partial',
        ...finding('f1-codebase.deploys-per-env.copies', {
          envs: [...plainEnvs.keys()].join(', '),
          dir: parent || ids.join(', '),
        }),
        evidence: [...plainEnvs].map(([env, t]) =>
          fileEvidence(
            t.id,
            noted('f1-codebase.deploys-per-env.plain-note', { envs: env }),
            undefined,
            undefined,
            t.id,
          ),
        ),
        remediation: overlayRemediation(
          parent || 'kubernetes',
          entity.metadata.name,
          false,
        ),
      };
    }
    // Copies inside one target (a folder whose environments are files, k8s/deployment-dev.yaml).
    for (const t of deploying.filter(x => x.kind === 'plain')) {
      const copies = [
        ...new Set(
          pathsOf(t)
            .map(p => environmentOfPath(p.slice(t.id.length)))
            .filter((e): e is string => !!e),
        ),
      ];
      if (copies.length >= 2) {
        return {
          verdict: 'partial',
          ...finding('f1-codebase.deploys-per-env.copies', {
            envs: copies.join(', '),
            dir: t.id,
          }),
          evidence: [
            fileEvidence(
              t.id,
              noted('f1-codebase.deploys-per-env.plain-note', {
                envs: copies.join(', '),
              }),
              undefined,
              undefined,
              t.id,
            ),
          ],
          remediation: overlayRemediation(t.id, entity.metadata.name, false),
        };
      }
    }
    const targets = deploying.length ? deploying : m.targets;
    // Charts without a target of their own (their targets are listed).
    const unrendered = m.helmCharts.filter(
      c =>
        !m.targets.some(
          t => t.kind === 'helm' && (t.id === c || t.id.startsWith(`${c}/`)),
        ),
    );
    const first = targets[0];
    let root = m.helmCharts[0];
    if (first)
      root =
        first.kind === 'plain'
          ? first.id
          : first.kind === 'helm'
          ? /\.ya?ml$/.test(first.id)
            ? dirname(first.id)
            : first.id
          : dirname(dirname(first.id)) || first.id;
    const listed = targets
      .map(
        t =>
          `${t.id}${
            environmentOfPath(t.id) ? ` (${environmentOfPath(t.id)})` : ''
          }`,
      )
      .join(', ');
    // "Helm chart <c>" for each chart: the term stays in English in every language.
    const charts = unrendered.join(', Helm chart ');
    let only = finding('f1-codebase.deploys-per-env.one-env', {
      targets: listed,
    });
    if (unrendered.length)
      only = targets.length
        ? finding('f1-codebase.deploys-per-env.one-env-charts', {
            targets: listed,
            charts,
          })
        : finding('f1-codebase.deploys-per-env.one-env-only-charts', {
            charts,
          });
    return {
      verdict: 'partial',
      ...only,
      evidence: [
        ...targets.map(t =>
          fileEvidence(
            t.id,
            noted('f1-codebase.deploys-per-env.target-note', { kind: t.kind }),
            undefined,
            undefined,
            t.id,
          ),
        ),
        ...unrendered.map(c =>
          fileEvidence(
            `${c}/Chart.yaml`,
            noted('f1-codebase.deploys-per-env.chart-note'),
          ),
        ),
      ],
      remediation:
        first?.kind === 'helm'
          ? {
              ...advice('f1-codebase.deploys-per-env.helm-advice', { root }),
              snippet: {
                language: 'yaml' as const,
                path: `${root}/values-prod.yaml`,
                action: 'create' as const,
                content: `${VALUES_DIFFER.text}\nreplicaCount: 3\n`,
                comments: [VALUES_DIFFER],
              },
            }
          : overlayRemediation(root, entity.metadata.name, false),
    };
  },
};

/**
 * A chart the repository does not hold, deployed with values files (CI,
 * helmfile, Argo CD): one deploy per environment its values are for. With
 * one environment or none it decides only when nothing else is deployed.
 */
function remoteHelmOutcome(
  releases: RemoteHelmRelease[],
  otherTargets: boolean,
): CheckOutcome | undefined {
  if (!releases.length) return undefined;
  const envs = remoteHelmEnvironments({ releases });
  const charts = [...new Set(releases.map(r => r.chart))].join(', ');
  if (envs.size < 2 && otherTargets) return undefined;
  const evidence: Evidence[] = envs.size
    ? [...envs].map(([env, { values }]) =>
        fileEvidence(
          values.path,
          noted('f1-codebase.deploys-per-env.values-note', { env }),
          values.line,
        ),
      )
    : releases.map(r =>
        fileEvidence(
          r.path,
          noted('f1-codebase.deploys-per-env.remote-release-note', {
            release: r.release,
            chart: r.chart,
          }),
          r.line,
        ),
      );
  if (envs.size >= 2)
    return {
      verdict: 'pass',
      ...finding('f1-codebase.deploys-per-env.remote-helm-values', {
        charts,
        envs: [...envs.keys()].join(', '),
      }),
      evidence,
    };
  return {
    verdict: 'partial',
    ...finding('f1-codebase.deploys-per-env.one-env-remote-helm', { charts }),
    evidence,
  };
}

/** The deepest folder holding all the given folders ('' for the repository root). */
function commonFolder(dirs: string[]): string {
  let common = dirs[0].split('/');
  for (const d of dirs.slice(1)) {
    const parts = d.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}

function overlayRemediation(root: string, name: string, create: boolean) {
  return {
    ...(create
      ? advice('f1-codebase.deploys-per-env.create-advice')
      : advice('f1-codebase.deploys-per-env.overlay-advice', { root })),
    snippet: {
      language: 'yaml' as const,
      path: `${root}/overlays/prod/kustomization.yaml`,
      action: 'create' as const,
      content: toYaml({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: `${name}-prod`,
        resources: ['../../base'],
      }),
    },
  };
}
