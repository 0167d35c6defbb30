/*
 * Admin processes in the object sets: Jobs and CronJobs (and init
 * containers), what they run, and what they share with the app.
 */
import type {
  EngineMessage,
  MessagePart,
} from '@internal/plugin-twelve-factor-common';
import type {
  Workload,
  WorkloadContainer,
} from '../../facts/manifests/workloads';
import {
  appImage,
  appWorkloads,
  configRefsOf,
  imageRepository,
  jobsOf,
  longRunning,
  type JudgedSet,
} from '../cn-observability/workloads';
import { english, msg, noted } from '../messages';

/** Commands that apply schema migrations. */
const APPLIES_MIGRATIONS =
  /\bmigrat(e|es|ions?)\b|\balembic\b.*\bupgrade\b|\bliquibase\b.*\bupdate\b|\bflyway\b|\bgoose\b.*\bup\b|db:migrate|\bsqitch\s+deploy\b|\bprisma\s+migrate\b/i;
/** Commands that only check or wait for migrations (`manage.py migrate --check` in a wait loop, `showmigrations`). */
const CHECKS_MIGRATIONS =
  /\bmigrate\b[^|;&\n]*\s--(check|plan)\b|\bshowmigrations\b|\balembic\s+(check|current)\b|\bflyway\s+(info|validate)\b/gi;
/** A command applies migrations when it does once its checks are taken out (`migrate --check || migrate` still applies). */
const MIGRATION_COMMAND = {
  test: (command: string) =>
    APPLIES_MIGRATIONS.test(command.replace(CHECKS_MIGRATIONS, ' ')),
};
/** Names and commands of jobs that load data. */
const SEED =
  /seed|fixtures?\b|loaddata|warm-?up|warm[-_]?cache|cache[-_]?warm|preload|populate|sample[-_]?data|import[-_]?data|bootstrap[-_]?data/i;

/** The command line of a container, for matching and evidence. */
function commandLine(c: Record<string, any>): string {
  return [
    ...(Array.isArray(c.command) ? c.command : []),
    ...(Array.isArray(c.args) ? c.args : []),
  ]
    .map(String)
    .join(' ');
}

/** The hook annotations that make a Job run once per release (Helm, Argo CD), said with the hook's name. */
function hookOf(w: Workload): EngineMessage | undefined {
  const a = w.source.object.metadata?.annotations ?? {};
  if (a['helm.sh/hook'])
    return msg('f12-admin-processes.hook-helm', {
      hook: String(a['helm.sh/hook']),
    });
  if (a['argocd.argoproj.io/hook'])
    return msg('f12-admin-processes.hook-argocd', {
      hook: String(a['argocd.argoproj.io/hook']),
    });
  return undefined;
}

/**
 * What an admin run does, as the last part of its message id:
 * f12-admin-processes.runs.<what>[-init][-hook]. Migrations before the app
 * starts are always in an init container, at every start never.
 */
type RunWhat =
  | 'migrates'
  | 'migrates-before-start'
  | 'migrates-every-start'
  | 'seeds';

export interface AdminRun {
  workload: Workload;
  container: WorkloadContainer;
  /** `Job cms-db-init runs the migrations ("alembic upgrade head")` */
  note: string;
  noteMsg: EngineMessage;
}

function describe(
  w: Workload,
  c: WorkloadContainer,
  what: RunWhat,
): { note: string; noteMsg: EngineMessage } {
  const cmd = commandLine(c.container);
  const hook = hookOf(w);
  const init = c.init && what !== 'migrates-before-start' ? '-init' : '';
  return noted(
    `f12-admin-processes.runs.${what}${init}${hook ? '-hook' : ''}`,
    {
      kind: w.kind,
      name: w.name,
      ...(c.init ? { container: String(c.container.name) } : {}),
      // The command line as data, with its brackets: none when the image's own entrypoint runs.
      command: cmd ? ` ("${cmd}")` : '',
      ...(hook ? { hook } : {}),
    },
  );
}

