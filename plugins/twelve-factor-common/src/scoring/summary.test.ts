import { summarizeScorecard } from './summary';
import type { Scorecard } from '../types';

describe('summarizeScorecard', () => {
  it('keeps the scores and counts the verdicts, without results or evidence', () => {
    const scorecard: Scorecard = {
      entityRef: 'component:default/Shop',
      generatedAt: '2026-11-26T10:00:00.000Z',
      overall: 55,
      groups: [
        { groupId: 'twelve-factor', score: 70 },
        { groupId: 'cloud-native', score: 40 },
      ],
      areas: [
        { areaId: 'f1-codebase', group: 'twelve-factor', score: 100, counts: { pass: 1, partial: 0, fail: 0, unknown: 0, waived: 0 } },
        { areaId: 'cn-security', group: 'cloud-native', score: null, counts: { pass: 0, partial: 0, fail: 0, unknown: 1, waived: 0 } },
      ],
      results: [
        { checkId: 'f1-codebase.version-control', area: 'f1-codebase', verdict: 'pass', summary: 'ok', evidence: [{ type: 'file', path: 'a', note: 'x' }] },
        { checkId: 'cn-security.tls', area: 'cn-security', verdict: 'unknown', summary: '?', evidence: [] },
        { checkId: 'cn-security.non-root', area: 'cn-security', verdict: 'fail', summary: 'root', evidence: [] },
        { checkId: 'cn-security.rbac', area: 'cn-security', verdict: 'fail', summary: 'wide', evidence: [] },
      ],
      diagnostics: [{ level: 'warning', source: 'x', message: 'y' }],
    };
    const summary = summarizeScorecard(scorecard);
    expect(summary).toEqual({
      entityRef: 'component:default/Shop',
      generatedAt: '2026-11-26T10:00:00.000Z',
      overall: 55,
      twelveFactor: 70,
      cloudNative: 40,
      areas: { 'f1-codebase': 100, 'cn-security': null },
      counts: { pass: 1, partial: 0, fail: 2, unknown: 1, waived: 0 },
    });
  });
});
