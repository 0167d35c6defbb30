import type { TwelveFactorCheck } from '../../engine/types';

export const f6ProcessesChecks: TwelveFactorCheck[] = [];
