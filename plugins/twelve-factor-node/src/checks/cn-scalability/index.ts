import type { TwelveFactorCheck } from '../../engine/types';

export const cnScalabilityChecks: TwelveFactorCheck[] = [];
