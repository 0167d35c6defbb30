import type { TwelveFactorCheck } from '../../engine/types';

export const f7PortBindingChecks: TwelveFactorCheck[] = [];
