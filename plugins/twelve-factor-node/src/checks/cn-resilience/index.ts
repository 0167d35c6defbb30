import type { TwelveFactorCheck } from '../../engine/types';
import { autoRestart } from './autoRestart';
import { circuitBreaker } from './circuitBreaker';
import { pdb } from './pdb';
import { retry } from './retry';
import { timeouts } from './timeouts';
import { composeAutoRestart } from '../composeDeploy/runtimeChecks';

export const cnResilienceChecks: TwelveFactorCheck[] = [
  composeAutoRestart(autoRestart),
  circuitBreaker,
  retry,
  timeouts,
  pdb,
];
