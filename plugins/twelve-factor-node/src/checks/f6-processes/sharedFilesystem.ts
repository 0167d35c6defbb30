import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { objectSets } from '../../facts/objectSets';
import { objectEvidence, setWideNote } from '../setMessages';
import { capEvidence } from '../evidence';
import { advice, finding, paramList, noted } from '../messages';

const M = 'f6-processes.shared-filesystem';
import { classify, judgeSets } from '../f8-concurrency/processTypes';
import { isShared, mountedClaims } from './volumes';

export const sharedFilesystem: TwelveFactorCheck = {
  id: 'f6-processes.shared-filesystem',
  evaluate({ facts }) {
    const storage =
      facts.tryGet(codeFactRef)?.capabilities['object-storage'] ?? [];
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Jobs count too: a Job writing to a volume that the API reads is a shared filesystem.
        const apps = classify(set).filter(w => w.type !== 'backing');
        if (apps.length === 0) return undefined;
        const mounts = apps.flatMap(w =>
          mountedClaims(set, w)
            .filter(isShared)
            .map(c => ({ w, c })),
        );
        if (mounts.length === 0) {
          return {
            verdict: 'pass',
            ...finding(`${M}.pass`, undefined, [set.label]),
            evidence: [
              setWideNote(
                set,
                noted(`${M}.none-note`, {
                  workloads: apps.map(w => w.name).join(', '),
                }),
              ),
            ],
          };
        }
        const claims = [...new Set(mounts.map(m => m.c.claim))];
        const users = [...new Set(mounts.map(m => m.w.name))];
        const lib = storage[0]?.dependency;
        return {
          verdict: 'partial',
          ...finding(
            `${M}.shared`,
            { claims: claims.join(', '), workloads: users.join(', ') },
            [set.label],
          ),
          evidence: capEvidence([
            ...mounts.map(({ w, c }) =>
              objectEvidence(
                set,
                w.source,
                noted(`${M}.mount-note`, { claim: c.claim }),
                c.fieldPath,
              ),
            ),
            ...[
              ...new Map(
                mounts.filter(m => m.c.pvc).map(m => [m.c.claim, m.c.pvc!]),
              ).values(),
            ].map(pvc =>
              objectEvidence(
                set,
                pvc,
                pvc.object.spec?.storageClassName
                  ? noted(`${M}.claim-class-note`, {
                      modes: (pvc.object.spec?.accessModes ?? []).join(', '),
                      storageClass: String(pvc.object.spec.storageClassName),
                    })
                  : noted(`${M}.claim-note`, {
                      modes: (pvc.object.spec?.accessModes ?? []).join(', '),
                    }),
                'spec.accessModes',
              ),
            ),
          ]),
          remediation: advice(
            `${M}.${lib ? 'library-advice' : 'advice'}${
              users.length === 2 ? '-two' : ''
            }`,
            {
              // Two users read "a and b" in every language; more are a list ("a, b and c").
              ...(users.length === 2
                ? { first: users[0], second: users[1] }
                : { workloads: paramList(users, { last: 'and' }) }),
              claims: claims.join(', '),
              ...(lib ? { library: lib, path: storage[0].path } : {}),
            },
          ),
        };
      },
      { id: `${M}.no-apps` },
    );
  },
};
