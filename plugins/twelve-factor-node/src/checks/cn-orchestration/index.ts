import type { TwelveFactorCheck } from '../../engine/types';

export const cnOrchestrationChecks: TwelveFactorCheck[] = [];
