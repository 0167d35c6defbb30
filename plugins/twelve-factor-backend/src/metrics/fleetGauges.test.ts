import type { IndexedService } from '../fleet/FleetIndex';
import { fleetGauges } from './fleetGauges';

let id = 0;

/** A service of the index with its latest scores (none: never scanned). */
function service(
  name: string,
  owner: string | undefined,
  scores?: [number | null, number | null, number | null],
): IndexedService {
  const entityRef = `component:default/${name}`;
  const latest = scores && {
    id: ++id,
    entityRef,
    since: 0,
    at: 0,
    summary: {
      entityRef,
      generatedAt: new Date(0).toISOString(),
      overall: scores[0],
      twelveFactor: scores[1],
      cloudNative: scores[2],
      areas: {},
      counts: { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 },
    },
    verdicts: '',
    updatedMs: 0,
  };
  return {
    info: {
      entityRef,
      ...(owner ? { owner } : {}),
      namespace: 'default',
      tags: [],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name },
      },
      active: true,
      updatedMs: 0,
    },
    scans: latest ? [latest] : [],
    ...(latest ? { latest } : {}),
  };
}

const fleet = [
  service('a', 'group:default/team-a', [90, 100, 80]),
  service('b', 'group:default/team-a', [60, 70, 50]),
  service('c', 'group:default/team-b', [30, null, 30]),
  service('d', 'group:default/team-b'),
  service('e', undefined, [null, null, null]),
];

describe('fleetGauges', () => {
  it('counts services per band, every band present, and averages per owner leaving out undecided scores', () => {
    const g = fleetGauges(fleet, { ownerAttributes: true });
    expect(g.bands).toEqual({ good: 1, fair: 1, poor: 1, none: 2 });
    const of = (owner: string, group: string) =>
      g.scores.find(s => s.owner === owner && s.scoreGroup === group);
    expect(of('group:default/team-a', 'overall')).toMatchObject({
      average: 75,
      services: 2,
    });
    expect(of('group:default/team-a', 'cloud-native')?.average).toBe(65);
    expect(of('group:default/team-b', 'overall')).toMatchObject({
      average: 30,
      services: 1,
    });
    // No decided score: no series rather than a zero.
    expect(of('group:default/team-b', 'twelve-factor')).toBeUndefined();
    expect(g.scores.filter(s => s.owner === 'none')).toEqual([]);
    expect(JSON.stringify(g)).not.toContain('component:');
  });

  it('without owner attributes, averages the whole fleet per score group', () => {
    const g = fleetGauges(fleet, { ownerAttributes: false });
    expect(g.scores).toEqual([
      { scoreGroup: 'overall', average: 60, services: 3 },
      { scoreGroup: 'twelve-factor', average: 85, services: 2 },
      { scoreGroup: 'cloud-native', average: 160 / 3, services: 3 },
    ]);
  });

  it('names services without an owner', () => {
    const g = fleetGauges([service('x', undefined, [50, 50, 50])], {
      ownerAttributes: true,
    });
    expect(g.scores.map(s => s.owner)).toEqual(['none', 'none', 'none']);
  });
});
