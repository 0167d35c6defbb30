import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  KubeApiServer,
  startKubeApiServer,
} from '@internal/plugin-twelve-factor-node/testUtils';
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { twelveFactorPlugin } from '../plugin';

jest.setTimeout(120_000);

const FIXTURE = path.resolve(
  __dirname,
  '../../../../examples/auto-builder-cms',
);
const REPO = path.join(FIXTURE, 'repo');
const ENTITY_REF = 'component:default/auto-builder-cms';
const CLUSTER = 'aks-autobuilder';

/** Every file under `dir`, relative to it. */
function filesOf(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(d =>
      d.isDirectory()
        ? filesOf(dir, path.posix.join(prefix, d.name))
        : [path.posix.join(prefix, d.name)],
    );
}

/**
 * The SCM, which the test cannot reach: the example's repository folder
 * served as the tree of its source location, with an ETag, answering
 * NotModifiedError when the caller already has it (as Backstage's readers do).
 */
function exampleRepoReader(): Partial<UrlReaderService> {
  return {
    readTree: async (url, options) => {
      if (!url.includes('example-org/auto-builder-cms-dev'))
        throw new Error(`no repository at ${url}`);
      if (options?.etag === 'v1') throw new NotModifiedError();
      return {
        etag: 'v1',
        files: async () =>
          filesOf(REPO).map(p => ({
            path: p,
            content: async () => fs.promises.readFile(path.join(REPO, p)),
          })),
        archive: async () => {
          throw new Error('not used');
        },
        dir: async () => {
          throw new Error('not used');
        },
      };
    },
  };
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, the samples only. */
function parseScrape(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || line.startsWith('#')) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]] = l[2];
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

