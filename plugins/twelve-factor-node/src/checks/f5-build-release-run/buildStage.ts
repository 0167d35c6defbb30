import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import type { DockerfileInfo, DockerStage } from '../../facts/dockerfile/types';
import { basename } from '../../sources/RepoSnapshot';
import { worstOf } from '../combine';
import { fileEvidence } from '../evidence';
import { advice, finding, noted } from '../messages';
import { snippetComment } from '../snippets';

const BUILD_HERE = snippetComment('#', 'snippet.build-here');

/** Dockerfiles for local development or tests do not build the release. */
const NOT_RELEASE = /(^|[.-])(dev|local|test|ci|debug)([.-]|$)/i;

/**
 * The stages a stage copies from. The parser misses `--from` when another flag
 * (e.g. `--chown`) comes first, so the stage's COPY lines are read too.
 */
function copiesFrom(df: DockerfileInfo, stage: DockerStage): string[] {
  const lines = df.text.split(/\r?\n/).slice(stage.line - 1, stage.endLine);
  const found = lines
    .map(l => /^\s*COPY\s.*?--from=(\S+)/i.exec(l)?.[1])
    .filter((x): x is string => !!x);
  return [...new Set([...stage.copiesFrom, ...found])];
}

function judge(df: DockerfileInfo): CheckOutcome {
  const last = finalStage(df)!;
  const names = df.stages.map(s => s.name ?? String(s.index));
  const fromBuild = copiesFrom(df, last).filter(f =>
    names.some(n => n.toLowerCase() === f.toLowerCase()),
  );
  if (
    df.stages.length > 1 &&
    (fromBuild.length > 0 || last.fromStage !== undefined)
  ) {
    return {
      verdict: 'pass',
      ...finding(
        'f5-build-release-run.build-stage.separated',
        {
          stages: names.join(' → '),
          from: fromBuild.join(', ') || names[last.fromStage!],
        },
        [df.path],
      ),
      evidence: df.stages.map(s =>
        fileEvidence(
          df.path,
          noted('f5-build-release-run.build-stage.stage-note', {
            stage: s.name ?? s.index,
            from: s.from,
          }),
          s.line,
          s.line,
        ),
      ),
    };
  }
  const base = baseImageOf(df, last);
  return {
    verdict: 'partial',
    ...(df.stages.length > 1
      ? finding(
          'f5-build-release-run.build-stage.no-copy',
          { n: df.stages.length },
          [df.path],
        )
      : finding('f5-build-release-run.build-stage.single-stage', undefined, [
          df.path,
        ])),
    evidence: [
      fileEvidence(
        df.path,
        noted('f5-build-release-run.build-stage.final-stage-note', {
          from: last.from,
        }),
        last.line,
        last.endLine,
      ),
    ],
    remediation: {
      ...advice('f5-build-release-run.build-stage.multi-stage-advice'),
      snippet: {
        language: 'dockerfile',
        path: df.path,
        action: 'modify',
        content: `FROM ${base} AS build\nWORKDIR /src\nCOPY . .\n${BUILD_HERE.text}\n\nFROM ${base} AS runtime\nWORKDIR /app\nCOPY --from=build /out /app\n`,
        comments: [BUILD_HERE],
      },
    },
  };
}

export const buildStage: TwelveFactorCheck = {
  id: 'f5-build-release-run.build-stage',
  evaluate({ facts }) {
    const { dockerfiles, otherBuilds } = facts.get(containerBuildFactRef);
    const usable = dockerfiles.filter(d => d.stages.length > 0);
    const release = usable.filter(
      d =>
        !NOT_RELEASE.test(
          basename(d.path).replace(/^(Dockerfile|Containerfile)/, ''),
        ),
    );
    if (release.length === 0 && usable.length === 0) {
      if (otherBuilds.length) {
        return {
          verdict: 'pass',
          ...finding('f5-build-release-run.build-stage.other-build', {
            builds: otherBuilds.map(b => `${b.kind} (${b.path})`).join(', '),
          }),
          evidence: otherBuilds.map(b =>
            fileEvidence(
              b.path,
              noted('f5-build-release-run.build-stage.other-build-note', {
                kind: b.kind,
              }),
            ),
          ),
        };
      }
      return {
        verdict: 'fail',
        ...finding('f5-build-release-run.build-stage.none'),
        remediation: advice('f5-build-release-run.build-stage.none-advice'),
      };
    }
    return worstOf((release.length ? release : usable).map(judge));
  },
};
