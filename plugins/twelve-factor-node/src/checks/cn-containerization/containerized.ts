import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
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
    // Without source code the images are built elsewhere (a GitOps configuration repository): nothing here to containerise.
    if (evidence.length === 0 && facts.tryGet(codeFactRef)?.files === 0)
      return {
        verdict: 'unknown',
        summary: 'No source code and no container build',
        reason:
          'The repository holds no source code in a known language and no container build, so its images are built in another repository.',
      };
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
