import type { TwelveFactorCheck } from '../../engine/types';
import { containerDev } from './containerDev';
import { envOverlays } from './envOverlays';
import { sameDatabase } from './sameDatabase';
import { sameStack } from './sameStack';
import { staging } from './staging';

export const f10DevProdParityChecks: TwelveFactorCheck[] = [
  sameStack,
  envOverlays,
  sameDatabase,
  containerDev,
  staging,
];
