import {
  lookup,
  matchTargets,
  splitFieldPath,
  splitSliceIndexes,
} from './fieldpath';

describe('kyaml field paths', () => {
  it('splits on dots, keeping bracketed keys and escaped dots whole', () => {
    expect(splitFieldPath('spec.template.spec')).toEqual([
      'spec',
      'template',
      'spec',
    ]);
    expect(
      splitFieldPath('.metadata.annotations.[cert-manager.io/inject-ca-from]'),
    ).toEqual(['metadata', 'annotations', 'cert-manager.io/inject-ca-from']);
    expect(splitFieldPath('containers.[name=a.b].image')).toEqual([
      'containers',
      '[name=a.b]',
      'image',
    ]);
    expect(splitFieldPath('data.app\\.properties')).toEqual([
      'data',
      'app.properties',
    ]);
    expect(splitSliceIndexes(['spec', 'ports[0]', 'port'])).toEqual([
      'spec',
      'ports',
      '0',
      'port',
    ]);
  });

  it('looks up values with exact [k=v] matches, indexes and the last element', () => {
    const obj = {
      spec: {
        containers: [
          { name: 'app', image: 'a:1' },
          { name: 'myapp', image: 'b:1' },
        ],
      },
    };
    expect(
      lookup(obj, splitFieldPath('spec.containers.[name=app].image')),
    ).toBe('a:1');
    expect(lookup(obj, ['spec', 'containers', '1', 'name'])).toBe('myapp');
    expect(lookup(obj, ['spec', 'containers', '-', 'image'])).toBe('b:1');
    expect(lookup(obj, ['spec', 'missing', 'x'])).toBeUndefined();
    expect(() => lookup(obj, ['spec', 'containers', '*'])).toThrow(/wildcard/);
  });

  it('matches targets with unanchored [k=v] patterns, as kyaml does', () => {
    const obj = {
      containers: [
        { name: 'app', image: 'a' },
        { name: 'myapp', image: 'b' },
        { name: 'other', image: 'c' },
      ],
    };
    const root = { obj };
    const refs = matchTargets(root, 'obj', [
      'containers',
      '[name=app]',
      'image',
    ]);
    expect(refs.map(r => r.parent[r.key])).toEqual(['a', 'b']);
  });

  it('creates missing maps, list elements and leaves only when asked', () => {
    const root = { obj: { metadata: { name: 'x' } } as any };
    expect(matchTargets(root, 'obj', ['metadata', 'annotations', 'a'])).toEqual(
      [],
    );
    const refs = matchTargets(
      root,
      'obj',
      ['metadata', 'annotations', 'a'],
      'scalar',
    );
    expect(refs).toHaveLength(1);
    expect(root.obj.metadata.annotations).toEqual({ a: null });
    matchTargets(root, 'obj', ['spec', 'env', '[name=X]', 'value'], 'scalar');
    expect(root.obj.spec.env).toEqual([{ name: 'X', value: null }]);
    expect(() =>
      matchTargets(root, 'obj', ['spec', 'env', '3', 'value'], 'scalar'),
    ).toThrow(/index 3 specified but only 1 elements found/);
  });
});
