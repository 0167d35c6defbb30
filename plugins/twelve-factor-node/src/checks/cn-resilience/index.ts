import type { TwelveFactorCheck } from '../../engine/types';

export const cnResilienceChecks: TwelveFactorCheck[] = [];
