import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { request } from 'node:https';
import { resolve } from 'node:path';
import { KubeApiServer, startKubeApiServer } from './index';

/**
 * The server as the product meets it: through @kubernetes/client-node over
 * HTTPS, trusting the generated CA from the kubeconfig.
 */

jest.setTimeout(30_000);

const DUMP = resolve(
  __dirname,
  '../../../../../examples/auto-builder-cms/cluster.yaml',
);
const METADATA_LIST =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
// Values of the dump's Secrets, base64 as stored and decoded.
const SECRET_VALUES = [
  'ZGV2LXN1cGVyLXNlY3JldC0xMjM=',
  'dev-super-secret-123',
  'prd-very-secret-password',
  'sk-dev-fake-key',
];

let server: KubeApiServer;
let kc: KubeConfig;

function clientFor(token?: string): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(server.kubeconfig());
  if (token !== undefined) {
    // Same cluster and CA, another credential.
    config.loadFromOptions({
      clusters: config.clusters,
      users: [{ name: 'other', token }],
      contexts: [
        { name: 'other', cluster: config.clusters[0].name, user: 'other' },
      ],
      currentContext: 'other',
    });
  }
  return config;
}

/** The status code of a failed call, with the Status body when there is one. */
async function failure(
  p: Promise<unknown>,
): Promise<{ code: number; body: any; headers: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiException) {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      return { code: e.code, body, headers: e.headers };
    }
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** The error of a call that must fail below HTTP (no response at all). */
async function networkError(
  p: Promise<unknown>,
): Promise<Error & { cause?: { code?: string } }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiException)
      throw new Error(`expected a network error, got HTTP ${e.code}`);
    return e as Error & { cause?: { code?: string } };
  }
  throw new Error('expected the call to fail');
}

