import { evaluateCheck, serviceEntity, snapshotOf } from '../../__testUtils__';
import type { FactReader } from '../../engine/facts';
import { createTwelveFactorEngine } from '../../engine/createEngine';
import { ciFactRef } from './extractor';
import { cloudDeployDeclarations } from './cloudDeploy';
import { parsePipeline } from './parsePipelines';
import { deriveSignals } from './signals';

/** Steps of one Cloud Build file and their signals. */
function signalsOf(text: string, path = 'cloudbuild.yaml') {
  const { steps, triggers } = parsePipeline(path, 'cloud-build', text);
  return { steps, triggers, ...deriveSignals(steps) };
}

/** The CI fact of one scan (of a monorepo member when codeRoot is set). */
async function ciOf(files: Record<string, string>, codeRoot?: string) {
  let captured: FactReader | undefined;
  const engine = createTwelveFactorEngine({
    customChecks: [
      {
        id: 'f1-codebase.version-control',
        evaluate({ facts }) {
          captured = facts;
          return { verdict: 'pass', summary: '' };
        },
      },
    ],
  });
  await engine.evaluate({
    entity: serviceEntity('frontend'),
    repo: snapshotOf(files),
    ...(codeRoot ? { codeRoot } : {}),
  });
  return captured!.get(ciFactRef);
}

/** bank-of-anthos' src/<team>/cloudbuild.yaml, shortened. */
const SKAFFOLD_CLOUD_DEPLOY = `steps:
  - name: gcr.io/cloud-builders/gcloud
    args: ['storage', 'cp', $_CACHE_URI, '/workspace/cache']
  - name: gcr.io/k8s-skaffold/skaffold:v2.22.0
    args:
      - "skaffold"
      - "build"
      - "--file-output=/workspace/artifacts.json"
      - "--default-repo=$_CONTAINER_REGISTRY"
      - "--module=$_TEAM"
  - name: gcr.io/k8s-skaffold/skaffold:v2.22.0
    script: |
      #!/bin/bash
      cd /workspace/src/$TEAM
      skaffold test --build-artifacts=/workspace/artifacts.json
    env:
      - 'TEAM=$_TEAM'
  - name: gcr.io/cloud-builders/gcloud
    args:
      - "deploy"
      - "releases"
      - "create"
      - "$_TEAM-$SHORT_SHA"
      - "--delivery-pipeline=$_TEAM"
      - "--build-artifacts=/workspace/artifacts.json"
options:
  logging: CLOUD_LOGGING_ONLY
`;

const TERRAFORM_TARGETS = `resource "google_clouddeploy_delivery_pipeline" "delivery-pipeline" {
  name     = var.service
  serial_pipeline {
    dynamic "stages" {
      for_each = { for idx, target in var.targets : idx => target }
      content {
        target_id = stages.value.name
      }
    }
  }
}
`;
const TERRAFORM_STAGING = `resource "google_clouddeploy_target" "staging" {
  name     = "staging"
  gke {
    cluster = "projects/p/locations/l/clusters/staging"
  }
}

resource "google_clouddeploy_target" "production" {
  name             = "production"
  require_approval = true
}
`;

