import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
import { finding } from '../messages';
import { describeRef } from './backing';
import { fromEnvRemediation } from './remediation';
import { addressSplit, keysOf } from './urlsFromEnv';

export const swappable: TwelveFactorCheck = {
  id: 'f4-backing-services.swappable',
  evaluate({ facts }) {
    const split = addressSplit(facts);
    if ('verdict' in split) return split;
    const { fromEnv, literal } = split;
    if (literal.length === 0) {
      return {
        verdict: 'pass',
        ...finding('f4-backing-services.swappable.by-env', {
          keys: keysOf(fromEnv),
        }),
        evidence: capEvidence(fromEnv.map(r => r.evidence)),
      };
    }
    return {
      verdict: 'partial',
      ...finding('f4-backing-services.swappable.literal', {
        addresses: literal.map(describeRef).join(', '),
      }),
      evidence: capEvidence([
        ...literal.map(r => r.evidence),
        ...fromEnv.map(r => r.evidence),
      ]),
      remediation: fromEnvRemediation(literal),
    };
  },
};
