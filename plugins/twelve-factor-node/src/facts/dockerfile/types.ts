import type { LeftOut } from '../ancillary';

/** A package installation found in a RUN instruction. @public */
export interface PackageInstall {
  manager: 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper';
  packages: string[];
  line: number;
}

/** One build stage of a Dockerfile. @public */
export interface DockerStage {
  index: number;
  /** `AS name`, when given. */
  name?: string;
  /** The FROM image as written (`python:3.12-slim`), or the stage it builds on. */
  from: string;
  /** Set when FROM names an earlier stage. */
  fromStage?: number;
  /** 1-based line of the FROM instruction. */
  line: number;
  endLine: number;
  /** The last USER of the stage, as written, with its line. */
  user?: { value: string; line: number };
  /** Stages this stage copies from (`COPY --from=`), by name or index as written. */
  copiesFrom: string[];
  packageInstalls: PackageInstall[];
  /** CMD/ENTRYPOINT form: exec (JSON array) or shell. */
  cmd?: { form: 'exec' | 'shell'; value: string; line: number };
  entrypoint?: { form: 'exec' | 'shell'; value: string; line: number };
  exposedPorts: number[];
}

/** A parsed Dockerfile. @public */
export interface DockerfileInfo {
  path: string;
  text: string;
  stages: DockerStage[];
}

/** A container build without a Dockerfile. @public */
export interface OtherContainerBuild {
  kind: 'buildpacks' | 'jib' | 'ko';
  path: string;
  /** How it was recognised, when not by its own file (`Spring Boot build-image`). */
  how?: string;
  /** The base (run) image it names: Jib `from.image`, ko `defaultBaseImage`. */
  baseImage?: string;
  /** The user the image runs as: Jib `container.user`. */
  user?: string;
}

/** All Dockerfiles of a repository and other container build definitions. @public */
export interface ContainerBuildFact {
  dockerfiles: DockerfileInfo[];
  /** Non-Dockerfile container builds: buildpacks (project.toml, Spring Boot's build-image), Jib, ko. */
  otherBuilds: OtherContainerBuild[];
  /** Dockerfiles not read as the service's image (test material, examples, development tooling), with why. */
  leftOut?: LeftOut[];
}
