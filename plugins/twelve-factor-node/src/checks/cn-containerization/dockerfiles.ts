import type { CheckOutcome } from '../../engine/types';
import { basename } from '../../sources/RepoSnapshot';
import { worstOf } from '../combine';
import { fileEvidence } from '../evidence';
import { because, finding, noted } from '../messages';
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
      ...finding('cn-containerization.dockerfiles.none'),
      ...(fact.otherBuilds.length
        ? because('cn-containerization.dockerfiles.other-build-reason', {
            builds: fact.otherBuilds.map(b => describeBuild(b)).join(', '),
          })
        : because('cn-containerization.dockerfiles.none-reason')),
    };
  }
  const release = usable.filter(d => !isVariantDockerfile(d.path));
  return worstOf((release.length ? release : usable).map(judge));
}

/** Evidence for an image built without a Dockerfile (`jib image build`). */
export function otherBuildEvidence(b: OtherContainerBuild) {
  return fileEvidence(
    b.path,
    noted('cn-containerization.dockerfiles.other-build-note', {
      kind: b.kind,
    }),
  );
}

/** `jib (pom.xml)`, `buildpacks (Spring Boot build-image, pom.xml)`. */
export function describeBuild(b: OtherContainerBuild): string {
  return `${b.kind} (${b.how ? `${b.how}, ` : ''}${b.path})`;
}
