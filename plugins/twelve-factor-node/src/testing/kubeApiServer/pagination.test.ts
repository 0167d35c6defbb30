import { decodeContinue, paginate } from './pagination';
import { KubeObject } from './types';

const objects = ['a', 'b', 'c', 'd', 'e'].map(
  name =>
    ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'ns' },
    } as KubeObject),
);

describe('paginate', () => {
  it('walks every item once with continue tokens, keeping the first resourceVersion', () => {
    const seen: string[] = [];
    const remaining: Array<number | undefined> = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(objects, {
        limit: '2',
        continue: token,
        resourceVersion: pages === 0 ? '10' : '99',
        filtered: false,
      });
      expect(page.resourceVersion).toBe('10');
      seen.push(...page.items.map(o => o.metadata.name));
      remaining.push(page.remainingItemCount);
      token = page.continue;
      pages++;
    } while (token);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pages).toBe(3);
    expect(remaining).toEqual([3, 1, undefined]);
  });

  it('returns everything without a limit, and no count when selectors filtered', () => {
    expect(
      paginate(objects, { resourceVersion: '1', filtered: false }).items,
    ).toHaveLength(5);
    const page = paginate(objects, {
      limit: '1',
      resourceVersion: '1',
      filtered: true,
    });
    expect(page.continue).toBeDefined();
    expect(page.remainingItemCount).toBeUndefined();
  });

  it('rejects tokens it did not issue and bad limits', () => {
    expect(() => decodeContinue('garbage')).toThrow(
      /continue key is not valid/,
    );
    expect(() =>
      paginate(objects, { limit: '-1', resourceVersion: '1', filtered: false }),
    ).toThrow(/limit/);
  });
});
