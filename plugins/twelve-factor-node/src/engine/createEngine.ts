import { builtInCheckImplementations } from '../checks';
import { builtInExtractors } from '../facts';
import { TwelveFactorEngine } from './TwelveFactorEngine';
import type { FactExtractor, TwelveFactorCheck } from './types';

/**
 * The engine with every built-in check and fact, plus any custom ones. A
 * custom check with a built-in id replaces the built-in implementation.
 * @public
 */
export function createTwelveFactorEngine(
  options: {
    customChecks?: ReadonlyArray<TwelveFactorCheck>;
    customExtractors?: ReadonlyArray<FactExtractor<any>>;
  } = {},
): TwelveFactorEngine {
  const custom = options.customChecks ?? [];
  const overridden = new Set(custom.map(c => c.id));
  return new TwelveFactorEngine({
    checks: [
      ...builtInCheckImplementations.filter(c => !overridden.has(c.id)),
      ...custom,
    ],
    extractors: [...builtInExtractors, ...(options.customExtractors ?? [])],
  });
}
