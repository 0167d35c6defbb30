/*
 * Benchmark of issue "Live Kubernetes clusters": 3 clusters × ~20,000
 * objects, 1,000 entities. Collects every cluster through
 * @kubernetes/client-node over HTTPS (test API servers in a child process),
 * then scores every entity against its repository (generated from the
 * example fixture) and the collected clusters. Prints wall time, peak RSS of
 * this process, and the API request count next to what a per-entity,
 * per-kind fetch (as the Kubernetes plugin does) would need.
 * Run: yarn bench:fleet   (from the repository root)
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  createTwelveFactorEngine,
  loadLocalRepo,
  RepoSnapshot,
} from '@internal/plugin-twelve-factor-node';
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { FleetCollector } from '../src/kubernetes/FleetCollector';
import { BUILT_IN_KINDS } from '../src/kubernetes/resources';

const quietLogger: LoggerService = {
  info() {},
  warn: m => console.warn(m),
  error: m => console.error(m),
  debug() {},
  child: () => quietLogger,
};

const ROOT = path.resolve(__dirname, '../../..');
const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 3);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1000);

async function startServers(): Promise<{
  servers: Array<{
    name: string;
    url: string;
    caPem: string;
    token: string;
    objects: number;
  }>;
  stop: () => void;
}> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      path.join(__dirname, 'fleetServers.ts'),
      String(CLUSTERS),
      String(ENTITIES),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const rl = readline.createInterface({ input: child.stdout! });
  const line: string = await new Promise((resolve, reject) => {
    rl.once('line', resolve);
    child.once('exit', code =>
      reject(new Error(`server process exited with ${code}`)),
    );
  });
  return { servers: JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

function generateRepo(base: RepoSnapshot, i: number): RepoSnapshot {
  return new RepoSnapshot(
    base.paths().map(p => {
      const f = base.file(p)!;
      const text = f.text
        ?.replace(/auto-builder-cms/g, `svc-${i}`)
        .replace(/cms/g, `svc${i}`);
      return {
        ...f,
        ...(text !== undefined ? { text, size: text.length } : {}),
      };
    }),
  );
}

async function main() {
  const { servers, stop } = await startServers();
  try {
    const totalObjects = servers.reduce((n, s) => n + s.objects, 0);
    const { snapshot } = await loadLocalRepo(
      path.join(ROOT, 'examples/auto-builder-cms/repo'),
    );
    const repos = Array.from({ length: ENTITIES }, (_, i) =>
      generateRepo(snapshot, i),
    );
    const engine = createTwelveFactorEngine();
    const t0 = Date.now();

    const fleet = new FleetCollector(
      async () =>
        servers.map(s => ({
          name: s.name,
          url: s.url,
          caData: Buffer.from(s.caPem).toString('base64'),
          auth: { provider: 'serviceAccount' as const, token: s.token },
          namespaces: [],
        })),
      quietLogger,
      { maxAgeMs: 60_000 },
    );
    const snap = await fleet.collect();
    const collectMs = Date.now() - t0;
    const requests = Object.values(snap.stats).reduce(
      (n, s) => n + s.requests,
      0,
    );

    let scored = 0;
    for (let i = 0; i < ENTITIES; i++) {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: `svc-${i}`,
          namespace: 'default',
          annotations: { 'backstage.io/kubernetes-id': `svc-${i}` },
        },
        spec: { type: 'service' },
      };
      const card = await engine.evaluate({
        entity,
        repo: repos[i],
        clusters: snap.clusters,
      });
      if (card.results.length) scored++;
    }
    const totalMs = Date.now() - t0;
    const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    // The Kubernetes plugin fetches each object type for each entity in each cluster.
    const perEntityPerKind = ENTITIES * CLUSTERS * BUILT_IN_KINDS.length;
    const collected = snap.clusters.reduce((n, c) => n + c.objects.length, 0);
    console.log(
      [
        `fleet: ${CLUSTERS} clusters, ${totalObjects} objects served, ${collected} collected, ${ENTITIES} entities`,
        `collection: ${collectMs} ms (parallel over clusters)`,
        `collection + scoring of ${scored} entities: ${totalMs} ms`,
        `peak RSS of the benchmark process: ${peakRssMiB} MiB`,
        `API requests: ${requests} (per-entity, per-kind fetch over the same fleet: ${perEntityPerKind}; ${Math.round(
          perEntityPerKind / requests,
        )}x fewer)`,
      ].join('\n'),
    );
  } finally {
    stop();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
