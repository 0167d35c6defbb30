import type { TwelveFactorCheck } from '../../engine/types';
import { judgeProbe } from './containerProbes';
import { servingContainers, servingWorkloads } from './workloads';

export const readiness: TwelveFactorCheck = {
  id: 'cn-observability.readiness',
  evaluate: ({ facts }) =>
    judgeProbe(
      facts,
      'readinessProbe',
      s =>
        servingWorkloads(s.set, s.workloads).flatMap(({ workload: w }) =>
          servingContainers(w).map(c => ({ w, c })),
        ),
      'readiness',
    ),
};
