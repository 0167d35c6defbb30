import { KubeConfig } from '@kubernetes/client-node';
import {
  createTwelveFactorEngine,
  loadClusterDump,
} from '@internal/plugin-twelve-factor-node';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/plugin-twelve-factor-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ClusterCollector } from './ClusterCollector';

jest.setTimeout(60_000);

const FIXTURE = path.resolve(
  __dirname,
  '../../../../examples/auto-builder-cms',
);
const DUMP = path.join(FIXTURE, 'cluster.yaml');
const expected = parse(
  fs.readFileSync(path.join(FIXTURE, 'expected.yaml'), 'utf8'),
);
const entity = parse(
  fs.readFileSync(path.join(FIXTURE, 'repo/catalog-info.yaml'), 'utf8'),
);

function kubeConfigOf(
  server: KubeApiServer,
  token?: string,
  ca?: string,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'test',
        server: server.url,
        caData: Buffer.from(ca ?? server.caPem).toString('base64'),
        skipTLSVerify: false,
      },
    ],
    users: [{ name: 'sa', token: token ?? server.token }],
    contexts: [{ name: 'test', cluster: 'test', user: 'sa' }],
    currentContext: 'test',
  });
  return kc;
}

const FAST = {
  backoffMs: 10,
  maxBackoffMs: 50,
  requestTimeoutMs: 2_000,
  scanTimeoutMs: 20_000,
};

