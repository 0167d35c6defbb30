import { deriveSignals } from './signals';
import type { CiStep } from './types';

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

  it('finds scanners, tests and environments', () => {
    const s = deriveSignals([
      {
        ...step('trivy image --exit-code 1 shop/web:1.0.0'),
        environment: 'production',
      },
      step('go test ./...\nOVERLAY=staging make deploy'),
    ]);
    expect(s.scanners.map(x => x.tool)).toEqual(['trivy']);
    expect(s.tests).toHaveLength(1);
    expect(s.environments).toEqual(['production', 'staging']);
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
