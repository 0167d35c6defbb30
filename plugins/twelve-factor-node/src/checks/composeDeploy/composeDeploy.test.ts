import { evaluateCheck } from '../../__testUtils__';
import { APP, BASE, deployWorkflow } from './fixtures';

describe('f1-codebase.deploys-per-env with compose deploys from CI', () => {
  const CHECK = 'f1-codebase.deploys-per-env';

  it('passes one base compose file with an override per environment, pointing at the deploy lines', async () => {
    const { result } = await evaluateCheck(
      {
        ...APP,
        'docker-compose.yml': BASE,
        'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
        'docker-compose.staging.yml':
          'services:\n  web:\n    restart: always\n',
        '.github/workflows/deploy.yml': deployWorkflow({
          staging: '-f docker-compose.yml -f docker-compose.staging.yml',
          production: '-f docker-compose.yml -f docker-compose.prod.yml',
        }),
      },
      CHECK,
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toBe(
      'CI deploys one base compose file (docker-compose.yml) with an override per environment (prod, staging)',
    );
    expect(result.evidence).toContainEqual(
      expect.objectContaining({
        path: '.github/workflows/deploy.yml',
        startLine: 8,
      }),
    );
    expect(result.evidence).toContainEqual(
      expect.objectContaining({ path: 'docker-compose.prod.yml' }),
    );
  });

  it('is partial for a whole compose file per environment, and for one environment', async () => {
    const copies = await evaluateCheck(
      {
        ...APP,
        'docker-compose.prod.yml': BASE,
        'docker-compose.staging.yml': BASE,
        '.github/workflows/deploy.yml': deployWorkflow({
          staging: '-f docker-compose.staging.yml',
          production: '-f docker-compose.prod.yml',
        }),
      },
      CHECK,
    );
    expect(copies.result.verdict).toBe('partial');
    expect(copies.result.summary).toContain('separate compose file');
    expect(copies.result.remediation?.snippet?.path).toBe(
      'docker-compose.prod.yml',
    );
    const stack = await evaluateCheck(
      {
        ...APP,
        'stack.yml': BASE,
        '.gitlab-ci.yml':
          'deploy:\n  stage: deploy\n  script:\n    - docker stack deploy -c stack.yml shop\n',
      },
      CHECK,
    );
    expect(stack.result.verdict).toBe('partial');
    expect(stack.result.summary).toBe(
      'CI deploys with Docker Compose to one environment only (stack.yml)',
    );
  });

  it('still fails a repository whose compose files only serve local development', async () => {
    const { result } = await evaluateCheck(
      {
        ...APP,
        'docker-compose.yml': BASE,
        'docker-compose.prod.yml': BASE,
        '.github/workflows/ci.yml':
          'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker compose up -d && npm test\n',
      },
      CHECK,
    );
    expect(result.verdict).toBe('fail');
  });
});

describe('cn-cicd checks with compose deploys from CI', () => {
  const files = {
    ...APP,
    'docker-compose.yml': BASE,
    'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
    '.github/workflows/deploy.yml': deployWorkflow({
      production: '-f docker-compose.yml -f docker-compose.prod.yml',
    }),
  };

  it('counts the compose deploy as an automated deploy', async () => {
    const { result } = await evaluateCheck(files, 'cn-cicd.automated-deploy');
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('docker-compose');
  });

  it('says the deploy reaches hosts, not a cluster, when it is not GitOps', async () => {
    const { result } = await evaluateCheck(files, 'cn-cicd.gitops');
    expect(result.verdict).toBe('fail');
    expect(result.summary).toContain('against the hosts directly');
  });
});

describe('how deployed compose services run', () => {
  const PROD = [
    'services:',
    '  web:',
    '    restart: unless-stopped',
    '    healthcheck:',
    '      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]',
    '    deploy:',
    '      replicas: 3',
    '      resources:',
    '        limits:',
    '          cpus: "1"',
    '          memory: 512M',
    '  db:',
    '    image: postgres:16',
    '',
  ].join('\n');
  const deployed = (prod: string, command = 'compose') => ({
    ...APP,
    'docker-compose.yml': BASE,
    'docker-compose.prod.yml': prod,
    '.github/workflows/deploy.yml':
      command === 'compose'
        ? deployWorkflow({
            production: '-f docker-compose.yml -f docker-compose.prod.yml',
          })
        : [
            'on: { push: { branches: [main] } }',
            'jobs:',
            '  deploy:',
            '    runs-on: ubuntu-latest',
            '    steps:',
            '      - run: |',
            '          docker stack deploy -c docker-compose.yml -c docker-compose.prod.yml shop',
          ].join('\n'),
  });

  it('judges replicas, resources and restart of the app service, with their lines, leaving the database out', async () => {
    const files = deployed(PROD);
    const horizontal = await evaluateCheck(files, 'f8-concurrency.horizontal');
    expect(horizontal.result.verdict).toBe('pass');
    expect(horizontal.result.evidence).toEqual([
      expect.objectContaining({
        path: 'docker-compose.prod.yml',
        startLine: 7,
        note: 'web: 3 replica(s)',
      }),
    ]);
    const resources = await evaluateCheck(files, 'cn-orchestration.resources');
    expect(resources.result.verdict).toBe('pass');
    expect(resources.result.evidence[0]).toMatchObject({
      path: 'docker-compose.prod.yml',
      startLine: 11,
    });
    // Compose restarts on exit but does not act on a failing healthcheck.
    const restart = await evaluateCheck(files, 'cn-resilience.auto-restart');
    expect(restart.result.verdict).toBe('partial');
    expect(restart.result.evidence[0]).toMatchObject({
      path: 'docker-compose.prod.yml',
      startLine: 3,
    });
  });

  it('passes auto-restart under Swarm with a healthcheck', async () => {
    const { result } = await evaluateCheck(
      deployed(PROD, 'stack'),
      'cn-resilience.auto-restart',
    );
    expect(result.verdict).toBe('pass');
    expect(result.summary).toContain('Swarm');
  });

  it('fails what the deployed files leave unset, with a snippet for the file', async () => {
    const files = deployed(
      'services:\n  web:\n    environment:\n      NODE_ENV: production\n',
    );
    const restart = await evaluateCheck(files, 'cn-resilience.auto-restart');
    expect(restart.result.verdict).toBe('fail');
    expect(restart.result.remediation?.snippet?.content).toContain(
      'restart: unless-stopped',
    );
    const resources = await evaluateCheck(files, 'cn-orchestration.resources');
    expect(resources.result.verdict).toBe('fail');
    const horizontal = await evaluateCheck(files, 'f8-concurrency.horizontal');
    expect(horizontal.result.verdict).toBe('partial');
    expect(horizontal.result.remediation?.snippet?.content).toContain(
      'replicas: 2',
    );
  });

  it('stays unknown when the compose files are not deployed by CI', async () => {
    const { result } = await evaluateCheck(
      { ...APP, 'docker-compose.yml': BASE, 'docker-compose.prod.yml': PROD },
      'f8-concurrency.horizontal',
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f10-dev-prod-parity.env-overlays with compose deploys from CI', () => {
  const CHECK = 'f10-dev-prod-parity.env-overlays';
  const override = 'services:\n  web:\n    restart: always\n';

  it('passes a base compose file with an override per environment, and is partial for copies', async () => {
    const overlays = await evaluateCheck(
      {
        ...APP,
        'docker-compose.yml': BASE,
        'docker-compose.prod.yml': override,
        'docker-compose.staging.yml': override,
        '.github/workflows/deploy.yml': deployWorkflow({
          staging: '-f docker-compose.yml -f docker-compose.staging.yml',
          production: '-f docker-compose.yml -f docker-compose.prod.yml',
        }),
      },
      CHECK,
    );
    expect(overlays.result.verdict).toBe('pass');
    expect(overlays.result.summary).toContain('override per environment');
    const copies = await evaluateCheck(
      {
        ...APP,
        'docker-compose.prod.yml': BASE,
        'docker-compose.staging.yml': BASE,
        '.github/workflows/deploy.yml': deployWorkflow({
          staging: '-f docker-compose.staging.yml',
          production: '-f docker-compose.prod.yml',
        }),
      },
      CHECK,
    );
    expect(copies.result.verdict).toBe('partial');
  });

  it('stays unknown for a compose deploy to one environment', async () => {
    const { result } = await evaluateCheck(
      {
        ...APP,
        'docker-compose.yml': BASE,
        '.github/workflows/deploy.yml': deployWorkflow({
          production: '-f docker-compose.yml',
        }),
      },
      CHECK,
    );
    expect(result.verdict).toBe('unknown');
  });
});

describe('f5-build-release-run.immutable-image with compose deploys from CI', () => {
  const CHECK = 'f5-build-release-run.immutable-image';
  const withImage = (image: string, assign = 'TAG=${{ github.sha }} ') => ({
    ...APP,
    'docker-compose.yml': `services:\n  web:\n    image: ${image}\n    ports: ["3000:3000"]\n`,
    '.github/workflows/deploy.yml': deployWorkflow({
      production: '-f docker-compose.yml',
    }).replace('"docker compose', `"${assign}docker compose`),
  });

  it('passes an image tagged by the deploy step with the commit, and fails :latest', async () => {
    const pinned = await evaluateCheck(
      withImage('ghcr.io/acme/svc:${TAG}'),
      CHECK,
    );
    expect(pinned.result.verdict).toBe('pass');
    expect(pinned.result.evidence[0]).toMatchObject({
      path: 'docker-compose.yml',
      startLine: 3,
    });
    const latest = await evaluateCheck(
      withImage('ghcr.io/acme/svc:latest', ''),
      CHECK,
    );
    expect(latest.result.verdict).toBe('fail');
    expect(latest.result.remediation?.snippet?.content).toContain(
      'image: ghcr.io/acme/svc:${IMAGE_TAG:?}',
    );
  });

  it('stays unknown when a variable of the image is set outside the deploy step', async () => {
    const { result } = await evaluateCheck(
      withImage('ghcr.io/acme/svc:${TAG}', ''),
      CHECK,
    );
    expect(result.verdict).toBe('unknown');
  });
});
