import { serviceEntity, snapshotOf } from '../../__testUtils__';
import { FactStore } from '../../engine/FactStore';
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { builtInExtractors } from '..';
import { manifestsFactRef } from './extractor';

const deployment = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: ${name}, image: "svc:1.0.0"}]\n`;
const replicasPatch = (name: string, n: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec: {replicas: ${n}}\n`;

function scan(files: Record<string, string>) {
  const diagnostics: Diagnostic[] = [];
  const facts = new FactStore(
    new Map(builtInExtractors.map(e => [e.ref.id, e])),
    { entity: serviceEntity('svc'), repo: snapshotOf(files) },
    diagnostics,
  );
  const targets = facts.get(manifestsFactRef).targets.map(t => ({
    id: t.id,
    objects: t.objects.map(
      o =>
        `${o.object.kind}/${o.object.metadata.name}@${
          'path' in o.origin ? o.origin.path : ''
        }`,
    ),
    replicas: t.objects.map(o => o.object.spec?.replicas),
  }));
  return { targets, diagnostics };
}

describe('a kustomization listing entries missing from the repository', () => {
  it('renders without a missing resource, patch or component, naming each', () => {
    const { targets, diagnostics } = scan({
      'k/kustomization.yaml':
        'resources: [generated.yaml, app.yaml]\npatches: [{path: ci-patch.yaml}]\ncomponents: [../components/gone]\n',
      'k/app.yaml': deployment('app'),
    });
    expect(targets).toEqual([
      {
        id: 'k',
        objects: ['Deployment/app@k/app.yaml'],
        replicas: [undefined],
      },
    ]);
    const said = diagnostics.map(d => [
      d.path,
      d.messageMsg?.id,
      d.messageMsg?.params,
    ]);
    expect(said).toEqual(
      expect.arrayContaining([
        [
          'k/kustomization.yaml',
          'diagnostic.kustomize.resource-missing',
          { ref: 'generated.yaml' },
        ],
        [
          'k/kustomization.yaml',
          'diagnostic.kustomize.component-missing',
          { ref: '../components/gone' },
        ],
      ]),
    );
    expect(diagnostics.map(d => d.message).join('\n')).toMatch(
      /ci-patch\.yaml' not found/,
    );
    expect(
      diagnostics.some(
        d => d.messageMsg?.id === 'diagnostic.kustomize.fallback-plain',
      ),
    ).toBe(false);
  });

  it("keeps an overlay's own resources and patches when its base folder is missing", () => {
    const { targets } = scan({
      'overlays/prod/kustomization.yaml':
        'resources: [../../base, worker.yaml]\npatches: [{path: replicas.yaml}]\n',
      'overlays/prod/worker.yaml': deployment('worker'),
      'overlays/prod/replicas.yaml': replicasPatch('worker', 3),
    });
    expect(targets).toEqual([
      {
        id: 'overlays/prod',
        objects: ['Deployment/worker@overlays/prod/worker.yaml'],
        replicas: [3],
      },
    ]);
  });

  it("judges the folder's plain manifests when every listed resource is missing, leaving patches out", () => {
    const { targets, diagnostics } = scan({
      'deploy/kustomization.yaml':
        'resources: [deployment.generated.yaml]\npatchesStrategicMerge: [scale.yaml]\n',
      'deploy/deployment.yaml': deployment('web'),
      'deploy/scale.yaml': replicasPatch('web', 5),
      'deploy/env-patch.yaml': replicasPatch('web', 7),
    });
    expect(targets).toEqual([
      {
        id: 'deploy',
        objects: ['Deployment/web@deploy/deployment.yaml'],
        replicas: [undefined],
      },
    ]);
    const fallback = diagnostics.find(
      d => d.messageMsg?.id === 'diagnostic.kustomize.fallback-plain',
    );
    expect(fallback?.messageMsg?.params).toEqual({
      dir: 'deploy',
      files: { list: ['deploy/deployment.yaml'] },
    });
    expect(fallback?.message).toBe(
      'The kustomization in deploy renders no objects; the plain manifests of its folder are judged instead: deploy/deployment.yaml',
    );
  });

  it('judges the plain manifests of the folder of a kustomization that cannot be read, not those of nested kustomizations', () => {
    const { targets, diagnostics } = scan({
      'k8s/kustomization.yaml': 'resources: [app.yaml\n  bad: [\n',
      'k8s/app.yaml': deployment('app'),
      'k8s/other/kustomization.yaml': 'resources: [other.yaml]\n',
      'k8s/other/other.yaml': deployment('other'),
    });
    expect(targets).toEqual(
      expect.arrayContaining([
        {
          id: 'k8s',
          objects: ['Deployment/app@k8s/app.yaml'],
          replicas: [undefined],
        },
        {
          id: 'k8s/other',
          objects: ['Deployment/other@k8s/other/other.yaml'],
          replicas: [undefined],
        },
      ]),
    );
    expect(
      diagnostics
        .filter(d => d.messageMsg?.id === 'diagnostic.kustomize.fallback-plain')
        .map(d => d.path),
    ).toEqual(['k8s']);
  });

  it('says nothing more when the folder holds no plain manifests either', () => {
    const { targets, diagnostics } = scan({
      'k/kustomization.yaml': 'resources: [gone.yaml]\n',
    });
    expect(targets).toEqual([{ id: 'k', objects: [], replicas: [] }]);
    expect(
      diagnostics.some(
        d => d.messageMsg?.id === 'diagnostic.kustomize.fallback-plain',
      ),
    ).toBe(false);
  });
});
