import type { TwelveFactorCheck } from '../../engine/types';
import { containerized } from './containerized';
import { minimalBase } from './minimalBase';
import { multiStage } from './multiStage';
import { nonRootUser } from './nonRootUser';
import { securityContext } from './securityContext';

export const cnContainerizationChecks: TwelveFactorCheck[] = [
  containerized,
  multiStage,
  nonRootUser,
  minimalBase,
  securityContext,
];
