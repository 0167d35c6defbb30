import type { TwelveFactorCheck } from '../engine/types';
import { containerized } from './cn-containerization/containerized';
import { minimalBase } from './cn-containerization/minimalBase';
import { multiStage } from './cn-containerization/multiStage';
import { nonRootUser } from './cn-containerization/nonRootUser';
import { securityContext } from './cn-containerization/securityContext';
import { declared } from './f2-dependencies/declared';
import { pinned } from './f2-dependencies/pinned';
import { privateIndex } from './f2-dependencies/privateIndex';
import { systemPackages } from './f2-dependencies/systemPackages';

/** The built-in check implementations. Adding a check: one file, one line here. @public */
export const builtInCheckImplementations: ReadonlyArray<TwelveFactorCheck> = [
  declared,
  pinned,
  systemPackages,
  privateIndex,
  containerized,
  multiStage,
  nonRootUser,
  minimalBase,
  securityContext,
];
