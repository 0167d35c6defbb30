import { perObject, perObjectPair } from './memo';

describe('per-object memos', () => {
  it('compute once per key object, and apart for each key', () => {
    const calls: object[] = [];
    const sizeOf = perObject((set: { items: number[] }) => {
      calls.push(set);
      return set.items.length;
    });
    const a = { items: [1, 2] };
    const b = { items: [1, 2, 3] };
    expect([sizeOf(a), sizeOf(b), sizeOf(a), sizeOf(b)]).toEqual([2, 3, 2, 3]);
    expect(calls).toEqual([a, b]);
  });

  it('remember undefined answers too', () => {
    let calls = 0;
    const nothing = perObject((_: object) => {
      calls++;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing(key);
    expect(calls).toBe(1);
  });

  it('compute once per pair of key objects', () => {
    const calls: Array<[string, string]> = [];
    const join = perObjectPair((a: { n: string }, b: { n: string }) => {
      calls.push([a.n, b.n]);
      return `${a.n}${b.n}`;
    });
    const x = { n: 'x' };
    const y = { n: 'y' };
    expect([join(x, y), join(y, x), join(x, y), join(x, x)]).toEqual([
      'xy',
      'yx',
      'xy',
      'xx',
    ]);
    expect(calls).toEqual([
      ['x', 'y'],
      ['y', 'x'],
      ['x', 'x'],
    ]);
  });
});
