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
      summary: `${df.path}: build separated from run (${names.join(
        ' → ',
      )}); the final stage takes only artifacts from ${
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
  const base = baseImageOf(df, last);
  return {
    verdict: 'partial',
    summary:
      df.stages.length > 1
        ? `${df.path}: ${df.stages.length} stages, but the final stage copies nothing from a build stage`
        : `${df.path}: single-stage build; the build tools ship in the runtime image`,
    evidence: [
      fileEvidence(
        df.path,
        `final stage FROM ${last.from}`,
        last.line,
        last.endLine,
      ),
    ],
    remediation: {
      text: 'Build in a first stage and copy only the built artifacts into a slim runtime stage, so that the image that runs holds no compilers, caches or sources.',
      snippet: {
        language: 'dockerfile',
        path: df.path,
        action: 'modify',
        content: `FROM ${base} AS build\nWORKDIR /src\nCOPY . .\n# … build here (compile, install dependencies into /out) …\n\nFROM ${base} AS runtime\nWORKDIR /app\nCOPY --from=build /out /app\n`,
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
          summary: `The image is built by ${otherBuilds
            .map(b => `${b.kind} (${b.path})`)
            .join(', ')}, which keeps build tools out of the runtime image`,
          evidence: otherBuilds.map(b =>
            fileEvidence(b.path, `${b.kind} image build`),
          ),
        };
      }
      return {
        verdict: 'fail',
        summary:
          'No Dockerfile or buildpack configuration: nothing defines how the release is built',
        remediation: {
          text: 'Add a multi-stage Dockerfile (or a buildpacks project.toml) so that every release is built the same way, by CI.',
        },
      };
    }
    return worstOf((release.length ? release : usable).map(judge));
  },
};
