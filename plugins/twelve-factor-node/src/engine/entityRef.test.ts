import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRefOf } from './entityRef';

describe('entityRefOf', () => {
  it('writes refs exactly as the catalog model does', () => {
    const entities: Array<{
      kind: string;
      metadata: { name: string; namespace?: string };
    }> = [
      {
        kind: 'Component',
        metadata: { name: 'Auto-Builder', namespace: 'Team-A' },
      },
      { kind: 'component', metadata: { name: 'svc' } },
    ];
    for (const e of entities) {
      expect(entityRefOf(e)).toBe(
        stringifyEntityRef({
          kind: e.kind,
          namespace: e.metadata.namespace,
          name: e.metadata.name,
        }).toLocaleLowerCase('en-US'),
      );
    }
  });
});
