import { ciSystemOf, codefreshDefinition } from './ciFiles';

describe('ciSystemOf', () => {
  it.each([
    ['.github/workflows/ci.yml', 'github-actions'],
    ['.github/workflows/Jenkinsfile.yml', 'github-actions'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    // Included with include: local from .gitlab-ci.yml.
    ['.gitlab/build-image.yml', 'gitlab-ci'],
    ['.gitlab/ci/test.yml', 'gitlab-ci'],
    ['ops/azure-pipelines.prod.yaml', 'azure-pipelines'],
    ['Jenkinsfile', 'jenkins'],
    ['ci/Jenkinsfile.release', 'jenkins'],
    ['Jenkinsfile.yml', 'jenkins'],
    ['NotAJenkinsfile', undefined],
    ['.circleci/config.yml', 'circleci'],
    ['.drone.yml', 'drone'],
    ['.github/workflows/readme.md', undefined],
    ['src/app.py', undefined],
    ['cloudbuild.yaml', 'cloud-build'],
    ['src/frontend/cloudbuild.yaml', 'cloud-build'],
    ['deploy/cloudbuild-release.yml', 'cloud-build'],
    ['.github/cloudbuild/ci-pr.yaml', 'cloud-build'],
    ['docs/cloudbuild.yaml', undefined],
    ['examples/app/cloudbuild.yaml', undefined],
    ['tests/cloudbuild.yaml', undefined],
    ['mycloudbuild.yaml', undefined],
    ['codefresh.yml', 'codefresh'],
    ['codefresh/codefresh-master.yml', 'codefresh'],
    ['.codefresh/release.yaml', 'codefresh'],
    ['docs/codefresh.yml', undefined],
  ])('%s is %s', (path, system) => {
    expect(ciSystemOf(path)).toBe(system);
  });
});

describe('codefreshDefinition', () => {
  it('takes a file with steps (top-level, or a pipeline spec) for a pipeline', () => {
    expect(codefreshDefinition('steps:\n  b:\n    type: build\n')).toBe(true);
    expect(
      codefreshDefinition('kind: pipeline\nspec:\n  steps:\n    b: {}\n'),
    ).toBe(true);
    expect(codefreshDefinition('values:\n  image: x\n')).toBe(false);
  });
});
