import type { Verdict } from '@internal/plugin-twelve-factor-common';

/**
 * Where the engine deliberately differs from the by-hand report on
 * auto-builder-cms, with why. Each entry is a decision, reviewed like code.
 */
export const KNOWN_DEVIATIONS: Record<
  string,
  { verdict: Verdict; why: string }
> = {};
