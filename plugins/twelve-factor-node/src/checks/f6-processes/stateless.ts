import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, type ObjectSet } from '../../facts/objectSets';
import { objectEvidence, setWideNote } from '../setMessages';
import { capEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';

const M = 'f6-processes.stateless';
import {
  appProcesses,
  judgeSets,
  type AppWorkload,
} from '../f8-concurrency/processTypes';
import {
  isShared,
  isSingleWriter,
  mountedClaims,
  type MountedClaim,
} from './volumes';

/** The claims the apps mount, read once per app: per-pod (bound), not found in the set (unresolved), and the shared claims' names. */
function claimsByKind(set: ObjectSet, apps: ReadonlyArray<AppWorkload>) {
  const bound: Array<{ w: AppWorkload; c: MountedClaim }> = [];
  const unresolved: Array<{ w: AppWorkload; c: MountedClaim }> = [];
  const shared: string[] = [];
  // Three lists in the order the workloads and their claims come: summaries and evidence list them that way.
  for (const w of apps) {
    for (const c of mountedClaims(set, w)) {
      if (isSingleWriter(c)) bound.push({ w, c });
      if (!c.accessModes) unresolved.push({ w, c });
      if (isShared(c)) shared.push(c.claim);
    }
  }
  return { bound, unresolved, shared };
}

export const stateless: TwelveFactorCheck = {
  id: 'f6-processes.stateless',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Backing services (redis, postgres StatefulSets) are stateful by design and judged elsewhere.
        const apps = appProcesses(set);
        if (apps.length === 0) return undefined;
        const { bound, unresolved, shared } = claimsByKind(set, apps);
        const names = apps.map(w => w.name).join(', ');
        if (bound.length) {
          return {
            verdict: 'partial',
            ...finding(
              `${M}.bound`,
              {
                workloads: [...new Set(bound.map(b => b.w.name))].join(', '),
                claims: [...new Set(bound.map(b => b.c.claim))].join(', '),
              },
              [set.label],
            ),
            evidence: capEvidence(
              bound.flatMap(({ w, c }) => [
                objectEvidence(
                  set,
                  w.source,
                  noted(`${M}.bound-note`, {
                    claim: c.claim,
                    modes: c.accessModes!.join(', '),
                  }),
                  c.fieldPath,
                ),
                ...(c.pvc
                  ? [
                      objectEvidence(
                        set,
                        c.pvc,
                        noted('f6-processes.shared-filesystem.claim-note', {
                          modes: c.accessModes!.join(', '),
                        }),
                        'spec.accessModes',
                      ),
                    ]
                  : []),
              ]),
            ),
            remediation: advice(`${M}.bound-advice`, {
              workload: bound[0].w.name,
              claim: bound[0].c.claim,
            }),
          };
        }
        if (unresolved.length) {
          return {
            verdict: 'unknown',
            ...finding(
              `${M}.unresolved`,
              { claims: unresolved.map(u => u.c.claim).join(', ') },
              [set.label],
            ),
            ...because(`${M}.unresolved-reason`, {
              set: set.label,
              claims: unresolved.map(u => u.c.claim).join(', '),
              workloads: [...new Set(unresolved.map(u => u.w.name))].join(', '),
            }),
            evidence: unresolved.map(({ w, c }) =>
              objectEvidence(
                set,
                w.source,
                noted(`${M}.unresolved-note`, { claim: c.claim }),
                c.fieldPath,
              ),
            ),
          };
        }
        return {
          verdict: 'pass',
          ...finding(`${M}.pass`, { workloads: names }, [set.label]),
          evidence: [
            setWideNote(
              set,
              shared.length
                ? noted(`${M}.pass-shared-note`, {
                    workloads: names,
                    claims: [...new Set(shared)].join(', '),
                  })
                : noted(`${M}.pass-note`, { workloads: names }),
            ),
          ],
        };
      },
      { id: `${M}.no-apps` },
    );
  },
};
