import type { TwelveFactorCheck } from '../../engine/types';

export const f10DevProdParityChecks: TwelveFactorCheck[] = [];
