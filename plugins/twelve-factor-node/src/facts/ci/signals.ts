import type { CiDeploy, CiFact, CiImageBuild, CiSignal, CiStep } from './types';
import { composeDeployOf } from './composeDeploys';

/**
 * Scanners of images and their dependencies, by command or action. One row
 * per tool; extend here. Configuration (IaC) scans (`trivy config`, `snyk
 * iac`, trivy-action with `scan-type: config`) find no vulnerable package and
 * are left out.
 */
const SCANNERS: Array<{ tool: string; command?: RegExp; action?: RegExp }> = [
  {
    tool: 'trivy',
    // Also run as a container: `docker run … aquasec/trivy:0.69.1 image …`.
    command: /\btrivy(:[\w.-]+)?\s+(image|fs|repo|k8s|rootfs|sbom)\b/,
    action: /aquasecurity\/trivy-action|trivy/i,
  },
  {
    tool: 'grype',
    command: /\bgrype(:[\w.-]+)?\b/,
    action: /anchore\/scan-action/,
  },
  {
    tool: 'snyk',
    command: /\bsnyk\s+(container|test)\b/,
    action: /snyk\/actions/,
  },
  {
    tool: 'docker-scout',
    command: /\bdocker\s+scout\s+(cves|quickview|recommendations)\b/,
    action: /docker\/scout-action/,
  },
  {
    tool: 'microsoft-defender',
    command: /defender|az\s+acr\s+.*scan/,
    action: /microsoft\/(security-devops-action|defender)|AzureContainerScan/i,
  },
  { tool: 'clair', command: /\bclairctl\b|\bclair-scanner\b/ },
  { tool: 'anchore', command: /\banchore-cli\b/ },
  { tool: 'gitlab-container-scanning', command: /container_scanning/ },
];

/** Any scanner's command: one test rules out most command lines before the table is walked. */
const ANY_SCANNER_COMMAND = new RegExp(
  SCANNERS.flatMap(s => (s.command ? [`(?:${s.command.source})`] : [])).join(
    '|',
  ),
);

const TESTS =
  /\b(pytest|tox|nox|npm (run )?test|yarn (run )?test|pnpm (run )?test|go test|mvn (-\S+ )*(test|verify)|gradle(w)? (\S+ )*test|\.\/gradlew (\S+ )*test|dotnet test|cargo test|jest|vitest|rspec|phpunit)\b/;
const ROLLBACK =
  /(\bkubectl\b[^|;&\n]*\brollout\s+undo\b|\bhelm\s+rollback|helm\s+(upgrade|install)\b[^\n]*--atomic|\bkubectl\s+argo\s+rollouts\s+(undo|abort)|\bargocd\s+app\s+rollback\b)/;

