import type { TwelveFactorCheck } from '../../engine/types';
import { migrationJob } from './migrationJob';
import { runOnce } from './runOnce';
import { sameRelease } from './sameRelease';
import { seedJob } from './seedJob';

export const f12AdminProcessesChecks: TwelveFactorCheck[] = [
  migrationJob,
  seedJob,
  sameRelease,
  runOnce,
];
