import type { TwelveFactorCheck } from '../../engine/types';
import { buildStage } from './buildStage';
import { ciPipeline } from './ciPipeline';
import { immutableImage } from './immutableImage';
import { releaseVersioning } from './releaseVersioning';
import { rollback } from './rollback';
import { composeImmutableImage } from '../composeDeploy/runtimeChecks';

export const f5BuildReleaseRunChecks: TwelveFactorCheck[] = [
  buildStage,
  ciPipeline,
  composeImmutableImage(immutableImage),
  releaseVersioning,
  rollback,
];