/** `OVERLAY=prd`, `ENV=staging`, …; global, run from lastIndex 0. */
const ENV_SELECTION =
  /\b(?:OVERLAY|ENVIRONMENT|ENV|DEPLOY_ENV|TARGET_ENV)=["']?([A-Za-z][\w-]*)/g;

function short(text: string): string {
  const trimmed = text.trim();
  // Continuations are mostly joined already (commandLines); the replace only runs where one is left.
  const one = trimmed.includes('\\\n')
    ? trimmed.replace(/\s*\\\n\s*/g, ' ')
    : trimmed;
  return one.length > 160 ? `${one.slice(0, 157)}…` : one;
}

/** Lines of a multi-line run block, with the 1-based line each starts on. */
export function commandLines(
  step: CiStep,
): Array<{ text: string; line: number }> {
  if (!step.run) return [];
  // Join shell continuations so that `docker build \ -t x .` is one command.
  const raw = step.run.split('\n');
  const out: Array<{ text: string; line: number }> = [];
  let acc = '';
  let start = 0;
  raw.forEach((l, i) => {
    if (!acc) start = i;
    acc += `${l.replace(/\\$/, '')} `;
    if (!/\\$/.test(l)) {
      out.push({
        text: acc.trim(),
        line: step.line + (step.system === 'github-actions' ? 1 : 0) + start,
      });
      acc = '';
    }
  });
  if (acc) out.push({ text: acc.trim(), line: step.line + start });
  return out;
}

/** An image reference as written in a shell line: quoted, or unquoted with `${{ … }}` expressions kept whole. */
const IMAGE_REF = String.raw`("[^"]+"|'[^']+'|(?:\$\{\{[^}]*\}\}|[^\s$]|\$(?!\{\{))+)`;

/** `-t <image>` / `--tag=<image>`; global, run from lastIndex 0 by tagsOf. */
const TAG_FLAG = new RegExp(
  String.raw`(?:^|\s)(?:-t|--tag)[=\s]+` + IMAGE_REF,
  'g',
);
const PUSH = new RegExp(
  String.raw`\b(docker|podman|nerdctl|buildah)\s+(?:image\s+)?push\s+(?:--?[\w-]+(?:=\S+)?\s+)*` +
    IMAGE_REF,
);
/** Other ways a command pushes an image: compose, skopeo/crane copies, Makefile push targets. */
const OTHER_PUSH =
  /\bdocker[\s-]compose\s+(?:-f\s+\S+\s+)*push\b|\bskopeo\s+copy\s+\S+\s+docker:\/\/(\S+)|\bcrane\s+(?:push\s+\S+|copy\s+\S+)\s+(\S+)|\bmake\s+(?:[\w-]+\s+)*(?:docker-|image-|container-)?push\b/;

/** `skaffold build` and `skaffold run` build the artifacts of skaffold.yaml. */
const SKAFFOLD_BUILD = /\bskaffold\s+(build|run)\b/;
/**
 * The tag skaffold gives every artifact (`--tag=$GITHUB_SHA`); without it
 * skaffold's default gitCommit tagger tags by commit.
 */
const SKAFFOLD_TAG = /(?:^|\s)(?:-t|--tag)[=\s]+("[^"]+"|'[^']+'|\S+)/;

/**
 * Google Cloud deploys: a Cloud Deploy release (created, or promoted to the
 * next target), a Cloud Run service, GKE through gke-deploy, App Engine and
 * Cloud Functions.
 */
const GOOGLE_DEPLOY =
  /\bgcloud\s+(?:(?:alpha|beta)\s+)?(?:(deploy\s+releases\s+(?:create|promote))|(run\s+(?:deploy|services\s+replace))|(?:app|functions)\s+deploy)\b|\b(gke-deploy\s+run)\b/;
/** The GitHub actions that do the same. */
const GOOGLE_DEPLOY_ACTION =
  /google-github-actions\/(?:(create-cloud-deploy-release)|(deploy-cloudrun)|deploy-appengine|deploy-cloud-functions)@/;
/** `--delivery-pipeline=web`, `--delivery-pipeline web`. */
const DELIVERY_PIPELINE = /--delivery-pipeline[=\s]+("[^"]+"|'[^']+'|\S+)/;

/** Whether a build command pushes what it builds by itself. */
function commandPushes(text: string): boolean {
  if (/\bkaniko\b|\/kaniko\/executor/.test(text))
    return !/--no-push\b/.test(text);
  if (/\bko\s+(build|publish)\b/.test(text))
    return !/--push[= ]false\b|\s(-L|--local)\b/.test(text);
  if (/\bjib(:build|Build)\b/.test(text)) return true;
  if (/\bjib(:dockerBuild|DockerBuild|:buildTar|BuildTar)\b/.test(text))
    return false;
  return /--push\b|--output[= ](?:\S*,)?type=(registry|image,(?:\S*,)?push=true)|\s-o\s+(?:\S*,)?type=registry|\baz\s+acr\s+build\b|\bgcloud\s+builds\s+submit\b|\bpack\s+build\b.*--publish\b|\bjib\b/.test(
    text,
  );
}

/**
 * Actions and orbs that build an image, with whether they push: true, false,
 * or the expression that decides it (a conditional push).
 */
const BUILD_ACTIONS: Array<{
  action: RegExp;
  tagsInput?: string;
  push: (inputs: Record<string, string>) => boolean | string;
}> = [
  {
    action: /docker\/build-push-action|docker\/bake-action/,
    push: w =>
      inputPush(w.push) ||
      (/type=(registry|image,(?:[^\n]*,)?push=true)/.test(
        `${w.outputs ?? ''}\n${w.set ?? ''}`,
      )
        ? true
        : false),
  },
  {
    action:
      /redhat-actions\/push-to-registry|elgohr\/publish-docker-github-action|mr-smithers-excellent\/docker-build-push|docker\/publish|build[-_]and[-_]push[-_]image/i,
    push: w => (w.push === undefined ? true : inputPush(w.push)),
  },
  {
    action: /int128\/kaniko-action|aevea\/action-kaniko/i,
    push: w => (w.push === undefined ? true : inputPush(w.push)),
  },
  {
    // Drone's image plugins build and push unless told to dry-run.
    action:
      /^plugins\/(docker|ecr|gcr|acr|kaniko|buildx)\b|drone-docker-buildx|drone-kaniko/i,
    push: w => !/^true$/i.test(w.dry_run ?? w.dryrun ?? ''),
  },
  {
    // A reusable workflow (`jobs.<id>.uses`) named for building images: it pushes when its inputs name images or registries.
    action:
      /\.github\/workflows\/[^@/]*(docker|image|container|build[-_]?push)[^@/]*\.ya?ml(@|$)/i,
    push: w =>
      w.push !== undefined
        ? inputPush(w.push)
        : Object.keys(w).some(k => /image|registry|repository|push/i.test(k)),
  },
];

/** A `push:` input: true, false, or the expression a conditional push depends on. */
function inputPush(value: string | undefined): boolean | string {
  if (value === undefined) return false;
  const v = value.trim();
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v) || v === '') return false;
  // `${{ startsWith(github.ref, 'refs/tags/') }}`, `${{ github.event_name != 'pull_request' }}`: pushes when it holds.
  return v;
}

