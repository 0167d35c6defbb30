import type { TwelveFactorCheck } from '../../engine/types';
import { autoRestart } from './autoRestart';
import { circuitBreaker } from './circuitBreaker';
import { pdb } from './pdb';
import { retry } from './retry';
import { timeouts } from './timeouts';

export const cnResilienceChecks: TwelveFactorCheck[] = [
  autoRestart,
  circuitBreaker,
  retry,
  timeouts,
  pdb,
];
