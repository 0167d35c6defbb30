import { UnknownVerdictError } from '../engine/facts';
import type {
  CheckContext,
  CheckOutcome,
  TwelveFactorCheck,
} from '../engine/types';

/**
 * The check, with a second way to decide it when it comes out `unknown`
 * (as an outcome, or a thrown UnknownVerdictError when a fact it needs is
 * missing): `fallback` answers, or gives undefined to keep the unknown.
 * Synchronous when the check is, so that an unknown it throws stays a
 * throw (withLeftOutEvidence catches it).
 */
export function whenUndecided(
  check: TwelveFactorCheck,
  fallback: (ctx: CheckContext) => CheckOutcome | undefined,
): TwelveFactorCheck {
  return {
    ...check,
    evaluate(ctx) {
      const decide = (outcome?: CheckOutcome, undecided?: unknown) => {
        if (outcome && outcome.verdict !== 'unknown') return outcome;
        const decided = fallback(ctx);
        if (decided) return decided;
        if (outcome) return outcome;
        throw undecided;
      };
      let outcome: ReturnType<TwelveFactorCheck['evaluate']>;
      try {
        outcome = check.evaluate(ctx);
      } catch (e) {
        if (!(e instanceof UnknownVerdictError)) throw e;
        return decide(undefined, e);
      }
      return outcome instanceof Promise
        ? outcome.then(o => decide(o))
        : decide(outcome);
    },
  };
}
