import { evaluateCheck } from '../../__testUtils__';
import { parsePipeline } from './parsePipelines';
import { deriveSignals } from './signals';
import type { CiStep } from './types';

/** Steps of one definition, as the CI fact reads them, and their signals. */
function signalsOf(path: string, system: CiStep['system'], text: string) {
  const { steps } = parsePipeline(path, system, text);
  return { steps, ...deriveSignals(steps) };
}

const step = (run: string): CiStep => ({
  path: '.github/workflows/ci.yml',
  system: 'github-actions',
  run,
  line: 10,
});

describe('CI signals', () => {
  it('keeps GitHub expressions whole in image tags', () => {
    const s = deriveSignals([
      step(
        'docker build -t $REGISTRY/$IMAGE:${{ github.sha }} -t $REGISTRY/$IMAGE:latest .\ndocker push $REGISTRY/$IMAGE:${{ github.sha }}',
      ),
    ]);
    expect(s.builds).toHaveLength(1);
    expect(s.builds[0].tags).toEqual([
      '$REGISTRY/$IMAGE:${{ github.sha }}',
      '$REGISTRY/$IMAGE:latest',
    ]);
    expect(s.builds[0].pushes).toBe(true);
  });

  it('sees rollback commands with flags between kubectl and rollout', () => {
    const s = deriveSignals([
      step(
        'kubectl -n "$NS" rollout status deploy/web || kubectl -n "$NS" rollout undo deploy/web',
      ),
    ]);
    expect(s.rollbacks).toHaveLength(1);
    expect(s.deploys.map(d => d.tool)).toEqual(['kubectl']);
  });

  it('does not take an apply to a cluster the job creates itself (kind, k3d, minikube) for a deploy', () => {
    const workflow = `on: push
jobs:
  e2e:
    runs-on: ubuntu-latest
    steps:
      - uses: helm/kind-action@v1
      - run: kubectl apply -f k8s/
  smoke:
    runs-on: ubuntu-latest
    steps:
      - run: k3d cluster create test && helm upgrade --install app ./chart
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -k k8s/overlays/prod
`;
    const s = signalsOf('.github/workflows/ci.yml', 'github-actions', workflow);
    expect(s.deploys.map(d => d.text)).toEqual([
      'kubectl apply -k k8s/overlays/prod',
    ]);
  });

  it('finds scanners, tests and environments', () => {
    const s = deriveSignals([
      {
        ...step(
          'trivy image --exit-code 1 shop/web:1.0.0\nhelm upgrade --install web ./chart',
        ),
        job: 'release',
        environment: 'production',
      },
      {
        ...step(
          'go test ./...\nOVERLAY=staging kubectl apply -k overlays/$OVERLAY',
        ),
        job: 'staging',
      },
      // An environment (or selection) of a job that deploys nothing is none the pipeline deploys to.
      { ...step('OVERLAY=qa make e2e'), job: 'e2e', environment: 'test' },
    ]);
    expect(s.scanners.map(x => x.tool)).toEqual(['trivy']);
    expect(s.tests).toHaveLength(1);
    expect(s.environments).toEqual(['production', 'staging']);
  });

  it('reads a scanner run as a container (docker run aquasec/trivy:<version> image)', () => {
    const s = deriveSignals([
      step(
        'docker run --rm -v /var/run/docker.sock:/var/run/docker.sock aquasec/trivy:0.69.1 image --exit-code 1 app:ci',
      ),
    ]);
    expect(s.scanners.map(x => x.tool)).toEqual(['trivy']);
  });

  it('does not take a configuration (IaC) scan for a scan of images or packages', () => {
    const s = signalsOf(
      '.github/workflows/audit.yml',
      'github-actions',
      `on: push
jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: aquasecurity/trivy-action@0.28.0
        with:
          scan-type: config
          scan-ref: ./infra/terraform
      - run: trivy config ./k8s && snyk iac test ./infra
`,
    );
    expect(s.scanners).toEqual([]);
    const image = signalsOf(
      '.github/workflows/scan.yml',
      'github-actions',
      `on: push
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: aquasecurity/trivy-action@0.28.0
        with:
          image-ref: ghcr.io/acme/api:\${{ github.sha }}
`,
    );
    expect(image.scanners.map(x => x.tool)).toEqual(['trivy']);
  });

  it('reads docker compose builds and registry-side tagging (buildx imagetools create) as image builds', () => {
    const s = deriveSignals([
      step('docker-compose build\ndocker-compose push'),
      step(
        'docker buildx imagetools create -t acme/app:${RELEASE} acme/app@sha256:abc',
      ),
    ]);
    expect(s.builds.map(b => [b.text, b.pushes])).toEqual([
      ['docker-compose build', true],
      [
        'docker buildx imagetools create -t acme/app:${RELEASE} acme/app@sha256:abc',
        true,
      ],
    ]);
    expect(s.builds[1].tags).toContain('acme/app:${RELEASE}');
  });

  it('tells scanner commands from look-alikes and joins continued commands', () => {
    const s = deriveSignals([
      step(
        'snyk test --all-projects\nsnyk auth $TOKEN\ndocker scout cves \\\n  shop/web:1.0.0',
      ),
    ]);
    expect(s.scanners.map(x => [x.tool, x.line, x.text])).toEqual([
      ['snyk', 11, 'snyk test --all-projects'],
      ['docker-scout', 13, 'docker scout cves    shop/web:1.0.0'],
    ]);
  });
});

