import type { TwelveFactorCheck } from '../../engine/types';

export const f9DisposabilityChecks: TwelveFactorCheck[] = [];
