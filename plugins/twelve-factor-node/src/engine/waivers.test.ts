import type { CheckResult } from '@internal/plugin-twelve-factor-common';
import { applyWaivers } from './waivers';

const result: CheckResult = {
  checkId: 'f2-dependencies.pinned',
  area: 'f2-dependencies',
  verdict: 'partial',
  summary: 'Some dependencies are not pinned',
  evidence: [],
};
const now = new Date('2026-12-07T12:00:00Z');

describe('applyWaivers', () => {
  it('lets a waiver in force beat a lapsed one, whichever is listed last', () => {
    const [waived] = applyWaivers(
      [result],
      [
        {
          check: result.checkId,
          reason: 'granted in the portal',
          expires: '2027-01-31',
          origin: 'portal',
        },
        {
          check: result.checkId,
          reason: 'committed long ago',
          expires: '2026-06-30',
          origin: 'repository',
        },
      ],
      now,
    );
    expect(waived).toMatchObject({
      verdict: 'waived',
      reason: 'granted in the portal',
      waiver: { origin: 'portal' },
    });
  });

  it('shows the repository waiver while both are in force', () => {
    const [waived] = applyWaivers(
      [result],
      [
        { check: result.checkId, reason: 'portal', origin: 'portal' },
        { check: result.checkId, reason: 'repo', origin: 'repository' },
      ],
      now,
    );
    expect(waived.waiver?.origin).toBe('repository');
  });

  it('keeps the verdict and records a waiver whose last day has passed', () => {
    const [kept] = applyWaivers(
      [result],
      [{ check: result.checkId, reason: 'old', expires: '2026-12-06' }],
      now,
    );
    expect(kept.verdict).toBe('partial');
    expect(kept.expiredWaiver?.reason).toBe('old');
    // The last day itself is still in force.
    const [lastDay] = applyWaivers(
      [result],
      [{ check: result.checkId, reason: 'today', expires: '2026-12-07' }],
      now,
    );
    expect(lastDay.verdict).toBe('waived');
  });
});
