import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { deployJobKey } from '../../facts/ci/signals';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import { workloadsOf } from '../../facts/manifests/workloads';
import { capEvidence, fileEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { gitOpsObjects, normalEnvironment } from './pipeline';

export const environmentSeparation: TwelveFactorCheck = {
  id: 'cn-cicd.environment-separation',
  evaluate({ facts }) {
    const ci = facts.get(ciFactRef);
    const gitops = gitOpsObjects(facts);
    const envs = new Map<string, string[]>();
    const add = (name: string, via: string) =>
      envs.set(normalEnvironment(name), [
        ...(envs.get(normalEnvironment(name)) ?? []),
        via,
      ]);
    const evidence: Evidence[] = [];
    for (const name of ci.environments) add(name, 'CI');
    // A job's environment is one the pipeline deploys to only when the job has a deploy step (ci.deploys, as automated-deploy reads it).
    const deploying = new Set(ci.deploys.map(deployJobKey));
    for (const s of ci.steps.filter(
      x => x.environment && deploying.has(deployJobKey(x)),
    )) {
      if (
        !evidence.some(
          e =>
            e.type === 'file' &&
            e.path === s.path &&
            e.note?.includes(`environment ${s.environment}`),
        )
      ) {
        evidence.push(
          fileEvidence(
            s.path,
            `job ${s.job ?? '?'} deploys to environment ${s.environment}`,
            s.line,
            s.line,
          ),
        );
      }
    }
    for (const name of ci.environments.filter(
      n => !ci.steps.some(s => s.environment === n),
    )) {
      const step = ci.steps.find(
        s => s.run && new RegExp(`=["']?${name}\\b`).test(s.run),
      );
      if (step)
        evidence.push(
          fileEvidence(
            step.path,
            `selects environment ${name}`,
            step.line,
            step.line,
          ),
        );
    }
    // Cloud Deploy: a release goes through its delivery pipeline's targets, declared in the repository.
    const releases = ci.deploys.filter(d => d.tool === 'cloud-deploy');
    for (const d of releases.filter(r => r.environments?.length)) {
      const pipeline = d.deliveryPipeline ? ` ${d.deliveryPipeline}` : '';
      evidence.push(
        fileEvidence(
          d.path,
          `Cloud Deploy release through delivery pipeline${pipeline}: targets ${d.environments!.join(
            ' → ',
          )}`,
          d.line,
          d.line,
        ),
      );
      for (const t of d.environmentsDeclared ?? [])
        if (
          !evidence.some(
            e =>
              e.type === 'file' &&
              e.path === t.path &&
              e.note?.endsWith(`target ${t.name}`),
          )
        )
          evidence.push(
            fileEvidence(
              t.path,
              `Cloud Deploy target ${t.name}`,
              t.line,
              t.line,
            ),
          );
    }
    for (const g of gitops) {
      add(g.destination, g.tool);
      evidence.push(g.evidence);
    }
    const deploys = ci.deploys.length > 0 || gitops.length > 0;
    if (envs.size >= 2) {
      return {
        verdict: 'pass',
        summary: `The pipeline deploys to ${envs.size} environments (${[
          ...envs.keys(),
        ].join(', ')})`,
        evidence: capEvidence(evidence),
      };
    }
    if (!deploys && envs.size === 0) {
      const reason =
        'The pipeline does not deploy (no CI deploy step, no GitOps object), so there are no pipeline environments to compare.';
      return { verdict: 'unknown', summary: 'No deploy pipeline', reason };
    }
    // A Cloud Deploy pipeline's targets (its environments) declared outside the repository: not known here.
    const undeclared = releases.filter(r => !r.environments?.length);
    if (undeclared.length) {
      const pipelines = [
        ...new Set(undeclared.map(r => r.deliveryPipeline ?? '(unnamed)')),
      ];
      return {
        verdict: 'unknown',
        summary: `CI releases through Cloud Deploy (delivery pipeline ${pipelines.join(
          ', ',
        )}), whose targets the repository does not declare`,
        reason:
          "A Cloud Deploy release goes through its delivery pipeline's targets, which are declared outside the repository (no clouddeploy.yaml DeliveryPipeline or Terraform google_clouddeploy_* resource names them).",
        evidence: capEvidence(
          undeclared.map(d =>
            fileEvidence(
              d.path,
              `Cloud Deploy release: ${d.text}`,
              d.line,
              d.line,
            ),
          ),
        ),
      };
    }
    const targets = (facts.tryGet(manifestsFactRef)?.targets ?? [])
      .filter(t => workloadsOf(t.objects).length > 0)
      .map(t => t.id);
    return {
      verdict: 'partial',
      summary: `The pipeline deploys to one environment${
        envs.size ? ` (${[...envs.keys()][0]})` : ''
      }`,
      evidence: capEvidence([
        ...evidence,
        ...ci.deploys.map(d =>
          fileEvidence(d.path, `deploys: ${d.text}`, d.line, d.line),
        ),
      ]),
      remediation: {
        text:
          targets.length > 1
            ? `Deploy each overlay (${targets.join(
                ', ',
              )}) from its own pipeline stage or environment, production after a non-production one.`
            : 'Add a non-production environment (its own namespace or overlay) that every change passes before production, each deployed by its own pipeline job.',
        ...(ci.files[0]?.system === 'github-actions'
          ? {
              snippet: {
                language: 'yaml' as const,
                path: ci.files[0].path,
                action: 'modify' as const,
                content: toYaml({
                  jobs: {
                    'deploy-staging': {
                      'runs-on': 'ubuntu-latest',
                      environment: 'staging',
                      steps: [
                        { uses: 'actions/checkout@v4' },
                        { run: 'kubectl apply -k kubernetes/overlays/staging' },
                      ],
                    },
                    'deploy-production': {
                      needs: 'deploy-staging',
                      'runs-on': 'ubuntu-latest',
                      environment: 'production',
                      steps: [
                        { uses: 'actions/checkout@v4' },
                        { run: 'kubectl apply -k kubernetes/overlays/prod' },
                      ],
                    },
                  },
                }),
              },
            }
          : {}),
      },
    };
  },
};
