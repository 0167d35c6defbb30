import { clusterOf } from '../../__testUtils__';
import { evaluateCheckWithConfig as evaluate } from '../../__testUtils__/configLiterals';
import { ownImage, parseImage, tagKind } from './images';

const MULTI =
  'FROM node:22-alpine AS build\nRUN npm ci && npm run build\nFROM node:22-alpine\nCOPY --chown=node:node --from=build /app/dist /app\nCMD ["node", "/app/server.js"]\n';
const SINGLE =
  'FROM python:3.12\nCOPY . /app\nRUN pip install -r /app/requirements.txt\nCMD ["python", "/app/main.py"]\n';

function deployment(
  name: string,
  image: string,
  pullPolicy = '',
  kind = 'Deployment',
  meta = '',
): string {
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}${meta}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: ${image}${
    pullPolicy ? `\n          imagePullPolicy: ${pullPolicy}` : ''
  }
`;
}

const GHA_SHA_AND_LATEST = `name: build
on:
  push:
    branches: [main]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Build and push
        run: |
          docker build -t ghcr.io/org/svc:\${{ github.sha }} -t ghcr.io/org/svc:latest .
          docker push ghcr.io/org/svc:\${{ github.sha }}
          docker push ghcr.io/org/svc:latest
`;
const GHA_RELEASE = `name: release
on:
  push:
    tags: ["v*.*.*"]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: ghcr.io/org/svc:\${{ github.ref_name }}
`;

describe('image tags', () => {
  it('tells immutable tags from moving ones', () => {
    const kinds = [
      'app@sha256:abc',
      'app',
      'app:latest',
      'redis:7.4.1-alpine',
      'app:v1.2.3',
      'app:4b8e1f0c7a2d',
      'postgres:16.6',
      'redis:7',
      'app:main',
      'node:22-alpine',
      'registry:5000/app:1.0.0',
    ].map(i => tagKind(parseImage(i)));
    expect(kinds).toEqual([
      'digest',
      'untagged',
      'latest',
      'semver',
      'semver',
      'sha',
      'version',
      'floating',
      'floating',
      'floating',
      'semver',
    ]);
  });

  it("knows a monorepo member's images by its folder's name as well as the entity's", () => {
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'shop-cart' },
    };
    const image = parseImage('us-docker.pkg.dev/shop/release/cartservice:v1.2');
    expect(ownImage(entity, [])(image)).toBe(false);
    expect(ownImage(entity, [], 'src/cartservice')(image)).toBe(true);
    expect(
      ownImage(entity, [], 'src/cartservice')(parseImage('redis:7.4.1')),
    ).toBe(false);
  });
});

describe('f5-build-release-run.build-stage', () => {
  it('passes for a multi-stage build, also when --from is not the first COPY flag', async () => {
    const { result } = await evaluate(
      { Dockerfile: MULTI },
      'f5-build-release-run.build-stage',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('takes only artifacts from build');
    expect(result.evidence).toHaveLength(2);
  });

  it('is partial for a single stage, with a two-stage Dockerfile for its base image', async () => {
    const { result } = await evaluate(
      { Dockerfile: SINGLE },
      'f5-build-release-run.build-stage',
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 1,
    });
    expect(result.remediation?.snippet?.content).toContain(
      'FROM python:3.12 AS build',
    );
    expect(result.remediation?.snippet?.content).toContain('COPY --from=build');
  });

  it('ignores a single-stage Dockerfile.dev next to the release Dockerfile', async () => {
    expect(
      (
        await evaluate(
          { Dockerfile: MULTI, 'Dockerfile.dev': SINGLE },
          'f5-build-release-run.build-stage',
        )
      ).result.verdict,
    ).toBe('pass');
  });

  it('passes for buildpacks and fails without any build definition', async () => {
    expect(
      (
        await evaluate(
          { 'project.toml': '[_]\nschema-version = "0.2"\n' },
          'f5-build-release-run.build-stage',
        )
      ).result.verdict,
    ).toBe('pass');
    const { result } = await evaluate(
      { 'main.go': 'package main\n' },
      'f5-build-release-run.build-stage',
    );
    expect(result.verdict).toBe('fail');
  });

  it('is unknown without the repository', async () => {
    expect(
      (await evaluate(undefined, 'f5-build-release-run.build-stage')).result
        .verdict,
    ).toBe('unknown');
  });
});

describe('f5-build-release-run.ci-pipeline', () => {
  it('passes when CI builds and pushes, listing the tags', async () => {
    const { result } = await evaluate(
      { '.github/workflows/build.yml': GHA_SHA_AND_LATEST },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0]).toMatchObject({
      path: '.github/workflows/build.yml',
      startLine: 12,
    });
    expect(result.evidence[0].note).toContain(
      'ghcr.io/org/svc:${{ github.sha }}',
    );
  });

  it('counts a call of a reusable workflow named for image builds, with its tag rules', async () => {
    const workflow = `name: Build Vote
