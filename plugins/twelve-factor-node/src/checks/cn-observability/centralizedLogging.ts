import type { TwelveFactorCheck } from '../../engine/types';
import { judgeCentralizedLogging } from '../f11-logs/logPipeline';

/** The same judgement as f11-logs.centralized, from the same helper. */
export const centralizedLogging: TwelveFactorCheck = {
  id: 'cn-observability.centralized-logging',
  evaluate: ({ facts }) => judgeCentralizedLogging(facts),
};
