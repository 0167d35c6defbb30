import type {
  CheckDefinition,
  CheckResult,
  Verdict,
} from '@internal/plugin-twelve-factor-common';
import { describeEvidence } from './format';

/** Which checks the tab lists. */
export interface CheckFilter {
  /** `gaps`: not met and partly met only. */
  view: 'gaps' | 'all';
  /** When not empty, only these verdicts (within the view). */
  verdicts: Verdict[];
  /** Words to find in the title, id, finding, reason or evidence. */
  q: string;
}

export const GAP_VERDICTS: ReadonlyArray<Verdict> = ['fail', 'partial'];

export function isGap(r: CheckResult): boolean {
  return GAP_VERDICTS.includes(r.verdict);
}

/**
 * The filter of a tab address: gaps first when the service has gaps (the
 * question its owner comes with), every check when it has none.
 */
export function filterFromParams(
  params: URLSearchParams,
  results: ReadonlyArray<CheckResult>,
): CheckFilter {
  const view = params.get('view');
  const verdicts = (params.get('verdict') ?? '')
    .split(',')
    .filter((v): v is Verdict =>
      ['pass', 'partial', 'fail', 'unknown', 'waived'].includes(v),
    );
  let shown: CheckFilter['view'];
  if (view === 'all' || view === 'gaps') shown = view;
  else shown = results.some(isGap) && verdicts.length === 0 ? 'gaps' : 'all';
  return { view: shown, verdicts, q: params.get('q') ?? '' };
}

/** Writes a filter into the tab's address, leaving other parameters alone. */
export function filterToParams(
  filter: CheckFilter,
  params: URLSearchParams,
): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('view', filter.view);
  if (filter.verdicts.length) next.set('verdict', filter.verdicts.join(','));
  else next.delete('verdict');
  if (filter.q.trim()) next.set('q', filter.q);
  else next.delete('q');
  return next;
}

/** Whether a check is listed under the filter. */
export function matchesFilter(
  r: CheckResult,
  definition: CheckDefinition | undefined,
  filter: CheckFilter,
): boolean {
  if (filter.view === 'gaps' && !isGap(r)) return false;
  if (filter.verdicts.length && !filter.verdicts.includes(r.verdict))
    return false;
  const words = filter.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = [
    definition?.title ?? '',
    r.checkId,
    r.summary,
    r.reason ?? '',
    ...r.evidence.map(e => `${describeEvidence(e)} ${e.note ?? ''}`),
  ]
    .join(' ')
    .toLowerCase();
  return words.every(w => text.includes(w));
}
