/*
 * The service's own start scripts (entrypoint.sh, start-web.sh): a container
 * that runs one has a shell as PID 1, and what the script runs (the server,
 * the migrations, the seeding) is what the container does. The process
 * checks read them as they read a Dockerfile's CMD.
 */
import { createFactRef } from '../engine/facts';
import type { FactExtractor } from '../engine/types';
import { basename } from '../sources/RepoSnapshot';
import { ancillaryReason } from './ancillary';
import { requireCodeRepo } from './repo';
import { splitLines } from './splitLines';

/** A shell script of the repository. @public */
export interface StartScript {
  path: string;
  /** The commands, one per logical line (continuations joined), with their 1-based lines; comments, blank lines and shell set-up left out. */
  commands: Array<{ text: string; line: number }>;
  /** Whether the last command replaces the shell (`exec …`), so that the program becomes PID 1 and gets the signals. */
  execsLast: boolean;
}

/** @public */
export interface StartScriptsFact {
  scripts: StartScript[];
}

/** @public */
export const startScriptsFactRef = createFactRef<StartScriptsFact>({
  id: 'repo.start-scripts',
});

const SCRIPT_NAME =
  /\.(sh|bash)$|^(docker-)?entrypoint$|^(start|run|boot)(-[\w-]+)?$/;
/** Lines that set the shell up rather than run the service. */
const SET_UP =
  /^(set|shopt|trap|export|cd|echo|printf|source|\.|:|true|fi|then|else|elif|do|done|esac|;;|\}|\{|if\b|for\b|while\b|case\b|until\b|wait\b|exit\b|[A-Za-z_][\w]*=)/;
const MAX_SCRIPT = 64 * 1024;

/** The commands of a shell script, continuations joined. */
export function scriptCommands(
  text: string,
): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (/\\\s*$/.test(line) && i + 1 < lines.length)
      line = `${line.replace(/\s*\\\s*$/, ' ')}${lines[++i].trim()}`;
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    out.push({ text: t, line: start + 1 });
  }
  return out;
}

/** The script read as a start script. */
export function startScriptOf(path: string, text: string): StartScript {
  const commands = scriptCommands(text);
  const run = commands.filter(c => !SET_UP.test(c.text));
  const last = run[run.length - 1]?.text ?? '';
  return { path, commands, execsLast: /^exec\s/.test(last) };
}

/** @public */
export const startScriptsExtractor: FactExtractor<StartScriptsFact> = {
  ref: startScriptsFactRef,
  extract(ctx) {
    const repo = requireCodeRepo(ctx);
    const scripts: StartScript[] = [];
    // Start scripts are often kept with the development tooling (scripts/entrypoint.sh): only tests, docs and examples are left out.
    const notTheService = (p: string) => {
      const reason = ancillaryReason(repo, p);
      return reason !== undefined && reason !== 'development tooling';
    };
    for (const f of repo.find(
      (p, name) => SCRIPT_NAME.test(name) && !notTheService(p),
    )) {
      if (f.text === undefined || f.text.length > MAX_SCRIPT) continue;
      // A file without an extension is a script only with a shell's shebang.
      if (!/\.(sh|bash)$/.test(f.path) && !/^#!.*\b(ba|da|a)?sh\b/.test(f.text))
        continue;
      scripts.push(startScriptOf(f.path, f.text));
    }
    return { scripts };
  },
};

/**
 * The script a start command runs, if it is one of the repository's: `/app/entrypoint.sh`,
 * `./start-web.sh`, `bash scripts/run.sh`. Matched by file name, the path
 * inside the image being unknown.
 */
export function scriptOfCommand(
  fact: StartScriptsFact | undefined,
  argv: ReadonlyArray<string>,
): StartScript | undefined {
  if (!fact?.scripts.length || argv.length === 0) return undefined;
  const program =
    /(^|\/)(ba|da|a)?sh$/.test(argv[0]) && argv[1] && !argv[1].startsWith('-')
      ? argv[1]
      : argv[0];
  const name = basename(program);
  if (!SCRIPT_NAME.test(name)) return undefined;
  const candidates = fact.scripts.filter(s => basename(s.path) === name);
  // Prefer the script whose repository path ends like the command's path.
  return (
    candidates.find(s => program.endsWith(s.path)) ??
    candidates.sort((a, b) => a.path.length - b.path.length)[0]
  );
}
