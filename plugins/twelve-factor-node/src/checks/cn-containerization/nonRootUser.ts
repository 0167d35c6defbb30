import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  effectiveUser,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import { fileEvidence } from '../evidence';
import { describeBuild, judgeDockerfiles } from './dockerfiles';
import type { OtherContainerBuild } from '../../facts/dockerfile/types';

/** Whether a USER value names root. `USER name:group` and `USER uid:gid` both start with the user. */
export function isRootUser(value: string): boolean {
  const user = value.trim().split(':')[0];
  return user === 'root' || user === '0' || user === '';
}

/** Base images that already run as a non-root user. */
const NON_ROOT_BASES =
  /(:|-)nonroot\b|distroless\/.*:nonroot|chainguard\/|cgr\.dev\//;

/**
 * The user of an image built without a Dockerfile: buildpacks run images run
 * as the non-root CNB user; ko's default base (cgr.dev/chainguard/static)
 * runs as nonroot; Jib runs as `container.user`, else as its base image's user.
 */
function otherBuildUser(b: OtherContainerBuild): CheckOutcome | undefined {
  const ev = [fileEvidence(b.path, `${b.kind} image build`)];
  if (b.user !== undefined) {
    if (/^\$/.test(b.user)) return undefined;
    return isRootUser(b.user)
      ? {
          verdict: 'fail',
          summary: `${describeBuild(b)}: the image runs as ${b.user}`,
          evidence: ev,
        }
      : {
          verdict: 'pass',
          summary: `${describeBuild(b)}: the image runs as ${b.user}`,
          evidence: ev,
        };
  }
  if (b.baseImage && NON_ROOT_BASES.test(b.baseImage))
    return {
      verdict: 'pass',
      summary: `${describeBuild(b)}: base image ${
        b.baseImage
      } runs as a non-root user`,
      evidence: ev,
    };
  if (b.kind === 'buildpacks')
    return {
      verdict: 'pass',
      summary: `${describeBuild(
        b,
      )}: buildpacks images run as the non-root CNB user`,
      evidence: ev,
    };
  if (b.kind === 'ko' && !b.baseImage)
    return {
      verdict: 'pass',
      summary: `${describeBuild(b)}: ko's default base image runs as nonroot`,
      evidence: ev,
    };
  return undefined;
}

/** The default an ARG or ENV of the Dockerfile gives a variable (`ARG uid=1001`). */
function argDefault(text: string, name: string): string | undefined {
  const m = new RegExp(
    `^\\s*(?:ARG|ENV)\\s+${name}[=\\s]["']?([\\w.-]+)["']?\\s*$`,
    'im',
  ).exec(text);
  return m?.[1];
}

export const nonRootUser: TwelveFactorCheck = {
  id: 'cn-containerization.non-root-user',
  evaluate({ facts }) {
    return judgeDockerfiles(
      facts.get(containerBuildFactRef),
      df => {
        const last = finalStage(df)!;
        const user = effectiveUser(df, last);
        const base = baseImageOf(df, last);
        const variable = user && /^\$\{?(\w+)\}?$/.exec(user.value.trim());
        const byDefault = variable
          ? argDefault(df.text, variable[1])
          : undefined;
        if (user && variable && byDefault && !isRootUser(byDefault))
          return {
            verdict: 'pass',
            summary: `${df.path}: final stage runs as ${user.value} (${byDefault} unless the build overrides it)`,
            evidence: [
              fileEvidence(
                df.path,
                `USER ${user.value}, ${variable[1]}=${byDefault} by default`,
                user.line,
                user.line,
              ),
            ],
          };
        if (user && /^\$/.test(user.value.trim())) {
          return {
            verdict: 'unknown',
            summary: `${df.path}: USER is set from a build argument (${user.value})`,
            reason: `The final USER comes from a variable (${user.value}) whose value is only known at build time.`,
            evidence: [
              fileEvidence(df.path, `USER ${user.value}`, user.line, user.line),
            ],
          };
        }
        if (user && !isRootUser(user.value)) {
          return {
            verdict: 'pass',
            summary: `${df.path}: final stage runs as ${user.value}`,
            evidence: [
              fileEvidence(df.path, `USER ${user.value}`, user.line, user.line),
            ],
          };
        }
        if (!user && NON_ROOT_BASES.test(base)) {
          return {
            verdict: 'pass',
            summary: `${df.path}: base image ${base} runs as a non-root user`,
            evidence: [
              fileEvidence(df.path, `FROM ${base}`, last.line, last.line),
            ],
          };
        }
        return {
          verdict: 'fail',
          summary: user
            ? `${df.path}: final stage sets USER ${user.value}`
            : `${df.path}: final stage sets no USER, so the image runs as root`,
          evidence: [
            user
              ? fileEvidence(
                  df.path,
                  `USER ${user.value}`,
                  user.line,
                  user.line,
                )
              : fileEvidence(
                  df.path,
                  'no USER in the final stage',
                  last.line,
                  last.endLine,
                ),
          ],
          remediation: {
            text: 'Create an unprivileged user in the final stage and switch to it before CMD; use a numeric UID so that runAsNonRoot can verify it.',
            snippet: {
              language: 'dockerfile',
              path: df.path,
              action: 'modify',
              content: /alpine/.test(base)
                ? 'RUN addgroup -S -g 10001 app && adduser -S -u 10001 -G app app\nUSER 10001:10001\n'
                : 'RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\n',
            },
          },
        };
      },
      otherBuildUser,
    );
  },
};
