import type { TwelveFactorCheck } from '../../engine/types';

export const cnObservabilityChecks: TwelveFactorCheck[] = [];
