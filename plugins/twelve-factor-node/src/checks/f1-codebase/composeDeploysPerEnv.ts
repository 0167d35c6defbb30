/*
 * Many deploys of one codebase when Docker Compose or Swarm is the
 * deployment: CI deploys compose files per environment. One base file with
 * an override per environment (`-f docker-compose.yml -f
 * docker-compose.prod.yml`) is the compose form of a base with overlays;
 * a whole file per environment is a copy.
 */
import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import {
  composeDeployments,
  type ComposeDeployment,
} from '../composeDeployments';
import { capEvidence, fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';

/**
 * The check, judging compose deploys from CI when it cannot judge manifests:
 * when it says `undecided` (f1 fails for want of manifests, f10 env-overlays
 * is unknown). Messages are the check's own `<id>.compose-*`. Without two
 * environments, `single` says whether one environment is a finding (f1) or
 * leaves the check's outcome (f10, which compares environments).
 */
export function withComposeDeploys(
  check: TwelveFactorCheck,
  undecided: 'fail' | 'unknown' = 'fail',
  single = true,
): TwelveFactorCheck {
  return {
    ...check,
    evaluate(ctx) {
      // Synchronous when the check is: an unknown it throws must stay a throw (withLeftOutEvidence catches it).
      const decide = (outcome: CheckOutcome) => {
        if (outcome.verdict !== undecided) return outcome;
        const deployments = composeDeployments(ctx.facts);
        return (
          (deployments.length && judgeCompose(check.id, deployments, single)) ||
          outcome
        );
      };
      const outcome = check.evaluate(ctx);
      return outcome instanceof Promise
        ? outcome.then(decide)
        : decide(outcome);
    },
  };
}

function judgeCompose(
  M: string,
  deployments: ComposeDeployment[],
  single: boolean,
): CheckOutcome | undefined {
  const byEnv = new Map<string, Set<string>>();
  for (const d of deployments)
    if (d.environment)
      byEnv.set(
        d.environment,
        new Set([...(byEnv.get(d.environment) ?? []), ...d.files]),
      );
  const envs = [...byEnv.keys()].sort();
  const files = [...new Set(deployments.flatMap(d => d.files))];
  const evidence = capEvidence([
    ...deployments.map(d =>
      fileEvidence(
        d.deploy.path,
        d.environment
          ? noted(`${M}.compose-deploy-env-note`, {
              env: d.environment,
              command: d.deploy.text,
            })
          : noted(`${M}.compose-deploy-note`, { command: d.deploy.text }),
        d.deploy.line,
        d.deploy.line,
      ),
    ),
    ...[
      ...new Map(
        deployments.flatMap(d => d.read).map(f => [f.path, f]),
      ).values(),
    ].map(f =>
      fileEvidence(
        f.path,
        noted(`${M}.compose-file-note`, {
          services: f.services.map(s => s.name).join(', '),
        }),
      ),
    ),
  ]);
  const service =
    deployments.flatMap(d => d.read).flatMap(f => f.services)[0]?.name ?? 'app';
  const remediation = (id: string) => ({
    ...advice(id),
    snippet: {
      language: 'yaml' as const,
      action: 'create' as const,
      path: 'docker-compose.prod.yml',
      content: `services:\n  ${service}:\n    restart: always\n    deploy:\n      replicas: 2\n`,
    },
  });
  if (envs.length >= 2) {
    const sets = envs.map(e => byEnv.get(e)!);
    const shared = [...sets[0]].filter(f => sets.every(s => s.has(f)));
    if (shared.length)
      return {
        verdict: 'pass',
        ...finding(`${M}.compose-base`, {
          base: shared.join(', '),
          envs: envs.join(', '),
        }),
        evidence,
      };
    return {
      verdict: 'partial',
      ...finding(`${M}.compose-copies`, { envs: envs.join(', ') }),
      evidence,
      remediation: remediation(`${M}.compose-copies-advice`),
    };
  }
  if (!single) return undefined;
  return {
    verdict: 'partial',
    ...(files.length
      ? finding(`${M}.compose-one-env`, { files: files.join(', ') })
      : finding(`${M}.compose-one-env-command`, {
          command: deployments[0].deploy.text,
        })),
    evidence,
    remediation: remediation(`${M}.compose-one-env-advice`),
  };
}
