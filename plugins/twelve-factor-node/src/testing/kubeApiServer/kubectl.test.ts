import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { KubeApiServer, startKubeApiServer } from './index';

/**
 * Fidelity against the real kubectl: if kubectl, which speaks discovery,
 * content negotiation and chunked lists exactly as client-go does, gets the
 * dump's objects back unchanged, the server speaks the API well enough.
 * kubectl must be installed: these tests fail (never skip) without it.
 */

jest.setTimeout(60_000);

const run = promisify(execFile);
const DUMP = resolve(
  __dirname,
  '../../../../../examples/auto-builder-cms/cluster.yaml',
);
const FIXTURE = resolve(__dirname, '__fixtures__/autoscaling.yaml');
const KUBECTL = process.env.KUBECTL ?? 'kubectl';

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: unknown;
};

/** A dump parsed independently of the server's own loader. */
async function dumpObjects(path = DUMP): Promise<Obj[]> {
  const docs = parseAllDocuments(await readFile(path, 'utf8'));
  return (Array.isArray(docs) ? docs : [docs]).flatMap(d => {
    const v = d.toJS({ maxAliasCount: -1 }) as {
      kind?: string;
      items?: Obj[];
    } | null;
    if (!v) return [];
    return v.kind === 'List' ? v.items ?? [] : [v as Obj];
  });
}

