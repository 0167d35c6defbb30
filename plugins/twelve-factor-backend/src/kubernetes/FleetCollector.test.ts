import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  createTwelveFactorEngine,
  loadLocalRepo,
} from '@internal/plugin-twelve-factor-node';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/plugin-twelve-factor-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ClusterSpec } from './clusterConfig';
import { FleetCollector } from './FleetCollector';

jest.setTimeout(60_000);

const FIXTURE = path.resolve(
  __dirname,
  '../../../../examples/auto-builder-cms',
);
const entity = parse(
  fs.readFileSync(path.join(FIXTURE, 'repo/catalog-info.yaml'), 'utf8'),
);
const logs: string[] = [];
const logger: LoggerService = {
  info: m => logs.push(m),
  warn: m => logs.push(m),
  error: m => logs.push(m),
  debug: m => logs.push(m),
  child: () => logger,
};

function spec(name: string, server: KubeApiServer): ClusterSpec {
  return {
    name,
    url: server.url,
    caData: Buffer.from(server.caPem).toString('base64'),
    auth: { provider: 'serviceAccount', token: server.token },
    namespaces: [],
  };
}

describe('FleetCollector: one cluster failing never blocks another', () => {
  let healthy: KubeApiServer;
  let flaky: KubeApiServer;
  beforeAll(async () => {
    healthy = await startKubeApiServer({
      dumps: [path.join(FIXTURE, 'cluster.yaml')],
    });
    flaky = await startKubeApiServer({
      dumps: [path.join(FIXTURE, 'cluster.yaml')],
    });
  });
  afterAll(async () => {
    await healthy.close();
    await flaky.close();
  });
  afterEach(async () => {
    await healthy.reset();
    await flaky.reset();
  });

  async function score(fleet: FleetCollector) {
    const { clusters } = await fleet.current();
    const { snapshot } = await loadLocalRepo(path.join(FIXTURE, 'repo'));
    return {
      clusters,
      card: await createTwelveFactorEngine().evaluate({
        entity,
        repo: snapshot,
        clusters,
      }),
    };
  }

  it('a down cluster: its reason on the affected checks, the other cluster intact', async () => {
    await flaky.faults.setDown('refuse');
    const fleet = new FleetCollector(
      async () => [spec('eu', healthy), spec('us', flaky)],
      logger,
      {
        maxAgeMs: 60_000,
        collector: { backoffMs: 10, requestTimeoutMs: 2000 },
      },
    );
    const { clusters, card } = await score(fleet);
    expect(clusters.find(c => c.name === 'us')!.error).toMatch(
      /unreachable|ECONNREFUSED|discovery failed/,
    );
    const eu = clusters.find(c => c.name === 'eu')!;
    expect(eu.error).toBeUndefined();
    expect(eu.objects.length).toBeGreaterThan(40);
    const readiness = card.results.find(
      r => r.checkId === 'cn-observability.readiness',
    )!;
    expect(readiness.verdict).toBe('unknown');
    expect(readiness.reason).toContain('cluster us could not be read');
    // The healthy cluster's evidence is still there.
    expect(
      readiness.evidence.some(
        e => e.type === 'cluster-object' && e.cluster === 'eu',
      ),
    ).toBe(true);
    // Checks that found a gap keep their fail.
    expect(
      card.results.find(r => r.checkId === 'cn-resilience.pdb')!.verdict,
    ).toBe('fail');
  });

  it('a kind forbidden in one cluster: only the checks that need it become unknown', async () => {
    flaky.access.forbid({ resource: 'networkpolicies', verb: 'list' });
    flaky.access.forbid({ resource: 'poddisruptionbudgets', verb: 'list' });
    const fleet = new FleetCollector(
      async () => [spec('eu', healthy), spec('us', flaky)],
      logger,
      { maxAgeMs: 60_000 },
    );
    const { clusters, card } = await score(fleet);
    expect(
      clusters
        .find(c => c.name === 'us')!
        .unreadableKinds?.map(k => k.kind)
        .sort(),
    ).toEqual(['NetworkPolicy', 'PodDisruptionBudget']);
    // No NetworkPolicy anywhere is still a gap; the forbidden kind cannot turn it into a pass.
    expect(
      card.results.find(r => r.checkId === 'cn-security.network-policy')!
        .verdict,
    ).toBe('fail');
    // Liveness does not need those kinds.
    expect(
      card.results.find(r => r.checkId === 'cn-observability.liveness')!
        .verdict,
    ).toBe('pass');
  });

  it('a 429/5xx storm on one cluster is retried without slowing the other past its own collection', async () => {
    flaky.faults.add({ resource: 'deployments', status: 503, times: 2 });
    flaky.faults.add({
      resource: 'pods',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
    });
    const fleet = new FleetCollector(
      async () => [spec('eu', healthy), spec('us', flaky)],
      logger,
      { maxAgeMs: 60_000, collector: { backoffMs: 10 } },
    );
    const snap = await fleet.collect();
    expect(snap.stats.us.retries).toBe(3);
    expect(snap.stats.eu.retries).toBe(0);
    expect(snap.clusters.every(c => !c.error && !c.unreadableKinds)).toBe(true);
  });

  it('reuses a fresh collection and changes its version only when the clusters change', async () => {
    const fleet = new FleetCollector(
      async () => [spec('eu', healthy)],
      logger,
      { maxAgeMs: 60_000 },
    );
    const first = await fleet.current();
    const requests = healthy.requests.all().length;
    const again = await fleet.current();
    expect(healthy.requests.all().length).toBe(requests);
    expect(again.version).toBe(first.version);
    const recollected = await fleet.collect();
    expect(recollected.version).toBe(first.version);
  });
});
