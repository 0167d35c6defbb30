import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { BUILT_IN_KINDS, CUSTOM_KINDS } from './resources';

describe('deploy/rbac.yaml', () => {
  const docs = parseAllDocuments(
    fs.readFileSync(path.resolve(__dirname, '../../deploy/rbac.yaml'), 'utf8'),
  ).map(d => d.toJS());
  const role = docs.find(d => d.kind === 'ClusterRole');

  it('grants list, and only list, on exactly the kinds the collector reads', () => {
    const granted = role.rules
      .flatMap((r: any) =>
        r.resources.flatMap((res: string) =>
          r.apiGroups.map((g: string) => `${g}/${res}`),
        ),
      )
      .sort();
    const needed = [...BUILT_IN_KINDS, ...CUSTOM_KINDS]
      .map(k => `${k.group}/${k.plural}`)
      .sort();
    expect(granted).toEqual(needed);
    for (const r of role.rules) expect(r.verbs).toEqual(['list']);
  });

  it('binds the role to the collector service account', () => {
    const binding = docs.find(d => d.kind === 'ClusterRoleBinding');
    expect(binding.roleRef.name).toBe(role.metadata.name);
    expect(binding.subjects[0]).toMatchObject({
      kind: 'ServiceAccount',
      name: 'twelve-factor-reader',
    });
  });
});
