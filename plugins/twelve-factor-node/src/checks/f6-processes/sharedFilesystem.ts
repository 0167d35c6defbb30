import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import {
  objectSets,
  setEvidence,
  setWideEvidence,
} from '../../facts/objectSets';
import { capEvidence } from '../evidence';
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
            summary: `${set.label}: no app workload mounts a ReadWriteMany volume`,
            evidence: [
              setWideEvidence(
                set,
                `no ReadWriteMany claim is mounted by ${apps
                  .map(w => w.name)
                  .join(', ')}`,
              ),
            ],
          };
        }
        const claims = [...new Set(mounts.map(m => m.c.claim))];
        const users = [...new Set(mounts.map(m => m.w.name))];
        const lib = storage[0]?.dependency;
        return {
          verdict: 'partial',
          summary: `${set.label}: ReadWriteMany claim ${claims.join(
            ', ',
          )} is shared by ${users.join(', ')}`,
          evidence: capEvidence([
            ...mounts.map(({ w, c }) =>
              setEvidence(
                set,
                w.source,
                `mounts shared claim ${c.claim} (ReadWriteMany)`,
                c.fieldPath,
              ),
            ),
            ...[
              ...new Map(
                mounts.filter(m => m.c.pvc).map(m => [m.c.claim, m.c.pvc!]),
              ).values(),
            ].map(pvc =>
              setEvidence(
                set,
                pvc,
                `accessModes ${(pvc.object.spec?.accessModes ?? []).join(
                  ', ',
                )}${
                  pvc.object.spec?.storageClassName
                    ? `, storageClassName ${pvc.object.spec.storageClassName}`
                    : ''
                }`,
                'spec.accessModes',
              ),
            ),
          ]),
          remediation: {
            text: lib
              ? `Write the files ${users.join(' and ')} share on ${claims.join(
                  ', ',
                )} to object storage through ${lib} (already a dependency, ${
                  storage[0].path
                }), pass object keys between processes, then remove the volume mounts.`
              : `Write the files ${users.join(' and ')} share on ${claims.join(
                  ', ',
                )} to object storage (S3, Azure Blob, GCS) and pass object keys between processes; then remove the ReadWriteMany volume.`,
          },
        };
      },
      'No app workloads to judge',
    );
  },
};
