import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { FactReader } from '../../engine/facts';
import { capEvidence } from '../evidence';
import { because, finding } from '../messages';
import {
  backingModel,
  describeRef,
  hardCoded,
  type BackingRef,
} from './backing';
import { fromEnvRemediation } from './remediation';

/** Backing-service addresses split into those from the environment and the literals; undefined when there are none. */
export function addressSplit(
  facts: FactReader,
): { fromEnv: BackingRef[]; literal: BackingRef[] } | CheckOutcome {
  const refs = backingModel(facts).refs.filter(r => !r.local);
  if (refs.length === 0) {
    return {
      verdict: 'unknown',
      ...finding('f4-backing-services.urls-from-env.none'),
      ...because('f4-backing-services.urls-from-env.none-reason'),
    };
  }
  const literal = hardCoded(refs);
  return { fromEnv: refs.filter(r => !literal.includes(r)), literal };
}

/** "DATABASE_URL, REDIS_URL" */
export function keysOf(refs: ReadonlyArray<BackingRef>): string {
  return [...new Set(refs.map(r => r.key ?? r.tech))].join(', ');
}

export const urlsFromEnv: TwelveFactorCheck = {
  id: 'f4-backing-services.urls-from-env',
  evaluate({ facts }) {
    const split = addressSplit(facts);
    if ('verdict' in split) return split;
    const { fromEnv, literal } = split;
    const evidence = capEvidence(
      [...literal.map(r => r.evidence), ...fromEnv.map(r => r.evidence)],
      15,
    );
    if (literal.length === 0) {
      return {
        verdict: 'pass',
        ...finding(
          fromEnv.some(r => r.via.startsWith('command line'))
            ? 'f4-backing-services.urls-from-env.all-env-flags'
            : 'f4-backing-services.urls-from-env.all-env',
          { keys: keysOf(fromEnv) },
        ),
        evidence,
      };
    }
    if (fromEnv.length === 0) {
      return {
        verdict: 'fail',
        ...finding('f4-backing-services.urls-from-env.all-literal', {
          addresses: literal.map(describeRef).join(', '),
        }),
        evidence,
        remediation: fromEnvRemediation(literal),
      };
    }
    return {
      verdict: 'partial',
      ...finding(
        literal.length === 1
          ? 'f4-backing-services.urls-from-env.some-literal'
          : 'f4-backing-services.urls-from-env.some-literals',
        {
          n: literal.length,
          addresses: literal.map(describeRef).join(', '),
          keys: keysOf(fromEnv),
        },
      ),
      evidence,
      remediation: fromEnvRemediation(literal),
    };
  },
};
