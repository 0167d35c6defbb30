import type { RemediationSnippet } from '@internal/plugin-twelve-factor-common';
import type { Entity } from '@backstage/catalog-model';
import type { FactReader } from '../../engine/facts';
import { codeFactRef } from '../../facts/code/extractor';
import type { CiSystem } from '../../facts/ciFiles';
import { catalogFactRef } from '../../facts/catalog';
import { UnknownVerdictError } from '../../engine/facts';
import { objectSets } from '../../facts/objectSets';
import { imageUses, ownImage } from './images';

/** The CI system that fits where the code lives. */
export function ciSystemFor(sourceLocation: string | undefined): CiSystem {
  if (/gitlab/i.test(sourceLocation ?? '')) return 'gitlab-ci';
  if (/dev\.azure\.com|visualstudio\.com/i.test(sourceLocation ?? ''))
    return 'azure-pipelines';
  if (/bitbucket/i.test(sourceLocation ?? '')) return 'bitbucket-pipelines';
  return 'github-actions';
}

const TEST_COMMANDS: Record<string, string> = {
  python: 'pip install -r requirements.txt && pytest',
  javascript: 'npm ci && npm test',
  go: 'go test ./...',
  java: 'mvn -B verify',
};

/** The repository (without tag) of the service's own image, from what is deployed; a placeholder otherwise. */
export function ownImageName(facts: FactReader, entity: Entity): string {
  try {
    const own = ownImage(entity, []);
    for (const set of objectSets(facts)) {
      const use = imageUses(set).find(u => own(u.ref));
      if (use) return use.ref.repository;
    }
  } catch (e) {
    if (!(e instanceof UnknownVerdictError)) throw e;
  }
  return `<registry>/${entity.metadata.name}`;
}

/** A pipeline that tests, then builds and pushes the image tagged with the commit SHA (and the version on tags). */
export function pipelineSnippet(
  facts: FactReader,
  entity: Entity,
  system?: CiSystem,
): RemediationSnippet {
  const image = ownImageName(facts, entity);
  const language = facts.tryGet(codeFactRef)?.languages[0];
  const test = (language && TEST_COMMANDS[language]) || 'make test';
  const registry = image.includes('/') ? image.split('/')[0] : '<registry>';
  switch (system ?? ciSystemFor(facts.tryGet(catalogFactRef)?.sourceLocation)) {
    case 'gitlab-ci':
      return {
        language: 'yaml',
        path: '.gitlab-ci.yml',
        action: 'create',
        content: `stages: [test, build]\n\ntest:\n  stage: test\n  script:\n    - ${test}\n\nbuild-image:\n  stage: build\n  image: docker:27\n  services: [docker:27-dind]\n  script:\n    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"\n    - docker build -t "${image}:$CI_COMMIT_SHA" .\n    - docker push "${image}:$CI_COMMIT_SHA"\n    - if [ -n "$CI_COMMIT_TAG" ]; then docker tag "${image}:$CI_COMMIT_SHA" "${image}:$CI_COMMIT_TAG" && docker push "${image}:$CI_COMMIT_TAG"; fi\n`,
      };
    case 'jenkins':
      return {
        language: 'text',
        path: 'Jenkinsfile',
        action: 'modify',
        content: `stage('Image') {\n    steps {\n        sh 'docker build -t ${image}:\${GIT_COMMIT} .'\n        sh 'docker push ${image}:\${GIT_COMMIT}'\n    }\n}\n`,
      };
    case 'azure-pipelines':
      return {
        language: 'yaml',
        path: 'azure-pipelines.yml',
        action: 'create',
        content: `trigger:\n  branches: {include: [main]}\n  tags: {include: ['v*']}\nsteps:\n  - script: ${test}\n  - task: Docker@2\n    inputs:\n      command: buildAndPush\n      containerRegistry: <service-connection>\n      repository: ${
          image.split('/').slice(1).join('/') || entity.metadata.name
        }\n      tags: |\n        $(Build.SourceVersion)\n`,
      };
    default:
      return {
        language: 'yaml',
        path: '.github/workflows/build.yml',
        action: 'create',
        content: `name: build\non:\n  push:\n    branches: [main]\n    tags: ['v*.*.*']\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${test}\n  image:\n    needs: test\n    if: github.event_name == 'push'\n    runs-on: ubuntu-latest\n    permissions: {contents: read, packages: write}\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker/login-action@v3\n        with:\n          registry: ${registry}\n          username: \${{ secrets.REGISTRY_USERNAME }}\n          password: \${{ secrets.REGISTRY_PASSWORD }}\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            ${image}:\${{ github.sha }}\n            \${{ startsWith(github.ref, 'refs/tags/') && format('${image}:{0}', github.ref_name) || '' }}\n`,
      };
  }
}
