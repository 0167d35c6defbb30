/*
 * Process types the repository declares outside Kubernetes manifests: the
 * entries of a Procfile (Heroku, Dokku, Cloud Foundry, foreman), the
 * services of a compose file that run the app's own image, and the scripts
 * of a package.json. Each is a command that can be started, and scaled, on
 * its own. The process checks decide which are web, worker or scheduler.
 */
import { parse } from 'yaml';
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { ancillaryReason } from './ancillary';
import { localDevFactRef } from './localDev';
import { requireCodeRepo } from './repo';
import { splitLines } from './splitLines';

/** One declared command. @public */
export interface DeclaredCommand {
  source: 'procfile' | 'compose' | 'package-script';
  path: string;
  /** 1-based line of the entry (the Procfile line, the compose service, the script). */
  line?: number;
  /** The process type, service or script name. */
  name: string;
  /** The command as written; empty for a compose service that runs its image's own command. */
  command: string;
  /** Compose: built from the repository (`build:`), possibly through a YAML merge key. */
  built?: boolean;
  /** Compose: the image it runs, when named. */
  image?: string;
  /** Compose: the number of ports it publishes. */
  ports?: number;
}

/** @public */
export interface ProcessDeclarationsFact {
  commands: DeclaredCommand[];
}

/** @public */
export const processDeclarationsFactRef =
  createFactRef<ProcessDeclarationsFact>({ id: 'repo.process-declarations' });

/** `web: gunicorn app:app` lines; comments and blank lines skipped. */
function procfileCommands(path: string, text: string): DeclaredCommand[] {
  const out: DeclaredCommand[] = [];
  splitLines(text).forEach((raw, i) => {
    const m = /^([A-Za-z0-9_-]+)\s*:\s*(\S.*)$/.exec(raw.trim());
    if (m && !raw.trim().startsWith('#'))
      out.push({
        source: 'procfile',
        path,
        line: i + 1,
        name: m[1],
        command: m[2].trim(),
      });
  });
  return out;
}

function lineOf(lines: string[], pattern: RegExp): number | undefined {
  const i = lines.findIndex(l => pattern.test(l));
  return i === -1 ? undefined : i + 1;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The scripts of a package.json, with their lines. */
function packageScripts(path: string, text: string): DeclaredCommand[] {
  let scripts: unknown;
  try {
    scripts = JSON.parse(text)?.scripts;
  } catch {
    return [];
  }
  if (!scripts || typeof scripts !== 'object') return [];
  const lines = splitLines(text);
  return Object.entries(scripts as Record<string, unknown>)
    .filter(([, command]) => typeof command === 'string')
    .map(([name, command]) => ({
      source: 'package-script' as const,
      path,
      line: lineOf(lines, new RegExp(`^\\s*"${escape(name)}"\\s*:`)),
      name,
      command: command as string,
    }));
}

function asList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return [v];
  return [];
}

/**
 * The services of a compose file, with YAML merge keys applied (`<<: *app`
 * is how services share the app's build and environment). Only the names
 * the local-dev fact kept (its own, in a monorepo) are read.
 */
function composeCommands(
  path: string,
  text: string,
  names: ReadonlySet<string>,
): DeclaredCommand[] {
  let doc: any;
  try {
    doc = parse(text, { merge: true });
  } catch {
    return [];
  }
  const lines = splitLines(text);
  return Object.entries((doc?.services ?? {}) as Record<string, any>)
    .filter(([name, s]) => names.has(name) && s && typeof s === 'object')
    .map(([name, s]) => ({
      source: 'compose' as const,
      path,
      line: lineOf(lines, new RegExp(`^\\s{2,4}${escape(name)}:`)),
      name,
      command: [...asList(s.entrypoint), ...asList(s.command)].join(' '),
      built: s.build !== undefined && s.build !== null,
      ...(typeof s.image === 'string' ? { image: s.image } : {}),
      ports: asList(s.ports).length,
    }));
}

/** @public */
export const processDeclarationsExtractor: FactExtractor<ProcessDeclarationsFact> =
  {
    ref: processDeclarationsFactRef,
    extract(ctx) {
      const repo = requireCodeRepo(ctx);
      const commands: DeclaredCommand[] = [];
      // Scripts and Procfiles are often kept with the development tooling; tests, docs and examples are not the service's.
      const own = (p: string) => {
        const reason = ancillaryReason(repo, p);
        return reason === undefined || reason === 'development tooling';
      };
      for (const f of repo.find((p, name) => name === 'Procfile' && own(p)))
        if (f.text !== undefined)
          commands.push(...procfileCommands(f.path, f.text));
      for (const f of repo.find(
        (p, name) =>
          name === 'package.json' && !/(^|\/)node_modules\//.test(p) && own(p),
      ))
        if (f.text !== undefined)
          commands.push(...packageScripts(f.path, f.text));
      for (const c of ctx.facts.tryGet(localDevFactRef)?.composeFiles ?? []) {
        const text = repo.read(c.path) ?? ctx.input.repo?.read(c.path);
        if (text !== undefined)
          commands.push(
            ...composeCommands(
              c.path,
              text,
              new Set(c.services.map(s => s.name)),
            ),
          );
      }
      return { commands };
    },
  };
