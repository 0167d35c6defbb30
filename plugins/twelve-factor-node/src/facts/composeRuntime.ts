/*
 * What a compose service asks of the host that runs it: restart policy,
 * healthcheck, replicas and resources (`deploy:` is honoured by Swarm and by
 * Compose v2). The checks judge these when CI deploys the compose file.
 */

/** A setting of a compose service, with the 1-based line it is written on when found. @public */
export interface ComposeSetting {
  value: string;
  line?: number;
}

/** The runtime settings of a compose service. @public */
export interface ComposeRuntime {
  /** `image:`, as written (with its `${VAR}` references). */
  image?: ComposeSetting;
  /** `restart:` (Compose). */
  restart?: ComposeSetting;
  /** `deploy.restart_policy.condition` (Swarm; Swarm restarts on `any` when unset). */
  restartPolicy?: ComposeSetting;
  /** `healthcheck:`; value `disabled` for `disable: true` or `test: ["NONE"]`. */
  healthcheck?: ComposeSetting;
  /** `deploy.replicas`, or `scale`. */
  replicas?: ComposeSetting;
  /** `deploy.resources.limits.memory` or `mem_limit`. */
  memoryLimit?: ComposeSetting;
  /** `deploy.resources.limits.cpus` or `cpus`. */
  cpuLimit?: ComposeSetting;
  /** `deploy.resources.reservations.memory` or `mem_reservation`. */
  memoryReservation?: ComposeSetting;
  /** `deploy.resources.reservations.cpus`. */
  cpuReservation?: ComposeSetting;
}

const indentOf = (l: string) => l.length - l.trimStart().length;

/** The line of a key path under a service, searched in its block (0-based index of the service line). */
function lineOf(
  lines: ReadonlyArray<string>,
  serviceIdx: number,
  path: string[],
): number | undefined {
  if (serviceIdx < 0) return undefined;
  const indent = indentOf(lines[serviceIdx]);
  let at = serviceIdx;
  for (const key of path) {
    const opens = new RegExp(`^\\s+${key}\\s*:`);
    let found = -1;
    for (let i = at + 1; i < lines.length; i++) {
      const l = lines[i];
      if (l.trim() && !l.trimStart().startsWith('#') && indentOf(l) <= indent)
        break;
      if (opens.test(l)) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    at = found;
  }
  return at + 1;
}

/** The runtime settings of one service of a parsed compose file. */
export function composeRuntime(
  s: any,
  lines: ReadonlyArray<string>,
  serviceIdx: number,
): ComposeRuntime | undefined {
  if (!s || typeof s !== 'object') return undefined;
  const out: ComposeRuntime = {};
  const set = (
    field: keyof ComposeRuntime,
    value: unknown,
    ...paths: string[][]
  ) => {
    if (value === undefined || value === null || value === '') return;
    const line = paths
      .map(p => lineOf(lines, serviceIdx, p))
      .find(l => l !== undefined);
    out[field] = { value: String(value), ...(line ? { line } : {}) };
  };
  const deploy = s.deploy ?? {};
  const res = deploy.resources ?? {};
  set('image', s.image, ['image']);
  set('restart', s.restart, ['restart']);
  set('restartPolicy', deploy.restart_policy?.condition, [
    'deploy',
    'restart_policy',
    'condition',
  ]);
  if (s.healthcheck) {
    const hc = s.healthcheck;
    const test = Array.isArray(hc.test) ? hc.test : [hc.test];
    set(
      'healthcheck',
      hc.disable === true || test[0] === 'NONE'
        ? 'disabled'
        : test.filter((t: unknown) => t !== undefined).join(' ') || 'image',
      ['healthcheck'],
    );
  }
  set(
    'replicas',
    deploy.replicas ?? s.scale,
    ['deploy', 'replicas'],
    ['scale'],
  );
  set(
    'memoryLimit',
    res.limits?.memory ?? s.mem_limit,
    ['deploy', 'resources', 'limits', 'memory'],
    ['mem_limit'],
  );
  set(
    'cpuLimit',
    res.limits?.cpus ?? s.cpus,
    ['deploy', 'resources', 'limits', 'cpus'],
    ['cpus'],
  );
  set(
    'memoryReservation',
    res.reservations?.memory ?? s.mem_reservation,
    ['deploy', 'resources', 'reservations', 'memory'],
    ['mem_reservation'],
  );
  set('cpuReservation', res.reservations?.cpus, [
    'deploy',
    'resources',
    'reservations',
    'cpus',
  ]);
  return Object.keys(out).length ? out : undefined;
}
