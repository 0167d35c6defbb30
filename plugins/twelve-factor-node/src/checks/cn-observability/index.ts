import type { TwelveFactorCheck } from '../../engine/types';
import { alerting } from './alerting';
import { centralizedLogging } from './centralizedLogging';
import { healthEndpoint } from './healthEndpoint';
import { liveness } from './liveness';
import { metrics } from './metrics';
import { readiness } from './readiness';
import { tracing } from './tracing';

export const cnObservabilityChecks: TwelveFactorCheck[] = [
  healthEndpoint,
  liveness,
  readiness,
  metrics,
  tracing,
  centralizedLogging,
  alerting,
];