function find(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): Sample[] {
  return samples.filter(
    s =>
      s.name === name &&
      Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

const sum = (samples: Sample[]) => samples.reduce((a, s) => a + s.value, 0);

describe('metrics, scraped from a Prometheus endpoint after scans', () => {
  let exporter: PrometheusExporter;
  let provider: MeterProvider;
  let scrapeServer: http.Server;
  let kube: KubeApiServer;
  let kubeconfig: string;

  beforeAll(async () => {
    // The example backend's set-up (packages/backend/src/instrumentation.js),
    // on an ephemeral port: the global provider is set once for this file.
    exporter = new PrometheusExporter({ preventServerStart: true });
    provider = new MeterProvider({ readers: [exporter] });
    if (!metrics.setGlobalMeterProvider(provider))
      throw new Error('a global meter provider was already registered');
    scrapeServer = http.createServer((req, res) =>
      exporter.getMetricsRequestHandler(req, res),
    );
    await new Promise<void>(r => scrapeServer.listen(0, '127.0.0.1', r));

    kube = await startKubeApiServer({
      dumps: [path.join(FIXTURE, 'cluster.yaml')],
      // One kind the collector may not list: its errors are counted.
      forbid: [{ verb: 'list', resource: 'networkpolicies' }],
    });
    kubeconfig = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'tf-metrics-')),
      'kubeconfig',
    );
    await kube.writeKubeconfig(kubeconfig);
  });

  afterAll(async () => {
    await new Promise(r => scrapeServer.close(r));
    await kube.close();
    await provider.shutdown();
    metrics.disable();
  });

  async function scrape(): Promise<{ text: string; samples: Sample[] }> {
    const { port } = scrapeServer.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, samples: parseScrape(text) };
  }

  it('counts scans, reads, cluster requests and errors, and reports the queue, bands and group scores, with no entity ref as a label', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        twelveFactorPlugin,
        mockServices.urlReader.mock(exampleRepoReader()).factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                { type: 'file', target: path.join(REPO, 'catalog-info.yaml') },
              ],
              processingInterval: { seconds: 1 },
            },
            twelveFactor: {
              // The repository comes through the UrlReader, with its ETag.
              sources: { fromFileLocations: false },
              clusters: [
                {
                  name: CLUSTER,
                  authProvider: 'kubeconfig',
                  kubeconfigPath: kubeconfig,
                },
              ],
            },
          },
        }),
      ],
    });
    for (let i = 0; ; i++) {
      const res = await request(server).get(
        '/api/catalog/entities/by-name/component/default/auto-builder-cms',
      );
      if (res.status === 200) break;
      if (i > 100) throw new Error('the catalog never produced the entity');
      await new Promise(r => setTimeout(r, 200));
    }

    const refresh = () =>
      request(server).post(
        '/api/twelve-factor/scorecards/component/default/auto-builder-cms/refresh',
      );
    // First scan: the tree is downloaded and evaluated; the second finds the
    // same ETag and the same clusters, and only re-stamps.
    const first = await refresh();
    expect(first.status).toBe(200);
    const second = await refresh();
    expect(second.status).toBe(200);
    expect(second.body.overall).toBe(first.body.overall);

    // Scraped right after the scans: the fleet gauges already count them.
    const { text, samples } = await scrape();

    // Scans by outcome, and their durations.
    const scans = (outcome: string) =>
      sum(find(samples, 'twelve_factor_scans_total', { outcome }));
    expect(scans('scored')).toBeGreaterThanOrEqual(1);
    expect(scans('unchanged')).toBeGreaterThanOrEqual(1);
    expect(scans('failed')).toBe(0);
    const durations = find(samples, 'twelve_factor_scan_duration_count', {
      outcome: 'scored',
    });
    expect(sum(durations)).toBe(scans('scored'));
    expect(
      find(samples, 'twelve_factor_scan_duration_sum', { outcome: 'scored' })[0]
        .value,
    ).toBeGreaterThan(0);
    expect(
      find(samples, 'twelve_factor_scan_duration_bucket', {
        outcome: 'unchanged',
        le: '+Inf',
      })[0].value,
    ).toBe(scans('unchanged'));

    // Repository downloads against ETag skips.
    const reads = (result: string) =>
      sum(find(samples, 'twelve_factor_repository_reads_total', { result }));
    expect(reads('downloaded')).toBeGreaterThanOrEqual(1);
    expect(reads('not_modified')).toBeGreaterThanOrEqual(1);
    expect(reads('failed')).toBe(0);

    // Cluster requests and errors, by cluster and kind: exactly what the API server saw.
    const requests = find(samples, 'twelve_factor_cluster_requests_total', {
      cluster: CLUSTER,
    });
    expect(sum(requests)).toBe(kube.requests.length);
    expect(
      sum(
        find(samples, 'twelve_factor_cluster_requests_total', {
          cluster: CLUSTER,
          kind: 'Deployment',
        }),
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sum(
        find(samples, 'twelve_factor_cluster_requests_total', {
          cluster: CLUSTER,
          kind: 'discovery',
        }),
      ),
    ).toBeGreaterThanOrEqual(1);
    const errors = find(samples, 'twelve_factor_cluster_errors_total', {
      cluster: CLUSTER,
    });
    expect(errors.map(e => e.labels.kind)).toEqual(['NetworkPolicy']);
    expect(errors[0].value).toBe(
      kube.requests.filter(r => r.status === 403).length,
    );
    expect(errors[0].value).toBeGreaterThanOrEqual(1);

    // The queue, the bands and the average score of the owning group.
    const queue = find(samples, 'twelve_factor_queue_length');
    expect(queue).toHaveLength(1);
    expect(queue[0].value).toBeGreaterThanOrEqual(0);
    const bands = Object.fromEntries(
      find(samples, 'twelve_factor_services').map(s => [
        s.labels.band,
        s.value,
      ]),
    );
    // Overall 69.4 % in the report: fair.
    expect(bands).toEqual({ good: 0, fair: 1, poor: 0, none: 0 });
    const score = (score_group: string) =>
      find(samples, 'twelve_factor_group_score', {
        owner: 'group:default/platform-team',
        score_group,
      });
    expect(score('overall')[0].value).toBeCloseTo(second.body.overall, 6);
    const groupScore = (id: string) =>
      second.body.groups.find((g: any) => g.groupId === id).score;
    expect(score('twelve-factor')[0].value).toBeCloseTo(
      groupScore('twelve-factor'),
      6,
    );
    expect(score('cloud-native')[0].value).toBeCloseTo(
      groupScore('cloud-native'),
      6,
    );

    // Bounded cardinality: no service's entity ref, or its name, in any label.
    const labelValues = samples.flatMap(s => Object.values(s.labels));
    expect(labelValues.filter(v => /^component:/i.test(v))).toEqual([]);
    expect(text).not.toContain(ENTITY_REF);
    expect(text).not.toContain('auto-builder-cms');
  });
});
