import { evaluateCheck } from '../__testUtils__';
import type { ClusterData } from '../kube/types';

const HARDENED =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: web:1.0.0, securityContext: {allowPrivilegeEscalation: false, runAsUser: 1000}}]\n';
const ROOT = HARDENED.replace('runAsUser: 1000', 'runAsUser: 0');

const healthy: ClusterData = { name: 'eu', objects: [] };
const forbidden: ClusterData = {
  name: 'us',
  objects: [],
  unreadableKinds: [
    {
      kind: 'Deployment',
      reason:
        "forbidden: the collector's RBAC does not allow listing deployments",
    },
  ],
};
const down: ClusterData = {
  name: 'ap',
  objects: [],
  error: 'unreachable: connect ECONNREFUSED',
};

describe('checks that need cluster data the scan could not read', () => {
  it('pass becomes unknown, naming the cluster and the kind', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/d.yaml': HARDENED },
      'cn-containerization.security-context',
      { clusters: [healthy, forbidden] },
    );
    expect(result.verdict).toBe('unknown');
    expect(result.reason).toContain('cluster us: Deployment forbidden');
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it('an unreachable cluster makes passing cluster-sourced checks unknown, and leaves repo-only checks alone', async () => {
    const files = { 'k8s/d.yaml': HARDENED, 'requirements.txt': 'a==1\n' };
    const sc = await evaluateCheck(
      files,
      'cn-containerization.security-context',
      { clusters: [down] },
    );
    expect(sc.result).toMatchObject({
      verdict: 'unknown',
      reason: expect.stringContaining('cluster ap could not be read'),
    });
    const pinned = await evaluateCheck(files, 'f2-dependencies.pinned', {
      clusters: [down],
    });
    expect(pinned.result.verdict).toBe('pass');
  });

  it('a fail found in the repository stands', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/d.yaml': ROOT },
      'cn-containerization.security-context',
      { clusters: [forbidden] },
    );
    expect(result.verdict).toBe('fail');
  });

  it('healthy clusters change nothing', async () => {
    const { result } = await evaluateCheck(
      { 'k8s/d.yaml': HARDENED },
      'cn-containerization.security-context',
      { clusters: [healthy] },
    );
    expect(result.verdict).toBe('pass');
  });
});
