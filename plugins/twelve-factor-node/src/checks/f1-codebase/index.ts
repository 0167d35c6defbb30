import type { TwelveFactorCheck } from '../../engine/types';
import { deploysPerEnv } from './deploysPerEnv';
import { withComposeDeploys } from './composeDeploysPerEnv';
import { oneAppOneRepo } from './oneAppOneRepo';
import { versionControl } from './versionControl';

export const f1CodebaseChecks: TwelveFactorCheck[] = [
  versionControl,
  oneAppOneRepo,
  withComposeDeploys(deploysPerEnv),
];
