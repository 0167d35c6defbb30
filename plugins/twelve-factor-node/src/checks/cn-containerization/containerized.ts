import type { TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { fileEvidence } from '../evidence';

export const containerized: TwelveFactorCheck = {
  id: 'cn-containerization.containerized',
  evaluate({ facts }) {
    const { dockerfiles, otherBuilds } = facts.get(containerBuildFactRef);
    const evidence = [
      ...dockerfiles.map(d =>
        fileEvidence(d.path, `${d.stages.length} stage(s)`),
      ),
      ...otherBuilds.map(b => fileEvidence(b.path, `${b.kind} image build`)),
    ];
    if (evidence.length === 0) {
      return {
        verdict: 'fail',
        summary:
          'No Dockerfile, Containerfile, buildpacks, Jib or ko configuration found',
        remediation: {
          text: 'Add a Dockerfile that builds the service into an image.',
        },
      };
    }
    return {
      verdict: 'pass',
      summary: `Container build defined in ${evidence
        .map(e => e.path)
        .join(', ')}`,
      evidence,
    };
  },
};
