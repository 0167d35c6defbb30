import type { TwelveFactorCheck } from '../../engine/types';

export const f5BuildReleaseRunChecks: TwelveFactorCheck[] = [];
