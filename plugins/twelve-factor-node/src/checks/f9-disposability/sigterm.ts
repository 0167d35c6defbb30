import type { Evidence } from '@internal/plugin-twelve-factor-common';
import { UnknownVerdictError } from '../../engine/facts';
import type { TwelveFactorCheck } from '../../engine/types';
import { codeFactRef } from '../../facts/code/extractor';
import { containerBuildFactRef } from '../../facts/dockerfile/extractor';
import { objectSets } from '../../facts/objectSets';
import { objectEvidence } from '../setMessages';
import { codeNote } from '../codeNotes';
import { capEvidence, fileEvidence } from '../evidence';
import { classify, dockerCommand, list } from '../f8-concurrency/processTypes';
import { podSpecPatch } from '../snippets';
import {
  drainingServers,
  springBootDeclared,
  springBootGracefulByDefault,
} from './draining';
import {
  scriptOfCommand,
  startScriptsFactRef,
  type StartScript,
} from '../../facts/startScripts';
import { basename } from '../../sources/RepoSnapshot';
import { advice, because, finding, noted } from '../messages';

const M = 'f9-disposability.sigterm';

/** The script of `sh -c <script>` when it does not exec its last program (so the shell stays PID 1). */
export function shellWithoutExec(argv: string[]): string | undefined {
  if (
    argv.length < 3 ||
    !/(^|\/)(ba|da|a)?sh$/.test(argv[0]) ||
    !/^-\w*c$/.test(argv[1])
  )
    return undefined;
  return execsLast(argv[2]) ? undefined : argv[2];
}

/** argv without a leading init (tini, dumb-init), which forwards signals to its child. */
function withoutInit(argv: string[]): string[] {
  if (!/(^|\/)(tini|dumb-init)$/.test(argv[0] ?? '')) return argv;
  const rest = argv.slice(1);
  const dashes = rest.indexOf('--');
  return dashes >= 0
    ? rest.slice(dashes + 1)
    : rest.filter(a => !a.startsWith('-'));
}

/** `npm start`, `yarn run serve`: a package manager as PID 1 runs the script through a shell and does not pass SIGTERM on reliably. */
function packageManagerLauncher(argv: string[]): string | undefined {
  return /^(npm|yarn|pnpm)$/.test(basename(argv[0] ?? '')) &&
    /^(start|run|run-script|serve)$/.test(argv[1] ?? '')
    ? argv.join(' ')
    : undefined;
}

/** Why a start command keeps SIGTERM from the app, if it does: a shell without exec, a script of the repository that ends without exec, a package manager. */
function blocksSignals(
  argv: string[],
  scripts: Parameters<typeof scriptOfCommand>[0],
):
  | { kind: 'shell'; script: string }
  | { kind: 'script'; file: StartScript }
  | { kind: 'launcher'; command: string }
  | undefined {
  const script = shellWithoutExec(argv);
  if (script !== undefined) return { kind: 'shell', script };
  const file = scriptOfCommand(scripts, argv);
  if (file && !file.execsLast && file.commands.length)
    return { kind: 'script', file };
  const launcher = packageManagerLauncher(argv);
  if (launcher) return { kind: 'launcher', command: launcher };
  return undefined;
}

/** The last command of a script, which `exec` should replace the shell with. */
function lastCommand(file: StartScript): { text: string; line: number } {
  return file.commands[file.commands.length - 1];
}

/** Whether a shell script hands PID 1 to its last program. */
function execsLast(script: string): boolean {
  const parts = script
    .split(/;|&&|\n/)
    .map(p => p.trim())
    .filter(Boolean);
  return /^exec\s/.test(parts[parts.length - 1] ?? '');
}

/** The fixed instruction: exec form when no shell feature is needed, else `exec` inside the shell. */
/**
 * The script with `exec` before its last command, which is what must become
 * PID 1 (`alembic upgrade head && exec hypercorn …`, not `exec alembic …`,
 * which would never start the server).
 */
export function execLast(script: string): string {
  const s = script.trim();
  let at = 0;
  for (const m of s.matchAll(/&&|;|\n/g)) at = m.index! + m[0].length;
  const head = s.slice(0, at);
  const last = s.slice(at).trim();
  if (!last || /^exec\s/.test(last)) return s;
  return `${head}${head ? ' ' : ''}exec ${last}`.trim();
}

