import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import { otherBuildEvidence } from './dockerfiles';

export const containerized: TwelveFactorCheck = {
  id: 'cn-containerization.containerized',
  evaluate({ facts }) {
    const { dockerfiles, otherBuilds } = facts.get(containerBuildFactRef);
    const evidence = [
      ...dockerfiles.map(d =>
        fileEvidence(
          d.path,
          noted('cn-containerization.containerized.stages-note', {
            n: d.stages.length,
          }),
        ),
      ),
      ...otherBuilds.map(otherBuildEvidence),
    ];
    // Without source code the images are built elsewhere (a GitOps configuration repository): nothing here to containerise.
    if (evidence.length === 0 && facts.tryGet(codeFactRef)?.files === 0)
      return {
        verdict: 'unknown',
        ...finding('cn-containerization.containerized.no-code'),
        ...because('cn-containerization.containerized.no-code-reason'),
      };
    if (evidence.length === 0) {
      return {
        verdict: 'fail',
        ...finding('cn-containerization.containerized.none'),
        remediation: advice('cn-containerization.containerized.none-advice'),
      };
    }
    return {
      verdict: 'pass',
      ...finding('cn-containerization.containerized.defined', {
        files: evidence.map(e => e.path).join(', '),
      }),
      evidence,
    };
  },
};
