import type { TwelveFactorCheck } from '../../engine/types';
import { capEvidence } from '../evidence';
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
        summary: `Backing services can be swapped by changing ${keysOf(
          fromEnv,
        )}; no address is hard-coded in the code or settings files`,
        evidence: capEvidence(fromEnv.map(r => r.evidence)),
      };
    }
    return {
      verdict: 'partial',
      summary: `Swapping ${literal
        .map(describeRef)
        .join(', ')} needs a code or image change`,
      evidence: capEvidence([
        ...literal.map(r => r.evidence),
        ...fromEnv.map(r => r.evidence),
      ]),
      remediation: fromEnvRemediation(literal),
    };
  },
};
