/*
 * CI definitions into steps. YAML systems are read twice over, in effect:
 * the `*Fast` parsers work on plain values that js-yaml reads (several times
 * faster), with node lines recorded while parsing (yaml/fastLoad.ts); the
 * original parsers on the `yaml` package's Document are the reference, used
 * whenever the fast path declines (anchors, unusual constructs, errors, or a
 * line it did not record). Both give the same steps; yaml/fastLoad.test.ts
 * compares them.
 */
import {
  isMap,
  isSeq,
  LineCounter,
  parseAllDocuments,
  parseDocument,
  Scalar,
  YAMLMap,
} from 'yaml';
import {
  CORE_SCHEMA,
  fastLoadSingle,
  type NodePositions,
} from '../../yaml/fastLoad';
import type { CiSystem } from '../ciFiles';
import type { CiStep } from './types';

interface Parsed {
  steps: CiStep[];
  triggers: string[];
  branches: string[];
  /** GitHub: the `paths:` filters, when every push and pull_request trigger has one. */
  paths?: string[];
}

/**
 * The path filters of a GitHub workflow's push and pull_request triggers
 * (`!` exclusions left out), when every such trigger has one: the workflow
 * then runs only for changes there. Undefined otherwise.
 */
function githubPathFilters(on: any): string[] | undefined {
  if (!on || typeof on !== 'object' || Array.isArray(on)) return undefined;
  const triggers = ['push', 'pull_request', 'pull_request_target'].filter(
    t => t in on,
  );
  if (triggers.length === 0) return undefined;
  const paths: string[] = [];
  for (const t of triggers) {
    const own = strings(on[t]?.paths).filter(p => !p.startsWith('!'));
    if (own.length === 0) return undefined;
    paths.push(...own);
  }
  return paths;
}

function withPaths(parsed: Parsed, on: any): Parsed {
  const paths = githubPathFilters(on);
  return paths ? { ...parsed, paths } : parsed;
}

function lineOf(node: any, lc: LineCounter): number {
  return node?.range ? lc.linePos(node.range[0]).line : 1;
}

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(strings);
  if (typeof v === 'string') return [v];
  return [];
}