/** A build with the condition its push depends on (the push input's expression and the step's `if:`), when there is one. */
function withPush(
  build: CiImageBuild,
  pushExpression: string | undefined,
  stepCondition: string | undefined,
): CiImageBuild {
  if (!build.pushes) return build;
  const parts = [stepCondition, pushExpression].filter((p): p is string => !!p);
  if (parts.length) build.pushCondition = parts.join(' && ');
  return build;
}

function tagsOf(cmd: string): string[] {
  const tags: string[] = [];
  TAG_FLAG.lastIndex = 0;
  for (let m = TAG_FLAG.exec(cmd); m; m = TAG_FLAG.exec(cmd))
    tags.push(m[1].replace(/^["']|["']$/g, ''));
  return tags;
}

/** The last build found so far in a file. */
function lastBuildOf(
  builds: CiImageBuild[],
  path: string,
): CiImageBuild | undefined {
  for (let i = builds.length - 1; i >= 0; i--)
    if (builds[i].path === path) return builds[i];
  return undefined;
}

/** Actions and commands that create a throw-away cluster inside the CI job (kind, k3d, minikube). */
const EPHEMERAL_CLUSTER_ACTION =
  /helm\/kind-action|engineerd\/setup-kind|container-tools\/kind-action|AbsaOSS\/k3d-action|nolar\/setup-k3d-k3s|medyagh\/setup-minikube|manusa\/actions-setup-minikube/i;
const EPHEMERAL_CLUSTER_COMMAND =
  /\bkind\s+create\s+cluster\b|\bk3d\s+cluster\s+create\b|\bminikube\s+start\b|\bctlptl\s+create\b/;

/** The jobs (file and job name) that create their own throw-away cluster: what they apply is a test, not a deploy. */
function ephemeralClusterJobs(steps: ReadonlyArray<CiStep>): Set<string> {
  const jobs = new Set<string>();
  for (const s of steps)
    if (
      EPHEMERAL_CLUSTER_ACTION.test(s.uses ?? '') ||
      (s.run !== undefined && EPHEMERAL_CLUSTER_COMMAND.test(s.run))
    )
      jobs.add(`${s.path}|${s.job ?? ''}`);
  return jobs;
}

/** Derives builds, deploys, scanners, tests, environments and rollbacks from steps. */
export function deriveSignals(
  steps: ReadonlyArray<CiStep>,
): Omit<CiFact, 'files' | 'steps'> {
  const ephemeral = ephemeralClusterJobs(steps);
  const builds: CiImageBuild[] = [];
  const deploys: CiDeploy[] = [];
  const scanners: CiFact['scanners'] = [];
  const tests: CiSignal[] = [];
  const rollbacks: CiSignal[] = [];
  // Environments named by jobs (`environment:`, `ENV=staging`): they count for the jobs that deploy.
  const named: Array<{ key: string; name: string }> = [];
  const jobOf = (step: CiStep) => (step.job ? { job: step.job } : {});

  /** Codefresh's typed steps: a build (pushed to the default registry), a push, a helm or kubernetes deploy. */
  const codefreshStep = (step: CiStep) => {
    const type = step.uses!.slice('codefresh:'.length);
    const w = step.with ?? {};
    const base = { path: step.path, line: step.line };
    const listOf = (v: string | undefined): string[] => {
      if (!v) return [];
      try {
        const parsed = JSON.parse(v);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        // A plain string: one tag.
      }
      return [v];
    };
    const tags = [...listOf(w.tag), ...listOf(w.tags)];
    const image = w.image_name ?? w.candidate ?? '';
    const refs = (dflt: string[]) =>
      image ? (tags.length ? tags : dflt).map(t => `${image}:${t}`) : [];
    if (type === 'build') {
      builds.push(
        withPush(
          {
            ...base,
            text: `codefresh build ${image}`.trim(),
            tags: refs(['${{CF_BRANCH_TAG_NORMALIZED}}']),
            pushes: !/^true$/i.test(w.disable_push ?? ''),
          },
          undefined,
          step.condition,
        ),
      );
    } else if (type === 'push') {
      const build = lastBuildOf(builds, step.path);
      const pushed = refs([]);
      if (build) {
        if (!build.pushes) {
          build.pushes = true;
          if (step.condition) build.pushCondition = step.condition;
        }
        for (const t of pushed) if (!build.tags.includes(t)) build.tags.push(t);
      } else
        builds.push(
          withPush(
            {
              ...base,
              text: `codefresh push ${image}`.trim(),
              tags: pushed,
              pushes: true,
            },
            undefined,
            step.condition,
          ),
        );
    } else if (
      (type === 'helm' && !/^(auth|push)$/i.test(w.action ?? '')) ||
      type === 'deploy'
    ) {
      if (!ephemeral.has(`${step.path}|${step.job ?? ''}`))
        deploys.push({
          ...base,
          ...jobOf(step),
          text: `codefresh ${type}${
            w.chart_name ? ` ${w.chart_name}` : w.service ? ` ${w.service}` : ''
          }`,
          tool: type === 'helm' ? 'helm' : 'kubectl',
          rollsBack: false,
        });
    }
  };

  /** What one shell command does: builds, pushes, deploys, scans, tests, environments. */
  const scanCommand = (step: CiStep, text: string, sig: CiSignal) => {
    if (SKAFFOLD_BUILD.test(text)) {
      // skaffold build/run builds every artifact of skaffold.yaml and pushes it (to a remote cluster's registry).
      const tag = SKAFFOLD_TAG.exec(text)?.[1]?.replace(/^["']|["']$/g, '');
      builds.push(
        withPush(
          {
            ...sig,
            tags: [`<each skaffold artifact>:${tag ?? '<commit sha>'}`],
            pushes: !/--push[= ]false\b/.test(text),
          },
          undefined,
          step.condition,
        ),
      );
    } else if (/\bdocker\s+buildx\s+imagetools\s+create\b/.test(text)) {
      // A manifest list assembled from pushed digests and tagged in the registry: the release's tags.
      builds.push(
        withPush(
          { ...sig, tags: tagsOf(text), pushes: true },
          undefined,
          step.condition,
        ),
      );
    } else if (
      /\b(docker|podman|buildah)\s+(buildx\s+)?(build|bud|bake)\b|\b(docker[\s-]compose|podman-compose)\s+([^|;&]*\s)?build\b|\bkaniko\b|\/kaniko\/executor|\baz\s+acr\s+build\b|\bgcloud\s+builds\s+submit\b|\bpack\s+build\b|\bko\s+(build|publish)\b|\bjib(:build|Build)?\b/.test(
        text,
      )
    ) {
      builds.push(
        withPush(
          { ...sig, tags: tagsOf(text), pushes: commandPushes(text) },
          undefined,
          step.condition,
        ),
      );
    }
    const direct = PUSH.exec(text);
    const other = direct ? null : OTHER_PUSH.exec(text);
    if (direct || other) {
      const pushed = direct ? direct[2] : other![1] ?? other![2] ?? undefined;
      const build = lastBuildOf(builds, step.path);
      if (build) {
        // Pushed here: conditionally when this step (not the build's) only sometimes runs.
        if (!build.pushes) {
          build.pushes = true;
          if (step.condition) build.pushCondition = step.condition;
          else delete build.pushCondition;
        } else if (!step.condition) delete build.pushCondition;
        if (pushed && !build.tags.includes(pushed)) build.tags.push(pushed);
      } else
        builds.push(
          withPush(
            { ...sig, tags: pushed ? [pushed] : [], pushes: true },
            undefined,
            step.condition,
          ),
        );
    }
    const kube =
      /\bkubectl\b[^|;&]*\b(apply|create|replace|set\s+image|rollout\s+(restart|undo))\b|\bkustomize\s+build\b[^|]*\|\s*kubectl\s+apply/.exec(
        text,
      );
    const helm = /\bhelm\s+(upgrade|install)\b/.test(text);
    const argo = /\bargocd\s+app\s+(sync|create|set)\b/.test(text);
    const flux = /\bflux\s+(reconcile|create)\b/.test(text);
    const skaffold = /\bskaffold\s+(run|deploy)\b/.test(text);
    const rollsBack = ROLLBACK.test(text);
    const google = GOOGLE_DEPLOY.exec(text);
    if (google) {
      const tool = google[1]
        ? 'cloud-deploy'
        : google[2]
        ? 'cloud-run'
        : google[3]
        ? 'gke-deploy'
        : 'other';
      const pipeline =
        tool === 'cloud-deploy' ? DELIVERY_PIPELINE.exec(text) : null;
      deploys.push({
        ...jobOf(step),
        ...sig,
        tool,
        rollsBack,
        ...(pipeline
          ? { deliveryPipeline: pipeline[1].replace(/^["']|["']$/g, '') }
          : {}),
      });
    } else if (kube || helm || argo || flux || skaffold) {
      const tool = helm
        ? 'helm'
        : argo
        ? 'argocd'
        : flux
        ? 'flux'
        : skaffold
        ? 'skaffold'
        : /kustomize\s+build/.test(text)
        ? 'kustomize'
        : 'kubectl';
      // "create secret … --dry-run | kubectl apply" manages secrets, not the app; a cluster the job made itself is a test bed.
      if (
        !/create\s+secret/.test(text) &&
        !ephemeral.has(`${step.path}|${step.job ?? ''}`)
      )
        deploys.push({ ...sig, ...jobOf(step), tool, rollsBack });
    }
    const compose = composeDeployOf(step, text);
    if (compose) {
      deploys.push({ ...sig, ...jobOf(step), ...compose, rollsBack });
      if (compose.environment)
        named.push({ key: deployJobKey(step), name: compose.environment });
    }
    if (rollsBack) rollbacks.push(sig);
    if (ANY_SCANNER_COMMAND.test(text))
      for (const s of SCANNERS)
        if (s.command?.test(text)) scanners.push({ ...sig, tool: s.tool });
    if (TESTS.test(text)) tests.push(sig);
    // `OVERLAY=prd`, `overlays/$ENV` selections name environments too.
    if (text.includes('=')) {
      ENV_SELECTION.lastIndex = 0;
      for (let m = ENV_SELECTION.exec(text); m; m = ENV_SELECTION.exec(text))
        named.push({ key: deployJobKey(step), name: m[1] });
    }
  };

  for (const step of steps) {
    if (step.environment)
      named.push({ key: deployJobKey(step), name: step.environment });
    const action = step.uses ?? '';
    if (action.startsWith('codefresh:')) codefreshStep(step);
    const base = { path: step.path, line: step.line };
    const buildAction = BUILD_ACTIONS.find(a => a.action.test(action));
    if (buildAction) {
      const tags = (step.with?.[buildAction.tagsInput ?? 'tags'] ?? '')
        .split(/[\n,]/)
        .map(t => t.trim())
        .filter(Boolean);
      const push = buildAction.push(step.with ?? {});
      builds.push(
        withPush(
          { ...base, text: action, tags, pushes: push !== false },
          typeof push === 'string' ? push : undefined,
          step.condition,
        ),
      );
    }
    if (action === 'cloud-build:images') {
      // Cloud Build pushes the `images:` after its steps: the builds of the file that made them.
      const images = (step.with?.images ?? '').split('\n').filter(Boolean);
      const own = builds.filter(b => b.path === step.path);
      const made = own.filter(b => b.tags.some(t => images.includes(t)));
      const pushedBuilds = made.length ? made : own.slice(-1);
      for (const b of pushedBuilds) {
        b.pushes = true;
        delete b.pushCondition;
      }
      if (pushedBuilds.length === 0)
        builds.push({ ...base, text: 'images:', tags: images, pushes: true });
      else if (!made.length)
        for (const i of images)
          if (!pushedBuilds[0].tags.includes(i)) pushedBuilds[0].tags.push(i);
    }
    if (/Docker@\d/.test(action)) {
      const command = step.with?.command ?? 'buildAndPush';
      const tags = (step.with?.tags ?? '')
        .split(/\n/)
        .map(t => t.trim())
        .filter(Boolean);
      if (/build/i.test(command)) {
        builds.push(
          withPush(
            { ...base, text: action, tags, pushes: /push/i.test(command) },
            undefined,
            step.condition,
          ),
        );
      } else if (/^push$/i.test(command)) {
        // A separate push task pushes what an earlier build task built.
        const build = lastBuildOf(builds, step.path);
        if (build && !build.pushes) {
          build.pushes = true;
          if (step.condition) build.pushCondition = step.condition;
        } else if (!build)
          builds.push(
            withPush(
              { ...base, text: action, tags, pushes: true },
              undefined,
              step.condition,
            ),
          );
      }
    }
    if (
      /azure\/k8s-deploy|Kubernetes(Manifest)?@\d|HelmDeploy@\d/i.test(
        action,
      ) &&
      !ephemeral.has(`${step.path}|${step.job ?? ''}`)
    ) {
      deploys.push({
        ...jobOf(step),
        ...base,
        text: action,
        tool: /helm/i.test(action) ? 'helm' : 'k8s-deploy-action',
        rollsBack: false,
      });
    }
    const googleAction = GOOGLE_DEPLOY_ACTION.exec(action);
    if (googleAction) {
      const pipeline = step.with?.delivery_pipeline;
      deploys.push({
        ...jobOf(step),
        ...base,
        text: action,
        tool: googleAction[1]
          ? 'cloud-deploy'
          : googleAction[2]
          ? 'cloud-run'
          : 'other',
        rollsBack: false,
        ...(pipeline ? { deliveryPipeline: pipeline } : {}),
      });
    }
    const configScan = /^(config|iac|misconfig)$/i.test(
      (step.with?.['scan-type'] ?? step.with?.command ?? '').trim(),
    );
    for (const s of SCANNERS) {
      if (s.action && action && !configScan && s.action.test(action))
        scanners.push({ ...base, text: action, tool: s.tool });
    }
    for (const { text, line } of commandLines(step))
      scanCommand(step, text, { path: step.path, line, text: short(text) });
    // Commands of the Makefile targets a line calls: found at that line, named by the target.
    for (const e of step.expansions ?? [])
      for (const command of e.commands)
        scanCommand(step, command, {
          path: step.path,
          line: e.line,
          text: short(`${e.call} → ${e.source}: ${command}`),
        });
    // goreleaser builds the images of its configuration and pushes them on a release.
    for (const g of step.goreleaser ?? [])
      builds.push(
        withPush(
          {
            path: step.path,
            line: g.line,
            text: short(`${g.call} → goreleaser (${g.config})`),
            tags: g.images,
            pushes: g.pushes,
          },
          undefined,
          step.condition,
        ),
      );
  }
  // A CI deploy is a deploy step; a job's environment is one the pipeline deploys to only when the job deploys.
  const deploying = new Set(deploys.map(deployJobKey));
  const environments = new Set(
    named.filter(n => deploying.has(n.key)).map(n => n.name),
  );
  return {
    builds,
    deploys,
    scanners,
    tests,
    environments: [...environments].sort(),
    rollbacks,
  };
}

/** The job a step or deploy belongs to, as one key (`<file>|<job>`): the unit whose environment a deploy reaches. */
export function deployJobKey(s: { path: string; job?: string }): string {
  return `${s.path}|${s.job ?? ''}`;
}
