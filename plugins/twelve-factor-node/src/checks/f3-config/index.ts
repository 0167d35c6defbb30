import type { TwelveFactorCheck } from '../../engine/types';

export const f3ConfigChecks: TwelveFactorCheck[] = [];
