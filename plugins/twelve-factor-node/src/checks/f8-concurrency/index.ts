import type { TwelveFactorCheck } from '../../engine/types';

export const f8ConcurrencyChecks: TwelveFactorCheck[] = [];
