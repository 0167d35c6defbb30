import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KubeApiServer, startKubeApiServer } from './index';

/** Discovery documents and server-level behaviour, checked on the wire. */

jest.setTimeout(30_000);

const DUMP = resolve(
  __dirname,
  '../../../../../examples/auto-builder-cms/cluster.yaml',
);

let server: KubeApiServer;

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; json: any }> {
  return new Promise((done, fail) => {
    const req = request(
      `${server.url}${path}`,
      {
        method,
        ca: server.caPem,
        headers: { authorization: `Bearer ${server.token}`, ...headers },
      },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (body += chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: body ? JSON.parse(body) : undefined,
          }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

afterEach(async () => {
  await server?.close();
});

describe('discovery', () => {
  beforeEach(async () => {
    server = await startKubeApiServer({ dumps: [DUMP] });
  });

  it('serves /version, /api and /apis', async () => {
    expect((await get('/version')).json).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\./),
    });
    expect((await get('/api')).json).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [
        { clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${server.port}` },
      ],
    });
    const groups = (await get('/apis')).json;
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.map((g: { name: string }) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'batch',
        'autoscaling',
        'policy',
        'networking.k8s.io',
        'rbac.authorization.k8s.io',
        'apiextensions.k8s.io',
        'secrets-store.csi.x-k8s.io',
      ]),
    );
    expect(
      groups.groups.find((g: { name: string }) => g.name === 'autoscaling'),
    ).toEqual({
      name: 'autoscaling',
      versions: [{ groupVersion: 'autoscaling/v2', version: 'v2' }],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
    expect((await get('/apis/apps')).json).toMatchObject({
      kind: 'APIGroup',
      name: 'apps',
    });
  });

  it('lists resources with names, scope, kind and verbs', async () => {
    const apps = (await get('/apis/apps/v1')).json;
    expect(apps).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'apps/v1',
    });
    expect(
      apps.resources.find((r: { name: string }) => r.name === 'deployments'),
    ).toEqual({
      name: 'deployments',
      singularName: 'deployment',
      namespaced: true,
      kind: 'Deployment',
      verbs: ['get', 'list'],
      shortNames: ['deploy'],
      categories: ['all'],
    });
    const core = (await get('/api/v1')).json;
    const names = core.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'pods',
        'services',
        'configmaps',
        'secrets',
        'serviceaccounts',
        'persistentvolumeclaims',
        'namespaces',
      ]),
    );
    expect(
      core.resources.find((r: { name: string }) => r.name === 'namespaces')
        .namespaced,
    ).toBe(false);
    const crd = (await get('/apis/secrets-store.csi.x-k8s.io/v1')).json;
    expect(crd.resources).toEqual([
      {
        name: 'secretproviderclasses',
        singularName: 'secretproviderclass',
        namespaced: true,
        kind: 'SecretProviderClass',
        verbs: ['get', 'list'],
      },
    ]);
    for (const [group, version, plural] of [
      ['autoscaling', 'v2', 'horizontalpodautoscalers'],
      ['policy', 'v1', 'poddisruptionbudgets'],
      ['networking.k8s.io', 'v1', 'networkpolicies'],
      ['batch', 'v1', 'cronjobs'],
      ['rbac.authorization.k8s.io', 'v1', 'clusterrolebindings'],
    ]) {
      const doc = (await get(`/apis/${group}/${version}`)).json;
      expect(doc.resources.map((r: { name: string }) => r.name)).toContain(
        plural,
      );
    }
  });

  it('answers unknown paths and groups with a NotFound Status', async () => {
    for (const path of [
      '/apis/nope.example.com',
      '/apis/nope.example.com/v1',
      '/apis/apps/v1/nopes',
      '/openapi/v2',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({
        kind: 'Status',
        reason: 'NotFound',
        code: 404,
      });
    }
  });
});

describe('kinds without definitions', () => {
  it('shows CRD kinds only with their CRD or their objects', async () => {
    const crdOnly = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Cluster',
        names: {
          kind: 'Widget',
          plural: 'widgets',
          singular: 'widget',
          listKind: 'WidgetList',
          shortNames: ['wd'],
        },
        versions: [
          { name: 'v1alpha1', served: true },
          { name: 'v1', served: true },
          { name: 'v0', served: false },
        ],
      },
    };
    const orphan = {
      apiVersion: 'things.io/v1beta1',
      kind: 'Gadget',
      metadata: { name: 'g', namespace: 'x' },
    };
    server = await startKubeApiServer({ dumps: [[crdOnly, orphan]] });
    const groups = (await get('/apis')).json.groups;
    expect(groups.map((g: { name: string }) => g.name)).not.toContain(
      'secrets-store.csi.x-k8s.io',
    );
    expect(
      groups.find((g: { name: string }) => g.name === 'example.com'),
    ).toMatchObject({
      versions: [{ version: 'v1' }, { version: 'v1alpha1' }],
      preferredVersion: { version: 'v1' },
    });
    expect((await get('/apis/example.com/v1')).json.resources[0]).toMatchObject(
      {
        name: 'widgets',
        namespaced: false,
        shortNames: ['wd'],
      },
    );
    expect((await get('/apis/example.com/v0')).status).toBe(404);
    expect((await get('/apis/example.com/v1/widgets')).json).toMatchObject({
      kind: 'WidgetList',
      items: [],
    });
    expect(
      (await get('/apis/things.io/v1beta1')).json.resources[0],
    ).toMatchObject({
      name: 'gadgets',
      kind: 'Gadget',
      namespaced: true,
    });
    const gadgets = (await get('/apis/things.io/v1beta1/namespaces/x/gadgets'))
      .json;
    // Custom resources keep apiVersion/kind on list items, as on a real server.
    expect(gadgets.items[0]).toMatchObject({
      apiVersion: 'things.io/v1beta1',
      kind: 'Gadget',
    });
  });
});

describe('server behaviour', () => {
  beforeEach(async () => {
    server = await startKubeApiServer({ dumps: [DUMP], token: 'fixed-token' });
  });

  it('is read-only and does not watch', async () => {
    const post = await get('/api/v1/namespaces/cms-dev/configmaps', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.json).toMatchObject({
      kind: 'Status',
      reason: 'MethodNotAllowed',
    });
    expect((await get('/api/v1/pods?watch=true')).status).toBe(405);
  });

  it('gets namespaces and cluster-scoped objects by name', async () => {
    expect((await get('/api/v1/namespaces/cms-dev')).json).toMatchObject({
      kind: 'Namespace',
    });
    expect(
      (await get('/apis/networking.k8s.io/v1/ingressclasses/nginx')).json,
    ).toMatchObject({
      kind: 'IngressClass',
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    // A namespaced kind addressed without its namespace is not a route.
    expect((await get('/apis/apps/v1/deployments/cms-mcp')).status).toBe(404);
    expect(
      (await get('/apis/apps/v1/namespaces/nowhere/deployments')).json.items,
    ).toEqual([]);
  });

  it('rejects a bad continue token and a bad selector with BadRequest', async () => {
    const res = await get('/apis/apps/v1/deployments?limit=1&continue=garbage');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      reason: 'BadRequest',
      message: expect.stringContaining('continue'),
    });
    expect(
      (await get('/api/v1/pods?fieldSelector=spec.foo%3Dx')).json.message,
    ).toBe('field label not supported: spec.foo');
  });

  it('loads more dumps at runtime and resets its knobs', async () => {
    await server.load([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } },
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'stray', namespace: 'x' },
      },
    ]);
    const late = (await get('/api/v1/namespaces/default/configmaps/late')).json;
    expect(late.metadata).toMatchObject({
      namespace: 'default',
      uid: expect.any(String),
      resourceVersion: expect.any(String),
    });
    expect(
      (await get('/api/v1/namespaces/stray')).json.metadata.namespace,
    ).toBeUndefined();

    server.faults.add({ status: 503 });
    server.access.forbid({ resource: '*' });
    expect((await get('/api/v1/pods')).status).toBe(503);
    await server.reset();
    expect(server.requests.all()).toEqual([]);
    expect((await get('/api/v1/pods')).status).toBe(200);
  });

  it('writes a kubeconfig kubectl and client-node can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kube-api-server-'));
    try {
      const path = join(dir, 'config');
      await server.writeKubeconfig(path, { name: 'dev', namespace: 'cms-dev' });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const config = parse(await readFile(path, 'utf8'));
      expect(config).toMatchObject({
        'current-context': 'dev',
        clusters: [{ name: 'dev', cluster: { server: server.url } }],
        users: [{ name: 'dev', user: { token: 'fixed-token' } }],
        contexts: [
          {
            name: 'dev',
            context: { cluster: 'dev', user: 'dev', namespace: 'cms-dev' },
          },
        ],
      });
      expect(
        Buffer.from(
          config.clusters[0].cluster['certificate-authority-data'],
          'base64',
        ).toString(),
      ).toBe(server.caPem);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers health probes without a token', async () => {
    const res = await new Promise<number>((done, fail) => {
      request(`${server.url}/readyz`, { ca: server.caPem }, r => {
        r.resume();
        done(r.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
    expect(res).toBe(200);
  });

  it('releases requests held by latency when closed', async () => {
    server.faults.add({ latencyMs: 60_000 });
    const pending = get('/api/v1/pods').catch(e => e);
    await new Promise(r => setTimeout(r, 100));
    const started = Date.now();
    await server.close();
    expect(await pending).toMatchObject({ message: expect.any(String) }); // a socket error, not a response
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
