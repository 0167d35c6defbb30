import type { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';

/** How the collector authenticates to a cluster. */
export type ClusterAuth =
  | { provider: 'serviceAccount'; token?: string; tokenFile?: string }
  | { provider: 'kubeconfig'; path?: string; context?: string }
  | { provider: 'inCluster' }
  | { provider: 'unsupported'; name: string };

/** One cluster to collect. Tokens stay in this object; they are never logged or stored. */
export interface ClusterSpec {
  name: string;
  url?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  auth: ClusterAuth;
  /** Restrict collection to these namespaces. */
  namespaces: string[];
}

function authOf(c: Config): ClusterAuth {
  const provider = c.getOptionalString('authProvider') ?? 'serviceAccount';
  switch (provider) {
    case 'serviceAccount': {
      const token = c.getOptionalString('serviceAccountToken');
      const tokenFile = c.getOptionalString('serviceAccountTokenFile');
      return {
        provider,
        ...(token ? { token } : {}),
        ...(tokenFile ? { tokenFile } : {}),
      };
    }
    case 'kubeconfig': {
      const path = c.getOptionalString('kubeconfigPath');
      const context = c.getOptionalString('kubeconfigContext');
      return {
        provider,
        ...(path ? { path } : {}),
        ...(context ? { context } : {}),
      };
    }
    case 'inCluster':
      return { provider };
    default:
      // aws, azure, google, oidc… authenticate as a user or need cloud SDKs;
      // the Kubernetes plugin's strategies fit here in a later version.
      return { provider: 'unsupported', name: provider };
  }
}

function specOf(c: Config): ClusterSpec {
  return {
    name: c.getString('name'),
    ...(c.getOptionalString('url') ? { url: c.getString('url') } : {}),
    ...(c.getOptionalString('caData') ? { caData: c.getString('caData') } : {}),
    ...(c.getOptionalString('caFile') ? { caFile: c.getString('caFile') } : {}),
    ...(c.getOptionalBoolean('skipTLSVerify') !== undefined
      ? { skipTLSVerify: c.getBoolean('skipTLSVerify') }
      : {}),
    auth: authOf(c),
    namespaces: c.getOptionalStringArray('namespaces') ?? [],
  };
}

/**
 * The clusters to collect: those of the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods` of type `config` (so clusters are
 * configured once), then `twelveFactor.clusters`, which overrides a cluster
 * of the same name or adds one. Catalog-located clusters are added by
 * `catalogClusters`.
 */
export function readClusterSpecs(config: Config): ClusterSpec[] {
  const byName = new Map<string, ClusterSpec>();
  for (const method of config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  ) ?? []) {
    if (method.getString('type') !== 'config') continue;
    for (const c of method.getOptionalConfigArray('clusters') ?? []) {
      const spec = specOf(c);
      byName.set(spec.name, spec);
    }
  }
  for (const c of config.getOptionalConfigArray('twelveFactor.clusters') ??
    []) {
    const spec = specOf(c);
    const base = byName.get(spec.name);
    byName.set(
      spec.name,
      base
        ? {
            ...base,
            ...spec,
            auth: c.has('authProvider') ? spec.auth : base.auth,
          }
        : spec,
    );
  }
  return [...byName.values()];
}

/** Whether `kubernetes.clusterLocatorMethods` has a `catalog` method. */
export function usesCatalogLocator(config: Config): boolean {
  return (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  ).some(m => m.getString('type') === 'catalog');
}

/**
 * Clusters from catalog Resource entities of type kubernetes-cluster, as the
 * Kubernetes plugin's `catalog` locator reads them. The catalog holds no
 * credentials: a cluster needs a `twelveFactor.clusters` entry of the same
 * name for its token, or in-cluster auth.
 */
export function catalogClusters(
  entities: ReadonlyArray<{
    metadata: { name: string; annotations?: Record<string, string> };
  }>,
  configured: ReadonlyArray<ClusterSpec>,
): ClusterSpec[] {
  const known = new Set(configured.map(c => c.name));
  return entities
    .filter(
      e =>
        e.metadata.annotations?.['kubernetes.io/api-server'] &&
        !known.has(e.metadata.name),
    )
    .map(e => {
      const a = e.metadata.annotations!;
      const provider = a['kubernetes.io/auth-provider'] ?? 'serviceAccount';
      return {
        name: e.metadata.name,
        url: a['kubernetes.io/api-server'],
        ...(a['kubernetes.io/api-server-certificate-authority']
          ? { caData: a['kubernetes.io/api-server-certificate-authority'] }
          : {}),
        ...(a['kubernetes.io/skip-tls-verify'] === 'true'
          ? { skipTLSVerify: true }
          : {}),
        auth:
          provider === 'inCluster'
            ? { provider: 'inCluster' as const }
            : {
                provider: 'unsupported' as const,
                name: `${provider} (catalog clusters carry no credentials; add twelveFactor.clusters[name=${e.metadata.name}])`,
              },
        namespaces: [],
      };
    });
}

/** A KubeConfig for a cluster spec; throws with a readable message when it cannot be built. */
export function kubeConfigFor(spec: ClusterSpec): KubeConfig {
  const kc = new KubeConfig();
  switch (spec.auth.provider) {
    case 'kubeconfig': {
      if (spec.auth.path) kc.loadFromFile(spec.auth.path);
      else kc.loadFromDefault();
      if (spec.auth.context) kc.setCurrentContext(spec.auth.context);
      return kc;
    }
    case 'inCluster':
      kc.loadFromCluster();
      return kc;
    case 'serviceAccount': {
      if (!spec.url) throw new Error(`cluster ${spec.name} has no url`);
      const token =
        spec.auth.token ??
        (spec.auth.tokenFile
          ? fs.readFileSync(spec.auth.tokenFile, 'utf8').trim()
          : undefined);
      if (!token)
        throw new Error(`cluster ${spec.name} has no serviceAccountToken`);
      const caData =
        spec.caData && !spec.caData.includes('BEGIN')
          ? spec.caData
          : spec.caData
          ? Buffer.from(spec.caData).toString('base64')
          : undefined;
      kc.loadFromOptions({
        clusters: [
          {
            name: spec.name,
            server: spec.url,
            ...(caData ? { caData } : {}),
            ...(spec.caFile ? { caFile: spec.caFile } : {}),
            skipTLSVerify: spec.skipTLSVerify ?? false,
          },
        ],
        users: [{ name: `${spec.name}-sa`, token }],
        contexts: [
          { name: spec.name, cluster: spec.name, user: `${spec.name}-sa` },
        ],
        currentContext: spec.name,
      });
      return kc;
    }
    default:
      throw new Error(
        `auth provider ${spec.auth.name} is not supported by the twelve-factor collector`,
      );
  }
}