function stringifyInputs(w: unknown): Record<string, string> | undefined {
  if (!w || typeof w !== 'object') return undefined;
  return Object.fromEntries(
    Object.entries(w as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
}

/** One Azure Pipelines step (script/bash/powershell/task), as both parsing paths read it. */
function azureStep(
  path: string,
  job: string | undefined,
  line: number,
  js: any,
  environment: string | undefined,
  jobCondition: string | undefined,
): CiStep {
  // Script tasks (Bash@3, PowerShell@2, AzureCLI@2, CmdLine@2) carry their shell text in inputs.
  const inline =
    js.task && js.inputs && typeof js.inputs === 'object'
      ? js.inputs.script ?? js.inputs.inlineScript
      : undefined;
  const run =
    js.script ?? js.bash ?? js.powershell ?? js.pwsh ?? inline ?? undefined;
  const condition = conditionOf(jobCondition, js.condition);
  return {
    path,
    system: 'azure-pipelines',
    ...(job ? { job } : {}),
    line,
    ...(js.displayName ? { name: js.displayName } : {}),
    ...(run ? { run: String(run) } : {}),
    ...(js.task ? { uses: String(js.task) } : {}),
    ...(js.inputs ? { with: stringifyInputs(js.inputs) } : {}),
    ...(environment ? { environment } : {}),
    ...(condition ? { condition } : {}),
  };
}

/** Job and step conditions as one, `a && b`; undefined when neither is set. */
function conditionOf(...parts: unknown[]): string | undefined {
  const set = parts
    .filter(p => p !== undefined && p !== null && p !== '')
    .map(p => (typeof p === 'string' ? p.trim() : JSON.stringify(p)))
    // Conditions that always hold are no condition.
    .filter(
      p => !/^(\$\{\{\s*)?(true|always\(\)|succeeded\(\))(\s*\}\})?$/.test(p),
    );
  return set.length ? set.join(' && ') : undefined;
}

/** The condition of an Azure stage or job, added to those it sits in. */
function azureCondition(
  js: any,
  outer: string | undefined,
): string | undefined {
  if (!(js.stage || js.job || js.deployment) || js.condition === undefined)
    return outer;
  return conditionOf(outer, js.condition);
}

/** When a GitLab job runs, if only sometimes: its `rules:` ifs, `only:` and `except:`. */
function gitlabCondition(job: any): string | undefined {
  const parts: string[] = [];
  const rules = Array.isArray(job.rules) ? job.rules : [];
  const ifs = rules
    .filter((r: any) => r?.when !== 'never' && r?.if)
    .map((r: any) => String(r.if));
  if (ifs.length)
    parts.push(ifs.length > 1 ? `(${ifs.join(') || (')})` : ifs[0]);
  const only = strings(job.only?.refs ?? job.only);
  if (only.length) parts.push(`only: ${only.join(', ')}`);
  const except = strings(job.except?.refs ?? job.except);
  if (except.length) parts.push(`except: ${except.join(', ')}`);
  return parts.length ? parts.join(' && ') : undefined;
}

/** One GitHub Actions step, as both parsing paths read it. */
function githubStep(
  path: string,
  job: string,
  line: number,
  s: any,
  environment: string | undefined,
  jobCondition?: unknown,
  jobDefaults?: any,
  jobEnv?: unknown,
): CiStep {
  const condition = conditionOf(jobCondition, s.if);
  const env = s.run
    ? {
        ...(stringifyInputs(jobEnv) ?? {}),
        ...(stringifyInputs(s.env) ?? {}),
      }
    : {};
  const workingDirectory = s.run
    ? s['working-directory'] ?? jobDefaults?.run?.['working-directory']
    : undefined;
  return {
    path,
    system: 'github-actions',
    job,
    line,
    ...(s.name ? { name: String(s.name) } : {}),
    ...(s.run ? { run: String(s.run) } : {}),
    ...(s.uses ? { uses: String(s.uses) } : {}),
    ...(s.with ? { with: stringifyInputs(s.with) } : {}),
    ...(environment ? { environment } : {}),
    ...(condition ? { condition } : {}),
    ...(typeof workingDirectory === 'string' && workingDirectory
      ? { workingDirectory }
      : {}),
    ...(Object.keys(env).length ? { env } : {}),
  };
}

/** A job that calls a reusable workflow (`jobs.<id>.uses`), as one step. */
function reusableWorkflowStep(
  path: string,
  job: string,
  line: number,
  js: any,
): CiStep {
  const condition = conditionOf(js.if);
  return {
    path,
    system: 'github-actions',
    job,
    uses: String(js.uses),
    line,
    ...(js.with ? { with: stringifyInputs(js.with) } : {}),
    ...(condition ? { condition } : {}),
  };
}

function githubActions(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const js = (doc.toJS() ?? {}) as any;
  // YAML 1.1 reads a bare `on:` key as boolean true.
  const on = js.on ?? js.true ?? {};
  const triggers =
    typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on);
  const branches = [
    ...strings(on?.push?.branches),
    ...strings(on?.pull_request?.branches),
  ];
  const steps: CiStep[] = [];
  const jobs = doc.get('jobs', true);
  if (isMap(jobs)) {
    for (const pair of (jobs as YAMLMap).items) {
      const jobName = String((pair.key as Scalar)?.value ?? '');
      const jobNode: any = pair.value;
      const job = jobNode?.toJSON?.() ?? {};
      const environment =
        typeof job.environment === 'string'
          ? job.environment
          : job.environment?.name;
      const stepsNode = isMap(jobNode) ? jobNode.get('steps', true) : undefined;
      if (isSeq(stepsNode)) {
        for (const stepNode of stepsNode.items) {
          steps.push(
            githubStep(
              path,
              jobName,
              lineOf(stepNode, lc),
              (stepNode as any)?.toJSON?.() ?? {},
              environment,
              job.if,
              job.defaults,
              job.env,
            ),
          );
        }
      } else if (job.uses) {
        steps.push(
          reusableWorkflowStep(path, jobName, lineOf(jobNode, lc), job),
        );
      }
    }
  }
  return withPaths({ steps, triggers: triggers.map(String), branches }, on);
}

const GITLAB_RESERVED = new Set([
  'stages',
  'variables',
  'default',
  'include',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
]);

/** A GitLab job with its `extends:` templates merged in, as GitLab does (later keys win, deep for maps). */
function resolveExtends(
  name: string,
  all: Record<string, any>,
  seen = new Set<string>(),
): any {
  const job = all[name];
  if (!job || typeof job !== 'object' || seen.has(name)) return job ?? {};
  seen.add(name);
  const parents =
    typeof job.extends === 'string'
      ? [job.extends]
      : Array.isArray(job.extends)
      ? job.extends
      : [];
  const merged: any = {};
  const deepMerge = (a: any, b: any): any => {
    if (
      a &&
      b &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      !Array.isArray(a) &&
      !Array.isArray(b)
    ) {
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = deepMerge(a[k], v);
      return out;
    }
    return b === undefined ? a : b;
  };
  for (const p of parents)
    Object.assign(
      merged,
      deepMerge(merged, resolveExtends(String(p), all, seen)),
    );
  return deepMerge(merged, job);
}

/**
 * The jobs of a GitLab pipeline as steps, with the branches its `only:` and
 * `rules:` name; `keys` are the top-level keys with their lines, as each
 * parsing path finds them.
 */
function gitlabJobs(
  path: string,
  all: Record<string, any>,
  keys: Iterable<[string, number]>,
): Parsed {
  const steps: CiStep[] = [];
  const branches: string[] = [];
  for (const [name, line] of keys) {
    if (GITLAB_RESERVED.has(name) || name.startsWith('.')) continue;
    const job: any = resolveExtends(name, all);
    if (typeof job !== 'object') continue;
    const environment =
      typeof job.environment === 'string'
        ? job.environment
        : job.environment?.name;
    for (const b of strings(job.only)) branches.push(b);
    for (const r of job.rules ?? []) {
      const m = /\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*["']([^"']+)["']/.exec(
        String(r?.if ?? ''),
      );
      if (m) branches.push(m[1]);
    }
    const script = [
      ...strings(job.before_script),
      ...strings(job.script),
      ...strings(job.after_script),
    ].join('\n');
    const condition = gitlabCondition(job);
    if (script || job.trigger) {
      steps.push({
        path,
        system: 'gitlab-ci',
        job: name,
        run: script,
        line,
        ...(environment ? { environment } : {}),
        ...(condition ? { condition } : {}),
        ...(job.image
          ? { uses: typeof job.image === 'string' ? job.image : job.image.name }
          : {}),
      });
    }
  }
  return { steps, triggers: ['push'], branches };
}

function gitlab(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const root = doc.contents;
  const all = (doc.toJS() ?? {}) as Record<string, any>;
  const keys = isMap(root)
    ? root.items.map((pair): [string, number] => [
        String((pair.key as Scalar)?.value ?? ''),
        lineOf(pair.key, lc),
      ])
    : [];
  return gitlabJobs(path, all, keys);
}

function azure(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const steps: CiStep[] = [];
  // Steps may sit at the root, under jobs, or under stages → jobs; deployment
  // jobs nest them under strategy.runOnce.deploy.
  const visit = (
    node: any,
    job?: string,
    environment?: string,
    condition?: string,
  ) => {
    if (isSeq(node)) {
      node.items.forEach(i => visit(i, job, environment, condition));
      return;
    }
    if (!isMap(node)) return;
    const js: any = node.toJSON();
    const jobName = js.job ?? js.deployment ?? job;
    const env =
      typeof js.environment === 'string'
        ? js.environment
        : js.environment?.name ?? environment;
    if (js.script || js.bash || js.powershell || js.pwsh || js.task) {
      steps.push(
        azureStep(path, jobName, lineOf(node, lc), js, env, condition),
      );
      return;
    }
    const inherited = azureCondition(js, condition);
    for (const pair of node.items) visit(pair.value, jobName, env, inherited);
  };
  visit(doc.contents);
  const js: any = doc.toJS() ?? {};
  const branches = strings(js.trigger?.branches?.include ?? js.trigger);
  return { steps, triggers: ['push'], branches };
}

function circleci(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const steps: CiStep[] = [];
  const jobs = doc.get('jobs', true);
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const job = String((pair.key as Scalar)?.value ?? '');
      const stepsNode = isMap(pair.value)
        ? (pair.value as YAMLMap).get('steps', true)
        : undefined;
      if (!isSeq(stepsNode)) continue;
      for (const stepNode of stepsNode.items) {
        const s: any = (stepNode as any)?.toJSON?.();
        const run = typeof s?.run === 'string' ? s.run : s?.run?.command;
        const uses =
          typeof s === 'string'
            ? s
            : !run && s && typeof s === 'object'
            ? Object.keys(s)[0]
            : undefined;
        steps.push({
          path,
          system: 'circleci',
          job,
          line: lineOf(stepNode, lc),
          ...(run ? { run } : {}),
          ...(uses ? { uses } : {}),
        });
      }
    }
  }
  return { steps, triggers: ['push'], branches: [] };
}

