/* eslint-disable no-console */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ForbidRule } from './auth';
import { Verb } from './routes';
import { startKubeApiServer } from './server';

const USAGE = `Serves Kubernetes cluster dumps over a test API server (HTTPS, read-only).

Usage (from the repository root):
  node -r @backstage/cli/config/nodeTransform.cjs \\
    plugins/twelve-factor-node/src/testing/kubeApiServer/cli.ts [options] <dump.yaml|json>...

Options:
  --port <n>          port on 127.0.0.1 (default 6443; 0 picks a free one)
  --kubeconfig <path> where to write the kubeconfig (default ./kube-api-test.kubeconfig)
  --token <token>     bearer token to require (default: random)
  --namespace <ns>    default namespace of the kubeconfig context
  --forbid <rule>     answer 403 for [verb:]resource[.group], e.g. list:networkpolicies,
                      list:secrets+meta (allows metadata-only lists); repeatable
  -h, --help          this text
`;

function parseForbid(spec: string): ForbidRule {
  const allowMetadataOnly = spec.endsWith('+meta');
  const body = allowMetadataOnly ? spec.slice(0, -'+meta'.length) : spec;
  const [verb, resourceSpec] = body.includes(':')
    ? body.split(':', 2)
    : [undefined, body];
  const dot = resourceSpec.indexOf('.');
  return {
    resource: dot < 0 ? resourceSpec : resourceSpec.slice(0, dot),
    group: dot < 0 ? undefined : resourceSpec.slice(dot + 1),
    verb: verb ? (verb as Verb) : undefined,
    allowMetadataOnly,
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '6443' },
      kubeconfig: { type: 'string', default: 'kube-api-test.kubeconfig' },
      token: { type: 'string' },
      namespace: { type: 'string' },
      forbid: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const server = await startKubeApiServer({
    dumps: positionals.map(p => resolve(p)),
    port: Number(values.port),
    token: values.token,
    forbid: (values.forbid ?? []).map(parseForbid),
  });
  const kubeconfigPath = resolve(values.kubeconfig!);
  await server.writeKubeconfig(kubeconfigPath, { namespace: values.namespace });
  console.log(`Kubernetes test API server on ${server.url}`);
  console.log(
    `  objects:    ${server.store.all().length} from ${positionals.join(', ')}`,
  );
  console.log(`  kubeconfig: ${kubeconfigPath}`);
  console.log(
    `  try:        kubectl --kubeconfig ${kubeconfigPath} get deploy -A`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
