import { resolve } from 'node:path';
import { flattenDump, loadDumps, parseDumpText } from './dump';

const DUMP = resolve(
  __dirname,
  '../../../../../examples/auto-builder-cms/cluster.yaml',
);
const FIXTURE = resolve(__dirname, '__fixtures__/autoscaling.yaml');

describe('loading dumps', () => {
  it('expands a kubectl List and resolves YAML aliases into independent copies', async () => {
    const objects = await loadDumps([DUMP]);
    expect(objects).toHaveLength(49);
    const deployment = objects.find(
      o => o.kind === 'Deployment' && o.metadata.name === 'cms-celery-worker',
    )!;
    const pod = objects.find(
      o => o.kind === 'Pod' && o.metadata.name.startsWith('cms-celery-worker-'),
    )!;
    const podContainers = (pod.spec as any).containers;
    const deploymentContainers = (deployment.spec as any).template.spec
      .containers;
    // The pod's `containers: *id001` is the deployment's `&id001` block...
    expect(podContainers).toEqual(deploymentContainers);
    // ...but not the same JS object, so normalising one cannot change the other.
    expect(podContainers).not.toBe(deploymentContainers);
  });

  it('reads multi-document streams with Lists inside', async () => {
    const objects = await loadDumps([FIXTURE]);
    expect(objects.map(o => o.kind)).toEqual([
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]);
    expect(objects[2].metadata.labels).toEqual(objects[1].metadata.labels);
    expect(objects[2].metadata.labels).not.toBe(objects[1].metadata.labels);
  });

  it('reads JSON, typed lists and parsed objects', async () => {
    const json = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'DeploymentList',
      metadata: { resourceVersion: '5' },
      items: [{ metadata: { name: 'a', namespace: 'x' }, spec: {} }],
    });
    expect(parseDumpText(json)).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'a', namespace: 'x' },
        spec: {},
      },
    ]);
    const objects = await loadDumps([
      [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }],
    ]);
    expect(objects[0].metadata.name).toBe('n');
    expect(
      parseDumpText(
        '{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}}',
      )[0].kind,
    ).toBe('ConfigMap');
    expect(parseDumpText('---\n---\n')).toEqual([]);
  });

  it('rejects objects without type or name, naming the source', () => {
    expect(() =>
      flattenDump({ kind: 'Pod', metadata: { name: 'x' } }, 'f.yaml'),
    ).toThrow(/f.yaml: object without apiVersion/);
    expect(() =>
      parseDumpText('apiVersion: v1\nkind: Pod\nmetadata: {}\n', 'g.yaml'),
    ).toThrow(/g.yaml.*without metadata.name/);
    expect(() => parseDumpText('a: [\n', 'h.yaml')).toThrow(
      /h.yaml: YAML document 1 is invalid/,
    );
    expect(() =>
      parseDumpText(
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &x a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: *x}\n',
        'i.yaml',
      ),
    ).toThrow(/i.yaml: YAML document 2/);
  });
});
