/*
 * Child process of the fleet benchmark: serves generated clusters from test
 * API servers, so that the benchmark's own memory is measured alone. Prints
 * one JSON line with the servers' URLs, CAs and tokens, then serves until
 * killed.
 */
import { startKubeApiServer } from '@internal/plugin-twelve-factor-node/testUtils';
import { generateClusterObjects } from './generateFleet';

async function main() {
  const clusters = Number(process.argv[2] ?? 3);
  const entities = Number(process.argv[3] ?? 1000);
  const servers = [];
  for (let c = 0; c < clusters; c++) {
    const name = `bench-${c}`;
    const server = await startKubeApiServer({
      dumps: [
        {
          apiVersion: 'v1',
          kind: 'List',
          items: generateClusterObjects(name, entities),
        } as any,
      ],
    });
    servers.push({
      name,
      url: server.url,
      caPem: server.caPem,
      token: server.token,
      objects: server.store.all().length,
    });
  }
  process.stdout.write(`${JSON.stringify(servers)}\n`);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
