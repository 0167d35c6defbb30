import type { TwelveFactorCheck } from '../../engine/types';
import { judgeLogAggregation } from './logPipeline';

export const aggregation: TwelveFactorCheck = {
  id: 'f11-logs.aggregation',
  evaluate: ({ facts }) => judgeLogAggregation(facts),
};
