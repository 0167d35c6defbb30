import {
  bandOf,
  fleetQueryToParams,
  FleetQueryError,
  parseFleetQuery,
} from './fleet';

describe('fleet queries', () => {
  it('reads every parameter and writes it back the same', () => {
    const text =
      'owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb&tag=python&band=poor&band=fair&areaBelow=f3-config%3A50&check=f3-config.secrets&verdict=fail&q=api&within=group%3Adefault%2Fplatform&groupBy=owner&sort=area%3Af3-config&order=desc&offset=50&limit=25';
    const query = parseFleetQuery(text);
    expect(query).toEqual({
      owner: ['group:default/a', 'group:default/b'],
      tag: ['python'],
      band: ['poor', 'fair'],
      areaBelow: { area: 'f3-config', score: 50 },
      check: { id: 'f3-config.secrets', verdicts: ['fail'] },
      q: 'api',
      within: 'group:default/platform',
      groupBy: 'owner',
      sort: 'area:f3-config',
      order: 'desc',
      offset: 50,
      limit: 25,
    });
    expect(parseFleetQuery(fleetQueryToParams(query))).toEqual(query);
  });

  it('lists fail and partial for a check unless verdicts are given', () => {
    expect(parseFleetQuery('check=cn-resilience.pdb').check).toEqual({
      id: 'cn-resilience.pdb',
      verdicts: ['fail', 'partial'],
    });
  });

  it.each([
    ['limit=abc', /limit must be a whole number/],
    ['limit=-5', /limit must be a whole number/],
    ['limit=100000', /limit must be a whole number from 1 to 500/],
    ['band=great', /band must be one of/],
    ['areaBelow=f3-config', /areaBelow must be/],
    ['areaBelow=f3-config:120', /areaBelow must be/],
    ['check=nodot', /check must be a check id/],
    ['check=a.b&verdict=maybe', /'maybe' is not a verdict/],
    ['sort=random', /cannot sort by/],
    ['order=up', /order must be asc or desc/],
    ['groupBy=tag', /groupBy must be owner, system or domain/],
    ['within=user:default/x', /within must be a group, system or domain/],
  ])('refuses %p with a clear message', (text, message) => {
    expect(() => parseFleetQuery(text)).toThrow(FleetQueryError);
    expect(() => parseFleetQuery(text)).toThrow(message);
  });

  it('bands scores', () => {
    expect([95, 80, 79.9, 50, 10, null].map(bandOf)).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'none',
    ]);
  });
});
