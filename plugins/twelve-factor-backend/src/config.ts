import { Config, readDurationFromConfig } from '@backstage/config';
import type { RepoLimits } from '@internal/plugin-twelve-factor-node';
import { durationToMilliseconds } from '@backstage/types';

/** The plugin's settings, with defaults. */
export interface TwelveFactorSettings {
  maxAgeMs: number;
  limits: Partial<RepoLimits>;
}

export function readTwelveFactorConfig(config: Config): TwelveFactorSettings {
  const maxAge = config.has('twelveFactor.maxAge')
    ? durationToMilliseconds(readDurationFromConfig(config, { key: 'twelveFactor.maxAge' }))
    : 10 * 60 * 1000;
  const limits: Partial<RepoLimits> = {};
  const maxFileBytes = config.getOptionalNumber('twelveFactor.limits.maxFileBytes');
  const maxFiles = config.getOptionalNumber('twelveFactor.limits.maxFiles');
  if (maxFileBytes !== undefined) limits.maxFileBytes = maxFileBytes;
  if (maxFiles !== undefined) limits.maxFiles = maxFiles;
  return { maxAgeMs: maxAge, limits };
}
