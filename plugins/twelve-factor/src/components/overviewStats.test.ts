import type {
  AreaDefinition,
  ScorecardOverviewItem,
} from '@internal/plugin-twelve-factor-common';
import {
  bandOf,
  compareScores,
  meanOf,
  overviewStats,
  weakestAreaOf,
} from './overviewStats';

const AREAS: AreaDefinition[] = [
  {
    id: 'f1-codebase',
    group: 'twelve-factor',
    title: 'I. Codebase',
    titleKo: 'I. 코드베이스',
  },
  {
    id: 'f3-config',
    group: 'twelve-factor',
    title: 'III. Config',
    titleKo: 'III. 설정',
  },
  {
    id: 'cn-security',
    group: 'cloud-native',
    title: 'Security',
    titleKo: '보안',
  },
];

function item(
  ref: string,
  overall: number | null,
  areas: Record<string, number | null>,
  owner?: string,
): ScorecardOverviewItem {
  return {
    ...(owner ? { owner } : {}),
    entityRef: ref,
    generatedAt: '2026-11-26T10:00:00.000Z',
    overall,
    twelveFactor: overall === null ? null : overall + 10,
    cloudNative: overall === null ? null : overall - 10,
    areas,
    counts: {
      pass: 1,
      partial: 0,
      fail: overall === null ? 0 : Math.round((100 - overall) / 10),
      unknown: 0,
      waived: 0,
    },
  };
}

describe('overviewStats', () => {
  it('bands scores at 80 and 50, and leaves undecided apart', () => {
    expect([100, 80, 79.9, 50, 49.9, 0, null].map(bandOf)).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
      'none',
    ]);
  });

  it('compares scores with missing ones on the side asked for', () => {
    expect([30, null, 10, 20].sort((a, b) => compareScores(a, b))).toEqual([
      10,
      20,
      30,
      null,
    ]);
    expect([30, null, 10, 20].sort((a, b) => compareScores(a, b, -1))).toEqual([
      null,
      10,
      20,
      30,
    ]);
  });

  it('averages only decided scores', () => {
    expect(meanOf([10, null, 30])).toBe(20);
    expect(meanOf([null, null])).toBeNull();
    expect(meanOf([])).toBeNull();
  });

  it('sums up the organisation: means, bands, and the areas from the weakest up', () => {
    const stats = overviewStats(
      [
        item(
          'component:default/a',
          90,
          { 'f1-codebase': 100, 'f3-config': 40, 'cn-security': null },
          'group:default/red',
        ),
        item(
          'component:default/b',
          30,
          { 'f1-codebase': 80, 'f3-config': 20, 'cn-security': null },
          'group:default/blue',
        ),
        item('component:default/c', null, {}, 'group:default/red'),
        item('component:default/d', 70, {}),
      ],
      AREAS,
    );
    expect(stats.services).toBe(4);
    expect(stats.overall).toBeCloseTo(190 / 3, 9);
    expect(stats.twelveFactor).toBeCloseTo(220 / 3, 9);
    expect(stats.cloudNative).toBeCloseTo(160 / 3, 9);
    expect(stats.bands).toEqual({ good: 1, fair: 1, poor: 1, none: 1 });
    expect(stats.areas.map(a => [a.area.id, a.mean, a.below50])).toEqual([
      ['f3-config', 30, 2],
      ['f1-codebase', 90, 0],
      ['cn-security', null, 0],
    ]);
    // Owners, weakest first; services without an owner are grouped under ''.
    expect(stats.owners).toEqual([
      { owner: 'group:default/blue', services: 1, mean: 30, fail: 7 },
      { owner: '', services: 1, mean: 70, fail: 3 },
      { owner: 'group:default/red', services: 2, mean: 90, fail: 1 },
    ]);
  });

  it("names a service's weakest decided area", () => {
    expect(
      weakestAreaOf(
        item('x', 50, {
          'f1-codebase': 60,
          'f3-config': null,
          'cn-security': 55,
        }),
        AREAS,
      ),
    ).toEqual({ area: AREAS[2], score: 55 });
    expect(
      weakestAreaOf(item('x', null, { 'f3-config': null }), AREAS),
    ).toBeUndefined();
  });
});
