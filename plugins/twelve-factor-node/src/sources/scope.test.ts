import { snapshotOf } from '../__testUtils__';
import { buildSnapshot } from './buildSnapshot';
import {
  normalizeCodeRoot,
  otherServiceFolders,
  scopeRepo,
  scopeScanInput,
} from './scope';
import { splitSourceLocation } from './sourceLocation';

const MONOREPO = {
  'README.md': '# shop',
  'go.mod': 'module x',
  '.github/workflows/ci.yml': 'on: push',
  '.github/actions/notify/index.js': 'console.log(1)',
  'kubernetes/base/kustomization.yaml': 'resources: []',
  'docs/arch.md': '# docs',
  'src/cart/main.go': 'package main',
  'src/cart/Dockerfile': 'FROM scratch',
  'src/checkout/app/main.py': 'print(1)',
  'src/protos/cart.proto': 'syntax = "proto3";',
  'src/loadgen/run.sh': 'echo',
  'services/web/ui/package.json': '{}',
  'tools/lint/main.go': 'package main',
};

describe('otherServiceFolders', () => {
  it('finds the folders beside the code root and beside its parents that hold code, from the paths alone', () => {
    expect(otherServiceFolders(Object.keys(MONOREPO), 'src/cart')).toEqual({
      folders: ['services', 'src/checkout', 'tools'],
      codeRootFound: true,
    });
  });

  it('never takes a dot folder for a service, and keeps folders without code', () => {
    const { folders } = otherServiceFolders(Object.keys(MONOREPO), 'src/cart');
    expect(folders).not.toContain('.github');
    expect(folders).not.toContain('kubernetes');
    expect(folders).not.toContain('src/protos');
    expect(folders).not.toContain('src/loadgen');
  });

  it('works for a code root at the top level and a deeper one', () => {
    expect(
      otherServiceFolders(
        ['cart/main.go', 'payment/Dockerfile', 'k8s/a.yaml'],
        'cart',
      ).folders,
    ).toEqual(['payment']);
    expect(
      otherServiceFolders(
        [
          'services/backend/cart/main.go',
          'services/backend/orders/pom.xml',
          'services/frontend/web/package.json',
        ],
        'services/backend/cart',
      ).folders,
    ).toEqual(['services/backend/orders', 'services/frontend']);
  });

  it('takes a Kustomize tree or a Helm chart with helper scripts for shared deploy configuration, not a service', () => {
    const paths = [
      'src/cart/main.go',
      'kustomize/kustomization.yaml',
      'kustomize/components/assistant/scripts/populate.py',
      'helm-chart/Chart.yaml',
      'helm-chart/scripts/render.py',
      'deploy/kustomization.yaml',
      'deploy/operator/main.go',
      'deploy/operator/go.mod',
    ];
    // A Dockerfile or dependency manifest still makes one a service of its own.
    expect(otherServiceFolders(paths, 'src/cart').folders).toEqual(['deploy']);
  });

  it('says when the code root is not in the repository', () => {
    expect(otherServiceFolders(['a/main.go'], 'src/cart').codeRootFound).toBe(
      false,
    );
  });
});

describe('scopeRepo', () => {
  const scope = scopeRepo(snapshotOf(MONOREPO), 'src/cart');

  it('gives the service view without the other services', () => {
    expect(scope.service.paths()).toEqual([
      '.github/actions/notify/index.js',
      '.github/workflows/ci.yml',
      'README.md',
      'docs/arch.md',
      'go.mod',
      'kubernetes/base/kustomization.yaml',
      'src/cart/Dockerfile',
      'src/cart/main.go',
      'src/loadgen/run.sh',
      'src/protos/cart.proto',
    ]);
  });

  it('gives the code (the code root) and the code with the files of its parent folders', () => {
    expect(scope.code.paths()).toEqual([
      'src/cart/Dockerfile',
      'src/cart/main.go',
    ]);
    expect(scope.codeAndParents.paths()).toEqual([
      'README.md',
      'go.mod',
      'src/cart/Dockerfile',
      'src/cart/main.go',
    ]);
  });

  it('keeps the file objects: a view copies no content', () => {
    const repo = snapshotOf(MONOREPO);
    expect(scopeRepo(repo, 'src/cart').code.file('src/cart/main.go')).toBe(
      repo.file('src/cart/main.go'),
    );
  });
});

