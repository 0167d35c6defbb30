import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets, setEvidence, setWideEvidence } from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { appProcesses, judgeSets } from '../f8-concurrency/processTypes';
import { isShared, isSingleWriter, mountedClaims } from './volumes';

export const stateless: TwelveFactorCheck = {
  id: 'f6-processes.stateless',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        // Backing services (redis, postgres StatefulSets) are stateful by design and judged elsewhere.
        const apps = appProcesses(set);
        if (apps.length === 0) return undefined;
        const bound = apps.flatMap(w => mountedClaims(set, w).filter(isSingleWriter).map(c => ({ w, c })));
        const unresolved = apps.flatMap(w => mountedClaims(set, w).filter(c => !c.accessModes).map(c => ({ w, c })));
        const shared = apps.flatMap(w => mountedClaims(set, w).filter(isShared).map(c => c.claim));
        const names = apps.map(w => w.name).join(', ');
        if (bound.length) {
          return {
            verdict: 'partial',
            summary: `${set.label}: ${[...new Set(bound.map(b => b.w.name))].join(', ')} keep state on ReadWriteOnce claim(s) ${[...new Set(bound.map(b => b.c.claim))].join(', ')}`,
            evidence: capEvidence(
              bound.flatMap(({ w, c }) => [
                setEvidence(set, w.source, `mounts claim ${c.claim} (${c.accessModes!.join(', ')}): its data lives with one pod`, c.fieldPath),
                ...(c.pvc ? [setEvidence(set, c.pvc, `accessModes ${c.accessModes!.join(', ')}`, 'spec.accessModes')] : []),
              ]),
            ),
            remediation: {
              text: `Move what ${bound[0].w.name} writes to ${bound[0].c.claim} into a backing service (database, cache or object storage such as S3/Azure Blob) so that any replica can serve any request and pods can be replaced freely; keep only scratch data in an emptyDir.`,
            },
          };
        }
        if (unresolved.length) {
          return {
            verdict: 'unknown',
            summary: `${set.label}: claim(s) ${unresolved.map(u => u.c.claim).join(', ')} not found`,
            reason: `${set.label}: the PersistentVolumeClaim(s) ${unresolved.map(u => u.c.claim).join(', ')} mounted by ${[...new Set(unresolved.map(u => u.w.name))].join(', ')} are not among its objects, so their access modes are unknown.`,
            evidence: unresolved.map(({ w, c }) => setEvidence(set, w.source, `mounts claim ${c.claim}, not defined here`, c.fieldPath)),
          };
        }
        return {
          verdict: 'pass',
          summary: `${set.label}: no app workload (${names}) keeps state on a ReadWriteOnce volume`,
          evidence: [
            setWideEvidence(
              set,
              `app workloads ${names} mount no ReadWriteOnce claim${shared.length ? `; ReadWriteMany ${[...new Set(shared)].join(', ')} is judged by f6-processes.shared-filesystem` : ''}`,
            ),
          ],
        };
      },
      'No long-running app workloads to judge',
    );
  },
};
