import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { TwelveFactorCheck } from '../../engine/types';
import { ciFactRef } from '../../facts/ci/extractor';
import { deployJobKey } from '../../facts/ci/signals';
import { manifestsFactRef } from '../../facts/manifests/extractor';
import {
  remoteHelmEnvironments,
  remoteHelmFactRef,
} from '../../facts/manifests/remoteHelm';
import { workloadsOf } from '../../facts/manifests/workloads';
import { capEvidence, fileEvidence } from '../evidence';
import { toYaml } from '../snippets';
import { gitOpsObjects, normalEnvironment } from './pipeline';
import { advice, because, finding, noted } from '../messages';

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
            noted('cn-cicd.environment-separation.job-note', {
              job: s.job ?? '?',
              environment: s.environment!,
            }),
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
            noted('cn-cicd.environment-separation.selects-note', {
              environment: name,
            }),
            step.line,
            step.line,
          ),
        );
    }
    // Cloud Deploy: a release goes through its delivery pipeline's targets, declared in the repository.
    const releases = ci.deploys.filter(d => d.tool === 'cloud-deploy');
    for (const d of releases.filter(r => r.environments?.length)) {
      const through = d.environments!.join(' → ');
      evidence.push(
        fileEvidence(
          d.path,
          d.deliveryPipeline
            ? noted('cn-cicd.environment-separation.release-note', {
                pipeline: d.deliveryPipeline,
                targets: through,
              })
            : noted('cn-cicd.environment-separation.release-unnamed-note', {
                targets: through,
              }),
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
              noted('cn-cicd.environment-separation.target-note', {
                target: t.name,
              }),
              t.line,
              t.line,
            ),
          );
    }
    for (const g of gitops) {
      add(g.destination, g.tool);
      evidence.push(g.evidence);
    }
    // A remote Helm chart deployed with a values file per environment.
    for (const [env, { release, values }] of remoteHelmEnvironments(
      facts.tryGet(remoteHelmFactRef),
    )) {
      add(env, 'helm');
      evidence.push(
        fileEvidence(
          values.path,
          noted('cn-cicd.environment-separation.remote-values-note', {
            env,
            chart: release.chart,
          }),
          values.line,
          values.line,
        ),
      );
    }
    const deploys = ci.deploys.length > 0 || gitops.length > 0;
    if (envs.size >= 2) {
      return {
        verdict: 'pass',
        ...finding('cn-cicd.environment-separation.several', {
          n: envs.size,
          environments: [...envs.keys()].join(', '),
        }),
        evidence: capEvidence(evidence),
      };
    }
    if (!deploys && envs.size === 0) {
      return {
        verdict: 'unknown',
        ...finding('cn-cicd.environment-separation.no-pipeline'),
        ...because('cn-cicd.environment-separation.no-pipeline-reason'),
      };
    }
    // A Cloud Deploy pipeline's targets (its environments) declared outside the repository: not known here.
    const undeclared = releases.filter(r => !r.environments?.length);
    if (undeclared.length) {
      const pipelines = [
        ...new Set(undeclared.map(r => r.deliveryPipeline ?? '(unnamed)')),
      ];
      return {
        verdict: 'unknown',
        ...finding('cn-cicd.environment-separation.cloud-deploy', {
          pipelines: pipelines.join(', '),
        }),
        ...because('cn-cicd.environment-separation.cloud-deploy-reason'),
        evidence: capEvidence(
          undeclared.map(d =>
            fileEvidence(
              d.path,
              noted('cn-cicd.environment-separation.cloud-deploy-note', {
                text: d.text,
              }),
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
      ...(envs.size
        ? finding('cn-cicd.environment-separation.one-named', {
            environment: [...envs.keys()][0],
          })
        : finding('cn-cicd.environment-separation.one')),
      evidence: capEvidence([
        ...evidence,
        ...ci.deploys.map(d =>
          fileEvidence(
            d.path,
            noted('cn-cicd.environment-separation.deploys-note', {
              text: d.text,
            }),
            d.line,
            d.line,
          ),
        ),
      ]),
      remediation: {
        ...(targets.length > 1
          ? advice('cn-cicd.environment-separation.overlays-advice', {
              overlays: targets.join(', '),
            })
          : advice('cn-cicd.environment-separation.advice')),
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
