import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { capEvidence } from '../evidence';
import {
  argoApplications,
  automaticFiles,
  ciEvidence,
  gitOpsObjects,
} from './pipeline';

export const automatedDeploy: TwelveFactorCheck = {
  id: 'cn-cicd.automated-deploy',
  evaluate({ facts, entity }) {
    const gitops = gitOpsObjects(facts);
    const synced = gitops.filter(g => g.automated);
    if (synced.length) {
      return {
        verdict: 'pass',
        summary: `${[...new Set(synced.map(g => g.tool))].join(
          ' and ',
        )} deploy(s) automatically on merge (${synced
          .map(g => g.source.object.metadata?.name)
          .join(', ')})`,
        evidence: capEvidence(synced.map(g => g.evidence)),
      };
    }
    // Without a repository the pipeline cannot be read: let the fact say why.
    const ci = facts.get(ciFactRef);
    const auto = new Set(automaticFiles(ci).map(f => f.path));
    const deploys = ci.deploys.filter(d => auto.has(d.path));
    if (deploys.length) {
      const tools = [...new Set(deploys.map(d => d.tool))];
      return {
        verdict: 'pass',
        summary: `CI deploys automatically with ${tools.join(', ')} (${[
          ...new Set(deploys.map(d => d.path)),
        ].join(', ')})`,
        evidence: capEvidence(ciEvidence(deploys, 'deploy step')),
      };
    }
    // Nothing here deploys and no cluster says how it is deployed: deploys may be defined in another repository.
    const consulted = (facts.tryGet(clusterFactRef)?.clusters ?? []).filter(
      c => c.status === 'ok' && c.namespaces.length > 0,
    );
    if (ci.deploys.length === 0 && gitops.length === 0 && !consulted.length)
      return {
        verdict: 'unknown',
        summary: 'No deploy found in the repository',
        reason:
          'Neither CI nor a GitOps object in the repository deploys the service, and no cluster was consulted: its deploys may be defined in another repository (a GitOps configuration repository, a platform pipeline), so manual deploys cannot be told from deploys run elsewhere.',
      };
    const apps = argoApplications(facts, entity);
    let summary =
      'No CI deploy step and no GitOps controller: deploys are manual';
    if (ci.deploys.length) summary = 'Deploys run only when started by hand';
    else if (gitops.length)
      summary = `GitOps objects exist (${gitops
        .map(g => g.source.object.metadata?.name)
        .join(', ')}) but sync only by hand, and CI does not deploy`;
    return {
      verdict: 'fail',
      summary,
      evidence: capEvidence([
        ...gitops.map(g => g.evidence),
        ...ciEvidence(ci.deploys, 'deploy without an automatic trigger'),
      ]),
      remediation: {
        text: apps
          ? 'Let a GitOps controller deploy every merge: an Argo CD Application per deploy target with automated sync (CI then only pushes images and updates tags in Git).'
          : 'Deploy every merge automatically: a CI deploy job after the image build, or a GitOps controller (Argo CD, Flux) syncing the manifests.',
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
      },
    };
  },
};
