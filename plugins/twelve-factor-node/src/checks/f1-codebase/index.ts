import type { TwelveFactorCheck } from '../../engine/types';

export const f1CodebaseChecks: TwelveFactorCheck[] = [];
