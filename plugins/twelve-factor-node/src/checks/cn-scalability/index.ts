import type { TwelveFactorCheck } from '../../engine/types';
import { cache } from './cache';
import { database } from './database';
import { eventDriven } from './eventDriven';
import { horizontal } from './horizontal';
import { vertical } from './vertical';

export const cnScalabilityChecks: TwelveFactorCheck[] = [
  horizontal,
  vertical,
  database,
  cache,
  eventDriven,
];
