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
 *
 * When several waivers name one check, one in force beats a lapsed one, and
 * among those in force the later in the list wins: the engine lists portal
 * waivers first and the repository's `.twelve-factor.yaml` last, so a
 * committed waiver, reviewed like code, is the one shown while both hold.
 * @public
 */
export function applyWaivers(
  results: ReadonlyArray<CheckResult>,
  waivers: ReadonlyArray<Waiver>,
  now: Date,
): CheckResult[] {
  if (waivers.length === 0) return [...results];
  const active = new Map<string, Waiver>();
  const lapsed = new Map<string, Waiver>();
  for (const w of waivers)
    (isWaiverActive(w, now) ? active : lapsed).set(w.check, w);
  return results.map(r => {
    const w = active.get(r.checkId);
    if (w) return { ...r, verdict: 'waived', reason: w.reason, waiver: w };
    const old = lapsed.get(r.checkId);
    return old ? { ...r, expiredWaiver: old } : r;
  });
}
