import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The documented way to run the server outside Jest (README.md): plain node
 * with Backstage's TypeScript require hook, from the repository root.
 */

jest.setTimeout(60_000);

const REPO_ROOT = resolve(__dirname, '../../../../..');
const CLI = 'plugins/twelve-factor-node/src/testing/kubeApiServer/cli.ts';

let child: ChildProcess | undefined;
let workDir: string;

afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

it('serves dumps and writes a kubeconfig when run with node and the Backstage transform', async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kube-api-cli-'));
  const kubeconfig = join(workDir, 'kubeconfig');
  child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      CLI,
      '--port',
      '0',
      '--kubeconfig',
      kubeconfig,
      '--forbid',
      'list:secrets+meta',
      'examples/auto-builder-cms/cluster.yaml',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', d => (output += d));
  await new Promise<void>((done, fail) => {
    child!.stdout!.on('data', d => {
      output += d;
      if (output.includes('kubeconfig:')) done();
    });
    child!.on('exit', code =>
      fail(new Error(`CLI exited with ${code}: ${output}`)),
    );
  });
  expect(output).toMatch(
    /Kubernetes test API server on https:\/\/127\.0\.0\.1:\d+/,
  );

  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  expect((await core.listNamespace()).items.map(n => n.metadata?.name)).toEqual(
    ['cms-dev', 'cms-prd', 'ingress-nginx'],
  );
  await expect(core.listSecretForAllNamespaces()).rejects.toMatchObject({
    code: 403,
  });

  const exited = new Promise<number | null>(done =>
    child!.on('exit', code => done(code)),
  );
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});
