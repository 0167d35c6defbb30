import type { TwelveFactorCheck } from '../../engine/types';
import { deploysPerEnv } from './deploysPerEnv';
import { oneAppOneRepo } from './oneAppOneRepo';
import { versionControl } from './versionControl';

export const f1CodebaseChecks: TwelveFactorCheck[] = [
  versionControl,
  oneAppOneRepo,
  deploysPerEnv,
];
