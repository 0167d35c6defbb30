import type { TwelveFactorCheck } from '../../engine/types';
import { declared } from './declared';
import { pinned } from './pinned';
import { privateIndex } from './privateIndex';
import { systemPackages } from './systemPackages';

export const f2DependenciesChecks: TwelveFactorCheck[] = [
  declared,
  pinned,
  systemPackages,
  privateIndex,
];
