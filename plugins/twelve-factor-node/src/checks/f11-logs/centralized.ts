import type { TwelveFactorCheck } from '../../engine/types';
import { judgeCentralizedLogging } from './logPipeline';

export const centralized: TwelveFactorCheck = {
  id: 'f11-logs.centralized',
  evaluate: ({ facts }) => judgeCentralizedLogging(facts),
};
