import { expandVars, parseVars } from './vars';

describe('vars', () => {
  const values: Record<string, string | number> = { A: 'x', N: 8080 };
  const lookupVar = (n: string) => values[n];

  it('expands $(NAME), keeps unknown references and $$ escapes', () => {
    expect(expandVars('--a=$(A) --n=$(N)', lookupVar)).toBe('--a=x --n=8080');
    expect(expandVars('$(MISSING)-$(A)', lookupVar)).toBe('$(MISSING)-x');
    expect(expandVars('cost $$(A) $$5', lookupVar)).toBe('cost $(A) $5');
    expect(expandVars('unclosed $(A', lookupVar)).toBe('unclosed $(A');
    expect(expandVars('trailing $', lookupVar)).toBe('trailing $');
  });

  it('keeps the type of a value that is a whole reference', () => {
    expect(expandVars('$(N)', lookupVar)).toBe(8080);
    expect(expandVars(' $(N)', lookupVar)).toBe(' 8080');
  });

  it('reads objref and fieldref, case-insensitively, with kustomize defaults', () => {
    const { vars, errors } = parseVars([
      {
        name: 'SVC',
        objref: { kind: 'Service', name: 'db', apiVersion: 'v1' },
      },
      {
        name: 'NS',
        objRef: {
          kind: 'Deployment',
          name: 'api',
          group: 'apps',
          version: 'v1',
        },
        fieldref: { fieldpath: 'metadata.namespace' },
      },
      { objref: { kind: 'Service' } },
    ]);
    expect(vars).toEqual([
      {
        name: 'SVC',
        objref: {
          group: '',
          version: 'v1',
          kind: 'Service',
          name: 'db',
          ns: '',
        },
        fieldPath: 'metadata.name',
      },
      {
        name: 'NS',
        objref: {
          group: 'apps',
          version: 'v1',
          kind: 'Deployment',
          name: 'api',
          ns: '',
        },
        fieldPath: 'metadata.namespace',
      },
    ]);
    expect(errors).toEqual(['diagnostic.kustomize.var-unnamed']);
  });
});
