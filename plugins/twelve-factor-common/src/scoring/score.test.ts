import { builtInChecks } from '../catalog';
import type { CheckResult, Scorecard, Verdict } from '../types';
import {
  averageScores,
  computeScores,
  scoreArea,
  summarizeScorecard,
  weakestAreas,
} from './score';

const weightOf = (id: string) => builtInChecks.find(c => c.id === id)?.weight;

function results(verdicts: Record<string, Verdict>): CheckResult[] {
  return Object.entries(verdicts).map(([checkId, verdict]) => ({
    checkId,
    area: checkId.split('.')[0],
    verdict,
    summary: '',
    evidence: [],
  }));
}

describe('scoreArea', () => {
  it('counts pass as 1, partial as 0.5 and fail as 0, weighted', () => {
    expect(
      scoreArea([
        { verdict: 'pass', weight: 1 },
        { verdict: 'partial', weight: 1 },
      ]),
    ).toBe(75);
    expect(
      scoreArea([
        { verdict: 'pass', weight: 1 },
        { verdict: 'fail', weight: 2 },
      ]),
    ).toBeCloseTo(33.33, 2);
  });

  it('leaves unknown and waived out of the denominator', () => {
    expect(
      scoreArea([
        { verdict: 'pass', weight: 1 },
        { verdict: 'unknown', weight: 2 },
        { verdict: 'waived', weight: 1 },
      ]),
    ).toBe(100);
  });

  it('is null when nothing was decided', () => {
    expect(scoreArea([{ verdict: 'unknown', weight: 1 }])).toBeNull();
    expect(scoreArea([])).toBeNull();
  });
});

describe('the seed assessment (auto-builder-cms)', () => {
  // The report's area scores; its group averages are their plain means.
  const twelveFactor = [100, 75, 80, 100, 60, 85, 100, 50, 85, 70, 40, 100];
  const cloudNative = [100, 100, 35, 40, 40, 50, 55];

  it('averages areas into the report group scores', () => {
    expect(averageScores(twelveFactor)).toBe(78.75);
    expect(averageScores(cloudNative)).toBe(60);
  });

  it('computes the seed verdicts into area scores with the catalog weights', () => {
    const summary = computeScores(
      results({
        'f2-dependencies.declared': 'pass',
        'f2-dependencies.pinned': 'partial',
        'f2-dependencies.system-packages': 'partial',
        'f2-dependencies.private-index': 'pass',
        // f8: partial, pass, partial, fail×2 → (0.5+1+0.5+0)/5
        'f8-concurrency.horizontal': 'partial',
        'f8-concurrency.process-types': 'pass',
        'f8-concurrency.worker-scaling': 'partial',
        'f8-concurrency.hpa': 'fail',
        // staging waived, as the owners decided: the rest are all pass except container-dev
        'f10-dev-prod-parity.same-stack': 'pass',
        'f10-dev-prod-parity.env-overlays': 'pass',
        'f10-dev-prod-parity.same-database': 'pass',
        'f10-dev-prod-parity.container-dev': 'partial',
        'f10-dev-prod-parity.staging': 'waived',
      }),
      weightOf,
    );
    const area = (id: string) => summary.areas.find(a => a.areaId === id)!;
    expect(area('f2-dependencies').score).toBe(75);
    expect(area('f8-concurrency').score).toBe(40);
    expect(area('f10-dev-prod-parity').score).toBe(87.5);
    expect(area('f10-dev-prod-parity').counts).toEqual({
      pass: 3,
      partial: 1,
      fail: 0,
      unknown: 0,
      waived: 1,
    });
    expect(area('f1-codebase').score).toBeNull();
    expect(
      summary.groups.find(g => g.groupId === 'twelve-factor')!.score,
    ).toBeCloseTo((75 + 40 + 87.5) / 3, 2);
    expect(
      summary.groups.find(g => g.groupId === 'cloud-native')!.score,
    ).toBeNull();
    expect(summary.overall).toBe(summary.groups[0].score);
  });

  it('lists all 19 areas in report order, each in its group', () => {
    const summary = computeScores([], weightOf);
    expect(summary.areas).toHaveLength(19);
    expect(summary.areas.filter(a => a.group === 'twelve-factor')).toHaveLength(
      12,
    );
    expect(summary.areas[0].areaId).toBe('f1-codebase');
    expect(summary.overall).toBeNull();
  });
});

describe('weakestAreas', () => {
  it('orders by score and skips undecided areas', () => {
    const summary = computeScores(
      results({
        'f1-codebase.version-control': 'pass',
        'f2-dependencies.declared': 'fail',
        'f3-config.env-based': 'partial',
        'f4-backing-services.external-db': 'unknown',
      }),
      weightOf,
    );
    expect(weakestAreas(summary.areas, 3).map(a => a.areaId)).toEqual([
      'f2-dependencies',
      'f3-config',
      'f1-codebase',
    ]);
  });
});

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
        {
          areaId: 'f1-codebase',
          group: 'twelve-factor',
          score: 100,
          counts: { pass: 1, partial: 0, fail: 0, unknown: 0, waived: 0 },
        },
        {
          areaId: 'cn-security',
          group: 'cloud-native',
          score: null,
          counts: { pass: 0, partial: 0, fail: 0, unknown: 1, waived: 0 },
        },
      ],
      results: [
        {
          checkId: 'f1-codebase.version-control',
          area: 'f1-codebase',
          verdict: 'pass',
          summary: 'ok',
          evidence: [{ type: 'file', path: 'a', note: 'x' }],
        },
        {
          checkId: 'cn-security.tls',
          area: 'cn-security',
          verdict: 'unknown',
          summary: '?',
          evidence: [],
        },
        {
          checkId: 'cn-security.non-root',
          area: 'cn-security',
          verdict: 'fail',
          summary: 'root',
          evidence: [],
        },
        {
          checkId: 'cn-security.rbac',
          area: 'cn-security',
          verdict: 'fail',
          summary: 'wide',
          evidence: [],
        },
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
