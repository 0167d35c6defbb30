import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { describeBuild, judgeDockerfiles } from './dockerfiles';
import type { OtherContainerBuild } from '../../facts/dockerfile/types';

/** Tags and repositories of images with a minimal userland. */
const MINIMAL =
  /(^scratch$)|slim|alpine|distroless|chiseled|ubi\d*-?(minimal|micro)|ubi\d*\/ubi-(minimal|micro)|wolfi|chainguard|cgr\.dev|busybox|-minimal\b|static/i;

/** A slim variant to suggest for a full image. */
function suggestion(base: string): string {
  const [repo, tag = 'latest'] = base.split(/:(?=[^/]*$)/);
  if (/^(python|node|ruby|php)$/.test(repo.split('/').pop()!))
    return `${repo}:${tag === 'latest' ? '' : `${tag}-`}slim`;
  if (/^(golang|rust)$/.test(repo.split('/').pop()!))
    return 'gcr.io/distroless/static-debian12:nonroot';
  if (/(openjdk|eclipse-temurin|amazoncorretto)/.test(repo))
    return 'gcr.io/distroless/java21-debian12:nonroot';
  if (/(ubuntu|debian)/.test(repo)) return 'debian:bookworm-slim';
  return 'a -slim, -alpine or distroless variant';
}

/**
 * The base image of an image built without a Dockerfile: the one Jib or ko
 * names, else their documented default (Jib: the eclipse-temurin JRE, a full
 * OS; ko: cgr.dev/chainguard/static). Buildpacks depend on the builder.
 */
function otherBuildBase(b: OtherContainerBuild): CheckOutcome | undefined {
  const ev = [fileEvidence(b.path, `${b.kind} image build`)];
  const base =
    b.baseImage ??
    (b.kind === 'ko'
      ? 'cgr.dev/chainguard/static'
      : b.kind === 'jib'
      ? 'eclipse-temurin JRE'
      : undefined);
  if (!base || /^\$/.test(base)) return undefined;
  const named = b.baseImage ? base : `${base} (${b.kind}'s default)`;
  return MINIMAL.test(base)
    ? {
        verdict: 'pass',
        summary: `${describeBuild(b)}: minimal base image ${named}`,
        evidence: ev,
      }
    : {
        verdict: 'partial',
        summary: `${describeBuild(b)}: full OS base image ${named}`,
        evidence: ev,
        remediation: {
          text: `Use a minimal runtime image (${suggestion(
            b.baseImage ?? 'eclipse-temurin',
          )}) as the ${
            b.kind
          } base image: fewer packages, fewer CVEs, faster pulls.`,
        },
      };
}

export const minimalBase: TwelveFactorCheck = {
  id: 'cn-containerization.minimal-base',
  evaluate({ facts }) {
    return judgeDockerfiles(
      facts.get(containerBuildFactRef),
      df => {
        const last = finalStage(df)!;
        const base = baseImageOf(df, last);
        const ev = [
          fileEvidence(
            df.path,
            `final stage FROM ${base}`,
            last.line,
            last.line,
          ),
        ];
        if (/^\$/.test(base)) {
          return {
            verdict: 'unknown',
            summary: `${df.path}: base image from a build argument`,
            reason: `The final base image is a variable (${base}).`,
            evidence: ev,
          };
        }
        if (MINIMAL.test(base)) {
          return {
            verdict: 'pass',
            summary: `${df.path}: minimal base image ${base}`,
            evidence: ev,
          };
        }
        return {
          verdict: 'partial',
          summary: `${df.path}: full OS base image ${base}`,
          evidence: ev,
          remediation: {
            text: `Use a minimal runtime image (${suggestion(
              base,
            )}): fewer packages, fewer CVEs, faster pulls.`,
            snippet: {
              language: 'dockerfile',
              path: df.path,
              action: 'modify',
              content: `FROM ${
                suggestion(base).startsWith('a ')
                  ? `${base}-slim`
                  : suggestion(base)
              }\n`,
            },
          },
        };
      },
      otherBuildBase,
    );
  },
};