/**
 * The command a Cloud Build builder image runs with no `entrypoint:`: the
 * cloud-builders images (`gcr.io/cloud-builders/docker`) and a few tool
 * images run their tool; other images (the skaffold image, cloud-sdk, base
 * images) have none, and their `args` are the command.
 */
function cloudBuildEntrypoint(image: string): string | undefined {
  const ref = image.replace(/[@:][^/]*$/, '');
  const m = /(?:^|\/)cloud-builders\/([\w.-]+)$/.exec(ref);
  if (m) return m[1] === 'gcloud-slim' ? 'gcloud' : m[1];
  if (/(^|\/)kaniko-project\/executor$/.test(ref)) return '/kaniko/executor';
  const known = /(?:^|\/)(docker|pack|terraform|helm|trivy|gke-deploy)$/.exec(
    ref,
  );
  return known ? known[1] : undefined;
}

/** An argument as a shell word: quoted when it holds spaces or is empty. */
function shellWord(arg: string): string {
  return /^[^\s'"]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The line a scalar's text starts on: block scalars (`|`, `>`) on the line after their indicator. */
function textLine(node: any, lc: LineCounter): number {
  const line = lineOf(node, lc);
  return node?.type === 'BLOCK_LITERAL' || node?.type === 'BLOCK_FOLDED'
    ? line + 1
    : line;
}

/**
 * Google Cloud Build (`cloudbuild.yaml`): each of `steps` runs its builder
 * image (`name`) with `entrypoint` and `args`, or a `script`, in `dir` (under
 * /workspace, the checked-out repository). The step's line is where its
 * command starts (the script's first line, the `-c` argument of a shell
 * entrypoint, else the step). `images:` are pushed after the steps: one step
 * (`cloud-build:images`) lists them; `artifacts:` (objects, Maven, Python, npm
 * packages uploaded after the build) another. Triggers live outside the
 * repository (Cloud Build triggers), so the file counts as run on push, as a
 * GitLab or Jenkins pipeline does.
 */
function cloudBuild(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const steps: CiStep[] = [];
  const stepsNode = doc.get('steps', true);
  if (isSeq(stepsNode)) {
    for (const stepNode of stepsNode.items) {
      if (!isMap(stepNode)) continue;
      const js: any = stepNode.toJSON() ?? {};
      const image = typeof js.name === 'string' ? js.name : '';
      const argsNode: any = stepNode.get('args', true);
      const args =
        typeof js.args === 'string'
          ? [js.args]
          : Array.isArray(js.args)
          ? js.args.map((a: unknown) => String(a))
          : [];
      let run: string | undefined;
      let line = lineOf(stepNode, lc);
      const entrypoint =
        typeof js.entrypoint === 'string' ? js.entrypoint : undefined;
      if (typeof js.script === 'string') {
        run = js.script;
        line = textLine(stepNode.get('script', true), lc);
      } else if (
        entrypoint &&
        /(^|\/)(ba|z)?sh$/.test(entrypoint) &&
        args[0] === '-c' &&
        args.length >= 2
      ) {
        run = args[1];
        if (isSeq(argsNode)) line = textLine(argsNode.items[1], lc);
      } else {
        const command = entrypoint ?? cloudBuildEntrypoint(image);
        const words = [
          ...(command && args[0] !== command ? [command] : []),
          ...args,
        ];
        if (words.length) run = words.map(shellWord).join(' ');
      }
      const env = strings(js.env);
      const dir =
        typeof js.dir === 'string'
          ? js.dir.replace(/^\/workspace\/?/, '').replace(/^\.\/?/, '')
          : '';
      steps.push({
        path,
        system: 'cloud-build',
        line,
        ...(js.id ? { name: String(js.id) } : {}),
        ...(run ? { run } : {}),
        ...(image ? { uses: image } : {}),
        ...(env.length ? { with: { env: env.join('\n') } } : {}),
        ...(dir ? { workingDirectory: dir } : {}),
      });
    }
  }
  const images = doc.get('images', true);
  const imageList = strings((images as any)?.toJSON?.());
  if (imageList.length) {
    const first = isSeq(images) ? images.items[0] : images;
    steps.push({
      path,
      system: 'cloud-build',
      name: 'images',
      uses: 'cloud-build:images',
      with: { images: imageList.join('\n') },
      line: lineOf(first, lc),
    });
  }
  const artifacts: any = doc.get('artifacts', true);
  if (isMap(artifacts)) {
    steps.push({
      path,
      system: 'cloud-build',
      name: 'artifacts',
      uses: 'cloud-build:artifacts',
      with: stringifyInputs(artifacts.toJSON()),
      line: lineOf(artifacts, lc),
    });
  }
  return { steps, triggers: ['push'], branches: [] };
}

/** Codefresh trigger events as the engine's trigger names. */
function codefreshTriggers(spec: any): string[] {
  const triggers = Array.isArray(spec?.triggers) ? spec.triggers : [];
  // Triggers of a plain codefresh.yml live in Codefresh, outside the repository: the file counts as run on push.
  if (triggers.length === 0) return ['push'];
  const out = new Set<string>();
  for (const t of triggers) {
    if (t?.disabled === true) continue;
    const events = strings(t?.events);
    if (events.length === 0 && t?.type === 'git') out.add('push');
    for (const e of events) {
      if (/^push/.test(e)) out.add('push');
      else if (/^pullrequest/i.test(e)) out.add('pull_request');
      else if (/^release/.test(e)) out.add('release');
    }
    if (t?.type === 'cron') out.add('schedule');
  }
  return [...out];
}

/**
 * Codefresh (`codefresh.yml`, or a pipeline spec with `kind: pipeline` and
 * `spec: steps:`): each step is a map entry. Freestyle steps (no `type`) run
 * their `commands:` in their `image`; `type: build` builds `image_name` (tag
 * `tag`/`tags`, default the branch) and Codefresh pushes it to the default
 * registry unless `disable_push`; `type: push` pushes a `candidate`; `type:
 * helm` and `type: deploy` deploy. Options sit on the step or under its
 * `arguments:`. `type: parallel` nests steps. A step's line is its commands'
 * first line for freestyle steps, else the step's.
 */
function codefresh(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const js: any = doc.toJS() ?? {};
  const spec = js.kind === 'pipeline' && js.spec ? js.spec : js;
  const stepsNode =
    js.kind === 'pipeline'
      ? doc.getIn(['spec', 'steps'], true)
      : doc.get('steps', true);
  const steps: CiStep[] = [];
  const visit = (node: unknown) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const name = String((pair.key as Scalar)?.value ?? '');
      const value: any = pair.value;
      if (!isMap(value)) continue;
      const st: any = value.toJSON() ?? {};
      const type = typeof st.type === 'string' ? st.type : 'freestyle';
      if (type === 'parallel') {
        visit(value.get('steps', true));
        continue;
      }
      const args = { ...st, ...(isPlainMap(st.arguments) ? st.arguments : {}) };
      const condition = st.when ? conditionOf(st.when) : undefined;
      const base = {
        path,
        system: 'codefresh' as const,
        job: typeof st.stage === 'string' ? st.stage : name,
        name: typeof st.title === 'string' ? st.title : name,
        ...(condition ? { condition } : {}),
      };
      if (type === 'freestyle') {
        const commands = strings(args.commands ?? args.cmd);
        const commandsNode: any = value.get('commands', true);
        const line =
          isSeq(commandsNode) && commandsNode.items.length
            ? textLine(commandsNode.items[0], lc)
            : lineOf(value, lc);
        const wd =
          typeof args.working_directory === 'string' &&
          !/\$\{\{/.test(args.working_directory)
            ? args.working_directory.replace(/^\.\/?/, '')
            : undefined;
        steps.push({
          ...base,
          line,
          ...(commands.length ? { run: commands.join('\n') } : {}),
          ...(typeof args.image === 'string' ? { uses: args.image } : {}),
          ...(wd ? { workingDirectory: wd } : {}),
        });
        continue;
      }
      const inputs = stringifyInputs(
        Object.fromEntries(
          Object.entries(args).filter(
            ([k]) =>
              ![
                'arguments',
                'title',
                'stage',
                'when',
                'type',
                'description',
              ].includes(k),
          ),
        ),
      );
      steps.push({
        ...base,
        line: lineOf(value, lc),
        uses: `codefresh:${type}`,
        ...(inputs && Object.keys(inputs).length ? { with: inputs } : {}),
      });
    }
  };
  visit(stepsNode);
  return { steps, triggers: codefreshTriggers(spec), branches: [] };
}

/** The user-defined substitutions of a Cloud Build file (`substitutions: {_TEAM: frontend}`), for reading its commands. */
export function cloudBuildSubstitutions(text: string): Record<string, string> {
  try {
    const js: any = parseDocument(text).toJS() ?? {};
    const subs = js.substitutions;
    if (!subs || typeof subs !== 'object' || Array.isArray(subs)) return {};
    return Object.fromEntries(
      Object.entries(subs).map(([k, v]) => [k, String(v)]),
    );
  } catch {
    return {};
  }
}

// ------------------------------------------------------------------ fast path

/** The fast path cannot vouch for a line or a key order: the reference parser must read the file. */
class Decline extends Error {}

function isPlainMap(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function fastLineOf(pos: NodePositions, node: object): number {
  const line = pos.lineOf(node);
  if (line === undefined) throw new Decline();
  return line;
}

function fastItemLines(pos: NodePositions, seq: unknown[]): number[] {
  const lines = pos.itemLines(seq);
  if (!lines) throw new Decline();
  return lines;
}

/** A mapping's keys in source order (as Document items are) with their lines. */
function fastKeys(
  pos: NodePositions,
  map: Record<string, unknown>,
): Array<[string, number]> {
  const keys = pos.keyLines(map) ?? [];
  if (keys.length !== Object.keys(map).length) throw new Decline();
  return keys;
}

function githubActionsFast(
  path: string,
  root: unknown,
  pos: NodePositions,
): Parsed {
  const js = (root ?? {}) as any;
  // YAML 1.1 reads a bare `on:` key as boolean true.
  const on = js.on ?? js.true ?? {};
  const triggers =
    typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on);
  const branches = [
    ...strings(on?.push?.branches),
    ...strings(on?.pull_request?.branches),
  ];
  const steps: CiStep[] = [];
  const jobs = isPlainMap(root) ? root.jobs : undefined;
  if (isPlainMap(jobs)) {
    for (const [jobName] of fastKeys(pos, jobs)) {
      const value = jobs[jobName];
      const job = value ?? {};
      const environment =
        typeof job.environment === 'string'
          ? job.environment
          : job.environment?.name;
      const stepList = isPlainMap(value) ? value.steps : undefined;
      if (Array.isArray(stepList)) {
        const lines = fastItemLines(pos, stepList);
        stepList.forEach((item, i) => {
          steps.push(
            githubStep(
              path,
              jobName,
              lines[i],
              item ?? {},
              environment,
              job.if,
              job.defaults,
              job.env,
            ),
          );
        });
      } else if (job.uses) {
        steps.push(
          reusableWorkflowStep(path, jobName, fastLineOf(pos, value), job),
        );
      }
    }
  }
  return withPaths({ steps, triggers: triggers.map(String), branches }, on);
}

function gitlabFast(path: string, root: unknown, pos: NodePositions): Parsed {
  return gitlabJobs(
    path,
    (root ?? {}) as Record<string, any>,
    isPlainMap(root) ? fastKeys(pos, root) : [],
  );
}

function azureFast(path: string, root: unknown, pos: NodePositions): Parsed {
  const steps: CiStep[] = [];
  const visit = (
    node: unknown,
    job?: string,
    environment?: string,
    condition?: string,
  ) => {
    if (Array.isArray(node)) {
      node.forEach(i => visit(i, job, environment, condition));
      return;
    }
    if (!isPlainMap(node)) return;
    const js: any = node;
    const jobName = js.job ?? js.deployment ?? job;
    const env =
      typeof js.environment === 'string'
        ? js.environment
        : js.environment?.name ?? environment;
    if (js.script || js.bash || js.powershell || js.pwsh || js.task) {
      steps.push(
        azureStep(path, jobName, fastLineOf(pos, node), js, env, condition),
      );
      return;
    }
    const inherited = azureCondition(js, condition);
    for (const [key] of fastKeys(pos, node))
      visit(node[key], jobName, env, inherited);
  };
  visit(root);
  const js: any = root ?? {};
  const branches = strings(js.trigger?.branches?.include ?? js.trigger);
  return { steps, triggers: ['push'], branches };
}

function circleciFast(path: string, root: unknown, pos: NodePositions): Parsed {
  const steps: CiStep[] = [];
  const jobs = isPlainMap(root) ? root.jobs : undefined;
  if (isPlainMap(jobs)) {
    for (const [job] of fastKeys(pos, jobs)) {
      const value = jobs[job];
      const stepList = isPlainMap(value) ? value.steps : undefined;
      if (!Array.isArray(stepList)) continue;
      const lines = fastItemLines(pos, stepList);
      stepList.forEach((s: any, i) => {
        const run = typeof s?.run === 'string' ? s.run : s?.run?.command;
        const uses =
          typeof s === 'string'
            ? s
            : !run && s && typeof s === 'object'
            ? Object.keys(s)[0]
            : undefined;
        steps.push({
          path,
          system: 'circleci',
          job,
          line: lines[i],
          ...(run ? { run } : {}),
          ...(uses ? { uses } : {}),
        });
      });
    }
  }
  return { steps, triggers: ['push'], branches: [] };
}

const FAST_PARSERS: Partial<
  Record<CiSystem, (path: string, root: unknown, pos: NodePositions) => Parsed>
> = {
  'github-actions': githubActionsFast,
  'gitlab-ci': gitlabFast,
  'azure-pipelines': azureFast,
  circleci: circleciFast,
};

/** A YAML definition through its fast parser, or undefined when the reference parser must read it. Exported for tests. */
export function parsePipelineFast(
  path: string,
  system: CiSystem,
  text: string,
): Parsed | undefined {
  const parse = FAST_PARSERS[system];
  if (!parse) return undefined;
  const loaded = fastLoadSingle(text, {
    schema: CORE_SCHEMA,
    duplicateKeys: 'error',
    positions: true,
  });
  if (!loaded) return undefined;
  try {
    return parse(path, loaded.value, loaded.positions ?? NO_POSITIONS);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}

const NO_POSITIONS: NodePositions = {
  lineOf: () => undefined,
  itemLines: () => undefined,
  keyLines: () => undefined,
};

/** The phases of a Travis CI build whose commands run in order. */
const TRAVIS_PHASES = [
  'before_install',
  'install',
  'before_script',
  'script',
  'after_success',
  'before_deploy',
  'after_script',
];

/**
 * Travis CI (`.travis.yml`): the commands of each phase, at the top level and
 * in each `jobs.include` (or `matrix.include`) entry, one step per phase;
 * `deploy:` with a `script` provider is a phase too. Travis builds on push
 * and pull requests unless `branches:` narrows it.
 */
function travis(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error(doc.errors[0].message.split('\n')[0]);
  const steps: CiStep[] = [];
  const addPhases = (node: any, job?: string) => {
    if (!isMap(node)) return;
    for (const phase of [...TRAVIS_PHASES, 'deploy']) {
      let value: any = (node as YAMLMap).get(phase, true);
      if (phase === 'deploy' && isMap(value)) value = value.get('script', true);
      const commands = isSeq(value)
        ? value.items.map((i: any) => String(i?.value ?? ''))
        : value && typeof value.value === 'string'
        ? [value.value]
        : [];
      if (!commands.filter(Boolean).length) continue;
      const first = isSeq(value) ? value.items[0] : value;
      steps.push({
        path,
        system: 'travis',
        ...(job ? { job } : {}),
        name: phase,
        line: textLine(first, lc),
        run: commands.filter(Boolean).join('\n'),
      });
    }
  };
  addPhases(doc.contents);
  for (const key of ['jobs', 'matrix']) {
    const include: any = doc.getIn([key, 'include'], true);
    if (isSeq(include))
      include.items.forEach((item: any, i: number) => {
        const name = isMap(item) ? item.get('name') : undefined;
        addPhases(item, typeof name === 'string' ? name : `job ${i + 1}`);
      });
  }
  const js: any = doc.toJS() ?? {};
  return {
    steps,
    triggers: ['push', 'pull_request'],
    branches: strings(js.branches?.only),
  };
}

/**
 * Drone (`.drone.yml`): one or more `kind: pipeline` documents with a list of
 * `steps:`. A step runs its `commands:` in its `image`; a plugin step (an
 * image such as `plugins/docker`) is an action whose `settings:` are its
 * inputs (`repo`, `tags`, `auto_tag`), the docker plugin's tags written as
 * full references so that they read like any other build's. `when:` is the
 * step's condition, the pipeline's `trigger: event:` its triggers.
 */
function drone(path: string, text: string): Parsed {
  const lc = new LineCounter();
  const steps: CiStep[] = [];
  const triggers = new Set<string>();
  const branches = new Set<string>();
  for (const doc of parseAllDocuments(text, { lineCounter: lc })) {
    if (doc.errors.length)
      throw new Error(doc.errors[0].message.split('\n')[0]);
    const js: any = doc.toJS() ?? {};
    if (js.kind !== undefined && js.kind !== 'pipeline') continue;
    const events = strings(js.trigger?.event?.include ?? js.trigger?.event);
    for (const e of events.length ? events : ['push'])
      triggers.add(e === 'pull_request' ? 'pull_request' : e);
    for (const b of strings(js.trigger?.branch?.include ?? js.trigger?.branch))
      branches.add(b);
    const stepsNode: any = doc.get('steps', true);
    if (!isSeq(stepsNode)) continue;
    for (const item of stepsNode.items) {
      if (!isMap(item)) continue;
      const st: any = item.toJSON() ?? {};
      const commands = strings(st.commands);
      const commandsNode: any = (item as YAMLMap).get('commands', true);
      const line =
        isSeq(commandsNode) && commandsNode.items.length
          ? textLine(commandsNode.items[0], lc)
          : lineOf(item, lc);
      const settings: Record<string, unknown> =
        st.settings && typeof st.settings === 'object'
          ? { ...st.settings }
          : {};
      // The docker plugin pushes `repo` with each of `tags` (and the git tag's version with auto_tag).
      const repo =
        typeof settings.repo === 'string' ? settings.repo : undefined;
      if (repo) {
        const tags = strings(settings.tags).length
          ? strings(settings.tags)
          : ['latest'];
        settings.tags = [
          ...tags.map(t => `${repo}:${t}`),
          ...([settings.auto_tag, settings.autotag].some(
            v => v === true || v === 'true',
          )
            ? [`${repo}:$DRONE_TAG`]
            : []),
        ].join('\n');
      }
      const condition = st.when ? conditionOf(st.when) : undefined;
      const image = typeof st.image === 'string' ? st.image : undefined;
      const plugin = image && !commands.length ? image : undefined;
      steps.push({
        path,
        system: 'drone',
        ...(typeof js.name === 'string' ? { job: js.name } : {}),
        ...(typeof st.name === 'string' ? { name: st.name } : {}),
        line,
        ...(commands.length ? { run: commands.join('\n') } : {}),
        ...(plugin ? { uses: plugin } : {}),
        ...(plugin && Object.keys(settings).length
          ? { with: stringifyInputs(settings) }
          : {}),
        ...(condition ? { condition } : {}),
      });
    }
  }
  return {
    steps,
    triggers: [...triggers],
    branches: [...branches],
  };
}

/** Jenkinsfile: Groovy, so read `stage('…')` and `sh '…'` / `sh """…"""` by pattern. */
function jenkins(path: string, text: string): Parsed {
  const steps: CiStep[] = [];
  let stage: string | undefined;
  const lineAt = (i: number) => text.slice(0, i).split('\n').length;
  const re =
    /stage\s*\(\s*['"]([^'"]+)['"]\s*\)|\b(sh|bat|powershell)\s*\(?\s*(?:script\s*:\s*)?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;
  for (const m of text.matchAll(re)) {
    if (m[1]) {
      stage = m[1];
      continue;
    }
    const raw = m[3].replace(/^("""|'''|"|')|("""|'''|"|')$/g, '');
    steps.push({
      path,
      system: 'jenkins',
      ...(stage ? { job: stage, name: stage } : {}),
      run: raw,
      line: lineAt(m.index ?? 0),
    });
  }
  const branches = [...text.matchAll(/branch\s+['"]([^'"]+)['"]/g)].map(
    m => m[1],
  );
  return { steps, triggers: ['push'], branches };
}

/** Parses one CI definition into steps. Throws on malformed YAML, for the caller to report. */
export function parsePipeline(
  path: string,
  system: CiSystem,
  text: string,
): Parsed {
  return (
    parsePipelineFast(path, system, text) ??
    parsePipelineReference(path, system, text)
  );
}

/** parsePipeline with the `yaml` package's Document for YAML systems. Exported for tests. */
export function parsePipelineReference(
  path: string,
  system: CiSystem,
  text: string,
): Parsed {
  switch (system) {
    case 'github-actions':
      return githubActions(path, text);
    case 'gitlab-ci':
      return gitlab(path, text);
    case 'azure-pipelines':
      return azure(path, text);
    case 'circleci':
      return circleci(path, text);
    case 'jenkins':
      return jenkins(path, text);
    case 'cloud-build':
      return cloudBuild(path, text);
    case 'codefresh':
      return codefresh(path, text);
    case 'drone':
      return drone(path, text);
    case 'travis':
      return travis(path, text);
    default: {
      // Other systems: keep every one-line `run`/`script`/`command` we can find.
      const runs = text
        .split('\n')
        .flatMap((l, i) =>
          /^\s*-?\s*(run|script|command|commands)\s*:/.test(l)
            ? [{ l, i }]
            : [],
        );
      return {
        steps: runs.map(r => ({
          path,
          system,
          run: r.l.replace(/^\s*-?\s*\w+\s*:\s*/, ''),
          line: r.i + 1,
        })),
        triggers: ['push'],
        branches: [],
      };
    }
  }
}
