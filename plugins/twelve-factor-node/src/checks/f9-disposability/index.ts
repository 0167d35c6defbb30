import type { TwelveFactorCheck } from '../../engine/types';
import { fastStartup } from './fastStartup';
import { gracefulShutdown } from './gracefulShutdown';
import { prestopHook } from './prestopHook';
import { sigterm } from './sigterm';
import { terminationGrace } from './terminationGrace';

export const f9DisposabilityChecks: TwelveFactorCheck[] = [
  fastStartup,
  gracefulShutdown,
  prestopHook,
  terminationGrace,
  sigterm,
];
