import { ciSystemOf } from './ciFiles';

describe('ciSystemOf', () => {
  it.each([
    ['.github/workflows/ci.yml', 'github-actions'],
    ['.github/workflows/Jenkinsfile.yml', 'github-actions'],
    ['.gitlab-ci.yml', 'gitlab-ci'],
    ['ops/azure-pipelines.prod.yaml', 'azure-pipelines'],
    ['Jenkinsfile', 'jenkins'],
    ['ci/Jenkinsfile.release', 'jenkins'],
    ['Jenkinsfile.yml', 'jenkins'],
    ['NotAJenkinsfile', undefined],
    ['.circleci/config.yml', 'circleci'],
    ['.drone.yml', 'drone'],
    ['.github/workflows/readme.md', undefined],
    ['src/app.py', undefined],
  ])('%s is %s', (path, system) => {
    expect(ciSystemOf(path)).toBe(system);
  });
});
