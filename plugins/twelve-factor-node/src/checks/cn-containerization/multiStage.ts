import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import {
  describeBuild,
  judgeDockerfiles,
  otherBuildEvidence,
} from './dockerfiles';
import type { OtherContainerBuild } from '../../facts/dockerfile/types';
import { snippetComment } from '../snippets';

const BUILD_HERE = snippetComment('#', 'snippet.install-and-build-here');

/** Buildpacks, Jib and ko build outside the image, which receives only the artifacts. */
function builtOutside(b: OtherContainerBuild): CheckOutcome {
  return {
    verdict: 'pass',
    ...finding('cn-containerization.multi-stage.built-outside', {
      build: describeBuild(b),
    }),
    evidence: [otherBuildEvidence(b)],
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
            ...finding(
              'cn-containerization.multi-stage.stages',
              {
                n: df.stages.length,
                stages: names.join(' → '),
                from: `${fromBuild.join(', ') || names[last.fromStage!]}`,
              },
              [df.path],
            ),
            evidence: df.stages.map(s =>
              fileEvidence(
                df.path,
                noted('cn-containerization.multi-stage.stage-note', {
                  stage: s.name ?? s.index,
                  image: `${s.from}`,
                }),
                s.line,
                s.line,
              ),
            ),
          };
        }
        return {
          verdict: 'partial',
          ...finding('cn-containerization.multi-stage.single', {}, [df.path]),
          evidence: [
            fileEvidence(df.path, `FROM ${last.from}`, last.line, last.line),
          ],
          remediation: {
            ...advice('cn-containerization.multi-stage.advice'),
            snippet: {
              language: 'dockerfile',
              path: df.path,
              action: 'modify',
              content: `FROM ${baseImageOf(df, last)} AS build\n${
                BUILD_HERE.text
              }\n\nFROM ${baseImageOf(
                df,
                last,
              )} AS runtime\nCOPY --from=build /app /app\n`,
              comments: [BUILD_HERE],
            },
          },
        };
      },
      builtOutside,
    );
  },
};
