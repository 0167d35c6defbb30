import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import type { CiFact } from '../../facts/ci/types';
import {
  getConfigLiterals,
  normalizeEnvironment,
  type ConfigFileInfo,
} from '../../facts/configLiterals';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import type { DeployTarget } from '../../facts/manifests/types';
import { basename } from '../../sources/RepoSnapshot';
import { fileEvidence } from '../evidence';
import { toYaml } from '../snippets';

/** The environment a path names by one of its folders (or file name stem), searching from the end. */
export function environmentOfPath(path: string): string | undefined {
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const stem = parts[i].replace(/\.ya?ml$/, '');
    // A Helm values file names its environment: values-prod.yaml, prod-values.yaml.
    const values = /^values[-._](.+)$|^(.+)[-._]values$/.exec(stem);
    const env = normalizeEnvironment(values ? values[1] ?? values[2] : stem);
    if (env && env !== 'local') return env;
  }
  return undefined;
}

/** The environments the repository deploys to: overlay names, folders of plain manifests, CI environments, Helm values files. */
export function deployEnvironments(
  targets: ReadonlyArray<DeployTarget>,
  ci: CiFact | undefined,
  files: ReadonlyArray<ConfigFileInfo>,
): Map<string, Evidence> {
  const envs = new Map<string, Evidence>();
  for (const t of targets) {
    const env = environmentOfPath(t.id);
    if (env)
      envs.set(
        env,
        fileEvidence(
          t.id,
          `deploy target for ${env}`,
          undefined,
          undefined,
          t.id,
        ),
      );
    else if (t.kind === 'plain') {
      // Plain manifests copied per environment: k8s/dev/…, k8s/prod/…
      for (const o of t.objects) {
        const p = 'path' in o.origin ? o.origin.path : '';
        const e = environmentOfPath(p.slice(t.id.length));
        if (e && !envs.has(e))
          envs.set(
            e,
            fileEvidence(p, `manifests for ${e}`, undefined, undefined, t.id),
          );
      }
    }
  }
  for (const name of ci?.environments ?? []) {
    const env = normalizeEnvironment(name);
    if (!env || env === 'local' || envs.has(env)) continue;
    const step =
      ci!.steps.find(s => s.environment === name) ??
      ci!.steps.find(s => s.run?.includes(name));
    envs.set(
      env,
      fileEvidence(
        step?.path ?? ci!.files[0]?.path ?? '',
        `CI deploys to ${name}`,
        step?.line,
        step?.line,
      ),
    );
  }
  for (const f of files) {
    if (
      f.role === 'manifest' &&
      f.environment &&
      /^values[.-]/.test(basename(f.path)) &&
      !envs.has(f.environment)
    )
      envs.set(
        f.environment,
        fileEvidence(f.path, `Helm values for ${f.environment}`),
      );
  }
  return envs;
}

/** Files that configure one environment. */
function perEnvironmentConfig(
  files: ReadonlyArray<ConfigFileInfo>,
): ConfigFileInfo[] {
  return files.filter(
    f =>
      f.environment &&
      !f.local &&
      f.environment !== 'local' &&
      (f.role === 'env-file' ||
        f.role === 'app-config' ||
        (f.role === 'manifest' &&
          ((f.kustomizeConfig?.length ?? 0) > 0 ||
            /^values[.-]/.test(basename(f.path))))),
  );
}

function describe(f: ConfigFileInfo): string {
  if (f.kustomizeConfig?.length)
    return `${f.environment} overlay sets ${f.kustomizeConfig.join(', ')}`;
  return `configuration for ${f.environment}`;
}

export const perEnvFiles: TwelveFactorCheck = {
  id: 'f3-config.per-env-files',
  evaluate({ facts, entity }) {
    const scan = getConfigLiterals(facts);
    const targets = facts.tryGet(manifestsFactRef)?.targets ?? [];
    const envs = deployEnvironments(
      targets,
      facts.tryGet(ciFactRef),
      scan.files,
    );
    const configs = perEnvironmentConfig(scan.files);
    const byEnv = new Map<string, ConfigFileInfo[]>();
    for (const f of configs)
      byEnv.set(f.environment!, [...(byEnv.get(f.environment!) ?? []), f]);
    const evidence = configs.map(f => fileEvidence(f.path, describe(f)));
    const overlayRoot =
      targets
        .find(t => /\/overlays\//.test(t.id))
        ?.id.replace(/\/[^/]+$/, '') ??
      `${targets[0]?.id ?? 'kubernetes'}/overlays`;
    const remediation = (missing: string[]) => ({
      text: `Keep one base and give each deploy environment (${missing.join(
        ', ',
      )}) its own configuration: an overlay whose configMapGenerator merges the values that differ, or a values-<env>.yaml for Helm.`,
      snippet: {
        language: 'yaml' as const,
        path: `${overlayRoot}/${missing[0]}/kustomization.yaml`,
        action: 'create' as const,
        content: toYaml({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          namespace: `${entity.metadata.name}-${missing[0]}`,
          resources: ['../../base'],
          configMapGenerator: [
            {
              name: `${entity.metadata.name}-config`,
              behavior: 'merge',
              literals: [`ENVIRONMENT=${missing[0]}`, 'LOG_LEVEL=info'],
            },
          ],
        }),
      },
    });
    if (envs.size === 0) {
      if (byEnv.size >= 2) {
        return {
          verdict: 'pass',
          summary: `Per-environment configuration for ${[...byEnv.keys()].join(
            ', ',
          )}`,
          evidence,
        };
      }
      if (
        targets.length === 0 &&
        scan.files.every(f => f.role === 'source' || f.local)
      ) {
        return {
          verdict: 'unknown',
          summary: 'No deploy configuration',
          reason:
            'The repository has no deploy manifests, CI environments or settings files that would name an environment.',
        };
      }
      return {
        verdict: 'partial',
        summary: `One configuration for all environments${
          targets.length
            ? ` (${targets.map(t => t.id).join(', ')} names no environment)`
            : ''
        }`,
        evidence: [
          ...targets.map(t =>
            fileEvidence(
              t.id,
              'deploy target without an environment',
              undefined,
              undefined,
              t.id,
            ),
          ),
          ...evidence,
        ],
        remediation: remediation(['prod']),
      };
    }
    const missing = [...envs.keys()].filter(e => !byEnv.has(e));
    if (missing.length === 0) {
      return {
        verdict: 'pass',
        summary: `Every deploy environment has its own configuration (${[
          ...envs.keys(),
        ]
          .map(
            e =>
              `${e}: ${byEnv
                .get(e)!
                .map(f => f.path)
                .join(', ')}`,
          )
          .join('; ')})`,
        evidence,
      };
    }
    return {
      verdict: 'partial',
      summary: `No per-environment configuration for ${missing.join(', ')}${
        byEnv.size ? ` (only ${[...byEnv.keys()].join(', ')})` : ''
      }`,
      evidence: [...missing.map(e => envs.get(e)!), ...evidence],
      remediation: remediation(missing),
    };
  },
};
