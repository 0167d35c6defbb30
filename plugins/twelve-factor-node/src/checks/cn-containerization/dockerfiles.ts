import type { CheckOutcome } from '../../engine/types';
import { worstOf } from '../combine';
import type {
  ContainerBuildFact,
  DockerfileInfo,
} from '../../facts/dockerfile/types';

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
        ? `The image is built by ${fact.otherBuilds
            .map(b => b.kind)
            .join(', ')}, which this check does not read.`
        : 'No Dockerfile with a FROM instruction was found in the repository.',
    };
  }
  return worstOf(usable.map(judge));
}
