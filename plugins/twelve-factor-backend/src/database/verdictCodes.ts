import type { Verdict } from '@internal/plugin-twelve-factor-common';

/**
 * One letter per verdict: a scan's verdicts are stored as a string with a
 * letter per check, in the order of the check positions, so that a check's
 * verdict across every scan of the fleet reads without parsing scorecards.
 */
const LETTER: Record<Verdict, string> = {
  pass: 'p',
  partial: 'a',
  fail: 'f',
  unknown: 'u',
  waived: 'w',
};

const VERDICT_OF: Record<string, Verdict | undefined> = {
  p: 'pass',
  a: 'partial',
  f: 'fail',
  u: 'unknown',
  w: 'waived',
};

/** The letters of a scan's results, by check position; `-` where a check has no result. */
export function encodeVerdicts(
  results: ReadonlyArray<{ checkId: string; verdict: Verdict }>,
  positionOf: ReadonlyMap<string, number>,
): string {
  const letters: string[] = [];
  let length = 0;
  for (const r of results) {
    const at = positionOf.get(r.checkId);
    if (at === undefined) continue;
    letters[at] = LETTER[r.verdict];
    length = Math.max(length, at + 1);
  }
  let out = '';
  for (let i = 0; i < length; i++) out += letters[i] ?? '-';
  return out;
}

/** The verdict at a check position, if the scan had one. */
export function verdictAt(
  verdicts: string,
  position: number,
): Verdict | undefined {
  return VERDICT_OF[verdicts[position] ?? '-'];
}

/** The letter of a verdict. */
export function letterOf(verdict: Verdict): string {
  return LETTER[verdict];
}
