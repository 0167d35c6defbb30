import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serviceEntity } from './__testUtils__';
import { createTwelveFactorEngine } from './engine/createEngine';
import { loadLocalRepo } from './sources/loadLocalRepo';

jest.setTimeout(60_000);

/** Writes files into a fresh folder and scores it the way the CLI and backend do. */
async function scoreFolder(setup: (dir: string) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-bad-'));
  try {
    setup(dir);
    const { snapshot, diagnostics } = await loadLocalRepo(dir);
    const card = await createTwelveFactorEngine().evaluate(
      { entity: serviceEntity(), repo: snapshot },
      { diagnostics },
    );
    return card;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function write(dir: string, rel: string, content: string | Buffer) {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: web:1.0.0, securityContext: {allowPrivilegeEscalation: false, runAsUser: 1000}}]\n';

function verdict(card: Awaited<ReturnType<typeof scoreFolder>>, id: string) {
  return card.results.find(r => r.checkId === id)!;
}

describe('bad input gives a diagnostic and a result, never a crash', () => {
  it('malformed YAML in a manifest', async () => {
    const card = await scoreFolder(dir => {
      write(
        dir,
        'k8s/broken.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n  data: [unclosed\n',
      );
      write(dir, 'k8s/ok.yaml', DEPLOYMENT);
    });
    expect(card.results).toHaveLength(92);
    expect(card.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'manifests',
          path: 'k8s/broken.yaml',
          level: 'warning',
        }),
      ]),
    );
    expect(verdict(card, 'cn-containerization.security-context').verdict).toBe(
      'pass',
    );
  });

  it('a 50 MB file', async () => {
    const card = await scoreFolder(dir => {
      write(dir, 'data/dump.sql', Buffer.alloc(50 * 1024 * 1024, 'a'));
      write(dir, 'requirements.txt', 'fastapi==0.1.0\n');
    });
    expect(card.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'data/dump.sql',
          message: expect.stringContaining('exceeds'),
        }),
      ]),
    );
    expect(verdict(card, 'f2-dependencies.declared').verdict).toBe('pass');
  });

  it('a binary file where a manifest is expected', async () => {
    const card = await scoreFolder(dir => {
      write(
        dir,
        'k8s/deploy.yaml',
        Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x10]),
      );
      write(dir, 'Dockerfile', 'FROM alpine\nUSER 1000\n');
    });
    expect(card.results).toHaveLength(92);
    const sc = verdict(card, 'cn-containerization.security-context');
    expect(sc.verdict).toBe('unknown');
    expect(sc.reason).toMatch(/no Kubernetes manifests/);
    expect(verdict(card, 'cn-containerization.non-root-user').verdict).toBe(
      'pass',
    );
  });

  it('a kustomization cycle', async () => {
    const card = await scoreFolder(dir => {
      write(dir, 'deploy/prod/kustomization.yaml', 'resources: [../a]\n');
      write(
        dir,
        'deploy/a/kustomization.yaml',
        'resources: [../b, deployment.yaml]\n',
      );
      write(dir, 'deploy/a/deployment.yaml', DEPLOYMENT);
      write(dir, 'deploy/b/kustomization.yaml', 'resources: [../a]\n');
    });
    expect(card.results).toHaveLength(92);
    expect(
      card.diagnostics.some(
        d => d.source === 'kustomize' && /cycle/i.test(d.message),
      ),
    ).toBe(true);
  });

  it('kustomizations that only reference each other', async () => {
    const card = await scoreFolder(dir => {
      write(dir, 'deploy/a/kustomization.yaml', 'resources: [../b]\n');
      write(dir, 'deploy/b/kustomization.yaml', 'resources: [../a]\n');
    });
    expect(card.results).toHaveLength(92);
    expect(
      card.diagnostics.some(
        d => d.source === 'kustomize' && /cycle/i.test(d.message),
      ),
    ).toBe(true);
  });

  it('a ../../../etc resource path', async () => {
    const card = await scoreFolder(dir => {
      write(
        dir,
        'deploy/overlay/kustomization.yaml',
        'resources: [../../../etc/passwd, deployment.yaml]\n',
      );
      write(dir, 'deploy/overlay/deployment.yaml', DEPLOYMENT);
    });
    expect(
      card.diagnostics.some(
        d => d.source === 'kustomize' && /outside|escape/i.test(d.message),
      ),
    ).toBe(true);
    expect(verdict(card, 'cn-containerization.security-context').verdict).toBe(
      'pass',
    );
    expect(JSON.stringify(card)).not.toContain('root:x:0:0');
  });

  it('a symlink out of the tree', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-outside-'));
    fs.writeFileSync(
      path.join(outside, 'secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata: {name: stolen}\nstringData: {password: hunter2-outside}\n',
    );
    const card = await scoreFolder(dir => {
      fs.mkdirSync(path.join(dir, 'k8s'));
      fs.symlinkSync(
        path.join(outside, 'secret.yaml'),
        path.join(dir, 'k8s/secret.yaml'),
      );
      write(dir, 'k8s/deploy.yaml', DEPLOYMENT);
    });
    fs.rmSync(outside, { recursive: true });
    expect(card.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'k8s/secret.yaml',
          message: 'Symbolic link not followed',
        }),
      ]),
    );
    expect(JSON.stringify(card)).not.toContain('hunter2-outside');
  });

  it('a remote base', async () => {
    const card = await scoreFolder(dir => {
      write(
        dir,
        'deploy/prod/kustomization.yaml',
        'resources:\n  - https://github.com/example-org/platform//base?ref=v1\n  - deployment.yaml\n',
      );
      write(dir, 'deploy/prod/deployment.yaml', DEPLOYMENT);
    });
    expect(
      card.diagnostics.some(
        d => d.source === 'kustomize' && /remote/i.test(d.message),
      ),
    ).toBe(true);
    expect(verdict(card, 'cn-containerization.security-context').verdict).toBe(
      'pass',
    );
  });

  it('an empty repository', async () => {
    const card = await scoreFolder(() => undefined);
    expect(card.results).toHaveLength(92);
    // Nothing in it decides whether dependencies are declared: there is no code to depend on anything.
    expect(verdict(card, 'f2-dependencies.declared')).toMatchObject({
      verdict: 'unknown',
      reason: expect.stringContaining('no source code'),
    });
    expect(verdict(card, 'cn-containerization.multi-stage')).toMatchObject({
      verdict: 'unknown',
      reason: expect.stringContaining('No Dockerfile'),
    });
    for (const r of card.results.filter(x => x.verdict === 'unknown'))
      expect(r.reason).toBeTruthy();
  });
});
