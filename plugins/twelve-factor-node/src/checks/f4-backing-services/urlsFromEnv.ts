import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import type { FactReader } from '../../engine/facts';
import { capEvidence, plural } from '../evidence';
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
      summary: 'No backing-service address found',
      reason:
        'Neither the deploy configuration, env files, settings files nor code name a database, cache, broker, mail server or API address.',
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
        summary: `Every backing-service address comes from the environment${
          fromEnv.some(r => r.via.startsWith('command line'))
            ? " or the deploy manifests' command-line flags"
            : ''
        } (${keysOf(fromEnv)})`,
        evidence,
      };
    }
    if (fromEnv.length === 0) {
      return {
        verdict: 'fail',
        summary: `Every backing-service address is a literal: ${literal
          .map(describeRef)
          .join(', ')}`,
        evidence,
        remediation: fromEnvRemediation(literal),
      };
    }
    return {
      verdict: 'partial',
      summary: `${plural(
        literal.length,
        'backing-service address',
        'backing-service addresses',
      )} ${literal.length === 1 ? 'is a literal' : 'are literals'} (${literal
        .map(describeRef)
        .join(', ')}); ${keysOf(fromEnv)} come from the environment`,
      evidence,
      remediation: fromEnvRemediation(literal),
    };
  },
};
