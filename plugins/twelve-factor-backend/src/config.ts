import { Config, readDurationFromConfig } from '@backstage/config';
import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { RepoLimits } from '@internal/plugin-twelve-factor-node';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DEFAULT_WAIVER_MAX_DAYS } from '@internal/plugin-twelve-factor-common';
import type { CollectorOptions } from './kubernetes/ClusterCollector';

/** The plugin's settings, with defaults. */
export interface TwelveFactorSettings {
  maxAgeMs: number;
  /** Scans older than this are deleted after each fleet scan, except each entity's latest. */
  historyMaxAgeMs: number;
  limits: Partial<RepoLimits>;
  collector: Partial<CollectorOptions>;
  schedule: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'timeout' | 'initialDelay'
  >;
  /** How often the catalog's view of the scored services is refreshed. */
  catalogSync: Pick<
    SchedulerServiceTaskScheduleDefinition,
    'frequency' | 'initialDelay'
  >;
  /** Scans nobody waits for (first scans of opened services, stale scorecards). */
  queue: { maxSize: number; concurrency: number };
  /** How long a replica that died mid-scan keeps the entity from other replicas. */
  scanLease: { ttlMs: number };
  /** How long a caller's conditional read decisions are reused; 0: never. */
  permissionCacheTtlMs: number;
  waivers: {
    maxDays: number;
    expiryCheckFrequency: HumanDuration;
  };
}

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

function waiverMaxDays(config: Config): number {
  const days =
    config.getOptionalNumber('twelveFactor.waivers.maxDays') ??
    DEFAULT_WAIVER_MAX_DAYS;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(
      `twelveFactor.waivers.maxDays must be a whole number of days above 0, not ${days}`,
    );
  return days;
}

export function readTwelveFactorConfig(config: Config): TwelveFactorSettings {
  const limits: Partial<RepoLimits> = {};
  const maxFileBytes = config.getOptionalNumber(
    'twelveFactor.limits.maxFileBytes',
  );
  const maxManifestBytes = config.getOptionalNumber(
    'twelveFactor.limits.maxManifestBytes',
  );
  const maxFiles = config.getOptionalNumber('twelveFactor.limits.maxFiles');
  if (maxFileBytes !== undefined) limits.maxFileBytes = maxFileBytes;
  if (maxManifestBytes !== undefined)
    limits.maxManifestBytes = maxManifestBytes;
  if (maxFiles !== undefined) limits.maxFiles = maxFiles;
  const collector: Partial<CollectorOptions> = {};
  if (config.has('twelveFactor.collection.requestTimeout'))
    collector.requestTimeoutMs = durationToMilliseconds(
      duration(config, 'twelveFactor.collection.requestTimeout', {
        seconds: 15,
      }),
    );
  if (config.has('twelveFactor.collection.scanTimeout'))
    collector.scanTimeoutMs = durationToMilliseconds(
      duration(config, 'twelveFactor.collection.scanTimeout', { minutes: 2 }),
    );
  const pageSize = config.getOptionalNumber('twelveFactor.collection.pageSize');
  if (pageSize !== undefined) collector.pageSize = pageSize;
  return {
    maxAgeMs: durationToMilliseconds(
      duration(config, 'twelveFactor.maxAge', { minutes: 10 }),
    ),
    historyMaxAgeMs: durationToMilliseconds(
      duration(config, 'twelveFactor.history.maxAge', { days: 90 }),
    ),
    limits,
    collector,
    catalogSync: {
      frequency: duration(config, 'twelveFactor.catalogSync.frequency', {
        minutes: 5,
      }),
      initialDelay: duration(config, 'twelveFactor.catalogSync.initialDelay', {
        seconds: 5,
      }),
    },
    waivers: {
      maxDays: waiverMaxDays(config),
      expiryCheckFrequency: duration(
        config,
        'twelveFactor.waivers.expiryCheckFrequency',
        { hours: 1 },
      ),
    },
    scanLease: {
      ttlMs: durationToMilliseconds(
        duration(config, 'twelveFactor.scanLease.ttl', { seconds: 30 }),
      ),
    },
    permissionCacheTtlMs: durationToMilliseconds(
      duration(config, 'twelveFactor.permissionCache.ttl', { seconds: 10 }),
    ),
    queue: {
      maxSize: config.getOptionalNumber('twelveFactor.queue.maxSize') ?? 1000,
      concurrency:
        config.getOptionalNumber('twelveFactor.queue.concurrency') ?? 2,
    },
    schedule: {
      frequency: duration(config, 'twelveFactor.schedule.frequency', {
        minutes: 30,
      }),
      timeout: duration(config, 'twelveFactor.schedule.timeout', {
        minutes: 30,
      }),
      initialDelay: duration(config, 'twelveFactor.schedule.initialDelay', {
        seconds: 30,
      }),
    },
  };
}
