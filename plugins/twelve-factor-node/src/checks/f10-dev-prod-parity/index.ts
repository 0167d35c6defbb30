import type { TwelveFactorCheck } from '../../engine/types';
import { containerDev } from './containerDev';
import { envOverlays } from './envOverlays';
import { sameDatabase } from './sameDatabase';
import { sameStack } from './sameStack';
import { staging } from './staging';
import { withComposeDeploys } from '../f1-codebase/composeDeploysPerEnv';

export const f10DevProdParityChecks: TwelveFactorCheck[] = [
  sameStack,
  withComposeDeploys(envOverlays, 'unknown', false),
  sameDatabase,
  containerDev,
  staging,
];
