import type { TwelveFactorCheck } from '../../engine/types';

export const cnCicdChecks: TwelveFactorCheck[] = [];
