import type { TwelveFactorCheck } from '../../engine/types';
import { cacheSeparate } from './cacheSeparate';
import { externalDb } from './externalDb';
import { swappable } from './swappable';
import { urlsFromEnv } from './urlsFromEnv';

export const f4BackingServicesChecks: TwelveFactorCheck[] = [
  externalDb,
  cacheSeparate,
  urlsFromEnv,
  swappable,
];
