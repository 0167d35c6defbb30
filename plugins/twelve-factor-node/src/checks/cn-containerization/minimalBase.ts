import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { advice, because, finding, noted } from '../messages';
import {
  describeBuild,
  judgeDockerfiles,
  otherBuildEvidence,
} from './dockerfiles';
import type { OtherContainerBuild } from '../../facts/dockerfile/types';

/** Tags and repositories of images with a minimal userland. */
const MINIMAL =
  /(^scratch$)|slim|alpine|distroless|chiseled|ubi\d*-?(minimal|micro)|ubi\d*\/ubi-(minimal|micro)|wolfi|chainguard|cgr\.dev|busybox|-minimal\b|static/i;

/** A slim variant to suggest for a full image, or undefined when there is no particular one. */
function slimImage(base: string): string | undefined {
  const [repo, tag = 'latest'] = base.split(/:(?=[^/]*$)/);
  if (/^(python|node|ruby|php)$/.test(repo.split('/').pop()!))
    return `${repo}:${tag === 'latest' ? '' : `${tag}-`}slim`;
  if (/^(golang|rust)$/.test(repo.split('/').pop()!))
    return 'gcr.io/distroless/static-debian12:nonroot';
  if (/(openjdk|eclipse-temurin|amazoncorretto)/.test(repo))
    return 'gcr.io/distroless/java21-debian12:nonroot';
  if (/(ubuntu|debian)/.test(repo)) return 'debian:bookworm-slim';
  return undefined;
}

/** The advice to use a slim image, for a Dockerfile or as the base image of a `kind` of build. */
function slimAdvice(base: string, kind?: string) {
  const image = slimImage(base);
  const id = `cn-containerization.minimal-base.${
    image ? 'image' : 'variant'
  }-advice${kind ? '-build' : ''}`;
  return advice(id, {
    ...(image ? { image } : {}),
    ...(kind ? { kind } : {}),
  });
}

/**
 * The base image of an image built without a Dockerfile: the one Jib or ko
 * names, else their documented default (Jib: the eclipse-temurin JRE, a full
 * OS; ko: cgr.dev/chainguard/static). Buildpacks depend on the builder.
 */
function otherBuildBase(b: OtherContainerBuild): CheckOutcome | undefined {
  const ev = [otherBuildEvidence(b)];
  const base =
    b.baseImage ??
    (b.kind === 'ko'
      ? 'cgr.dev/chainguard/static'
      : b.kind === 'jib'
      ? 'eclipse-temurin JRE'
      : undefined);
  if (!base || /^\$/.test(base)) return undefined;
  // An image the build names, or the build's default (`eclipse-temurin JRE (jib's default)`).
  const which = `${MINIMAL.test(base) ? 'minimal' : 'full'}${
    b.baseImage ? '' : '-default'
  }`;
  const said = finding(
    `cn-containerization.minimal-base.${which}`,
    { image: base, ...(b.baseImage ? {} : { kind: b.kind }) },
    [describeBuild(b)],
  );
  return MINIMAL.test(base)
    ? { verdict: 'pass', ...said, evidence: ev }
    : {
        verdict: 'partial',
        ...said,
        evidence: ev,
        remediation: slimAdvice(b.baseImage ?? 'eclipse-temurin', b.kind),
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
            noted('cn-containerization.minimal-base.final-stage-note', {
              image: base,
            }),
            last.line,
            last.line,
          ),
        ];
        if (/^\$/.test(base)) {
          return {
            verdict: 'unknown',
            ...finding('cn-containerization.minimal-base.from-argument', {}, [
              df.path,
            ]),
            ...because(
              'cn-containerization.minimal-base.from-argument-reason',
              {
                image: base,
              },
            ),
            evidence: ev,
          };
        }
        if (MINIMAL.test(base)) {
          return {
            verdict: 'pass',
            ...finding(
              'cn-containerization.minimal-base.minimal',
              { image: base },
              [df.path],
            ),
            evidence: ev,
          };
        }
        return {
          verdict: 'partial',
          ...finding('cn-containerization.minimal-base.full', { image: base }, [
            df.path,
          ]),
          evidence: ev,
          remediation: {
            ...slimAdvice(base),
            snippet: {
              language: 'dockerfile',
              path: df.path,
              action: 'modify',
              content: `FROM ${slimImage(base) ?? `${base}-slim`}\n`,
            },
          },
        };
      },
      otherBuildBase,
    );
  },
};
