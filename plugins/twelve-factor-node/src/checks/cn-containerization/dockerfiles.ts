import type { CheckOutcome } from '../../engine/types';
import type { ContainerBuildFact, DockerfileInfo } from '../../facts/dockerfile/types';

/**
 * Shared shape of the per-Dockerfile checks: `unknown` without a Dockerfile,
 * the worst per-file verdict otherwise.
 */
export function judgeDockerfiles(
  fact: ContainerBuildFact,
  judge: (df: DockerfileInfo) => CheckOutcome,
): CheckOutcome {
  const usable = fact.dockerfiles.filter(d => d.stages.length > 0);
  if (usable.length === 0) {
    return {
      verdict: 'unknown',
      summary: 'No Dockerfile',
      reason: fact.otherBuilds.length
        ? `The image is built by ${fact.otherBuilds.map(b => b.kind).join(', ')}, which this check does not read.`
        : 'No Dockerfile with a FROM instruction was found in the repository.',
    };
  }
  const outcomes = usable.map(judge);
  const order = ['fail', 'partial', 'unknown', 'pass'] as const;
  const worst = order.find(v => outcomes.some(o => o.verdict === v))!;
  const chosen = outcomes.filter(o => o.verdict === worst);
  return {
    verdict: worst,
    summary: chosen.map(o => o.summary).join('; '),
    evidence: outcomes.flatMap(o => o.evidence ?? []),
    ...(chosen[0].remediation ? { remediation: chosen[0].remediation } : {}),
    ...(worst === 'unknown' ? { reason: chosen.map(o => o.reason ?? o.summary).join('; ') } : {}),
  };
}
