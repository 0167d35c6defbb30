import type { TwelveFactorCheck } from '../../engine/types';
import { aggregation } from './aggregation';
import { centralized } from './centralized';
import { runtimeLevel } from './runtimeLevel';
import { stdout } from './stdout';
import { structured } from './structured';

export const f11LogsChecks: TwelveFactorCheck[] = [
  stdout,
  structured,
  centralized,
  aggregation,
  runtimeLevel,
];
