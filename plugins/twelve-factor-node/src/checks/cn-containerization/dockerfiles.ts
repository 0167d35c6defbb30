import type { CheckOutcome } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { worstOf } from '../combine';
import type {
  ContainerBuildFact,
  DockerfileInfo,
  OtherContainerBuild,
} from '../../facts/dockerfile/types';

/** Dockerfiles for local development, tests, CI or debugging: variants of the release image. */
const VARIANT = /(^|[.-])(dev|local|test|ci|debug)([.-]|$)/i;

/** Folders of build tooling: a Dockerfile there builds a code generator, a CI runner or a base builder, not the service. */
const TOOLING_FOLDER =
  /(^|\/)(genproto|codegen|protoc?|tools?|build-tools|hack|ci|\.ci|builder|base-builder)\/[^/]+$/i;

/** Whether a Dockerfile builds a development, test, CI, debug or tooling image rather than the release image. */
export function isVariantDockerfile(path: string): boolean {
  return (
    VARIANT.test(basename(path).replace(/^(Dockerfile|Containerfile)/, '')) ||
    TOOLING_FOLDER.test(path) ||
    // A developer workspace's image (Gitpod, dev containers).
    /(^|\/)\.gitpod\.|(^|\/)\.?devcontainer\//i.test(path)
  );
}

/**
 * Shared shape of the per-Dockerfile checks: the worst per-file verdict over
 * the release Dockerfiles (the variants for development, tests or debugging
 * only when there is nothing else). Without a Dockerfile, the builds without
 * one (buildpacks, Jib, ko) are judged by `other` where it can tell, and the
 * check is `unknown` otherwise.
 */
export function judgeDockerfiles(
  fact: ContainerBuildFact,
  judge: (df: DockerfileInfo) => CheckOutcome,
  other?: (b: OtherContainerBuild) => CheckOutcome | undefined,
): CheckOutcome {
  const usable = fact.dockerfiles.filter(d => d.stages.length > 0);
  if (usable.length === 0) {
    const judged = other
      ? fact.otherBuilds
          .map(b => other(b))
          .filter((o): o is CheckOutcome => o !== undefined)
      : [];
    if (judged.length) return worstOf(judged);
    return {
      verdict: 'unknown',
      summary: 'No Dockerfile',
      reason: fact.otherBuilds.length
        ? `The image is built by ${fact.otherBuilds
            .map(b => describeBuild(b))
            .join(', ')}, whose settings do not decide this check.`
        : 'No Dockerfile with a FROM instruction was found in the repository.',
    };
  }
  const release = usable.filter(d => !isVariantDockerfile(d.path));
  return worstOf((release.length ? release : usable).map(judge));
}

/** `jib (pom.xml)`, `buildpacks (Spring Boot build-image, pom.xml)`. */
export function describeBuild(b: OtherContainerBuild): string {
  return `${b.kind} (${b.how ? `${b.how}, ` : ''}${b.path})`;
}
