import type { TwelveFactorCheck } from '../../engine/types';

import { capEvidence } from '../evidence';
import { workloadSets } from '../cn-observability/workloads';
import { seedRuns } from './adminJobs';
import { objectEvidence } from '../setMessages';
import { because, finding } from '../messages';

export const seedJob: TwelveFactorCheck = {
  id: 'f12-admin-processes.seed-job',
  evaluate({ facts }) {
    const found = workloadSets(facts).flatMap(s =>
      seedRuns(s.workloads).map(r => ({ s, r })),
    );
    if (found.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f12-admin-processes.seed-job.none'),
        ...because('f12-admin-processes.seed-job.none-reason'),
      };
    }
    const names = [
      ...new Set(found.map(f => `${f.r.workload.kind} ${f.r.workload.name}`)),
    ];
    return {
      verdict: 'pass',
      ...finding('f12-admin-processes.seed-job.seeded', {
        jobs: names.join(', '),
      }),
      evidence: capEvidence(
        found.map(({ s, r }) =>
          objectEvidence(s.set, r.workload.source, r, r.container.fieldPath),
        ),
      ),
    };
  },
};
