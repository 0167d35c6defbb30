/*
 * Deploys by Docker Compose or Docker Swarm from CI: `docker stack deploy
 * -c stack.yml app`, and `docker compose -f docker-compose.prod.yml up -d`
 * run on a remote host (over ssh, through a docker context or DOCKER_HOST)
 * or with a file named for an environment. A compose `up` on the runner
 * itself with a file named for no shared environment is a test bed.
 */
import { normalizeEnvironment } from '../configLiterals';
import type { CiStep } from './types';

const STACK = /\bdocker\s+stack\s+(?:deploy|up)\b/;
const COMPOSE_UP =
  /\b(?:docker[\s-]compose|podman-compose)\b(?:\s+(?:-f|--file|-p|--project-name|--env-file|--profile|--context)[=\s]+\S+|\s+--?[\w-]+)*\s+up\b/;
/** A remote Docker daemon: ssh to the host, a context, DOCKER_HOST. */
const REMOTE =
  /\bssh\s|\bdocker\s+context\s+use\b|\B--context[=\s]+\S|\bDOCKER_HOST=|\bDOCKER_CONTEXT=|\s-H[=\s]+(?:ssh|tcp):\/\//;

/** The environment a compose file's name gives (`docker-compose.prod.yml`, `compose.staging.yaml`, `stack-production.yml`). */
export function environmentOfComposeFile(path: string): string | undefined {
  const name = (path.split('/').pop() ?? '').replace(/\.ya?ml$/, '');
  for (const token of name.split(/[-._]/)) {
    const env = normalizeEnvironment(token);
    if (env && env !== 'local') return env;
  }
  // A folder named for the environment (deploy/prod/docker-compose.yml).
  for (const dir of path.split('/').slice(0, -1).reverse()) {
    const env = normalizeEnvironment(dir);
    if (env && env !== 'local') return env;
  }
  return undefined;
}

/** The files a compose or stack command names (`-f a -f b`, `--file=a`, `-c stack.yml`, `--compose-file`). */
function filesOf(text: string, stack: boolean): string[] {
  const flag = stack ? '(?:-c|--compose-file)' : '(?:-f|--file)';
  const re = new RegExp(`(?:^|\\s)${flag}(?:=|\\s+)["']?([^\\s"';&|]+)`, 'g');
  return [
    ...new Set([...text.matchAll(re)].map(m => m[1].replace(/^\.\//, ''))),
  ];
}

/** A compose or stack deploy in one shell command of a step, if it is one. */
export function composeDeployOf(
  step: CiStep,
  text: string,
):
  | {
      tool: 'docker-stack' | 'docker-compose';
      composeFiles: string[];
      environment?: string;
    }
  | undefined {
  const stack = STACK.test(text);
  if (!stack && !COMPOSE_UP.test(text)) return undefined;
  const composeFiles = filesOf(text, stack);
  const named = composeFiles
    .map(environmentOfComposeFile)
    .find((e): e is string => !!e);
  const remote =
    REMOTE.test(text) ||
    REMOTE.test(step.run ?? '') ||
    Object.keys(step.env ?? {}).some(k => /^DOCKER_(HOST|CONTEXT)$/.test(k));
  // On the runner, only a file named for a shared environment makes `up` a deploy (a self-hosted runner on the host);
  // a job's environment label alone does not: e2e jobs label theirs too.
  const deployedName = !!named && /^(prod|staging|preprod|uat)$/.test(named);
  if (!stack && !remote && !deployedName) return undefined;
  const environment =
    named ??
    (step.environment
      ? normalizeEnvironment(step.environment) ?? step.environment
      : undefined);
  return {
    tool: stack ? 'docker-stack' : 'docker-compose',
    composeFiles,
    ...(environment ? { environment } : {}),
  };
}
