/*
 * Checks judged on the values files of a Helm chart the repository does not
 * hold (facts/manifests/remoteHelm.ts), when nothing else decides them: the
 * chart is not rendered, but the common chart values say what it deploys.
 * A setting the values leave out stays undecided.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { CheckOutcome, TwelveFactorCheck } from '../engine/types';
import {
  remoteHelmFactRef,
  type RemoteHelmRelease,
} from '../facts/manifests/remoteHelm';
import {
  PINNED,
  type Found,
  type Setting,
  type ValuesSettingName,
} from '../facts/manifests/remoteValues';
import { capEvidence, fileEvidence } from './evidence';
import { finding, noted } from './messages';
import { whenUndecided } from './whenUndecided';

/** A CI `--set image.tag=…`: a commit or version given at deploy time pins the image. */
function setImageTag(r: RemoteHelmRelease): Found | undefined {
  const s = r.set?.find(x => x.key === 'image.tag' || x.key === 'image.digest');
  if (!s) return undefined;
  const deployTime = /\$/.test(s.value);
  const setting =
    deployTime || PINNED.test(s.value)
      ? 'on'
      : s.value === 'latest'
      ? 'off'
      : undefined;
  return setting
    ? {
        setting,
        value: `--set ${s.key}=${s.value}`,
        path: r.path,
        line: r.line,
      }
    : undefined;
}

/** The setting that decides each check. */
const DECIDED_BY: Record<string, ValuesSettingName> = {
  'cn-orchestration.resources': 'resources',
  'cn-observability.liveness': 'livenessProbe',
  'cn-observability.readiness': 'readinessProbe',
  'cn-resilience.pdb': 'podDisruptionBudget',
  'f8-concurrency.hpa': 'autoscaling',
  'f5-build-release-run.immutable-image': 'image.tag',
};

/**
 * Per release and environment, what its values files (later over earlier)
 * and its deploy command (`--set`, over all of them) say.
 */
function judgeFromValues(
  releases: RemoteHelmRelease[],
  setting: ValuesSettingName,
): CheckOutcome | undefined {
  const groups: Found[] = [];
  for (const r of releases) {
    const byEnv = new Map<string, Found | undefined>();
    for (const v of r.values) {
      const env = v.environment ?? '';
      const found = v.settings?.[setting];
      if (found || !byEnv.has(env)) byEnv.set(env, found ?? byEnv.get(env));
    }
    const fromDeploy = setting === 'image.tag' ? setImageTag(r) : undefined;
    if (fromDeploy) {
      if (!byEnv.size) byEnv.set('', fromDeploy);
      for (const env of byEnv.keys()) byEnv.set(env, fromDeploy);
    }
    for (const found of byEnv.values()) if (found) groups.push(found);
  }
  if (!groups.length) return undefined;
  const all = (s: Setting) => groups.every(f => f.setting === s);
  const verdict = all('on') ? 'pass' : all('off') ? 'fail' : 'partial';
  const charts = [...new Set(releases.map(r => r.chart))].join(', ');
  const evidence: Evidence[] = capEvidence(
    groups.map(f =>
      fileEvidence(
        f.path,
        noted('shared.remote-helm.value-note', { value: f.value }),
        f.line,
        f.line,
      ),
    ),
  );
  return {
    verdict,
    ...finding(`shared.remote-helm.${verdict}`, { setting, charts }),
    evidence,
  };
}

/** The check, judged on a remote chart's values when it cannot decide otherwise. */
export function withRemoteHelmValues(
  check: TwelveFactorCheck,
): TwelveFactorCheck {
  const setting = DECIDED_BY[check.id];
  if (!setting) return check;
  return whenUndecided(check, ctx => {
    const releases = ctx.facts.tryGet(remoteHelmFactRef)?.releases ?? [];
    return releases.length ? judgeFromValues(releases, setting) : undefined;
  });
}
