import type { AreaDefinition, ScorecardSummary } from '@internal/plugin-twelve-factor-common';
import { bandOf, meanOf, overviewStats, weakestAreaOf } from './overviewStats';

const AREAS: AreaDefinition[] = [
  { id: 'f1-codebase', group: 'twelve-factor', title: 'I. Codebase', titleKo: 'I. 코드베이스' },
  { id: 'f3-config', group: 'twelve-factor', title: 'III. Config', titleKo: 'III. 설정' },
  { id: 'cn-security', group: 'cloud-native', title: 'Security', titleKo: '보안' },
];

function item(ref: string, overall: number | null, areas: Record<string, number | null>): ScorecardSummary {
  return {
    entityRef: ref,
    generatedAt: '2026-11-26T10:00:00.000Z',
    overall,
    twelveFactor: overall === null ? null : overall + 10,
    cloudNative: overall === null ? null : overall - 10,
    areas,
    counts: { pass: 1, partial: 0, fail: 0, unknown: 0, waived: 0 },
  };
}

describe('overviewStats', () => {
  it('bands scores at 80 and 50, and leaves undecided apart', () => {
    expect([100, 80, 79.9, 50, 49.9, 0, null].map(bandOf)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor', 'none']);
  });

  it('averages only decided scores', () => {
    expect(meanOf([10, null, 30])).toBe(20);
    expect(meanOf([null, null])).toBeNull();
    expect(meanOf([])).toBeNull();
  });

  it('sums up the organisation: means, bands, and the areas from the weakest up', () => {
    const stats = overviewStats(
      [
        item('component:default/a', 90, { 'f1-codebase': 100, 'f3-config': 40, 'cn-security': null }),
        item('component:default/b', 30, { 'f1-codebase': 80, 'f3-config': 20, 'cn-security': null }),
        item('component:default/c', null, {}),
      ],
      AREAS,
    );
    expect(stats).toMatchObject({ services: 3, overall: 60, twelveFactor: 70, cloudNative: 50, bands: { good: 1, fair: 0, poor: 1, none: 1 } });
    expect(stats.areas.map(a => [a.area.id, a.mean, a.below50, a.decided])).toEqual([
      ['f3-config', 30, 2, 2],
      ['f1-codebase', 90, 0, 2],
      ['cn-security', null, 0, 0],
    ]);
  });

  it("names a service's weakest decided area", () => {
    expect(weakestAreaOf(item('x', 50, { 'f1-codebase': 60, 'f3-config': null, 'cn-security': 55 }), AREAS)).toEqual({ area: AREAS[2], score: 55 });
    expect(weakestAreaOf(item('x', null, { 'f3-config': null }), AREAS)).toBeUndefined();
  });
});
