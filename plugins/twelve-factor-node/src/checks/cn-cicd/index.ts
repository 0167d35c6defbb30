import type { TwelveFactorCheck } from '../../engine/types';
import { automatedBuild } from './automatedBuild';
import { automatedDeploy } from './automatedDeploy';
import { environmentSeparation } from './environmentSeparation';
import { gitops } from './gitops';
import { progressiveDelivery } from './progressiveDelivery';
import { rollback } from './rollback';

export const cnCicdChecks: TwelveFactorCheck[] = [
  automatedBuild,
  automatedDeploy,
  environmentSeparation,
  gitops,
  rollback,
  progressiveDelivery,
];
