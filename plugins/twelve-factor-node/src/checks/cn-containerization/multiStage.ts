import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { describeBuild, judgeDockerfiles } from './dockerfiles';
import type { OtherContainerBuild } from '../../facts/dockerfile/types';

/** Buildpacks, Jib and ko build outside the image, which receives only the artifacts. */
function builtOutside(b: OtherContainerBuild): CheckOutcome {
  return {
    verdict: 'pass',
    summary: `The image is built by ${describeBuild(
      b,
    )}: the build runs outside the image, which receives only the artifacts`,
    evidence: [fileEvidence(b.path, `${b.kind} image build`)],
  };
}

export const multiStage: TwelveFactorCheck = {
  id: 'cn-containerization.multi-stage',
  evaluate({ facts }) {
    return judgeDockerfiles(
      facts.get(containerBuildFactRef),
      df => {
        const last = finalStage(df)!;
        const names = df.stages.map(s => s.name ?? String(s.index));
        const fromBuild = last.copiesFrom.filter(
          f =>
            names.includes(f) ||
            df.stages.some(s => s.name?.toLowerCase() === f.toLowerCase()),
        );
        if (
          df.stages.length > 1 &&
          (fromBuild.length > 0 || last.fromStage !== undefined)
        ) {
          return {
            verdict: 'pass',
            summary: `${df.path}: ${df.stages.length} stages (${names.join(
              ' → ',
            )}); the final stage copies from ${
              fromBuild.join(', ') || names[last.fromStage!]
            }`,
            evidence: df.stages.map(s =>
              fileEvidence(
                df.path,
                `stage ${s.name ?? s.index} FROM ${s.from}`,
                s.line,
                s.line,
              ),
            ),
          };
        }
        return {
          verdict: 'partial',
          summary: `${df.path}: single build stage; build tools ship in the runtime image`,
          evidence: [
            fileEvidence(df.path, `FROM ${last.from}`, last.line, last.line),
          ],
          remediation: {
            text: 'Build in one stage and copy only the artifacts into a slim runtime stage.',
            snippet: {
              language: 'dockerfile',
              path: df.path,
              action: 'modify',
              content: `FROM ${baseImageOf(
                df,
                last,
              )} AS build\n# … install build dependencies and build here …\n\nFROM ${baseImageOf(
                df,
                last,
              )} AS runtime\nCOPY --from=build /app /app\n`,
            },
          },
        };
      },
      builtOutside,
    );
  },
};
