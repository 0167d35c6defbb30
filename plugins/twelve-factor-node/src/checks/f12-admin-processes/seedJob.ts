import type { TwelveFactorCheck } from '../../engine/types';
import { setEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { workloadSets } from '../cn-observability/workloads';
import { seedRuns } from './adminJobs';

export const seedJob: TwelveFactorCheck = {
  id: 'f12-admin-processes.seed-job',
  evaluate({ facts }) {
    const found = workloadSets(facts).flatMap(s =>
      seedRuns(s.workloads).map(r => ({ s, r })),
    );
    if (found.length === 0) {
      return {
        verdict: 'unknown',
        summary: 'No Job seeds data',
        reason:
          'No Job or CronJob loads seed data (by name or command); the service may need no seeding.',
      };
    }
    const names = [
      ...new Set(found.map(f => `${f.r.workload.kind} ${f.r.workload.name}`)),
    ];
    return {
      verdict: 'pass',
      summary: `Data is seeded by ${names.join(', ')}`,
      evidence: capEvidence(
        found.map(({ s, r }) =>
          setEvidence(s.set, r.workload.source, r.note, r.container.fieldPath),
        ),
      ),
    };
  },
};
