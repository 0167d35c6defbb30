import { ConfigReader } from '@backstage/config';
import {
  AggregationTemporality,
  DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { IndexedService } from '../fleet/FleetIndex';
import { TwelveFactorMetrics } from './TwelveFactorMetrics';

function service(owner: string, overall: number): IndexedService {
  const entityRef = `component:default/svc-${overall}`;
  const latest = {
    id: overall,
    entityRef,
    since: 0,
    at: 0,
    summary: {
      entityRef,
      generatedAt: new Date(0).toISOString(),
      overall,
      twelveFactor: overall,
      cloudNative: overall,
      areas: {},
      counts: { pass: 0, partial: 0, fail: 0, unknown: 0, waived: 0 },
    },
    verdicts: '',
    updatedMs: 0,
  };
  return {
    info: {
      entityRef,
      owner,
      namespace: 'default',
      tags: [],
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `svc-${overall}` },
      },
      active: true,
      updatedMs: 0,
    },
    scans: [latest],
    latest,
  };
}

/** The plugin's instruments on a real SDK meter, read back through an in-memory exporter. */
async function collect(config: object) {
  const exporter = new InMemoryMetricExporter(
    AggregationTemporality.CUMULATIVE,
  );
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: 3_600_000,
  });
  const provider = new MeterProvider({ readers: [reader] });
  const metrics = TwelveFactorMetrics.fromConfig(
    provider.getMeter('test'),
    new ConfigReader(config),
  );
  let refreshes = 0;
  metrics.observeFleet({
    version: 1,
    refresh: async () => {
      refreshes++;
    },
    active: () => [
      service('group:default/a', 90),
      service('group:default/a', 70),
      service('group:default/b', 40),
    ],
  });
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  const points = resourceMetrics.scopeMetrics
    .flatMap(s => s.metrics)
    .filter(m => m.descriptor.name === 'twelve_factor.group.score')
    .flatMap(m => m.dataPoints as DataPoint<number>[])
    .filter(p => p.attributes.score_group === 'overall')
    .map(p => ({ attributes: p.attributes, value: p.value }));
  return { points, refreshes };
}

describe('TwelveFactorMetrics', () => {
  it('reports the average score per owning group by default', async () => {
    const { points, refreshes } = await collect({});
    expect(points).toEqual([
      {
        attributes: { owner: 'group:default/a', score_group: 'overall' },
        value: 80,
      },
      {
        attributes: { owner: 'group:default/b', score_group: 'overall' },
        value: 40,
      },
    ]);
    // Both fleet gauges bring the index up to date before reading it.
    expect(refreshes).toBeGreaterThanOrEqual(1);
  });

  it('averages the whole fleet, without owners, when ownerAttributes is off', async () => {
    const { points } = await collect({
      twelveFactor: { metrics: { ownerAttributes: false } },
    });
    expect(points).toEqual([
      { attributes: { score_group: 'overall' }, value: (90 + 70 + 40) / 3 },
    ]);
  });
});
