import type { Evidence } from '@internal/plugin-twelve-factor-common';

/** Resolves a path against a base URL, as ScmIntegrationRegistry.resolveUrl does. */
export interface UrlResolver {
  resolveUrl(options: {
    url: string;
    base: string;
    lineNumber?: number;
  }): string;
}

/** The root of a Gitea tree address: `…/src/branch/<ref>/`. */
const GITEA_TREE =
  /^(https?:\/\/[^?#]*?\/src\/(?:branch|tag|commit)\/[^/?#]+\/)/;

/**
 * The web address of a file evidence: the file at its line in the
 * repository's web UI (GitHub, GitLab, Bitbucket, Azure DevOps, Gitea: each
 * integration writes its own line anchor). Evidence paths are relative to
 * the repository root, so they are resolved from the root even when the
 * entity's source location is a monorepo folder. Undefined when the source
 * location is not a web address (a local folder) or nothing resolves it.
 */
export function fileEvidenceUrl(
  evidence: Evidence,
  sourceLocation: string | undefined,
  resolver: UrlResolver | undefined,
): string | undefined {
  if (evidence.type !== 'file' || !sourceLocation || !resolver)
    return undefined;
  if (!/^https?:\/\//.test(sourceLocation)) return undefined;
  const path = evidence.path.replace(/^\/+/, '');
  // A root-relative path loses Gitea's branch (`src/branch/main` is read
  // as a folder), so a Gitea tree is resolved from its root instead.
  const giteaRoot = GITEA_TREE.exec(sourceLocation)?.[1];
  try {
    return resolver.resolveUrl({
      url: giteaRoot ? path : `/${path}`,
      base: giteaRoot ?? sourceLocation,
      ...(evidence.startLine ? { lineNumber: evidence.startLine } : {}),
    });
  } catch {
    return undefined;
  }
}

/** Kubernetes resource names kubectl accepts, by kind. */
function resourceOf(kind: string): string {
  return kind.toLowerCase();
}

/**
 * The command that shows a cluster evidence's object as the scan saw it,
 * for readers without the Kubernetes plugin. The cluster name is the one
 * configured in twelveFactor.clusters, which is usually the kubeconfig
 * context's name too.
 */
export function kubectlCommand(evidence: Evidence): string | undefined {
  if (evidence.type !== 'cluster-object') return undefined;
  const parts = [
    'kubectl get',
    `${resourceOf(evidence.kind)}/${evidence.name}`,
    ...(evidence.namespace ? [`-n ${evidence.namespace}`] : []),
    '-o yaml',
    `--context ${evidence.cluster}`,
  ];
  return parts.join(' ');
}