on:
  push:
    branches: [main]
jobs:
  call-docker-build:
    uses: example-org/.github/.github/workflows/reusable-docker-build.yaml@main
    with:
      image-names: |
        ghcr.io/example-org/vote
      tag-rules: |
        type=raw,value=latest,enable=\${{ endsWith(github.ref, 'main') }}
        type=sha
      context: vote
`;
    const files = { '.github/workflows/vote.yaml': workflow };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('.github/workflows/vote.yaml');
    const versions = await evaluate(
      files,
      'f5-build-release-run.release-versioning',
    );
    expect(versions.result.verdict).toBe('partial');
    expect(versions.result.summary).toContain('commit-SHA tags');
  });

  it('is partial when CI only runs tests, with a build-and-push job for its CI system', async () => {
    const gitlab = 'test:\n  script:\n    - pytest\n';
    const { result } = await evaluate(
      {
        '.gitlab-ci.yml': gitlab,
        'k8s/d.yaml': deployment('svc', 'registry.gitlab.com/org/svc:1.0.0'),
      },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('CI runs tests only');
    expect(result.remediation?.snippet).toMatchObject({
      path: '.gitlab-ci.yml',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'docker push "registry.gitlab.com/org/svc:$CI_COMMIT_SHA"',
    );
  });

  it('is partial when CI builds but does not push', async () => {
    const gha =
      'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t svc:dev .\n';
    const { result } = await evaluate(
      { '.github/workflows/ci.yml': gha },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('does not push');
  });

  it('fails without CI, suggesting a workflow', async () => {
    const { result } = await evaluate(
      { Dockerfile: MULTI, 'package.json': '{"name":"svc"}', 'server.js': '' },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet).toMatchObject({
      path: '.github/workflows/build.yml',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'npm ci && npm test',
    );
  });
});

describe('f5-build-release-run.immutable-image', () => {
  it('passes when every image is pinned', async () => {
    const files = {
      'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:4b8e1f0c7a2d9e3b'),
      'k8s/b.yaml': deployment(
        'redis',
        'redis:7.4.1-alpine',
        '',
        'StatefulSet',
      ),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.immutable-image',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial when CI pushes a commit tag but the manifests deploy :latest', async () => {
    const files = {
      '.github/workflows/build.yml': GHA_SHA_AND_LATEST,
      'kubernetes/overlays/prod/kustomization.yaml': 'resources: [app.yaml]\n',
      'kubernetes/overlays/prod/app.yaml': deployment(
        'svc',
        'ghcr.io/org/svc:latest',
        'Always',
      ),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.immutable-image',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('although CI pushes a unique tag');
    expect(result.evidence[0]).toMatchObject({
      path: 'kubernetes/overlays/prod/app.yaml',
      note: expect.stringContaining('spec.template.spec.containers[0].image'),
    });
    expect(result.remediation?.snippet).toMatchObject({
      path: 'kubernetes/overlays/prod/kustomization.yaml',
    });
    expect(result.remediation?.snippet?.content).toContain(
      'name: ghcr.io/org/svc',
    );
  });

  it('fails when only :latest and untagged images run and nothing unique is pushed', async () => {
    const files = {
      'k8s/a.yaml': deployment('svc', 'registry.example.com/svc:latest'),
      'k8s/b.yaml': deployment('worker', 'registry.example.com/worker'),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.immutable-image',
    );
    expect(result.verdict).toBe('fail');
  });

  it('judges running pods in a cluster, and a floating third-party tag makes it partial', async () => {
    const meta =
      '\n  namespace: shop\n  labels: {backstage.io/kubernetes-id: svc}';
    const cluster = clusterOf(
      'aks',
      `${deployment(
        'svc',
        'ghcr.io/org/svc:v1.2.3',
        '',
        'Deployment',
        meta,
      )}---\n${deployment('redis', 'redis:7', '', 'StatefulSet', meta)}`,
    );
    const { result } = await evaluate(
      { 'main.py': '' },
      'f5-build-release-run.immutable-image',
      { clusters: [cluster] },
    );
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        type: 'cluster-object',
        kind: 'StatefulSet',
        name: 'redis',
        note: expect.stringContaining('floating tag 7'),
      }),
    );
    expect(result.remediation?.text).toContain('Pin redis:7');
  });

  it('is unknown without manifests or cluster', async () => {
    expect(
      (
        await evaluate(
          { Dockerfile: MULTI },
          'f5-build-release-run.immutable-image',
        )
      ).result.verdict,
    ).toBe('unknown');
  });
});

describe('f5-build-release-run.release-versioning', () => {
  it('reads a goreleaser release: its {{ .Version }} image tags are versions', async () => {
    const files = {
      '.github/workflows/release.yml':
        'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n',
      '.goreleaser.yaml':
        'dockers:\n  - image_templates:\n      - "ghcr.io/org/svc:{{ .Version }}"\n',
      'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:v1.4.0'),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('pass');
  });

  it('passes with version tags in CI and a semver image deployed', async () => {
    const files = {
      '.github/workflows/release.yml': GHA_RELEASE,
      'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:v1.4.0'),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/release.yml',
        startLine: 4,
      }),
    );
  });

  it('is partial with commit tags when :latest is also pushed', async () => {
    const files = {
      '.github/workflows/build.yml': GHA_SHA_AND_LATEST,
      'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:latest'),
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain(':latest is also pushed or deployed');
    expect(result.remediation?.snippet?.content).toContain("tags: ['v*.*.*']");
  });

  it('reads metadata-action raw tags: a version or commit variable is a unique tag, a fixed word is not', async () => {
    const workflow = `name: release
