import type { TwelveFactorCheck } from '../../engine/types';
import { configmap } from './configmap';
import { envBased } from './envBased';
import { noHardcoded } from './noHardcoded';
import { perEnvFiles } from './perEnvFiles';
import { secrets } from './secrets';
import { secretStore } from './secretStore';

export const f3ConfigChecks: TwelveFactorCheck[] = [
  envBased,
  configmap,
  secrets,
  noHardcoded,
  perEnvFiles,
  secretStore,
];