const id = (o: Obj) =>
  `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const byId = (list: Obj[]) => new Map(list.map(o => [id(o), o]));

let server: KubeApiServer;
let workDir: string;
let kubeconfig: string;
let expected: Obj[];

async function kubectl(...args: string[]): Promise<string> {
  return kubectlWith(kubeconfig, ...args);
}

async function kubectlWith(config: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run(
      KUBECTL,
      ['--kubeconfig', config, '--cache-dir', join(workDir, 'cache'), ...args],
      {
        // No ~/.kube of the machine's user, no ambient KUBECONFIG.
        env: { PATH: process.env.PATH ?? '', HOME: workDir },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new Error(
        `kubectl was not found (tried "${KUBECTL}" on PATH). This fidelity test needs the real kubectl; ` +
          'install it (or set KUBECTL=/path/to/kubectl). It is never skipped.',
      );
    }
    throw new Error(
      `kubectl ${args.join(' ')} failed: ${err.message}\n${err.stderr ?? ''}`,
    );
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kube-api-kubectl-'));
  kubeconfig = join(workDir, 'kubeconfig');
  server = await startKubeApiServer({ dumps: [DUMP] });
  await server.writeKubeconfig(kubeconfig);
  expected = await dumpObjects();
});

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => server.requests.reset());

it('finds a real kubectl', async () => {
  const out = JSON.parse(await kubectl('version', '--client', '-o', 'json'));
  expect(out.clientVersion.gitVersion).toMatch(/^v1\./);
});

it('lists deployments, HPAs and PDBs across namespaces exactly as dumped', async () => {
  const out = JSON.parse(
    await kubectl('get', 'deploy,hpa,pdb', '-A', '-o', 'json'),
  );
  const want = expected.filter(o =>
    ['Deployment', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'].includes(
      o.kind,
    ),
  );
  expect(want.length).toBeGreaterThan(0);
  expect([...byId(out.items).keys()].sort()).toEqual(
    [...byId(want).keys()].sort(),
  );
  for (const [key, got] of byId(out.items)) {
    const dumped = byId(want).get(key)!;
    expect(got.spec).toEqual(dumped.spec);
    // kubectl adds apiVersion/kind back to list items; everything else is
    // what the server sent, so the whole object must round-trip.
    expect(got).toEqual(dumped);
  }
  // kubectl found the resources through discovery and listed them in chunks.
  const paths = server.requests.all().map(r => r.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      '/api',
      '/apis',
      '/apis/apps/v1',
      '/apis/apps/v1/deployments',
    ]),
  );
  const list = server.requests.byPath('/apis/apps/v1/deployments')[0];
  expect(list.query.limit).toBe('500');
  expect(list.status).toBe(200);
});

it('lists pods, services and configmaps of one namespace exactly as dumped', async () => {
  const out = JSON.parse(
    await kubectl('get', 'pods,svc,cm', '-n', 'cms-dev', '-o', 'json'),
  );
  const want = expected.filter(
    o =>
      ['Pod', 'Service', 'ConfigMap'].includes(o.kind) &&
      o.metadata.namespace === 'cms-dev',
  );
  expect(want.length).toBeGreaterThan(0);
  expect([...byId(out.items).keys()].sort()).toEqual(
    [...byId(want).keys()].sort(),
  );
  for (const [key, got] of byId(out.items)) {
    expect(got.spec).toEqual(byId(want).get(key)!.spec);
    expect(got).toEqual(byId(want).get(key));
  }
  expect(
    server.requests.byPath('/api/v1/namespaces/cms-dev/pods'),
  ).toHaveLength(1);
});

it('prints the table of secrets in every namespace', async () => {
  const out = await kubectl('get', 'secrets', '-A');
  const [header, ...rows] = out.trim().split('\n');
  expect(header.split(/\s+/).slice(0, 2)).toEqual(['NAMESPACE', 'NAME']);
  const listed = rows
    .map(line => line.split(/\s+/).slice(0, 2).join('/'))
    .sort();
  const want = expected
    .filter(o => o.kind === 'Secret')
    .map(o => `${o.metadata.namespace}/${o.metadata.name}`)
    .sort();
  expect(want.length).toBeGreaterThan(0);
  expect(listed).toEqual(want);
  // kubectl asked for a server-side Table first; the server declined that
  // media type and kubectl fell back to plain JSON (see README).
  const list = server.requests.byPath('/api/v1/secrets')[0];
  expect(list.accept).toContain('as=Table');
  expect(list.representation).toBe('full');
});

it('gets one object by name and reports a missing one as NotFound', async () => {
  const got = JSON.parse(
    await kubectl('get', 'statefulset', 'redis', '-n', 'cms-dev', '-o', 'json'),
  );
  const dumped = expected.find(o => id(o) === 'StatefulSet cms-dev/redis');
  expect(got).toEqual(dumped);
  await expect(
    kubectl('get', 'deploy', 'nope', '-n', 'cms-dev'),
  ).rejects.toThrow(/deployments.apps "nope" not found/);
});

it('serves CRD kinds found through discovery', async () => {
  const out = JSON.parse(
    await kubectl('get', 'secretproviderclasses', '-A', '-o', 'json'),
  );
  expect(
    out.items
      .map((o: Obj) => `${o.metadata.namespace}/${o.metadata.name}`)
      .sort(),
  ).toEqual(['cms-dev/cms-keyvault', 'cms-prd/cms-keyvault']);
});

it('selects by label and pages with --chunk-size like a real server', async () => {
  const out = JSON.parse(
    await kubectl(
      'get',
      'deploy',
      '-A',
      '-l',
      'app.kubernetes.io/name=ingress-nginx',
      '-o',
      'json',
    ),
  );
  expect(out.items.map((o: Obj) => o.metadata.name)).toEqual([
    'ingress-nginx-controller',
  ]);

  server.requests.reset();
  const paged = JSON.parse(
    await kubectl('get', 'pods', '-A', '--chunk-size=2', '-o', 'json'),
  );
  expect(paged.items).toHaveLength(
    expected.filter(o => o.kind === 'Pod').length,
  );
  const pages = server.requests.byPath('/api/v1/pods');
  expect(pages.length).toBe(Math.ceil(paged.items.length / 2));
  expect(pages.slice(1).every(r => !!r.query.continue)).toBe(true);
});

describe('with HPAs, PDBs and NetworkPolicies added', () => {
  let extended: KubeApiServer;
  let config: string;

  beforeAll(async () => {
    extended = await startKubeApiServer({ dumps: [DUMP, FIXTURE] });
    config = join(workDir, 'kubeconfig-extended');
    await extended.writeKubeconfig(config, { namespace: 'cms-prd' });
  });

  afterAll(() => extended?.close());

  it('lists them exactly as dumped', async () => {
    const out = JSON.parse(
      await kubectlWith(
        config,
        'get',
        'deploy,hpa,pdb,netpol',
        '-A',
        '-o',
        'json',
      ),
    );
    const want = [...expected, ...(await dumpObjects(FIXTURE))].filter(o =>
      [
        'Deployment',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'NetworkPolicy',
      ].includes(o.kind),
    );
    expect(want.filter(o => o.kind !== 'Deployment')).toHaveLength(3);
    expect([...byId(out.items).keys()].sort()).toEqual(
      [...byId(want).keys()].sort(),
    );
    for (const [key, got] of byId(out.items)) {
      // The fixture objects lack uid/resourceVersion, which the server fills in.
      const { uid, resourceVersion, ...metadata } = got.metadata as Record<
        string,
        unknown
      >;
      expect(uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(resourceVersion).toMatch(/^\d+$/);
      const dumped = byId(want).get(key)!;
      expect(got.spec).toEqual(dumped.spec);
      expect(metadata).toEqual(
        Object.fromEntries(
          Object.entries(dumped.metadata).filter(
            ([k]) => k !== 'uid' && k !== 'resourceVersion',
          ),
        ),
      );
    }
  });

  it('uses the kubeconfig namespace and answers 403 like RBAC would', async () => {
    const out = JSON.parse(
      await kubectlWith(config, 'get', 'hpa', '-o', 'json'),
    );
    expect(out.items.map((o: Obj) => o.metadata.name)).toEqual(['cms-web-api']);
    extended.access.forbid({ verb: 'list', resource: 'networkpolicies' });
    await expect(kubectlWith(config, 'get', 'netpol')).rejects.toThrow(
      /networkpolicies.networking.k8s.io is forbidden: User ".*" cannot list resource "networkpolicies" in API group "networking.k8s.io" in the namespace "cms-prd"/,
    );
  });
});
