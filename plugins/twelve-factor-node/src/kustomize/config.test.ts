import { DEFAULT_CONFIG, mergeConfig, parseConfiguration } from './config';

describe('transformer configuration', () => {
  it('adds custom field specs to the defaults, once', () => {
    const c = parseConfiguration({
      commonLabels: [
        { path: 'spec/selector/labels', kind: 'CronTab', create: true },
        // already a default: not repeated
        { path: 'metadata/labels', create: true },
      ],
      nameReference: [
        {
          kind: 'ConfigMap',
          version: 'v1',
          fieldSpecs: [{ path: 'spec/configMapName', kind: 'CronTab' }],
        },
        { kind: 'Widget', fieldSpecs: [{ path: 'spec/widget' }] },
      ],
    });
    expect(c.commonLabels).toHaveLength(DEFAULT_CONFIG.commonLabels.length + 1);
    expect(c.commonLabels).toContainEqual({
      path: 'spec/selector/labels',
      kind: 'CronTab',
      create: true,
    });
    const cm = c.nameReference.find(
      n => n.target.kind === 'ConfigMap' && n.target.version === 'v1',
    )!;
    expect(cm.referrers).toContainEqual({
      path: 'spec/configMapName',
      kind: 'CronTab',
    });
    expect(c.nameReference).toHaveLength(
      DEFAULT_CONFIG.nameReference.length + 1,
    );
    expect(c.images).toBe(DEFAULT_CONFIG.images);
  });

  it('refuses unknown fields, as kustomize decodes strictly', () => {
    expect(() => parseConfiguration({ nameprefix: [] })).toThrow(
      "unknown field 'nameprefix'",
    );
    expect(() =>
      parseConfiguration({ images: [{ path: 'a', kinds: 'X' }] }),
    ).toThrow("unknown field 'kinds' in images");
  });

  it('merges without copying when nothing is custom', () => {
    const custom = parseConfiguration({ replicas: [{ path: 'spec/n' }] });
    expect(mergeConfig(DEFAULT_CONFIG, DEFAULT_CONFIG)).toBe(DEFAULT_CONFIG);
    expect(mergeConfig(custom, DEFAULT_CONFIG)).toBe(custom);
    expect(mergeConfig(DEFAULT_CONFIG, custom)).toBe(custom);
    const both = mergeConfig(
      custom,
      parseConfiguration({ replicas: [{ path: 'spec/m' }] }),
    );
    expect(both.replicas.map(f => f.path).slice(-2)).toEqual([
      'spec/n',
      'spec/m',
    ]);
  });
});
