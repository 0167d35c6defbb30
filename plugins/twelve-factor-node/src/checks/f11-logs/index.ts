import type { TwelveFactorCheck } from '../../engine/types';

export const f11LogsChecks: TwelveFactorCheck[] = [];
