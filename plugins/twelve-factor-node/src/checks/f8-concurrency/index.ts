import type { TwelveFactorCheck } from '../../engine/types';
import { horizontal } from './horizontal';
import { hpa } from './hpa';
import { separateProcessTypes } from './separateProcessTypes';
import { workerScaling } from './workerScaling';

export const f8ConcurrencyChecks: TwelveFactorCheck[] = [
  horizontal,
  separateProcessTypes,
  workerScaling,
  hpa,
];
