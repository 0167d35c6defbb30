import type { TwelveFactorCheck } from '../../engine/types';

export const f4BackingServicesChecks: TwelveFactorCheck[] = [];