on:
  push:
    branches: [main]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/org/svc
          tags: |
            type=raw,value=\${{ steps.prep.outputs.VERSION }}
            type=raw,value=latest
            type=raw,value=edge
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ steps.meta.outputs.tags }}
`;
    const { result } = await evaluate(
      {
        '.github/workflows/release.yml': workflow,
        'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:latest'),
      },
      'f5-build-release-run.rollback',
    );
    // CI pushes a unique tag, so the previous release can be named.
    expect(result.verdict).toBe('partial');
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        note: 'CI pushes ${{ steps.prep.outputs.VERSION }}',
      }),
    );
  });

  it("takes metadata-action's default tags (the git tag on a tag push) for a unique tag", async () => {
    const workflow = `name: publish
on:
  push:
    tags: ['v*.*.*']
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - id: meta
        uses: docker/metadata-action@v5
        with:
          images: ghcr.io/org/svc
      - uses: docker/build-push-action@v6
        with:
          push: true
          tags: \${{ steps.meta.outputs.tags }}
`;
    const { result } = await evaluate(
      {
        '.github/workflows/publish.yml': workflow,
        'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:latest'),
      },
      'f5-build-release-run.rollback',
    );
    expect(result.verdict).toBe('partial');
  });

  it('takes a workflow run on GitHub releases for releases on version tags', async () => {
    const { result } = await evaluate(
      {
        '.github/workflows/publish.yml':
          'on:\n  release:\n    types: [published]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/org/svc:${{ github.event.release.tag_name }} .\n          docker push ghcr.io/org/svc:${{ github.event.release.tag_name }}\n',
        'k8s/a.yaml': deployment(
          'svc',
          'ghcr.io/org/svc@sha256:4b8e1f0c7a2d9e3b6f5a1c8d0e7b4a2f9c6d3e154b8e1f0c7a2d9e3b6f5a1c8d',
        ),
      },
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial with commit tags only', async () => {
    const files = {
      'k8s/a.yaml': deployment(
        'svc',
        'ghcr.io/org/svc:4b8e1f0c7a2d9e3b6f5a1c8d0e7b4a2f9c6d3e15',
      ),
      '.gitlab-ci.yml':
        'b:\n  script:\n    - docker build -t "$IMAGE:$CI_COMMIT_SHA" .\n    - docker push "$IMAGE:$CI_COMMIT_SHA"\n',
    };
    const { result } = await evaluate(
      files,
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('commit-SHA tags only');
  });

  it('fails when only :latest exists', async () => {
    const { result } = await evaluate(
      {
        'k8s/a.yaml': deployment('svc', 'registry.example.com/svc:latest'),
        Jenkinsfile:
          "pipeline { stages { stage('t') { steps { sh 'mvn test' } } } }\n",
      },
      'f5-build-release-run.release-versioning',
    );
    expect(result.verdict).toBe('fail');
    expect(result.remediation?.snippet?.path).toBe('Jenkinsfile');
  });
});

describe('f5-build-release-run.rollback', () => {
  it('passes when deployments name explicit versions', async () => {
    const { result } = await evaluate(
      {
        'k8s/a.yaml': deployment(
          'svc',
          'ghcr.io/org/svc:v1.4.0',
          'IfNotPresent',
        ),
      },
      'f5-build-release-run.rollback',
    );
    expect(result.verdict).toBe('pass');
  });

  it('is partial for :latest with imagePullPolicy Always when CI pushes commit tags, with a patch pinning the image', async () => {
    const files = {
      '.github/workflows/build.yml': GHA_SHA_AND_LATEST,
      'k8s/a.yaml': deployment('svc', 'ghcr.io/org/svc:latest', 'Always'),
    };
    const { result } = await evaluate(files, 'f5-build-release-run.rollback');
    expect(result.verdict).toBe('partial');
    expect(result.summary).toContain('imagePullPolicy Always');
    expect(result.remediation?.snippet?.content).toContain(
      'image: ghcr.io/org/svc:<commit-sha>',
    );
    expect(result.remediation?.snippet?.content).toContain(
      'imagePullPolicy: IfNotPresent',
    );
    expect(result.remediation?.text).toContain(
      'kubectl rollout undo deployment/svc',
    );
  });

  it('fails when no previous release can be named', async () => {
    const { result } = await evaluate(
      {
        'k8s/a.yaml': deployment(
          'svc',
          'registry.example.com/svc:latest',
          'Always',
        ),
      },
      'f5-build-release-run.rollback',
    );
    expect(result.verdict).toBe('fail');
  });

  it('is unknown without long-running workloads', async () => {
    const job =
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      containers:\n        - name: once\n          image: svc:latest\n';
    const { result } = await evaluate(
      { 'k8s/job.yaml': job },
      'f5-build-release-run.rollback',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('skaffold', () => {
  const SKAFFOLD = `apiVersion: skaffold/v4beta6
