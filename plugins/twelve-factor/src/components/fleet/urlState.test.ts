import {
  DEFAULT_STATE,
  isFiltered,
  readFleetUrlState,
  writeFleetUrlState,
} from './urlState';

describe('the fleet page address', () => {
  it('round-trips a view with every kind of filter, leaving out paging and defaults', () => {
    const text =
      'owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb&tag=python&band=poor&areaBelow=f3-config%3A50&check=cn-resilience.pdb&verdict=fail&q=api&groupBy=system&sort=area%3Af3-config&order=desc&offset=500&limit=200&view=campaign&by=domain&days=365';
    const { state, error } = readFleetUrlState(new URLSearchParams(text));
    expect(error).toBeUndefined();
    expect(state).toEqual({
      view: 'campaign',
      by: 'domain',
      days: 365,
      query: {
        owner: ['group:default/a', 'group:default/b'],
        tag: ['python'],
        band: ['poor'],
        areaBelow: { area: 'f3-config', score: 50 },
        check: { id: 'cn-resilience.pdb', verdicts: ['fail'] },
        q: 'api',
        groupBy: 'system',
        sort: 'area:f3-config',
        order: 'desc',
      },
    });
    const written = writeFleetUrlState(state);
    expect(written.get('offset')).toBeNull();
    expect(readFleetUrlState(written).state).toEqual(state);
    expect(writeFleetUrlState(DEFAULT_STATE).toString()).toBe('');
  });

  it('falls back to the defaults for unknown views and periods, and reports a bad query', () => {
    const { state, error } = readFleetUrlState(
      new URLSearchParams('view=pie&days=7&by=tag&band=great'),
    );
    expect(state).toEqual(DEFAULT_STATE);
    expect(error).toMatch(/band must be one of/);
  });

  it('tells filters from grouping and order', () => {
    expect(
      isFiltered({ within: 'group:default/a', groupBy: 'owner', sort: 'name' }),
    ).toBe(false);
    expect(isFiltered({ tag: ['x'] })).toBe(true);
    expect(isFiltered({ q: 'api' })).toBe(true);
    expect(isFiltered({ owner: [] })).toBe(false);
  });
});
