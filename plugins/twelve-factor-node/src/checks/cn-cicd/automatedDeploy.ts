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
import { advice, because, finding } from '../messages';

export const automatedDeploy: TwelveFactorCheck = {
  id: 'cn-cicd.automated-deploy',
  evaluate({ facts, entity }) {
    const gitops = gitOpsObjects(facts);
    const synced = gitops.filter(g => g.automated);
    if (synced.length) {
      return {
        verdict: 'pass',
        ...(() => {
          const [tool, other] = new Set(synced.map(g => g.tool));
          const objects = synced
            .map(g => g.source.object.metadata?.name)
            .join(', ');
          return other
            ? finding('cn-cicd.automated-deploy.gitops-both', {
                tool,
                other,
                objects,
              })
            : finding('cn-cicd.automated-deploy.gitops', { tool, objects });
        })(),
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
        ...finding('cn-cicd.automated-deploy.ci', {
          tools: tools.join(', '),
          files: [...new Set(deploys.map(d => d.path))].join(', '),
        }),
        evidence: capEvidence(
          ciEvidence(deploys, 'cn-cicd.automated-deploy.step-note'),
        ),
      };
    }
    // Nothing here deploys and no cluster says how it is deployed: deploys may be defined in another repository.
    const consulted = (facts.tryGet(clusterFactRef)?.clusters ?? []).filter(
      c => c.status === 'ok' && c.namespaces.length > 0,
    );
    if (ci.deploys.length === 0 && gitops.length === 0 && !consulted.length)
      return {
        verdict: 'unknown',
        ...finding('cn-cicd.automated-deploy.none'),
        ...because('cn-cicd.automated-deploy.none-reason'),
      };
    const apps = argoApplications(facts, entity);
    let said = finding('cn-cicd.automated-deploy.manual');
    if (ci.deploys.length)
      said = finding('cn-cicd.automated-deploy.started-by-hand');
    else if (gitops.length)
      said = finding('cn-cicd.automated-deploy.gitops-by-hand', {
        objects: gitops.map(g => g.source.object.metadata?.name).join(', '),
      });
    return {
      verdict: 'fail',
      ...said,
      evidence: capEvidence([
        ...gitops.map(g => g.evidence),
        ...ciEvidence(ci.deploys, 'cn-cicd.automated-deploy.manual-step-note'),
      ]),
      remediation: {
        ...advice(
          apps
            ? 'cn-cicd.automated-deploy.gitops-advice'
            : 'cn-cicd.automated-deploy.advice',
        ),
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
