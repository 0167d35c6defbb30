import type {
  CheckResult,
  Waiver,
} from '@internal/plugin-twelve-factor-common';

/** Whether a waiver is in force on a day: no expiry, or expiry on or after that day. @public */
export function isWaiverActive(waiver: Waiver, now: Date): boolean {
  if (!waiver.expires) return true;
  const today = now.toISOString().slice(0, 10);
  return waiver.expires >= today;
}

/**
 * Applies waivers: a result with an active waiver becomes `waived` (and
 * leaves the score); an expired waiver leaves the verdict as it is and is
 * recorded on the result, so the UI can say it lapsed.
 * @public
 */
export function applyWaivers(
  results: ReadonlyArray<CheckResult>,
  waivers: ReadonlyArray<Waiver>,
  now: Date,
): CheckResult[] {
  if (waivers.length === 0) return [...results];
  const byCheck = new Map<string, Waiver>();
  for (const w of waivers) byCheck.set(w.check, w);
  return results.map(r => {
    const w = byCheck.get(r.checkId);
    if (!w) return r;
    if (!isWaiverActive(w, now)) return { ...r, expiredWaiver: w };
    return { ...r, verdict: 'waived', reason: w.reason, waiver: w };
  });
}