/** A raw GET, to look at bytes the client would deserialize away. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      `${server.url}${path}`,
      { ca: server.caPem, headers },
      res => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  server = await startKubeApiServer({ dumps: [DUMP] });
  kc = clientFor();
});

afterAll(() => server?.close());

afterEach(() => server.reset());

describe('lists and gets', () => {
  it('pages through deployments with limit and continue, seeing each once', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const seen: string[] = [];
    const tokens: string[] = [];
    const remaining: Array<number | undefined> = [];
    let token: string | undefined;
    let firstResourceVersion: string | undefined;
    do {
      const page = await apps.listDeploymentForAllNamespaces({
        limit: 1,
        _continue: token,
      });
      expect(page.items).toHaveLength(1);
      firstResourceVersion ??= page.metadata?.resourceVersion;
      expect(page.metadata?.resourceVersion).toBe(firstResourceVersion);
      seen.push(
        `${page.items[0].metadata?.namespace}/${page.items[0].metadata?.name}`,
      );
      token = page.metadata?._continue;
      if (token) tokens.push(token);
      remaining.push(page.metadata?.remainingItemCount);
    } while (token);
    // Counts down like the real server's; absent on the last page.
    expect(remaining).toEqual([6, 5, 4, 3, 2, 1, undefined]);
    expect(seen).toEqual([
      'cms-dev/cms-celery-worker',
      'cms-dev/cms-mcp',
      'cms-dev/cms-web-api',
      'cms-prd/cms-celery-worker',
      'cms-prd/cms-mcp',
      'cms-prd/cms-web-api',
      'ingress-nginx/ingress-nginx-controller',
    ]);
    expect(new Set(tokens).size).toBe(seen.length - 1);
    const requests = server.requests.byPath('/apis/apps/v1/deployments');
    expect(requests.map(r => r.query.limit)).toEqual(Array(7).fill('1'));
    expect(requests[0].query.continue).toBeUndefined();
  });

  it('lists one namespace and gets by name', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const list = await apps.listNamespacedDeployment({ namespace: 'cms-prd' });
    expect(list.items.map(d => d.metadata?.name)).toEqual([
      'cms-celery-worker',
      'cms-mcp',
      'cms-web-api',
    ]);
    const one = await apps.readNamespacedDeployment({
      namespace: 'cms-prd',
      name: 'cms-web-api',
    });
    expect(one.kind).toBe('Deployment');
    expect(one.spec?.template.spec?.containers[0].name).toBe('web-api');
    const missing = await failure(
      apps.readNamespacedDeployment({ namespace: 'cms-prd', name: 'nope' }),
    );
    expect(missing.code).toBe(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
    });
  });

  it('filters by label selectors', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const names = async (labelSelector: string) =>
      (
        await core.listNamespacedPod({ namespace: 'cms-dev', labelSelector })
      ).items.map(p => p.metadata?.name);
    expect(await names('app=cms-web-api')).toEqual([
      'cms-web-api-6d9f7c0b8-x0k2p',
    ]);
    expect(await names('app==cms-web-api')).toEqual([
      'cms-web-api-6d9f7c0b8-x0k2p',
    ]);
    expect(await names('app in (cms-web-api, cms-mcp)')).toHaveLength(2);
    expect(await names('app notin (cms-web-api,cms-mcp),app')).not.toContain(
      'cms-web-api-6d9f7c0b8-x0k2p',
    );
    expect(await names('app!=cms-web-api')).not.toContain(
      'cms-web-api-6d9f7c0b8-x0k2p',
    );
    expect(await names('!pod-template-hash')).toEqual(
      (await names('')).filter(n => !/-6d9f7c0b8-/.test(n ?? '')),
    );
    const bad = await failure(
      core.listNamespacedPod({
        namespace: 'cms-dev',
        labelSelector: 'app in (a',
      }),
    );
    expect(bad.code).toBe(400);
  });

  it('filters by field selectors and omits remainingItemCount when filtering', async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    const list = await apps.listDeploymentForAllNamespaces({
      fieldSelector: 'metadata.name=cms-mcp,metadata.namespace!=cms-dev',
      limit: 5,
    });
    expect(
      list.items.map(d => `${d.metadata?.namespace}/${d.metadata?.name}`),
    ).toEqual(['cms-prd/cms-mcp']);
    const paged = await apps.listDeploymentForAllNamespaces({
      labelSelector: 'app.kubernetes.io/part-of',
      limit: 2,
    });
    expect(paged.metadata?._continue).toBeTruthy();
    expect(paged.metadata?.remainingItemCount).toBeUndefined();
  });

  it('returns built-in list items without apiVersion/kind, as the real API does', async () => {
    const raw = await rawGet('/apis/apps/v1/namespaces/cms-dev/deployments', {
      authorization: `Bearer ${server.token}`,
    });
    const list = JSON.parse(raw.body);
    expect(list).toMatchObject({
      kind: 'DeploymentList',
      apiVersion: 'apps/v1',
    });
    expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(list.items[0].kind).toBeUndefined();
    expect(list.items[0].apiVersion).toBeUndefined();
  });

  it('resolves kinds through discovery for KubernetesObjectApi and serves CRDs', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const ingresses = await objects.list(
      'networking.k8s.io/v1',
      'Ingress',
      'cms-prd',
    );
    expect(ingresses.items.map(i => i.metadata?.name)).toEqual(['cms-ingress']);
    const spc = await objects.list(
      'secrets-store.csi.x-k8s.io/v1',
      'SecretProviderClass',
    );
    expect(spc.items.map(i => i.metadata?.namespace)).toEqual([
      'cms-dev',
      'cms-prd',
    ]);
    expect(
      server.requests.byPath('/apis/secrets-store.csi.x-k8s.io/v1').length,
    ).toBeGreaterThan(0);

    const custom = kc.makeApiClient(CustomObjectsApi);
    const one = await custom.getNamespacedCustomObject({
      group: 'secrets-store.csi.x-k8s.io',
      version: 'v1',
      namespace: 'cms-dev',
      plural: 'secretproviderclasses',
      name: 'cms-keyvault',
    });
    expect(one).toMatchObject({
      kind: 'SecretProviderClass',
      spec: { provider: 'azure' },
    });
  });
});

describe('secrets without their values', () => {
  it('answers a PartialObjectMetadataList with metadata only', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const list = await core.listSecretForAllNamespaces(
      {},
      setHeaderOptions('Accept', METADATA_LIST),
    );
    expect(list.kind).toBe('PartialObjectMetadataList');
    expect(
      list.items.map(s => `${s.metadata?.namespace}/${s.metadata?.name}`),
    ).toEqual([
      'cms-dev/app-secrets',
      'cms-dev/db-credentials',
      'cms-prd/app-secrets',
      'cms-prd/cms-tls',
      'cms-prd/db-credentials',
    ]);
    for (const item of list.items) {
      expect(item.data).toBeUndefined();
      expect(item.kind).toBe('PartialObjectMetadata');
    }
    const text = JSON.stringify(list);
    for (const value of SECRET_VALUES) expect(text).not.toContain(value);
    expect(server.requests.byPath('/api/v1/secrets')[0]).toMatchObject({
      accept: METADATA_LIST,
      representation: 'metadata',
      status: 200,
    });
  });

  it('sends no data field on the wire either, for lists and single gets', async () => {
    const auth = { authorization: `Bearer ${server.token}` };
    const listed = await rawGet('/api/v1/namespaces/cms-prd/secrets', {
      ...auth,
      accept: METADATA_LIST,
    });
    const list = JSON.parse(listed.body);
    expect(list).toMatchObject({
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
    });
    expect(
      list.items.every(
        (i: object) =>
          Object.keys(i).sort().join() === 'apiVersion,kind,metadata',
      ),
    ).toBe(true);
    const single = await rawGet(
      '/api/v1/namespaces/cms-prd/secrets/db-credentials',
      {
        ...auth,
        accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
      },
    );
    expect(JSON.parse(single.body)).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({
        name: 'db-credentials',
        namespace: 'cms-prd',
      }),
    });
    for (const value of SECRET_VALUES) {
      expect(listed.body).not.toContain(value);
      expect(single.body).not.toContain(value);
    }
    // Only a Table and nothing else to fall back on: 406, like a real server
    // asked for a media type it does not produce.
    const table = await rawGet('/api/v1/secrets', {
      ...auth,
      accept: 'application/json;as=Table;g=meta.k8s.io;v=v1',
    });
    expect(table.status).toBe(406);
    expect(JSON.parse(table.body)).toMatchObject({
      kind: 'Status',
      reason: 'NotAcceptable',
      code: 406,
    });
  });

  it('forbids full secret lists while allowing metadata-only ones', async () => {
    server.access.forbid({
      verb: 'list',
      resource: 'secrets',
      allowMetadataOnly: true,
    });
    const core = kc.makeApiClient(CoreV1Api);
    const denied = await failure(
      core.listNamespacedSecret({ namespace: 'cms-dev' }),
    );
    expect(denied.code).toBe(403);
    expect(denied.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Forbidden',
      code: 403,
      details: { kind: 'secrets' },
    });
    expect(denied.body.message).toMatch(
      /cannot list resource "secrets" in API group "" in the namespace "cms-dev"/,
    );
    const allowed = await core.listNamespacedSecret(
      { namespace: 'cms-dev' },
      setHeaderOptions('Accept', METADATA_LIST),
    );
    expect(allowed.items).toHaveLength(2);
  });
});

describe('auth', () => {
  it('answers 401 with a Status for a bad token', async () => {
    const core = clientFor('not-the-token').makeApiClient(CoreV1Api);
    const res = await failure(core.listNamespace());
    expect(res.code).toBe(401);
    const raw = await rawGet('/api/v1/namespaces', {
      authorization: 'Bearer nope',
    });
    expect(JSON.parse(raw.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    expect((await rawGet('/version', {})).status).toBe(401);
  });

  it('answers 403 for a forbidden resource only', async () => {
    server.access.forbid({ verb: 'list', resource: 'networkpolicies' });
    const net = kc.makeApiClient(NetworkingV1Api);
    const res = await failure(net.listNetworkPolicyForAllNamespaces());
    expect(res.code).toBe(403);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      code: 403,
      details: { group: 'networking.k8s.io', kind: 'networkpolicies' },
      message: expect.stringContaining('at the cluster scope'),
    });
    expect((await net.listIngressForAllNamespaces()).items).toHaveLength(2);
  });
});

describe('faults', () => {
  it('injects 429 with Retry-After, then recovers after `times`', async () => {
    server.faults.add({
      resource: 'deployments',
      status: 429,
      retryAfterSeconds: 7,
      times: 1,
    });
    const apps = kc.makeApiClient(AppsV1Api);
    const res = await failure(apps.listDeploymentForAllNamespaces());
    expect(res.code).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body).toMatchObject({
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 7 },
    });
    expect((await apps.listDeploymentForAllNamespaces()).items).toHaveLength(7);
  });

  it('injects 500 and 503 by path pattern', async () => {
    const handle = server.faults.add({
      path: '/api/v1/namespaces/*/configmaps',
      status: 500,
    });
    server.faults.add({ path: /\/statefulsets$/, status: 503 });
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const res = await failure(
      core.listNamespacedConfigMap({ namespace: 'cms-dev' }),
    );
    expect(res.code).toBe(500);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'InternalError' });
    expect((await failure(apps.listStatefulSetForAllNamespaces())).code).toBe(
      503,
    );
    expect(
      (await core.listNamespacedService({ namespace: 'cms-dev' })).items,
    ).toHaveLength(3);
    expect(handle.hits).toBe(1);
    handle.remove();
    expect(
      (await core.listNamespacedConfigMap({ namespace: 'cms-dev' })).items,
    ).toHaveLength(1);
  });

  it('adds latency', async () => {
    server.faults.add({ verb: 'get', resource: 'deployments', latencyMs: 400 });
    const apps = kc.makeApiClient(AppsV1Api);
    const started = Date.now();
    await apps.readNamespacedDeployment({
      namespace: 'cms-dev',
      name: 'cms-mcp',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const fast = Date.now();
    await apps.listNamespacedDeployment({ namespace: 'cms-dev' });
    expect(Date.now() - fast).toBeLessThan(390);
  });

  // client-node 2.x fetches through undici: a network failure surfaces as
  // TypeError('fetch failed' / 'terminated') with the socket error as cause,
  // never as an ApiException.
  it('drops connections, before the response and mid-body', async () => {
    server.faults.add({ resource: 'pods', drop: true, times: 1 });
    const core = kc.makeApiClient(CoreV1Api);
    const dropped = await networkError(core.listPodForAllNamespaces());
    expect(dropped.cause?.code).toBe('UND_ERR_SOCKET'); // "other side closed"
    expect(server.requests.byPath('/api/v1/pods')[0]).toMatchObject({
      dropped: true,
      status: 0,
    });

    server.faults.add({ resource: 'pods', drop: 'mid-body', times: 1 });
    const truncated = await networkError(core.listPodForAllNamespaces());
    expect(truncated.message).toBe('terminated');
    expect((await core.listPodForAllNamespaces()).items).toHaveLength(6);
  });

  it('has a global down switch (reset and refuse) and comes back up', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    await core.listNamespace(); // leaves a keep-alive connection open
    await server.faults.setDown('reset');
    expect((await networkError(core.listNamespace())).cause?.code).toBe(
      'ECONNRESET',
    );
    await server.faults.setDown('refuse');
    expect((await networkError(core.listNamespace())).cause?.code).toBe(
      'ECONNREFUSED',
    );
    await server.faults.setDown(false);
    expect((await core.listNamespace()).items).toHaveLength(3);
  });
});

describe('request record', () => {
  it('records method, path, query, accept header, time and status', async () => {
    server.requests.reset();
    const before = Date.now();
    const apps = kc.makeApiClient(AppsV1Api);
    await apps.listNamespacedDeployment({
      namespace: 'cms-dev',
      labelSelector: 'app=cms-mcp',
      limit: 3,
    });
    await failure(
      apps.readNamespacedDeployment({ namespace: 'cms-dev', name: 'missing' }),
    );
    const [list, get] = server.requests.all();
    expect(list).toMatchObject({
      seq: 1,
      method: 'GET',
      path: '/apis/apps/v1/namespaces/cms-dev/deployments',
      query: { labelSelector: 'app=cms-mcp', limit: '3' },
      verb: 'list',
      resource: {
        group: 'apps',
        version: 'v1',
        plural: 'deployments',
        namespace: 'cms-dev',
      },
      status: 200,
      dropped: false,
    });
    expect(list.accept).toContain('application/json');
    expect(list.time).toBeGreaterThanOrEqual(before);
    expect(get).toMatchObject({ verb: 'get', status: 404 });
    server.requests.reset();
    expect(server.requests.all()).toEqual([]);
  });
});
