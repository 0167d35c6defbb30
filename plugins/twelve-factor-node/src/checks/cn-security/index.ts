import type { TwelveFactorCheck } from '../../engine/types';

export const cnSecurityChecks: TwelveFactorCheck[] = [];