function fixedInstruction(instruction: string, script: string): string {
  if (/[$&|;<>*`]/.test(script))
    return `${instruction} ${JSON.stringify(['sh', '-c', execLast(script)])}`;
  return `${instruction} ${JSON.stringify(script.trim().split(/\s+/))}`;
}

export const sigterm: TwelveFactorCheck = {
  id: 'f9-disposability.sigterm',
  evaluate({ facts }) {
    const build = facts.tryGet(containerBuildFactRef);
    const wrapped: Evidence[] = [];
    const direct: Evidence[] = [];
    let fix:
      | {
          path?: string;
          language: 'dockerfile' | 'yaml' | 'shell';
          content: string;
          advice: ReturnType<typeof advice>;
        }
      | undefined;
    const commands: string[] = [];

    const scripts = facts.tryGet(startScriptsFactRef);
    /**
     * Evidence and fix for a start script or package manager that keeps
     * SIGTERM from the app, started by a Dockerfile instruction (`where`
     * names it) or a container's command (`where` undefined, `container`).
     */
    const scriptOrLauncher = (
      block: Exclude<
        ReturnType<typeof blocksSignals>,
        undefined | { kind: 'shell' }
      >,
      where: { instruction: string } | { container: string },
    ): {
      note: ReturnType<typeof noted>;
      fix: NonNullable<typeof fix>;
    } => {
      const by = 'instruction' in where ? '' : 'container-';
      if (block.kind === 'script') {
        const last = lastCommand(block.file);
        return {
          note: noted(`${M}.${by}script-note`, {
            ...where,
            script: block.file.path,
            line: last.line,
            command: last.text.slice(0, 60),
          }),
          fix: {
            path: block.file.path,
            language: 'shell',
            content: `exec ${last.text}\n`,
            advice: advice(`${M}.script-advice`, {
              script: block.file.path,
              line: last.line,
            }),
          },
        };
      }
      return {
        note: noted(`${M}.${by}launcher-note`, {
          ...where,
          command: block.command,
        }),
        fix: {
          language: 'dockerfile',
          content: 'CMD ["node", "server.js"]\n',
          advice: advice(`${M}.launcher-advice`, { command: block.command }),
        },
      };
    };

    for (const df of build?.dockerfiles ?? []) {
      const dc = dockerCommand(df);
      if (!dc) continue;
      commands.push(dc.text);
      const argv = withoutInit(dc.argv);
      const file = scriptOfCommand(scripts, argv);
      if (file) commands.push(...file.commands.map(c => c.text));
      const block = blocksSignals(argv, scripts);
      if (block?.kind === 'shell') {
        const script = block.script;
        wrapped.push(
          fileEvidence(
            df.path,
            noted(
              dc.form === 'shell' ? `${M}.shell-form-note` : `${M}.sh-c-note`,
              { instruction: dc.instruction, script: script.slice(0, 80) },
            ),
            dc.line,
            dc.line,
          ),
        );
        fix ??= {
          path: df.path,
          language: 'dockerfile',
          content: `${fixedInstruction(dc.instruction, script)}\n`,
          advice: advice(`${M}.exec-form-advice`, {
            instruction: dc.instruction,
          }),
        };
      } else if (block) {
        const found = scriptOrLauncher(block, {
          instruction: dc.instruction,
        });
        wrapped.push(fileEvidence(df.path, found.note, dc.line, dc.line));
        fix ??= {
          ...found.fix,
          ...(found.fix.path ? {} : { path: df.path }),
        };
      } else {
        direct.push(
          fileEvidence(
            df.path,
            noted(`${M}.direct-note`, {
              instruction: dc.instruction,
              command: dc.text.slice(0, 80),
            }),
            dc.line,
            dc.line,
          ),
        );
      }
    }

    // Command overrides in the repository's manifests replace the image's CMD/ENTRYPOINT.
    let sets: ReturnType<typeof objectSets> = [];
    try {
      sets = objectSets(facts, { cluster: false });
    } catch (e) {
      if (!(e instanceof UnknownVerdictError)) throw e;
    }
    const seen = new Set<string>();
    for (const set of sets) {
      for (const w of classify(set).filter(x => x.type !== 'backing')) {
        for (const c of w.appContainers) {
          const argv = [
            ...list(c.container.command),
            ...list(c.container.args),
          ].map(String);
          if (argv.length === 0) continue;
          const key = `${
            'path' in w.source.origin ? w.source.origin.path : ''
          }:${w.name}:${c.container.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          commands.push(argv.join(' '));
          const file = scriptOfCommand(scripts, argv);
          if (file) commands.push(...file.commands.map(cmd => cmd.text));
          const block = blocksSignals(argv, scripts);
          if (!block) continue;
          if (block.kind !== 'shell') {
            const found = scriptOrLauncher(block, {
              container: c.container.name,
            });
            wrapped.push(
              objectEvidence(
                set,
                w.source,
                found.note,
                `${c.fieldPath}.command`,
              ),
            );
            fix ??= found.fix;
            continue;
          }
          const script = block.script;
          wrapped.push(
            objectEvidence(
              set,
              w.source,
              noted(`${M}.container-sh-c-note`, {
                container: c.container.name,
              }),
              `${c.fieldPath}.command`,
            ),
          );
          fix ??= {
            language: 'yaml',
            ...('path' in w.source.origin
              ? { path: w.source.origin.path }
              : {}),
            content: podSpecPatch(
              {
                apiVersion: w.source.object.apiVersion,
                kind: w.kind,
                name: w.name,
                namespace: w.namespace,
              },
              {
                containers: [
                  {
                    name: c.container.name,
                    command: [argv[0], argv[1], execLast(script)],
                    ...(c.container.args ? { args: null } : {}),
                  },
                ],
              },
            ),
            advice: advice(`${M}.container-exec-advice`, {
              workload: w.name,
            }),
          };
        }
      }
    }

    if (wrapped.length) {
      let what = 'shell';
      if (fix!.language === 'shell') what = 'script';
      else if (fix!.content.startsWith('CMD ["node"')) what = 'launcher';
      return {
        verdict: 'fail',
        ...(wrapped.length === 1
          ? finding(`${M}.blocked-${what}`)
          : finding(`${M}.blocked-${what}-several`, { n: wrapped.length })),
        evidence: capEvidence([...wrapped, ...direct]),
        remediation: {
          ...fix!.advice,
          snippet: {
            language: fix!.language,
            action: 'modify',
            ...(fix!.path ? { path: fix!.path } : {}),
            content: fix!.content,
          },
        },
      };
    }

    const code = facts.tryGet(codeFactRef);
    const handlers = [
      ...(code?.signals['shutdown.signal-handler'] ?? []),
      ...(code?.signals['shutdown.hook'] ?? []),
    ];
    const draining = drainingServers(commands);
    const servers = [...draining.web, ...draining.worker];
    const boot = springBootGracefulByDefault(facts);
    if (boot) servers.push(`Spring Boot ${boot.version}`);
    // Any Spring Boot closes its context on SIGTERM through the JVM's shutdown hook.
    const anyBoot = boot ? undefined : springBootDeclared(facts);
    if (anyBoot)
      servers.push(
        `Spring Boot${anyBoot.version !== 'any' ? ` ${anyBoot.version}` : ''}`,
      );
    const handled = [
      ...(boot
        ? [
            fileEvidence(
              boot.path,
              noted(`${M}.boot-note`, { version: boot.version }),
              boot.line,
              boot.line,
            ),
          ]
        : []),
      ...handlers
        .slice(0, 3)
        .map(h => fileEvidence(h.path, codeNote(h), h.line, h.line)),
      ...direct,
    ];
    if (handlers.length || servers.length) {
      // Said by what handles it: `handled-servers[-hook][-handler]` or `handled-handler`, `-hook` when the last server is a Spring Boot whose shutdown hook closes the context.
      const how = [
        ...(servers.length ? ['servers'] : []),
        ...(anyBoot ? ['hook'] : []),
        ...(handlers.length ? ['handler'] : []),
      ].join('-');
      return {
        verdict: 'pass',
        ...finding(`${M}.handled-${how}`, {
          ...(servers.length ? { servers: servers.join(', ') } : {}),
          ...(handlers.length
            ? { location: `${handlers[0].path}:${handlers[0].line}` }
            : {}),
        }),
        evidence: capEvidence(handled),
      };
    }
    if (commands.length === 0 && !code)
      return {
        verdict: 'unknown',
        ...finding('engine.cannot-decide'),
        ...because(`${M}.unreadable-reason`),
        evidence: [],
      };
    // With the code read and the start command seen, nothing handling SIGTERM is a finding: the runtime's default ends the process at once.
    // A start command that only the base image knows (no CMD here) may be a draining server: that stays unknown.
    if (code && code.files > 0 && commands.length > 0)
      return {
        verdict: 'fail',
        ...finding(`${M}.unhandled`, {
          files: code.files,
          languages: code.languages.join(', '),
        }),
        evidence: capEvidence(direct),
        remediation: advice(`${M}.unhandled-advice`),
      };
    return {
      verdict: 'unknown',
      ...finding(`${M}.undecided`),
      ...because(`${M}.undecided-reason`),
      evidence: capEvidence(direct),
    };
  },
};
