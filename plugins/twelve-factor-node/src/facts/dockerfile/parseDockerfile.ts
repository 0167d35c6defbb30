import { Copy, DockerfileParser, Instruction } from 'dockerfile-ast';
import { readDockerfileFast } from './fastDockerfile';
import { findPackageInstalls } from './packageInstalls';
import type { DockerfileInfo, DockerStage } from './types';

export { findPackageInstalls };

function form(instr: Instruction): 'exec' | 'shell' {
  return (instr.getRawArgumentsContent() ?? '').trim().startsWith('[')
    ? 'exec'
    : 'shell';
}

/**
 * Parses a Dockerfile into stages: the fast line-based reader when it is sure
 * to read the text like dockerfile-ast, dockerfile-ast otherwise.
 */
export function parseDockerfile(path: string, text: string): DockerfileInfo {
  return readDockerfileFast(path, text) ?? parseDockerfileReference(path, text);
}

/**
 * The reference reading, with dockerfile-ast. It is error-tolerant, so this
 * never throws on bad syntax. Exported for fastDockerfile.test.ts.
 */
export function parseDockerfileReference(
  path: string,
  text: string,
): DockerfileInfo {
  const dockerfile = DockerfileParser.parse(text);
  const stages: DockerStage[] = [];
  let current: DockerStage | undefined;
  for (const instr of dockerfile.getInstructions()) {
    const keyword = instr.getKeyword();
    const range = instr.getRange();
    const line = range.start.line + 1;
    const endLine = range.end.line + 1;
    if (keyword === 'FROM') {
      const args = instr.getArguments().map(a => a.getValue());
      const image = args.find(a => !a.startsWith('--')) ?? '';
      const asIdx = args.findIndex(a => a.toUpperCase() === 'AS');
      const name = asIdx >= 0 ? args[asIdx + 1] : undefined;
      const fromStage = stages.findIndex(
        s =>
          s.name !== undefined && s.name.toLowerCase() === image.toLowerCase(),
      );
      current = {
        index: stages.length,
        ...(name ? { name } : {}),
        from: image,
        ...(fromStage >= 0 ? { fromStage } : {}),
        line,
        endLine,
        copiesFrom: [],
        packageInstalls: [],
        exposedPorts: [],
      };
      stages.push(current);
      continue;
    }
    if (!current) continue;
    current.endLine = endLine;
    // dockerfile-ast rescans an instruction's text for its arguments: only ask where they are used.
    const content = () => instr.getArgumentsContent() ?? '';
    switch (keyword) {
      case 'USER':
        current.user = { value: content().trim(), line };
        break;
      case 'COPY': {
        // Flags are not arguments in dockerfile-ast; --from may follow other flags (--chown, --link).
        const from = (instr as Copy)
          .getFlags()
          .find(f => f.getName() === 'from')
          ?.getValue();
        if (from) current.copiesFrom.push(from);
        break;
      }
      case 'RUN':
        current.packageInstalls.push(...findPackageInstalls(content(), line));
        break;
      case 'CMD':
        current.cmd = { form: form(instr), value: content().trim(), line };
        break;
      case 'ENTRYPOINT':
        current.entrypoint = {
          form: form(instr),
          value: content().trim(),
          line,
        };
        break;
      case 'EXPOSE':
        for (const a of instr.getArguments()) {
          const port = parseInt(a.getValue(), 10);
          if (!Number.isNaN(port)) current.exposedPorts.push(port);
        }
        break;
      default:
        break;
    }
  }
  return { path, text, stages };
}

/** The final stage, which becomes the image. */
export function finalStage(info: DockerfileInfo): DockerStage | undefined {
  return info.stages[info.stages.length - 1];
}

/** The external base image of a stage, following `FROM <earlier stage>`. */
export function baseImageOf(info: DockerfileInfo, stage: DockerStage): string {
  let s = stage;
  const seen = new Set<number>();
  while (s.fromStage !== undefined && !seen.has(s.index)) {
    seen.add(s.index);
    s = info.stages[s.fromStage];
  }
  return withArgDefaults(info.text, s.from);
}

/** `FROM ${BASE}` with the default the Dockerfile's `ARG BASE=…` gives it (a build may still override it). */
function withArgDefaults(text: string, image: string): string {
  if (!image.includes('$')) return image;
  return image.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => {
    const m = new RegExp(
      `^\\s*ARG\\s+${name}=["']?([^\\s"']+)["']?\\s*$`,
      'm',
    ).exec(text);
    return m ? m[1] : whole;
  });
}

/** The effective USER of a stage, inherited through `FROM <earlier stage>`. */
export function effectiveUser(
  info: DockerfileInfo,
  stage: DockerStage,
): DockerStage['user'] {
  let s: DockerStage | undefined = stage;
  while (s) {
    if (s.user) return s.user;
    s = s.fromStage !== undefined ? info.stages[s.fromStage] : undefined;
  }
  return undefined;
}
