/*
 * Process types as the repository declares them outside Kubernetes: a
 * Procfile's entries, the compose services that run the app's own image
 * with a command of their own, package.json scripts, start scripts and
 * Dockerfiles whose command runs a worker. A declared command can be started
 * and scaled on its own: a worker declared so is separately deployable from
 * the web process, whether or not manifests deploy it.
 */
import type { Evidence } from '@internal/plugin-twelve-factor-common';
import type { FactReader } from '../../engine/facts';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { finalStage } from '../../facts/dockerfile/parseDockerfile';
import { backingKindOfImage } from '../../facts/images';
import {
  processDeclarationsFactRef,
  type DeclaredCommand,
} from '../../facts/processDeclarations';
import { startScriptsFactRef } from '../../facts/startScripts';
import type { ConsumerHint } from '../../facts/runtimeHints';
import { codeNote } from '../codeNotes';
import { fileEvidence } from '../evidence';
import { noted } from '../messages';
import {
  dockerCommand,
  multiProcessOf,
  runtimeHints,
  workerCommand,
} from './processTypes';

/** A declared process: what it is, where, and what it runs. */
export interface DeclaredProcess {
  role: 'web' | 'worker' | 'scheduler';
  /** Procfile, compose, package.json script, start script or Dockerfile. */
  source: DeclaredCommand['source'] | 'start-script' | 'dockerfile';
  name: string;
  path: string;
  line?: number;
  command: string;
  /** How the command starts several processes, when it does (a process manager, `&`, celery -B). */
  combined?: NonNullable<ReturnType<typeof multiProcessOf>>;
}

const SCHEDULER_NAME = /^(clock|clockwork|scheduler|beat|cron|celerybeat)$/i;
const SCHEDULER_COMMAND =
  /\bcelery\b.*\bbeat\b|\bclockwork\b|\bcron\b.*-f\b|\bsupercronic\b/;
const WORKER_NAME =
  /(^|[:_-])(worker|workers|consumer|consumers|queue|queues|jobs|sidekiq|celery|celeryd)([:_-]|$)/i;
/** One-off commands (migrations, seeding) are admin processes, not process types. */
const ONE_OFF =
  /\b(migrate|db:migrate|db upgrade|alembic upgrade|prisma migrate|collectstatic|seed)\b/;

/** A Procfile entry or compose service, by its name and command. */
function roleOf(
  name: string,
  command: string,
  serves: boolean,
): DeclaredProcess['role'] | undefined {
  if (name === 'release' || (command && ONE_OFF.test(command)))
    return undefined;
  if (SCHEDULER_NAME.test(name) || SCHEDULER_COMMAND.test(command))
    return 'scheduler';
  if ((command && workerCommand(command)) || WORKER_NAME.test(name))
    return 'worker';
  if (name === 'web' || serves) return 'web';
  return undefined;
}

/**
 * Compose services that run the app: built here, running an image that a
 * built service builds, or one image that several services run with
 * commands of their own (a deploy-time compose file pulling the app's image).
 */
function appServices(
  commands: ReadonlyArray<DeclaredCommand>,
): DeclaredCommand[] {
  const compose = commands.filter(c => c.source === 'compose');
  const appImages = new Set(
    compose.filter(c => c.built && c.image).map(c => c.image!),
  );
  const commandsOf = new Map<string, Set<string>>();
  for (const c of compose)
    if (c.image)
      commandsOf.set(
        c.image,
        (commandsOf.get(c.image) ?? new Set()).add(c.command),
      );
  for (const [image, run] of commandsOf) if (run.size > 1) appImages.add(image);
  return compose.filter(
    c =>
      (c.built || (c.image !== undefined && appImages.has(c.image))) &&
      !(c.image && backingKindOfImage(c.image)),
  );
}

/** The repository's declared process types (outside manifests), each with where it is written. */
export function declaredProcesses(facts: FactReader): DeclaredProcess[] {
  const out: DeclaredProcess[] = [];
  const commands = facts.tryGet(processDeclarationsFactRef)?.commands ?? [];
  const add = (
    c: Omit<DeclaredProcess, 'role' | 'combined'>,
    role: DeclaredProcess['role'] | undefined,
  ) => {
    if (!role) return;
    const combined = multiProcessOf(c.command);
    out.push({ ...c, role, ...(combined ? { combined } : {}) });
  };
  for (const c of commands.filter(x => x.source === 'procfile'))
    add(c, roleOf(c.name, c.command, false));
  // A service that runs its image's own command, or publishes ports, serves the app.
  for (const c of appServices(commands))
    add(c, roleOf(c.name, c.command, !c.command || (c.ports ?? 0) > 0));
  for (const c of commands.filter(x => x.source === 'package-script')) {
    // Only what runs the app: `start`, and scripts that start a worker (not builds, tests or dev servers).
    const worker = workerCommand(c.command) || WORKER_NAME.test(c.name);
    if (
      worker &&
      !/\b(test|jest|vitest|mocha|lint|tsc|build)\b/.test(c.command)
    )
      add(c, 'worker');
    else if (c.name === 'start') add(c, 'web');
  }
  for (const s of facts.tryGet(startScriptsFactRef)?.scripts ?? []) {
    const run = s.commands.find(c => workerCommand(c.text));
    if (run)
      add(
        {
          source: 'start-script',
          name: s.path.split('/').pop()!,
          path: s.path,
          line: run.line,
          command: run.text,
        },
        'worker',
      );
  }
  for (const df of facts.tryGet(containerBuildFactRef)?.dockerfiles ?? []) {
    const cmd = dockerCommand(df);
    if (!cmd) continue;
    const process = {
      source: 'dockerfile' as const,
      name: df.path,
      path: df.path,
      line: cmd.line,
      command: cmd.text,
    };
    if (workerCommand(cmd.text)) add(process, 'worker');
    else if (finalStage(df)?.exposedPorts.length) add(process, 'web');
  }
  return out;
}

/** Declared processes that are not web: the workers and schedulers. */
export function declaredWorkers(
  declared: ReadonlyArray<DeclaredProcess>,
): DeclaredProcess[] {
  return declared.filter(d => d.role !== 'web');
}

/** `worker (Procfile:2)`, for findings. */
export function describeDeclared(
  declared: ReadonlyArray<DeclaredProcess>,
): string {
  const byRole = new Map<string, string[]>();
  for (const d of declared)
    byRole.set(d.role, [
      ...(byRole.get(d.role) ?? []),
      `${d.path}${d.line ? `:${d.line}` : ''}`,
    ]);
  return [...byRole]
    .map(([role, places]) => `${role} (${[...new Set(places)].join(', ')})`)
    .join(', ');
}

/** Evidence of a declared process: its line, its role and its command. */
export function declaredEvidence(d: DeclaredProcess): Evidence {
  return fileEvidence(
    d.path,
    noted(`f8-concurrency.process-types.declared-${d.role}-note`, {
      name: d.name,
      command: d.command.slice(0, 120),
    }),
    d.line,
    d.line,
  );
}

/** Queue consumers in the code that start consuming wherever they are loaded. */
export function runningConsumers(facts: FactReader): ConsumerHint[] {
  return (runtimeHints(facts)?.consumers ?? []).filter(c => c.kind === 'runs');
}

/** Evidence of a consumer in the code. */
export function consumerEvidence(c: ConsumerHint): Evidence {
  return fileEvidence(c.path, codeNote(c), c.line, c.line);
}
