import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { objectSets } from '../../facts/objectSets';
import { declaredProcessTypes, withoutObjectSets } from './withoutManifests';
import { objectEvidence, setWideNote } from '../setMessages';
import { capEvidence } from '../evidence';
import { describeTypes, splitRemediation } from '../f6-processes/independent';
import { appProcesses, combinedProcesses, judgeSets } from './processTypes';
import { finding, noted, listing } from '../messages';

const M = 'f8-concurrency.process-types';

export const separateProcessTypes: TwelveFactorCheck = {
  id: 'f8-concurrency.process-types',
  evaluate({ facts }) {
    const declared = withoutObjectSets(facts, declaredProcessTypes);
    if (declared) return declared;
    return judgeSets(
      objectSets(facts),
      (set): CheckOutcome | undefined => {
        const apps = appProcesses(set);
        if (apps.length === 0) return undefined;
        const combos = combinedProcesses(set, facts, (w, note, fieldPath) =>
          objectEvidence(set, w.source, note, fieldPath),
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
              setWideNote(
                set,
                noted('f8-concurrency.process-types.workloads-note', {
                  types: describeTypes(apps),
                }),
              ),
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
            apps.map(w => objectEvidence(set, w.source, noted(...w.whySaid))),
          ),
        };
      },
      { id: `${M}.no-apps` },
    );
  },
};
