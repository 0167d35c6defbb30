import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../__testUtils__';
import { loadClusterDump } from './dump';

const FIXTURE = path.join(REPO_ROOT, 'examples/auto-builder-cms');

describe('loadClusterDump', () => {
  const text = fs.readFileSync(path.join(FIXTURE, 'cluster.yaml'), 'utf8');

  it('reads a kubectl List with YAML anchors, every object kept', () => {
    const { cluster, diagnostics } = loadClusterDump('aks', text);
    expect(diagnostics).toEqual([]);
    const kinds = cluster.objects.map(o => o.kind);
    expect(kinds.filter(k => k === 'Deployment')).toHaveLength(7);
    expect(kinds.filter(k => k === 'Secret')).toHaveLength(5);
    const pod = cluster.objects.find(o => o.kind === 'Pod')!;
    expect(pod.spec.containers[0].name).toBeDefined();
    expect(cluster.installedKinds).toEqual(['SecretProviderClass']);
  });

  it('reduces Secrets to metadata: no value of the dump survives', () => {
    const { cluster } = loadClusterDump('aks', text);
    const secrets = parse(
      fs.readFileSync(path.join(FIXTURE, 'expected.yaml'), 'utf8'),
    ).secret_values as string[];
    const out = JSON.stringify(cluster);
    for (const s of secrets) expect(out.includes(s) ? s : null).toBeNull();
    expect(
      cluster.objects.find(
        o => o.kind === 'Secret' && o.metadata.name === 'db-credentials',
      ),
    ).toMatchObject({ type: 'Opaque', dataKeys: ['DB_PASSWORD', 'DB_USER'] });
  });

  it('reads JSON and multi-document streams, and reports what it cannot read', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', namespace: 'x' },
        },
      ],
    });
    expect(loadClusterDump('j', json).cluster.objects).toHaveLength(1);
    const { cluster, diagnostics } = loadClusterDump(
      's',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n: : bad [\n---\n- just a list\n',
    );
    expect(cluster.objects).toHaveLength(1);
    expect(diagnostics.map(d => d.level)).toEqual(['error', 'warning']);
  });
});
