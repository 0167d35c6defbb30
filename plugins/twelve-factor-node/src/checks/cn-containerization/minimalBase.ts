import type { TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { judgeDockerfiles } from './dockerfiles';

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

export const minimalBase: TwelveFactorCheck = {
  id: 'cn-containerization.minimal-base',
  evaluate({ facts }) {
    return judgeDockerfiles(facts.get(containerBuildFactRef), df => {
      const last = finalStage(df)!;
      const base = baseImageOf(df, last);
      const ev = [
        fileEvidence(df.path, `final stage FROM ${base}`, last.line, last.line),
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
    });
  },
};
