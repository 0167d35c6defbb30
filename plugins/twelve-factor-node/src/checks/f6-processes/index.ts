import type { TwelveFactorCheck } from '../../engine/types';
import { externalSessions } from './externalSessions';
import { independent } from './independent';
import { sharedFilesystem } from './sharedFilesystem';
import { stateless } from './stateless';

export const f6ProcessesChecks: TwelveFactorCheck[] = [
  stateless,
  externalSessions,
  sharedFilesystem,
  independent,
];
