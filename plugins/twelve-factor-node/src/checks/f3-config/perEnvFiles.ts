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
import { advice, because, finding, noted } from '../messages';
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
          noted('f3-config.per-env-files.target-note', { env }),
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
            fileEvidence(
              p,
              noted('f3-config.per-env-files.manifests-note', { env: e }),
              undefined,
              undefined,
              t.id,
            ),
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
        noted('f3-config.per-env-files.ci-note', { env: name }),
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
        fileEvidence(
          f.path,
          noted('f3-config.per-env-files.values-note', { env: f.environment }),
        ),
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

function describe(f: ConfigFileInfo) {
  if (f.kustomizeConfig?.length)
    return noted('f3-config.per-env-files.overlay-note', {
      env: `${f.environment}`,
      sets: f.kustomizeConfig.join(', '),
    });
  return noted('f3-config.per-env-files.config-note', {
    env: `${f.environment}`,
  });
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
      ...advice('f3-config.per-env-files.advice', { envs: missing.join(', ') }),
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
          ...finding('f3-config.per-env-files.configured', {
            envs: [...byEnv.keys()].join(', '),
          }),
          evidence,
        };
      }
      if (
        targets.length === 0 &&
        scan.files.every(f => f.role === 'source' || f.local)
      ) {
        return {
          verdict: 'unknown',
          ...finding('f3-config.per-env-files.no-deploy'),
          ...because('f3-config.per-env-files.no-deploy-reason'),
        };
      }
      return {
        verdict: 'partial',
        ...(targets.length
          ? finding('f3-config.per-env-files.one-for-all-targets', {
              targets: targets.map(t => t.id).join(', '),
            })
          : finding('f3-config.per-env-files.one-for-all')),
        evidence: [
          ...targets.map(t =>
            fileEvidence(
              t.id,
              noted('f3-config.per-env-files.no-env-note'),
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
        ...finding('f3-config.per-env-files.every', {
          files: [...envs.keys()]
            .map(
              e =>
                `${e}: ${byEnv
                  .get(e)!
                  .map(f => f.path)
                  .join(', ')}`,
            )
            .join('; '),
        }),
        evidence,
      };
    }
    return {
      verdict: 'partial',
      ...(byEnv.size
        ? finding('f3-config.per-env-files.missing-only', {
            missing: missing.join(', '),
            envs: [...byEnv.keys()].join(', '),
          })
        : finding('f3-config.per-env-files.missing', {
            missing: missing.join(', '),
          })),
      evidence: [...missing.map(e => envs.get(e)!), ...evidence],
      remediation: remediation(missing),
    };
  },
};