describe('conditional pushes', () => {
  const gha = (steps: string, jobIf = '') =>
    `on: [push, pull_request]\njobs:\n  image:\n    runs-on: ubuntu-latest\n${jobIf}    steps:\n      - uses: actions/checkout@v4\n${steps}`;

  it.each([
    ["${{ startsWith(github.ref, 'refs/tags/') }}"],
    ["${{ github.event_name != 'pull_request' }}"],
    ["${{ github.ref == 'refs/heads/main' }}"],
    ['${{ inputs.push }}'],
  ])(
    'reads an expression-valued push: %s of docker/build-push-action as a conditional push',
    expression => {
      const s = signalsOf(
        '.github/workflows/image.yml',
        'github-actions',
        gha(
          `      - uses: docker/build-push-action@v6\n        with:\n          push: ${expression}\n          tags: ghcr.io/org/app:\${{ github.sha }}\n`,
        ),
      );
      expect(s.builds).toEqual([
        expect.objectContaining({ pushes: true, pushCondition: expression }),
      ]);
    },
  );

  it('keeps push: false and an absent push as no push, and reads outputs type=registry as one', () => {
    const no = signalsOf(
      '.github/workflows/ci.yml',
      'github-actions',
      gha(
        '      - uses: docker/build-push-action@v6\n        with:\n          push: false\n      - uses: docker/build-push-action@v6\n        with:\n          load: true\n',
      ),
    );
    expect(no.builds.map(b => b.pushes)).toEqual([false, false]);
    const outputs = signalsOf(
      '.github/workflows/ci.yml',
      'github-actions',
      gha(
        '      - uses: docker/build-push-action@v6\n        with:\n          outputs: type=image,name=ghcr.io/org/app,push=true\n',
      ),
    );
    expect(outputs.builds[0]).toMatchObject({ pushes: true });
    expect(outputs.builds[0].pushCondition).toBeUndefined();
  });

  it('reads `docker push` under a step or job if: as a push on that condition', () => {
    const underStepIf = signalsOf(
      '.github/workflows/ci.yml',
      'github-actions',
      gha(
        "      - run: docker build -t ghcr.io/org/app:${{ github.ref_name }} .\n      - if: startsWith(github.ref, 'refs/tags/v')\n        run: docker push ghcr.io/org/app:${{ github.ref_name }}\n",
      ),
    );
    expect(underStepIf.builds).toEqual([
      expect.objectContaining({
        pushes: true,
        pushCondition: "startsWith(github.ref, 'refs/tags/v')",
      }),
    ]);
    const job = signalsOf(
      '.github/workflows/release.yml',
      'github-actions',
      gha(
        '      - run: |\n          docker build -t org/app:$TAG .\n          docker push org/app:$TAG\n',
        "    if: github.event_name == 'release'\n",
      ),
    );
    expect(job.builds).toEqual([
      expect.objectContaining({
        pushes: true,
        pushCondition: "github.event_name == 'release'",
      }),
    ]);
  });

  it('reads a shell if around docker push as a push', () => {
    const s = signalsOf(
      '.github/workflows/ci.yml',
      'github-actions',
      gha(
        '      - run: |\n          docker build -t org/app:$GITHUB_SHA .\n          if [ "$GITHUB_REF_TYPE" = tag ]; then docker push org/app:$GITHUB_SHA; fi\n',
      ),
    );
    expect(s.builds).toEqual([expect.objectContaining({ pushes: true })]);
  });

  it('reads GitLab rules:, only: tags and except: as the condition of the job that pushes', () => {
    const s = signalsOf(
      '.gitlab-ci.yml',
      'gitlab-ci',
      [
        'build:',
        '  script:',
        '    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .',
        'release:',
        '  only:',
        '    - tags',
        '  script:',
        '    - docker tag $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA $CI_REGISTRY_IMAGE:$CI_COMMIT_TAG',
        '    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_TAG',
        'kaniko:',
        '  rules:',
        '    - if: $CI_COMMIT_TAG',
        '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
        '      when: never',
        '  script:',
        '    - /kaniko/executor --context . --destination $CI_REGISTRY_IMAGE:$CI_COMMIT_TAG',
        '',
      ].join('\n'),
    );
    expect(
      s.builds.map(b => [b.pushes, b.pushCondition, b.tags.at(-1)]),
    ).toEqual([
      [true, 'only: tags', '$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG'],
      [true, '$CI_COMMIT_TAG', undefined],
    ]);
  });

  it('reads an Azure condition: and a separate Docker@2 push task', () => {
    const s = signalsOf(
      'azure-pipelines.yml',
      'azure-pipelines',
      [
        'steps:',
        '  - task: Docker@2',
        '    inputs:',
        '      command: build',
        '      repository: app',
        '      tags: $(Build.BuildId)',
        '  - task: Docker@2',
        "    condition: startsWith(variables['Build.SourceBranch'], 'refs/tags/')",
        '    inputs:',
        '      command: push',
        '      repository: app',
        '      tags: $(Build.BuildId)',
        '',
      ].join('\n'),
    );
    expect(s.builds).toEqual([
      expect.objectContaining({
        pushes: true,
        pushCondition:
          "startsWith(variables['Build.SourceBranch'], 'refs/tags/')",
      }),
    ]);
  });

  it.each([
    ['docker buildx build --push -t org/app:1.0.0 .', true],
    ['docker buildx build --output type=registry -t org/app:1.0.0 .', true],
    ['docker buildx build -o type=registry -t org/app:1.0.0 .', true],
    ['docker buildx build --load -t org/app:1.0.0 .', false],
    ['/kaniko/executor --destination org/app:1.0.0 --no-push', false],
    ['pack build org/app:1.0.0 --publish', true],
    ['mvn compile jib:dockerBuild', false],
    ['mvn compile jib:build', true],
    ['ko build --push=false ./cmd/app', false],
  ])('%s pushes: %s', (command, pushes) => {
    const s = deriveSignals([step(command)]);
    expect(s.builds.map(b => b.pushes)).toEqual([pushes]);
  });

  it.each([
    'docker image push org/app:1.0.0',
    'podman push --tls-verify=false org/app:1.0.0',
    'buildah push org/app:1.0.0',
    'docker compose -f compose.prod.yml push',
    'skopeo copy docker-archive:app.tar docker://org/app:1.0.0',
    'crane push app.tar org/app:1.0.0',
    'make docker-push IMG=org/app:1.0.0',
  ])('%s is a push', command => {
    const s = deriveSignals([
      step(`docker build -t org/app:1.0.0 .\n${command}`),
    ]);
    expect(s.builds.map(b => b.pushes)).toEqual([true]);
  });

  it('passes f5-build-release-run.ci-pipeline for a workflow that pushes on tags only, alone in a repository without an entity location', async () => {
    const { result } = await evaluateCheck(
      {
        '.github/workflows/release.yml': gha(
          "      - uses: docker/metadata-action@v5\n        id: meta\n        with:\n          images: ghcr.io/org/app\n          tags: type=semver,pattern={{version}}\n      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ startsWith(github.ref, 'refs/tags/') }}\n          tags: ${{ steps.meta.outputs.tags }}\n",
        ),
      },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain(
      "only when ${{ startsWith(github.ref, 'refs/tags/') }}",
    );
    expect(result.evidence[0].note).toContain('pushes only when');
  });
});

describe('Drone', () => {
  it("reads steps' commands as shell and the docker plugin as an image build that pushes its repo with each tag, and the git tag with auto_tag", () => {
    const s = signalsOf(
      '.drone.yml',
      'drone',
      `kind: pipeline
name: default
trigger:
  event: [push, tag]
steps:
  - name: test
    image: node:20
    commands:
      - npm ci
      - npm test
  - name: image
    image: plugins/docker
    settings:
      repo: registry.example.com/api
      tags:
        - \${DRONE_COMMIT_SHA:0:8}
        - latest
  - name: release
    image: plugins/docker
    settings:
      repo: registry.example.com/api
      autotag: true
    when:
      event: [tag]
`,
    );
    expect(s.tests.map(t => t.text)).toEqual(['npm test']);
    expect(s.builds.map(b => [b.tags, b.pushes])).toEqual([
      [
        [
          'registry.example.com/api:${DRONE_COMMIT_SHA:0:8}',
          'registry.example.com/api:latest',
        ],
        true,
      ],
      [
        [
          'registry.example.com/api:latest',
          'registry.example.com/api:$DRONE_TAG',
        ],
        true,
      ],
    ]);
  });
});

describe('Travis CI', () => {
  it('reads the commands of each phase, at the top level and per included job', () => {
    const s = signalsOf(
      '.travis.yml',
      'travis',
      `language: java
services: [docker]
script:
  - mvn -B test
after_success:
  - docker build -t acme/account-service:$COMMIT account-service
  - docker push acme/account-service:$COMMIT
jobs:
  include:
    - name: lint
      script: npm run lint
`,
    );
    expect(s.tests.map(t => t.text)).toEqual(['mvn -B test']);
    expect(s.builds.map(b => [b.tags, b.pushes])).toEqual([
      [['acme/account-service:$COMMIT'], true],
    ]);
  });
});