describe('normalizeCodeRoot and scopeScanInput', () => {
  it('normalises a code root and refuses the root and paths that leave the repository', () => {
    expect(normalizeCodeRoot('./src/cart/')).toBe('src/cart');
    expect(normalizeCodeRoot('src\\cart')).toBe('src/cart');
    expect(normalizeCodeRoot('')).toBeUndefined();
    expect(normalizeCodeRoot('.')).toBeUndefined();
    expect(normalizeCodeRoot('/')).toBeUndefined();
    expect(normalizeCodeRoot('src/../../etc')).toBeUndefined();
  });

  it('leaves an input without a code root as it is', () => {
    const input = {
      entity: { apiVersion: 'v1', kind: 'Component', metadata: { name: 'x' } },
      repo: snapshotOf(MONOREPO),
    };
    expect(scopeScanInput(input)).toEqual({ input });
    expect(scopeScanInput({ ...input, codeRoot: './' }).scope).toBeUndefined();
  });
});

describe('buildSnapshot with other services', () => {
  it('lists their files without reading them or counting them against the limit', async () => {
    const read: string[] = [];
    const entry = (path: string) => ({
      path,
      content: async () => {
        read.push(path);
        return Buffer.from('x');
      },
    });
    const { snapshot, diagnostics } = await buildSnapshot(
      [entry('src/cart/a.go'), entry('src/pay/b.go'), entry('k8s/c.yaml')],
      { maxFiles: 2 },
      { otherServices: ['src/pay'] },
    );
    expect(read).toEqual(['src/cart/a.go', 'k8s/c.yaml']);
    expect(snapshot.file('src/pay/b.go')).toEqual({
      path: 'src/pay/b.go',
      size: 0,
      skipped: 'other-service',
    });
    expect(diagnostics).toEqual([]);
  });
});

describe('splitSourceLocation', () => {
  it.each([
    [
      'url:https://github.com/org/mono/tree/main/src/cart/',
      'https://github.com/org/mono/tree/main',
      'src/cart',
    ],
    [
      'https://github.com/org/mono/blob/main/src/cart/catalog-info.yaml',
      'https://github.com/org/mono/tree/main',
      'src/cart',
    ],
    [
      'https://ghe.example.com/org/mono/tree/release-2/services/cart',
      'https://ghe.example.com/org/mono/tree/release-2',
      'services/cart',
    ],
    [
      'https://gitlab.com/group/sub/proj/-/tree/main/src/cart',
      'https://gitlab.com/group/sub/proj/-/tree/main',
      'src/cart',
    ],
    [
      'https://gitlab.com/group/proj/-/blob/main/src/cart/catalog-info.yaml',
      'https://gitlab.com/group/proj/-/tree/main',
      'src/cart',
    ],
    [
      'https://gitea.example.com/org/repo/src/branch/main/src/cart',
      'https://gitea.example.com/org/repo/src/branch/main',
      'src/cart',
    ],
    [
      'https://bitbucket.org/ws/repo/src/main/src/cart/',
      'https://bitbucket.org/ws/repo/src/main',
      'src/cart',
    ],
    [
      'https://bitbucket.example.com/projects/P/repos/r/browse/src/cart?at=refs/heads/main',
      'https://bitbucket.example.com/projects/P/repos/r/browse?at=refs/heads/main',
      'src/cart',
    ],
    [
      'https://dev.azure.com/org/proj/_git/repo?path=/src/cart&version=GBmain',
      'https://dev.azure.com/org/proj/_git/repo?version=GBmain',
      'src/cart',
    ],
  ])('%s', (location, rootUrl, codeRoot) => {
    expect(splitSourceLocation(location)).toEqual({ rootUrl, codeRoot });
  });

  it.each([
    'url:https://github.com/org/repo/tree/main/',
    'https://github.com/org/repo',
    'https://dev.azure.com/org/proj/_git/repo?path=/&version=GBmain',
    'file:/srv/repo/src/cart',
    'not a url',
    'https://github.com/org/repo/tree/main/../../x',
  ])('%s points at no folder of a repository', location => {
    expect(splitSourceLocation(location)).toBeUndefined();
  });
});
