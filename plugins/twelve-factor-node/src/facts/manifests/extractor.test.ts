import { serviceEntity, snapshotOf } from '../../__testUtils__';
import { FactStore } from '../../engine/FactStore';
import { builtInExtractors } from '..';
import { manifestsFactRef } from './extractor';

const deployment = (name: string, image = 'svc:1.0.0') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: ${name}, image: "${image}"}]\n`;
const namespace = (name: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;

function targetsOf(files: Record<string, string>) {
  const facts = new FactStore(
    new Map(builtInExtractors.map(e => [e.ref.id, e])),
    { entity: serviceEntity('svc'), repo: snapshotOf(files) },
    [],
  );
  return facts
    .get(manifestsFactRef)
    .targets.map(t => [
      t.id,
      t.objects.map(o => ('path' in o.origin ? o.origin.path : '')),
    ]);
}

describe('plain manifests', () => {
  it('keeps a conventional folder whole when each object is defined once', () => {
    expect(
      targetsOf({
        'k8s/backend/deployment.yaml': deployment('backend'),
        'k8s/frontend/deployment.yaml': deployment('frontend'),
      }),
    ).toEqual([
      ['k8s', ['k8s/backend/deployment.yaml', 'k8s/frontend/deployment.yaml']],
    ]);
  });

  it('splits a folder holding the same object twice into the subfolders applied on their own', () => {
    expect(
      targetsOf({
        'deploy/kind.yaml': namespace('kind'),
        'deploy/webapp/common/namespace.yaml': namespace('webapp'),
        'deploy/webapp/backend/deployment.yaml': deployment('backend'),
        'deploy/secure/backend/deployment.yaml': deployment(
          'backend',
          'svc:2',
        ).replace('{name: backend}', '{name: backend, namespace: secure}'),
      }),
    ).toEqual([
      ['deploy', ['deploy/kind.yaml']],
      ['deploy/secure', ['deploy/secure/backend/deployment.yaml']],
      [
        'deploy/webapp',
        [
          'deploy/webapp/backend/deployment.yaml',
          'deploy/webapp/common/namespace.yaml',
        ],
      ],
    ]);
  });
});