describe('ClusterCollector against the test API server, over HTTPS with @kubernetes/client-node', () => {
  let server: KubeApiServer;
  beforeAll(async () => {
    server = await startKubeApiServer({ dumps: [DUMP] });
  });
  afterAll(() => server.close());
  afterEach(() => server.reset());

  it('collects every kind with one paginated LIST each, and scores exactly as the dump does', async () => {
    const { cluster, stats } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      { ...FAST, pageSize: 2 },
    ).collect();
    expect(cluster.error).toBeUndefined();
    expect(cluster.unreadableKinds).toBeUndefined();
    expect(cluster.installedKinds).toEqual(['SecretProviderClass']);

    const fromDump = loadClusterDump(
      'aks',
      fs.readFileSync(DUMP, 'utf8'),
    ).cluster;
    const keys = (objs: any[]) =>
      objs
        .filter(
          o =>
            !['Namespace', 'CustomResourceDefinition', 'IngressClass'].includes(
              o.kind,
            ),
        )
        .map(o => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)
        .sort();
    expect(keys(cluster.objects)).toEqual(keys(fromDump.objects));

    // Paging: lists of kinds with more than pageSize objects needed continue tokens.
    const lists = server.requests.all().filter(r => r.verb === 'list');
    expect(lists.some(r => r.query.continue)).toBe(true);
    expect(
      new Set(lists.filter(r => !r.query.continue).map(r => r.resource!.plural))
        .size,
    ).toBe(lists.filter(r => !r.query.continue).length);
    expect(stats.requests).toBe(server.requests.all().length);

    const engine = createTwelveFactorEngine();
    const viaApi = await engine.evaluate(
      { entity, clusters: [cluster] },
      { now: new Date('2026-11-26') },
    );
    const viaDump = await engine.evaluate(
      { entity, clusters: [fromDump] },
      { now: new Date('2026-11-26') },
    );
    expect(viaApi.results.map(r => [r.checkId, r.verdict])).toEqual(
      viaDump.results.map(r => [r.checkId, r.verdict]),
    );
  });

  it('reads Secrets as metadata only: no Secret request without the metadata Accept header, no value anywhere', async () => {
    const { cluster } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      FAST,
    ).collect();
    const secretRequests = server.requests
      .all()
      .filter(r => r.resource?.plural === 'secrets');
    expect(secretRequests.length).toBeGreaterThan(0);
    for (const r of secretRequests) {
      expect(r.accept).toContain('as=PartialObjectMetadataList');
      expect(r.representation).toBe('metadata');
    }
    const text = JSON.stringify(cluster);
    for (const v of expected.secret_values as string[])
      expect(text.includes(v) ? v : null).toBeNull();
    expect(
      cluster.objects
        .filter(o => o.kind === 'Secret')
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual([
      'app-secrets',
      'app-secrets',
      'cms-tls',
      'db-credentials',
      'db-credentials',
    ]);
  });

  it('keeps going when some kinds are forbidden, and says which', async () => {
    server.access.forbid({ resource: 'networkpolicies', verb: 'list' });
    server.access.forbid({ resource: 'configmaps', verb: 'list' });
    const { cluster } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      FAST,
    ).collect();
    expect(cluster.error).toBeUndefined();
    expect(cluster.unreadableKinds?.map(k => k.kind).sort()).toEqual([
      'ConfigMap',
      'NetworkPolicy',
    ]);
    expect(cluster.unreadableKinds?.[0].reason).toMatch(/forbidden/);
    expect(
      cluster.objects.filter(o => o.kind === 'Deployment').length,
    ).toBeGreaterThan(0);
  });

  it('retries 429 (honouring Retry-After) and 5xx, bounded, then succeeds', async () => {
    const throttled = server.faults.add({
      resource: 'deployments',
      status: 429,
      retryAfterSeconds: 0,
      times: 2,
    });
    const broken = server.faults.add({
      resource: 'services',
      status: 503,
      times: 1,
    });
    const dropped = server.faults.add({
      resource: 'pods',
      drop: true,
      times: 1,
    });
    const { cluster, stats } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      FAST,
    ).collect();
    expect(throttled.hits).toBe(2);
    expect(broken.hits).toBe(1);
    expect(dropped.hits).toBe(1);
    expect(stats.retries).toBe(4);
    expect(cluster.unreadableKinds).toBeUndefined();
    expect(cluster.objects.filter(o => o.kind === 'Deployment')).toHaveLength(
      7,
    );
  });

  it('gives up on a kind after the bounded attempts and reports it', async () => {
    server.faults.add({ resource: 'statefulsets', status: 500 });
    const { cluster, stats } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      { ...FAST, maxAttempts: 3 },
    ).collect();
    expect(
      server.requests.all().filter(r => r.resource?.plural === 'statefulsets'),
    ).toHaveLength(3);
    expect(stats.retries).toBe(2);
    expect(cluster.unreadableKinds).toEqual([
      { kind: 'StatefulSet', reason: expect.stringContaining('HTTP 500') },
    ]);
  });

  it('bounds slow requests by the request timeout', async () => {
    server.faults.add({ resource: 'ingresses', latencyMs: 3_000 });
    const started = Date.now();
    const { cluster } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      { ...FAST, requestTimeoutMs: 300, maxAttempts: 2 },
    ).collect();
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(cluster.unreadableKinds).toEqual([
      { kind: 'Ingress', reason: expect.stringMatching(/timed out/) },
    ]);
  });

  it('bounds the whole collection by the scan timeout', async () => {
    server.faults.add({ path: '/apis/**', latencyMs: 400 });
    const started = Date.now();
    const { cluster } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server),
      { ...FAST, scanTimeoutMs: 1_000 },
    ).collect();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(
      cluster.error ?? cluster.unreadableKinds?.map(k => k.reason).join(),
    ).toMatch(/timeout|timed out|discovery failed/);
  });

  it('reports a 401 as an unusable cluster, not as empty data', async () => {
    const { cluster } = await new ClusterCollector(
      'aks',
      kubeConfigOf(server, 'wrong-token'),
      FAST,
    ).collect();
    expect(cluster.error).toMatch(/unauthorized/);
    expect(cluster.objects).toEqual([]);
  });

  it('reports a TLS failure when the CA does not match', async () => {
    const other = await startKubeApiServer({});
    try {
      const { cluster } = await new ClusterCollector(
        'aks',
        kubeConfigOf(server, undefined, other.caPem),
        FAST,
      ).collect();
      expect(cluster.error).toMatch(/TLS|certificate/i);
    } finally {
      await other.close();
    }
  });

  it('reports an unreachable cluster', async () => {
    const gone = await startKubeApiServer({});
    const kc = kubeConfigOf(gone);
    await gone.close();
    const { cluster } = await new ClusterCollector('aks', kc, FAST).collect();
    expect(cluster.error).toMatch(/unreachable|ECONNREFUSED/);
  });
});
