import type { TwelveFactorCheck } from '../../engine/types';
import { horizontal } from './horizontal';
import { hpa } from './hpa';
import { separateProcessTypes } from './separateProcessTypes';
import { workerScaling } from './workerScaling';
import { composeHorizontal } from '../composeDeploy/runtimeChecks';

export const f8ConcurrencyChecks: TwelveFactorCheck[] = [
  composeHorizontal(horizontal),
  separateProcessTypes,
  workerScaling,
  hpa,
];
