import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The plugin's settings, with defaults. */
export interface TwelveFactorSettings {
  maxAgeMs: number;
}

export function readTwelveFactorConfig(config: Config): TwelveFactorSettings {
  const maxAge = config.has('twelveFactor.maxAge')
    ? durationToMilliseconds(readDurationFromConfig(config, { key: 'twelveFactor.maxAge' }))
    : 10 * 60 * 1000;
  return { maxAgeMs: maxAge };
}
