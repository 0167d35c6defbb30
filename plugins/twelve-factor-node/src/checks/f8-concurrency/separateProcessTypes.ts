import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  objectSets,
  setEvidence,
  setWideEvidence,
} from '../../facts/objectSets';
import { capEvidence } from '../evidence';
import { describeTypes, splitRemediation } from '../f6-processes/independent';
import { appProcesses, combinedProcesses, judgeSets } from './processTypes';
import { finding } from '../messages';
import { listing } from './listing';

const M = 'f8-concurrency.process-types';

export const separateProcessTypes: TwelveFactorCheck = {
  id: 'f8-concurrency.process-types',
  evaluate({ facts }) {
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const apps = appProcesses(set);
        if (apps.length === 0) return undefined;
        const combos = combinedProcesses(set, facts, (w, note, fieldPath) =>
          setEvidence(set, w.source, note, fieldPath),
        );
        if (combos.length) {
          return {
            verdict: 'partial',
            ...listing(
              set.label,
              [`${M}.shared`],
              combos.map(c => c.said),
              '; ',
            ),
            evidence: capEvidence([
              ...combos.flatMap(c => c.evidence),
              setWideEvidence(set, `workloads: ${describeTypes(apps)}`),
            ]),
            remediation: splitRemediation(set, facts, combos[0]),
          };
        }
        const types = new Set(apps.map(w => w.type));
        return {
          verdict: 'pass',
          ...finding(
            types.size > 1 ? `${M}.separate` : `${M}.one-per-workload`,
            { types: describeTypes(apps) },
            [set.label],
          ),
          evidence: capEvidence(
            apps.map(w => setEvidence(set, w.source, `${w.type}: ${w.why}`)),
          ),
        };
      },
      { id: `${M}.no-apps` },
    );
  },
};