describe('Google Cloud Build', () => {
  it('reads steps with builder, entrypoint, args, script, dir, env and id, at the lines their commands start', () => {
    const { steps, triggers } = signalsOf(`substitutions:
  _IMAGE: gcr.io/p/web
steps:
  - id: build
    name: gcr.io/cloud-builders/docker
    args: ['build', '-t', '$_IMAGE:$SHORT_SHA', '.']
    dir: services/web
  - name: gcr.io/cloud-builders/npm
    entrypoint: bash
    args:
      - -c
      - |
        npm ci
        npm test
  - name: python:3.12
    script: |
      pip install -r requirements.txt
      pytest
    env: ['A=1', 'B=2']
images: ['$_IMAGE:$SHORT_SHA']
artifacts:
  objects:
    location: gs://bucket/
    paths: ['dist/*']
`);
    expect(triggers).toEqual(['push']);
    expect(steps).toEqual([
      {
        path: 'cloudbuild.yaml',
        system: 'cloud-build',
        line: 4,
        name: 'build',
        run: 'docker build -t $_IMAGE:$SHORT_SHA .',
        uses: 'gcr.io/cloud-builders/docker',
        workingDirectory: 'services/web',
      },
      {
        path: 'cloudbuild.yaml',
        system: 'cloud-build',
        line: 13,
        run: 'npm ci\nnpm test\n',
        uses: 'gcr.io/cloud-builders/npm',
      },
      {
        path: 'cloudbuild.yaml',
        system: 'cloud-build',
        line: 17,
        run: 'pip install -r requirements.txt\npytest\n',
        uses: 'python:3.12',
        with: { env: 'A=1\nB=2' },
      },
      {
        path: 'cloudbuild.yaml',
        system: 'cloud-build',
        line: 20,
        name: 'images',
        uses: 'cloud-build:images',
        with: { images: '$_IMAGE:$SHORT_SHA' },
      },
      {
        path: 'cloudbuild.yaml',
        system: 'cloud-build',
        line: 22,
        name: 'artifacts',
        uses: 'cloud-build:artifacts',
        with: { objects: '{"location":"gs://bucket/","paths":["dist/*"]}' },
      },
    ]);
  });

  it('sees the docker builder build and push, and the tests', () => {
    const s = signalsOf(`steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'gcr.io/$PROJECT_ID/web:$SHORT_SHA', '.']
  - name: gcr.io/cloud-builders/docker
    args: ['push', 'gcr.io/$PROJECT_ID/web:$SHORT_SHA']
`);
    expect(s.builds).toEqual([
      {
        path: 'cloudbuild.yaml',
        line: 2,
        text: 'docker build -t gcr.io/$PROJECT_ID/web:$SHORT_SHA .',
        tags: ['gcr.io/$PROJECT_ID/web:$SHORT_SHA'],
        pushes: true,
      },
    ]);
  });

  it('counts the images: list as the push of the images the steps built', () => {
    const s = signalsOf(`steps:
  - name: gcr.io/cloud-builders/docker
    args: ['build', '-t', 'gcr.io/$PROJECT_ID/web:$COMMIT_SHA', '.']
images:
  - gcr.io/$PROJECT_ID/web:$COMMIT_SHA
`);
    expect(s.builds).toHaveLength(1);
    expect(s.builds[0]).toMatchObject({ line: 2, pushes: true });
  });

  it('sees kaniko, skaffold and pack builders, and skaffold build --push=false as no push', () => {
    const s = signalsOf(`steps:
  - name: gcr.io/kaniko-project/executor:latest
    args: ['--destination=gcr.io/p/a:$SHORT_SHA', '--cache=true']
  - name: gcr.io/k8s-skaffold/skaffold
    args: ['skaffold', 'build', '--default-repo=gcr.io/p']
  - name: gcr.io/k8s-skaffold/pack
    entrypoint: pack
    args: ['build', 'gcr.io/p/b', '--builder=gcr.io/buildpacks/builder', '--publish']
  - name: gcr.io/k8s-skaffold/skaffold
    script: skaffold build --push=false
`);
    expect(s.builds.map(b => [b.line, b.pushes])).toEqual([
      [2, true],
      [4, true],
      [6, true],
      [10, false],
    ]);
    expect(s.builds[0].text).toBe(
      '/kaniko/executor --destination=gcr.io/p/a:$SHORT_SHA --cache=true',
    );
  });

  it('recognises Cloud Deploy releases, Cloud Run and gke-deploy as deploys', () => {
    const s = signalsOf(SKAFFOLD_CLOUD_DEPLOY);
    expect(s.builds).toHaveLength(1);
    expect(s.builds[0]).toMatchObject({ line: 4, pushes: true });
    expect(s.deploys).toEqual([
      expect.objectContaining({
        line: 18,
        tool: 'cloud-deploy',
        deliveryPipeline: '$_TEAM',
      }),
    ]);
    const other = signalsOf(`steps:
  - name: gcr.io/google.com/cloudsdktool/cloud-sdk
    entrypoint: gcloud
    args: ['run', 'deploy', 'web', '--image', 'gcr.io/p/web:$SHORT_SHA', '--region', 'europe-west1']
  - name: gcr.io/cloud-builders/gke-deploy
    args: ['run', '--filename=k8s/', '--location=europe-west1', '--cluster=prod']
  - name: gcr.io/cloud-builders/gcloud
    args: ['deploy', 'releases', 'promote', '--release=r1', '--delivery-pipeline', 'web']
  - name: gcr.io/cloud-builders/gcloud
    args: ['deploy', 'apply', '--file=clouddeploy.yaml']
`);
    expect(
      other.deploys.map(d => [d.line, d.tool, d.deliveryPipeline]),
    ).toEqual([
      [2, 'cloud-run', undefined],
      [5, 'gke-deploy', undefined],
      [7, 'cloud-deploy', 'web'],
    ]);
  });

  it('recognises the Google deploy actions of GitHub workflows', () => {
    const { steps } = parsePipeline(
      '.github/workflows/deploy.yml',
      'github-actions',
      `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/create-cloud-deploy-release@v0
        with:
          name: rel-\${{ github.sha }}
          delivery_pipeline: web
      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: web
`,
    );
    expect(
      deriveSignals(steps).deploys.map(d => [
        d.line,
        d.tool,
        d.deliveryPipeline,
      ]),
    ).toEqual([
      [6, 'cloud-deploy', 'web'],
      [10, 'cloud-run', undefined],
    ]);
  });

  it("takes a Cloud Deploy release's environments from the delivery pipeline's targets (Terraform or clouddeploy.yaml)", async () => {
    const terraform = await ciOf({
      'cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY,
      'iac/delivery.tf': TERRAFORM_TARGETS,
      'iac/targets.tf': TERRAFORM_STAGING,
    });
    expect(terraform.deploys[0]).toMatchObject({
      tool: 'cloud-deploy',
      environments: ['staging', 'production'],
      environmentsDeclared: [
        { name: 'staging', path: 'iac/targets.tf', line: 1 },
        { name: 'production', path: 'iac/targets.tf', line: 8 },
      ],
    });
    expect(terraform.environments).toEqual(['production', 'staging']);

    const yaml = await ciOf({
      'cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY.replace(
        '$_TEAM"\n      - "--build',
        '${_PIPELINE}"\n      - "--build',
      ).replace('options:', 'substitutions:\n  _PIPELINE: web\noptions:'),
      'deploy/clouddeploy.yaml': `apiVersion: deploy.cloud.google.com/v1
kind: DeliveryPipeline
metadata:
  name: web
serialPipeline:
  stages:
    - targetId: dev
    - targetId: prod
---
apiVersion: deploy.cloud.google.com/v1
kind: DeliveryPipeline
metadata:
  name: other
serialPipeline:
  stages:
    - targetId: qa
`,
    });
    expect(yaml.deploys[0]).toMatchObject({
      deliveryPipeline: '${_PIPELINE}',
      environments: ['dev', 'prod'],
    });
    expect(yaml.deploys[0].environmentsDeclared?.map(t => t.line)).toEqual([
      7, 8,
    ]);
  });

  it('reads Terraform stages with literal target ids', () => {
    const declared = cloudDeployDeclarations(
      snapshotOf({
        'main.tf': `resource "google_clouddeploy_delivery_pipeline" "p" {
  name = "web"
  serial_pipeline {
    stages {
      target_id = "staging"
    }
    stages {
      target_id = "prod"
    }
  }
}
`,
      }),
    );
    expect(declared.pipelines).toEqual([
      {
        name: 'web',
        dynamic: false,
        targets: [
          { name: 'staging', path: 'main.tf', line: 5 },
          { name: 'prod', path: 'main.tf', line: 8 },
        ],
      },
    ]);
  });

  it('scores a Cloud Build pipeline that builds, pushes and releases through Cloud Deploy', async () => {
    const files = {
      Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n',
      'app.py': 'print(1)\n',
      'cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY,
      'skaffold.yaml':
        'apiVersion: skaffold/v4beta1\nkind: Config\nbuild:\n  artifacts:\n  - image: svc\n',
      'iac/delivery.tf': TERRAFORM_TARGETS,
      'iac/targets.tf': TERRAFORM_STAGING,
    };
    const verdict = async (id: string) =>
      (await evaluateCheck(files, id)).result;
    expect((await verdict('f5-build-release-run.ci-pipeline')).verdict).toBe(
      'pass',
    );
    expect((await verdict('cn-cicd.automated-build')).verdict).toBe('pass');
    const deploy = await verdict('cn-cicd.automated-deploy');
    expect(deploy.verdict).toBe('pass');
    expect(deploy.summary).toContain('cloud-deploy');
    const envs = await verdict('cn-cicd.environment-separation');
    expect(envs.verdict).toBe('pass');
    expect(envs.summary).toContain('2 environments (prod, staging)');
    expect(envs.evidence.map(e => e.note)).toEqual([
      'Cloud Deploy release through delivery pipeline $_TEAM: targets staging → production',
      'Cloud Deploy target staging',
      'Cloud Deploy target production',
    ]);

    // Targets declared outside the repository: the environments are not known.
    const { result } = await evaluateCheck(
      { ...files, 'iac/delivery.tf': '', 'iac/targets.tf': '' },
      'cn-cicd.environment-separation',
    );
    expect(result.verdict).toBe('unknown');
    expect(result.summary).toContain('Cloud Deploy');
  });

  it('suggests Cloud Build steps for a Cloud Build pipeline that builds no image', async () => {
    const { result } = await evaluateCheck(
      {
        'app.py': 'print(1)\n',
        'cloudbuild.yaml':
          'steps:\n  - name: python:3.12\n    script: pip install -r requirements.txt && pytest\n',
      },
      'f5-build-release-run.ci-pipeline',
    );
    expect(result.verdict).toBe('partial');
    expect(result.remediation?.snippet).toMatchObject({
      path: 'cloudbuild.yaml',
      action: 'modify',
    });
    expect(result.remediation?.snippet?.content).toContain(
      "args: ['build', '-t', '<registry>/svc:$COMMIT_SHA', '.']",
    );
  });

  it("gives a monorepo member its own folder's cloudbuild.yaml and the shared ones, not its neighbours'", async () => {
    const files = {
      'src/frontend/app.py': 'print(1)\n',
      'src/frontend/Dockerfile': 'FROM python:3.12\n',
      'src/frontend/cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY,
      'src/accounts/userservice/app.py': 'print(1)\n',
      'src/accounts/userservice/Dockerfile': 'FROM python:3.12\n',
      'src/accounts/cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY,
      '.github/cloudbuild/ci-pr.yaml': `steps:
  - name: gcr.io/cloud-builders/docker
    dir: src/accounts/userservice
    args: ['build', '-t', 'userservice', '.']
  - name: gcr.io/cloud-builders/docker
    dir: src/frontend
    args: ['build', '-t', 'frontend', '.']
`,
      'cloudbuild/README.yaml': 'title: not a build\n',
      'docs/cloudbuild.yaml': SKAFFOLD_CLOUD_DEPLOY,
    };
    const frontend = await ciOf(files, 'src/frontend');
    expect(frontend.files.map(f => f.path)).toEqual([
      '.github/cloudbuild/ci-pr.yaml',
      'src/frontend/cloudbuild.yaml',
    ]);
    expect(frontend.builds.map(b => `${b.path}:${b.line}`)).toEqual([
      '.github/cloudbuild/ci-pr.yaml:5',
      'src/frontend/cloudbuild.yaml:4',
    ]);
    const user = await ciOf(files, 'src/accounts/userservice');
    expect(user.files.map(f => f.path)).toEqual([
      '.github/cloudbuild/ci-pr.yaml',
      'src/accounts/cloudbuild.yaml',
    ]);
    expect(user.builds.map(b => `${b.path}:${b.line}`)).toEqual([
      '.github/cloudbuild/ci-pr.yaml:2',
      'src/accounts/cloudbuild.yaml:4',
    ]);
  });
});
