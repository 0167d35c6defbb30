import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { clusterFactRef } from '../../facts/cluster/extractor';
import { capEvidence } from '../evidence';
import {
  argoApplications,
  ciEvidence,
  directDeploys,
  gitOpsObjects,
} from './pipeline';

export const gitops: TwelveFactorCheck = {
  id: 'cn-cicd.gitops',
  evaluate({ facts, entity }) {
    const objects = gitOpsObjects(facts);
    const ci = facts.tryGet(ciFactRef);
    const direct = ci ? directDeploys(ci) : [];
    if (objects.length) {
      return {
        verdict: 'pass',
        summary: `${[...new Set(objects.map(g => g.tool))].join(
          ' and ',
        )} manage(s) the workloads (${objects
          .map(g => `${g.source.object.kind}/${g.source.object.metadata?.name}`)
          .join(', ')})${
          direct.length
            ? `; CI also runs ${[...new Set(direct.map(d => d.tool))].join(
                ', ',
              )} directly`
            : ''
        }`,
        evidence: capEvidence([
          ...objects.map(g => g.evidence),
          ...ciEvidence(direct, 'direct deploy next to GitOps'),
        ]),
      };
    }
    const viaController =
      ci?.deploys.filter(d => d.tool === 'argocd' || d.tool === 'flux') ?? [];
    if (viaController.length) {
      return {
        verdict: 'pass',
        summary: `CI hands deploys to ${[
          ...new Set(
            viaController.map(d => (d.tool === 'argocd' ? 'Argo CD' : 'Flux')),
          ),
        ].join(' and ')} (${viaController[0].text})`,
        evidence: capEvidence(ciEvidence(viaController, 'GitOps sync')),
      };
    }
    const apps = argoApplications(facts, entity);
    const remediation = {
      text: 'Let Argo CD (or Flux) apply the manifests from Git: one Application per deploy target with automated sync and self-heal, CI only building images and updating the image tag in Git. Drift is corrected and every change is a commit.',
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
        summary: `CI runs ${[...new Set(direct.map(d => d.tool))].join(
          ', ',
        )} against the cluster directly; no Argo CD Application or Flux object manages the workloads`,
        evidence: capEvidence(ciEvidence(direct, 'direct deploy')),
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
        summary: `No Argo CD Application or Flux object deploys the workloads in ${consulted
          .map(c => c.name)
          .join(', ')}, and CI does not deploy`,
        evidence: consulted.map(c => ({
          type: 'cluster-object' as const,
          cluster: c.name,
          kind: 'Namespace',
          name: c.namespaces[0],
          note: 'no GitOps object targets this namespace',
        })),
        remediation,
      };
    }
    const reason = ci
      ? 'Neither the repository nor CI shows how the service is deployed, and no cluster was consulted: GitOps may be configured in another repository.'
      : 'The repository could not be read and no cluster shows a GitOps object for the service.';
    return {
      verdict: 'unknown',
      summary: 'Deployment method not visible',
      reason,
    };
  },
};