kind: Config
build:
  artifacts:
    - image: svc
      context: .
manifests:
  rawYaml: [k8s/*.yaml]
`;
  const CI = `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: skaffold run --default-repo=us-docker.pkg.dev/org/repo --tag=$GITHUB_SHA
`;
  const files = {
    'skaffold.yaml': SKAFFOLD,
    '.github/workflows/deploy.yml': CI,
    'k8s/app.yaml': deployment('svc', 'svc'),
  };

  it('counts skaffold run/build in CI as an image build and push, tagged by commit', async () => {
    const { result } = await evaluate(
      files,
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('pass');
    expect(result.evidence[0].note).toContain(
      '<each skaffold artifact>:$GITHUB_SHA',
    );
  });

  it('takes an untagged image that skaffold builds as written at deploy, not as a mutable tag', async () => {
    const immutable = await evaluate(
      files,
      'f5-build-release-run.immutable-image',
    );
    expect(immutable.result.verdict).toBe('pass');
    expect(immutable.result.evidence[0].note).toContain(
      'svc (tag and digest written at deploy by skaffold (skaffold.yaml))',
    );
    const rollback = await evaluate(files, 'f5-build-release-run.rollback');
    expect(rollback.result.verdict).toBe('pass');
    // The same untagged image without skaffold stays mutable.
    const plain = await evaluate(
      { 'k8s/app.yaml': deployment('svc', 'svc') },
      'f5-build-release-run.immutable-image',
    );
    expect(plain.result.verdict).toBe('fail');
  });
});