/** Jobs, CronJobs and init containers of long-running workloads that run migrations. */
export function migrationRuns(workloads: ReadonlyArray<Workload>): AdminRun[] {
  const out: AdminRun[] = [];
  for (const w of jobsOf(workloads)) {
    const c =
      w.containers.find(x =>
        MIGRATION_COMMAND.test(commandLine(x.container)),
      ) ??
      (/migrat/i.test(w.name) ? w.containers.find(x => !x.init) : undefined);
    if (c)
      out.push({
        workload: w,
        container: c,
        ...describe(w, c, 'migrates'),
      });
  }
  for (const w of longRunning(workloads)) {
    const c = w.containers.find(
      x => x.init && MIGRATION_COMMAND.test(commandLine(x.container)),
    );
    if (c)
      out.push({
        workload: w,
        container: c,
        ...describe(w, c, 'migrates-before-start'),
      });
  }
  return out;
}

/** Long-running workloads whose app container runs the migrations on every start (`alembic upgrade head && uvicorn …`). */
export function startupMigrations(
  workloads: ReadonlyArray<Workload>,
): AdminRun[] {
  const out: AdminRun[] = [];
  for (const w of longRunning(workloads)) {
    const c = w.containers.find(
      x => !x.init && MIGRATION_COMMAND.test(commandLine(x.container)),
    );
    if (c)
      out.push({
        workload: w,
        container: c,
        ...describe(w, c, 'migrates-every-start'),
      });
  }
  return out;
}

/** Jobs that seed data. A CronJob repeats (a cache refresh every five minutes): seeding is done once, by a Job or a release hook. */
export function seedRuns(workloads: ReadonlyArray<Workload>): AdminRun[] {
  const out: AdminRun[] = [];
  for (const w of jobsOf(workloads)) {
    if (w.kind === 'CronJob') continue;
    const c = SEED.test(w.name)
      ? w.containers.find(x => !x.init)
      : w.containers.find(x => SEED.test(commandLine(x.container)));
    if (c)
      out.push({
        workload: w,
        container: c,
        ...describe(w, c, 'seeds'),
      });
  }
  return out;
}

/** What a Job shares with the app's long-running workloads in its set. */
export interface ReleaseComparison {
  job: Workload;
  images: string[];
  sameImage: boolean;
  /** Config the Job reads that no app workload reads. */
  foreignConfig: string[];
  /** The app reads config and the Job reads none. */
  noConfig: boolean;
}

export function compareWithApp(set: JudgedSet): {
  app: Workload[];
  comparisons: ReleaseComparison[];
} {
  const app = appWorkloads(set.workloads);
  const appImages = new Set(
    app.flatMap(w =>
      w.containers
        .filter(c => !c.init)
        .map(c => imageRepository(c.container.image)),
    ),
  );
  const appRefs = new Set(app.flatMap(w => [...configRefsOf(w.podSpec)]));
  const comparisons = jobsOf(set.workloads).map(job => {
    const images = [
      ...new Set(
        job.containers
          .filter(c => !c.init)
          .map(c => imageRepository(c.container.image)),
      ),
    ];
    const refs = [...configRefsOf(job.podSpec)];
    return {
      job,
      images,
      sameImage: images.some(i => appImages.has(i)),
      foreignConfig: refs.filter(r => !appRefs.has(r)),
      noConfig: refs.length === 0 && appRefs.size > 0,
    };
  });
  return { app, comparisons };
}

/** Where a Job keeps backoffLimit and ttlSecondsAfterFinished. */
export function jobSpecOf(w: Workload): Record<string, any> {
  return (
    (w.kind === 'CronJob'
      ? w.source.object.spec?.jobTemplate?.spec
      : w.source.object.spec) ?? {}
  );
}

export function jobSpecPath(w: Workload): string {
  return w.kind === 'CronJob' ? 'spec.jobTemplate.spec' : 'spec';
}

/** The app's image with its tag, for snippets. */
export function appImageRef(set: JudgedSet): string | undefined {
  const repo = appImage(set.workloads);
  for (const w of set.workloads)
    for (const c of w.containers)
      if (imageRepository(c.container.image) === repo)
        return String(c.container.image);
  return repo;
}

/**
 * A set's finding said in several sentences, as the English always said
 * it (`dev: A; B`); each part keeps the set, so that the parts of several
 * sets merge into sentences that still say which set they are about.
 */
export function setFinding(
  label: string,
  sentences: ReadonlyArray<readonly [string, EngineMessage['params']]>,
): { summary: string; summaryMsg: MessagePart[] } {
  return {
    summary: `${label}: ${sentences
      .map(([id, params]) => english(id, params))
      .join('; ')}`,
    summaryMsg: sentences.map(([id, params]) => ({
      id,
      ...(params ? { params } : {}),
      labels: [label],
    })),
  };
}
