import { parsePipeline } from './parsePipelines';
import { deriveSignals } from './signals';
import type { CiStep } from './types';

function signalsOf(path: string, system: CiStep['system'], text: string) {
  const { steps } = parsePipeline(path, system, text);
  return deriveSignals(steps);
}

describe('Docker Compose and Swarm deploys from CI', () => {
  it('sees a compose up over ssh with its environment file, and the environment it names', () => {
    const s = signalsOf(
      '.github/workflows/deploy.yml',
      'github-actions',
      [
        'on: { push: { branches: [main] } }',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: |',
        '          ssh deploy@app.example.com "cd /srv/app && docker compose -f docker-compose.yml -f docker-compose.prod.yml pull && docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d"',
      ].join('\n'),
    );
    expect(s.deploys).toHaveLength(1);
    expect(s.deploys[0]).toMatchObject({
      tool: 'docker-compose',
      composeFiles: ['docker-compose.yml', 'docker-compose.prod.yml'],
      environment: 'prod',
      job: 'deploy',
    });
    expect(s.environments).toEqual(['prod']);
  });

  it('sees docker stack deploy and a compose up through a docker context, with the job environment', () => {
    const s = signalsOf(
      '.gitlab-ci.yml',
      'gitlab-ci',
      [
        'deploy_staging:',
        '  stage: deploy',
        '  environment: staging',
        '  script:',
        '    - docker context use staging',
        '    - docker compose up -d',
        'deploy_prod:',
        '  stage: deploy',
        '  script:',
        '    - docker stack deploy -c stack.production.yml --with-registry-auth shop',
      ].join('\n'),
    );
    expect(s.deploys.map(d => [d.tool, d.environment, d.composeFiles])).toEqual(
      [
        ['docker-compose', 'staging', []],
        ['docker-stack', 'prod', ['stack.production.yml']],
      ],
    );
    expect(s.environments).toEqual(['prod', 'staging']);
  });

  it('does not take a compose up on the runner for tests as a deploy', () => {
    const s = signalsOf(
      '.github/workflows/ci.yml',
      'github-actions',
      [
        'on: [push]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: docker compose -f docker-compose.yml -f docker-compose.test.yml up -d',
        '      - run: npm test',
        '      - run: docker-compose -f docker-compose.dev.yml up --abort-on-container-exit',
      ].join('\n'),
    );
    expect(s.deploys).toEqual([]);
    expect(s.environments).toEqual([]);
  });
});
