import type { TwelveFactorCheck } from '../../engine/types';

export const f12AdminProcessesChecks: TwelveFactorCheck[] = [];
