import type { TwelveFactorCheck } from '../../engine/types';
import { judgeProbe } from './containerProbes';
import { longRunning } from './workloads';

export const liveness: TwelveFactorCheck = {
  id: 'cn-observability.liveness',
  evaluate: ({ facts }) =>
    judgeProbe(
      facts,
      'livenessProbe',
      s =>
        longRunning(s.workloads).flatMap(w =>
          w.containers.filter(c => !c.init).map(c => ({ w, c })),
        ),
      'liveness',
    ),
};
