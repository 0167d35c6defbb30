import type { CheckOutcome, TwelveFactorCheck } from '../../engine/types';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import {
  baseImageOf,
  effectiveUser,
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
  const ev = [otherBuildEvidence(b)];
  const build = [describeBuild(b)];
  if (b.user !== undefined) {
    if (/^\$/.test(b.user)) return undefined;
    const said = finding(
      'cn-containerization.non-root-user.runs-as',
      { user: b.user },
      build,
    );
    return isRootUser(b.user)
      ? { verdict: 'fail', ...said, evidence: ev }
      : { verdict: 'pass', ...said, evidence: ev };
  }
  if (b.baseImage && NON_ROOT_BASES.test(b.baseImage))
    return {
      verdict: 'pass',
      ...finding(
        'cn-containerization.non-root-user.non-root-base',
        { image: b.baseImage },
        build,
      ),
      evidence: ev,
    };
  if (b.kind === 'buildpacks')
    return {
      verdict: 'pass',
      ...finding('cn-containerization.non-root-user.buildpacks', {}, build),
      evidence: ev,
    };
  if (b.kind === 'ko' && !b.baseImage)
    return {
      verdict: 'pass',
      ...finding('cn-containerization.non-root-user.ko-default', {}, build),
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
            ...finding(
              'cn-containerization.non-root-user.final-stage-default',
              { user: user.value, default: byDefault },
              [df.path],
            ),
            evidence: [
              fileEvidence(
                df.path,
                noted('cn-containerization.non-root-user.default-note', {
                  user: user.value,
                  variable: variable[1],
                  default: byDefault,
                }),
                user.line,
                user.line,
              ),
            ],
          };
        if (user && /^\$/.test(user.value.trim())) {
          return {
            verdict: 'unknown',
            ...finding(
              'cn-containerization.non-root-user.from-argument',
              { user: user.value },
              [df.path],
            ),
            ...because(
              'cn-containerization.non-root-user.from-argument-reason',
              { user: user.value },
            ),
            evidence: [
              fileEvidence(df.path, `USER ${user.value}`, user.line, user.line),
            ],
          };
        }
        if (user && !isRootUser(user.value)) {
          return {
            verdict: 'pass',
            ...finding(
              'cn-containerization.non-root-user.final-stage',
              { user: user.value },
              [df.path],
            ),
            evidence: [
              fileEvidence(df.path, `USER ${user.value}`, user.line, user.line),
            ],
          };
        }
        if (!user && NON_ROOT_BASES.test(base)) {
          return {
            verdict: 'pass',
            ...finding(
              'cn-containerization.non-root-user.non-root-base',
              { image: base },
              [df.path],
            ),
            evidence: [
              fileEvidence(df.path, `FROM ${base}`, last.line, last.line),
            ],
          };
        }
        return {
          verdict: 'fail',
          ...(user
            ? finding(
                'cn-containerization.non-root-user.root-user',
                { user: user.value },
                [df.path],
              )
            : finding('cn-containerization.non-root-user.no-user', {}, [
                df.path,
              ])),
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
                  noted('cn-containerization.non-root-user.no-user-note'),
                  last.line,
                  last.endLine,
                ),
          ],
          remediation: {
            ...advice('cn-containerization.non-root-user.advice'),
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
