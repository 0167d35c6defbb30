import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { Workload } from '../../facts/manifests/workloads';

import { lazySnippet, toYaml } from '../snippets';
import {
  jobsOf,
  workloadSets,
  worstOfSets,
} from '../cn-observability/workloads';
import { jobSpecOf, jobSpecPath, setFinding } from './adminJobs';
import { advice, because, finding, noted } from '../messages';
import { objectEvidence } from '../setMessages';

/** What a Job leaves unset: a retry bound, and a clean-up. */
function gaps(w: Workload): string[] {
  const spec = jobSpecOf(w);
  const a = w.source.object.metadata?.annotations ?? {};
  const out: string[] = [];
  if (spec.backoffLimit === undefined) out.push('backoffLimit');
  // CronJobs prune finished Jobs by their history limits; hooks by their delete policy.
  const cleaned =
    spec.ttlSecondsAfterFinished !== undefined ||
    w.kind === 'CronJob' ||
    a['helm.sh/hook-delete-policy'] ||
    a['argocd.argoproj.io/hook-delete-policy'];
  if (!cleaned) out.push('ttlSecondsAfterFinished');
  return out;
}

function patchFor(w: Workload, missing: string[]): Record<string, unknown> {
  const fields = Object.fromEntries(
    missing.map(f => [f, f === 'backoffLimit' ? 3 : 3600]),
  );
  return {
    apiVersion: w.source.object.apiVersion ?? 'batch/v1',
    kind: w.kind,
    metadata: {
      name: w.name,
      ...(w.namespace ? { namespace: w.namespace } : {}),
    },
    spec: w.kind === 'CronJob' ? { jobTemplate: { spec: fields } } : fields,
  };
}

export const runOnce: TwelveFactorCheck = {
  id: 'f12-admin-processes.run-once',
  evaluate({ facts }) {
    const outcomes: CheckOutcome[] = [];
    for (const s of workloadSets(facts)) {
      const jobs = jobsOf(s.workloads);
      if (jobs.length === 0) continue;
      const bad = jobs
        .map(w => ({ w, missing: gaps(w) }))
        .filter(j => j.missing.length);
      if (bad.length === 0) {
        outcomes.push({
          verdict: 'pass',
          ...finding('f12-admin-processes.run-once.all-bounded', {}, [
            s.set.label,
          ]),
          evidence: jobs.map(w => {
            const spec = jobSpecOf(w);
            return objectEvidence(
              s.set,
              w.source,
              spec.ttlSecondsAfterFinished !== undefined
                ? noted('f12-admin-processes.run-once.bounded-note', {
                    backoffLimit: `${spec.backoffLimit}`,
                    ttl: `${spec.ttlSecondsAfterFinished}`,
                  })
                : noted('f12-admin-processes.run-once.controller-note', {
                    backoffLimit: `${spec.backoffLimit}`,
                  }),
              jobSpecPath(w),
            );
          }),
        });
        continue;
      }
      outcomes.push({
        verdict: 'partial',
        ...setFinding(
          s.set.label,
          bad.map(b =>
            b.missing.length > 1
              ? ([
                  'f12-admin-processes.run-once.lacks-both',
                  { kind: b.w.kind, name: b.w.name },
                ] as const)
              : ([
                  'f12-admin-processes.run-once.lacks',
                  { kind: b.w.kind, name: b.w.name, field: b.missing[0] },
                ] as const),
          ),
        ),
        evidence: bad.map(b =>
          objectEvidence(
            s.set,
            b.w.source,
            b.missing.length > 1
              ? noted('f12-admin-processes.run-once.lacks-both-note')
              : noted('f12-admin-processes.run-once.lacks-note', {
                  field: b.missing[0],
                }),
            jobSpecPath(b.w),
          ),
        ),
        remediation: {
          ...advice('f12-admin-processes.run-once.advice'),
          snippet: lazySnippet({ language: 'yaml', action: 'modify' }, () =>
            bad.map(b => toYaml(patchFor(b.w, b.missing))).join('---\n'),
          ),
        },
      });
    }
    if (outcomes.length === 0) {
      return {
        verdict: 'unknown',
        ...finding('f12-admin-processes.run-once.no-job'),
        ...because('f12-admin-processes.run-once.no-job-reason'),
      };
    }
    return worstOfSets(outcomes);
  },
};
