import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { capEvidence } from '../evidence';
import {
  argoApplications,
  ciEvidence,
  directDeploys,
  gitOpsObjects,
  sentences,
} from './pipeline';
import { advice, because, finding, noted } from '../messages';

/** `Argo CD` or `Argo CD and Flux`: one message for one tool, another for two. */
function byTools(
  tools: ReadonlyArray<string>,
  id: string,
  params: Record<string, string>,
): readonly [string, Record<string, string>] {
  return tools.length > 1
    ? [`${id}-both`, { ...params, tool: tools[0], other: tools[1] }]
    : [id, { ...params, tool: tools[0] }];
}

export const gitops: TwelveFactorCheck = {
  id: 'cn-cicd.gitops',
  evaluate({ facts, entity }) {
    const objects = gitOpsObjects(facts);
    const ci = facts.tryGet(ciFactRef);
    const direct = ci ? directDeploys(ci) : [];
    if (objects.length) {
      return {
        verdict: 'pass',
        ...sentences([
          byTools(
            [...new Set(objects.map(g => g.tool))],
            'cn-cicd.gitops.manage',
            {
              objects: objects
                .map(
                  g =>
                    `${g.source.object.kind}/${g.source.object.metadata?.name}`,
                )
                .join(', '),
            },
          ),
          ...(direct.length
            ? [
                [
                  'cn-cicd.gitops.also-direct',
                  { tools: [...new Set(direct.map(d => d.tool))].join(', ') },
                ] as const,
              ]
            : []),
        ]),
        evidence: capEvidence([
          ...objects.map(g => g.evidence),
          ...ciEvidence(direct, 'cn-cicd.gitops.next-to-gitops-note'),
        ]),
      };
    }
    const viaController =
      ci?.deploys.filter(d => d.tool === 'argocd' || d.tool === 'flux') ?? [];
    if (viaController.length) {
      return {
        verdict: 'pass',
        ...finding(
          ...byTools(
            [
              ...new Set(
                viaController.map(d =>
                  d.tool === 'argocd' ? 'Argo CD' : 'Flux',
                ),
              ),
            ],
            'cn-cicd.gitops.hands-over',
            { text: viaController[0].text },
          ),
        ),
        evidence: capEvidence(
          ciEvidence(viaController, 'cn-cicd.gitops.sync-note'),
        ),
      };
    }
    const apps = argoApplications(facts, entity);
    const remediation = {
      ...advice('cn-cicd.gitops.advice'),
      ...(apps
        ? {
            snippet: {
              language: 'yaml' as const,
              action: 'create' as const,
              path: 'deploy/argocd/applications.yaml',
              content: apps,
            },
          }
        : {}),
    };
    if (direct.length) {
      return {
        verdict: 'fail',
        // Compose and Swarm deploys reach hosts, not a cluster.
        ...finding(
          direct.every(
            d => d.tool === 'docker-compose' || d.tool === 'docker-stack',
          )
            ? 'cn-cicd.gitops.direct-host'
            : 'cn-cicd.gitops.direct',
          {
            tools: [...new Set(direct.map(d => d.tool))].join(', '),
          },
        ),
        evidence: capEvidence(ciEvidence(direct, 'cn-cicd.gitops.direct-note')),
        remediation,
      };
    }
    // Neither GitOps objects nor CI deploys: GitOps may live in a separate config repository.
    const consulted = (facts.tryGet(clusterFactRef)?.clusters ?? []).filter(
      c => c.status === 'ok' && c.namespaces.length > 0,
    );
    if (consulted.length) {
      return {
        verdict: 'fail',
        ...finding('cn-cicd.gitops.none-in-clusters', {
          clusters: consulted.map(c => c.name).join(', '),
        }),
        evidence: consulted.map(c => ({
          type: 'cluster-object' as const,
          cluster: c.name,
          kind: 'Namespace',
          name: c.namespaces[0],
          ...noted('cn-cicd.gitops.namespace-note'),
        })),
        remediation,
      };
    }
    return {
      verdict: 'unknown',
      ...finding('cn-cicd.gitops.not-visible'),
      ...because(
        ci
          ? 'cn-cicd.gitops.not-visible-reason'
          : 'cn-cicd.gitops.no-repo-reason',
      ),
    };
  },
};
