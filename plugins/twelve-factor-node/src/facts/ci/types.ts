import type { CiSystem } from '../ciFiles';

/** One step of a pipeline: a shell command, an action/task, or both. @public */
export interface CiStep {
  path: string;
  system: CiSystem;
  job?: string;
  name?: string;
  /** Shell text of the step. */
  run?: string;
  /** GitHub action (`docker/build-push-action@v6`) or Azure task. */
  uses?: string;
  /** Inputs of the action/task (`with:`/`inputs:`), stringified. */
  with?: Record<string, string>;
  /** 1-based line of the step. */
  line: number;
  /** Environment the step's job deploys to (GitHub `environment:`, GitLab `environment:`). */
  environment?: string;
  /**
   * When the step runs, if only sometimes: GitHub job/step `if:`, GitLab
   * `rules:`/`only:`/`except:`, Azure `condition:`; as written.
   */
  condition?: string;
  /** GitHub: the folder a `run` step runs in (its own or its job's default `working-directory`). */
  workingDirectory?: string;
  /** GitHub: the environment variables of the step (its job's `env:` and its own), as written. */
  env?: Record<string, string>;
  /**
   * Commands the step runs from repository files: the recipe of a Makefile
   * target it calls (`make release`). Resolved from the repository
   * (repoCommands.ts).
   */
  expansions?: CiStepExpansion[];
  /** Releases the step makes with goreleaser, and the images its configuration builds (repoCommands.ts). */
  goreleaser?: CiGoreleaserRun[];
}

/** Commands a CI line runs from a repository file (a Makefile target's recipe). @public */
export interface CiStepExpansion {
  /** 1-based line of the CI command that calls them. */
  line: number;
  /** The CI command, as written (`make release`). */
  call: string;
  /** Where the commands come from (`Makefile target release`). */
  source: string;
  /** The commands, make variables expanded where the Makefile or the call sets them. */
  commands: string[];
}

/** A goreleaser run of a CI step and the images its configuration builds. @public */
export interface CiGoreleaserRun {
  /** 1-based line of the CI command or action. */
  line: number;
  /** The CI command or action, as written; with the Makefile target when a recipe runs goreleaser. */
  call: string;
  /** The configuration file read (`.goreleaser.yaml`). */
  config: string;
  /** Images with their tags (`ghcr.io/o/app:{{ .Version }}`), from `dockers:`, `dockers_v2:`, `kos:` and `docker_manifests:`. */
  images: string[];
  /** Whether the run publishes them (not `--snapshot`, `--skip=publish`, every entry `skip_push: true`). */
  pushes: boolean;
}

/** Something a step does that the checks care about. @public */
export interface CiSignal {
  path: string;
  line: number;
  /** The command or action as written, shortened. */
  text: string;
}

/** An image build found in CI. @public */
export interface CiImageBuild extends CiSignal {
  tags: string[];
  /** Whether the image is pushed to a registry, always or under `pushCondition`. */
  pushes: boolean;
  /**
   * The push happens only when this holds (an expression-valued `push:`, a
   * step or job `if:`, GitLab `rules:`/`only: tags`…): a conditional push,
   * e.g. on release tags only. Absent when the push is unconditional.
   */
  pushCondition?: string;
}

/** A deploy command found in CI. @public */
export interface CiDeploy extends CiSignal {
  /** The job of the deploy step, when the system has jobs. */
  job?: string;
  tool:
    | 'kubectl'
    | 'kustomize'
    | 'helm'
    | 'argocd'
    | 'flux'
    | 'k8s-deploy-action'
    | 'skaffold'
    | 'cloud-deploy'
    | 'cloud-run'
    | 'gke-deploy'
    | 'docker-compose'
    | 'docker-stack'
    | 'other';
  /** docker-compose, docker-stack: the compose files the command names, as written (no leading `./`). */
  composeFiles?: string[];
  /** docker-compose, docker-stack: the environment it deploys to, from the files' names or the job's environment (normalised when known). */
  environment?: string;
  /** `--atomic`, `rollout undo`, `helm rollback`… */
  rollsBack: boolean;
  /** Cloud Deploy: the delivery pipeline a release goes through (`--delivery-pipeline`), as written. */
  deliveryPipeline?: string;
  /**
   * The environments the deploy reaches by itself: a Cloud Deploy delivery
   * pipeline's targets, in promotion order, when the repository declares
   * them (clouddeploy.yaml, Terraform).
   */
  environments?: string[];
  /** Where those environments are declared. */
  environmentsDeclared?: Array<{ path: string; line: number; name: string }>;
}

/** Parsed CI definitions. @public */
export interface CiFact {
  files: Array<{
    path: string;
    system: CiSystem;
    triggers: string[];
    branches: string[];
    /** GitHub: the workflow runs only for changes under these paths (its push and pull_request `paths:` filters). */
    paths?: string[];
  }>;
  steps: CiStep[];
  builds: CiImageBuild[];
  deploys: CiDeploy[];
  scanners: Array<CiSignal & { tool: string }>;
  tests: CiSignal[];
  /** Environment names the pipelines deploy to (declared environments, branch → overlay selection). */
  environments: string[];
  /** Commands that undo a rollout automatically or on failure. */
  rollbacks: CiSignal[];
}
