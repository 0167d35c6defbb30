import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  /** Name of the cluster, user and context entries; `kube-api-test` by default. */
  name?: string;
  /** Default namespace of the context. */
  namespace?: string;
}

/**
 * A kubeconfig with the CA inline (certificate-authority-data) and the bearer
 * token, so it works from any directory and for kubectl and
 * @kubernetes/client-node alike.
 */
export function renderKubeconfig(
  server: { url: string; caPem: string; token: string },
  options: KubeconfigOptions = {},
): string {
  const name = options.name ?? 'kube-api-test';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name,
        cluster: {
          server: server.url,
          'certificate-authority-data': Buffer.from(server.caPem).toString(
            'base64',
          ),
        },
      },
    ],
    users: [{ name, user: { token: server.token } }],
    contexts: [
      {
        name,
        context: {
          cluster: name,
          user: name,
          ...(options.namespace ? { namespace: options.namespace } : {}),
        },
      },
    ],
    'current-context': name,
    preferences: {},
  });
}

export async function writeKubeconfigFile(
  path: string,
  content: string,
): Promise<void> {
  // 0600 like kubectl writes it: the file holds a credential.
  await writeFile(path, content, { mode: 0o600 });
}
