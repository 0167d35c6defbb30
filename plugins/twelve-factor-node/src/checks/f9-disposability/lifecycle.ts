import type { DockerfileInfo } from '../../facts/dockerfile/types';
import {
  baseImageOf,
  finalStage,
} from '../../facts/dockerfile/parseDockerfile';
import type { Workload } from '../../facts/manifests/workloads';
import { dockerfileFor } from '../f8-concurrency/processTypes';

/** Seconds a container's preStop hook sleeps (`sleep: {seconds}` or `sleep N` in an exec command); 0 without one. */
export function preStopSleep(container: Record<string, any>): number {
  const pre = container.lifecycle?.preStop;
  if (!pre) return 0;
  if (pre.sleep?.seconds !== undefined) return Number(pre.sleep.seconds) || 0;
  const text = Array.isArray(pre.exec?.command)
    ? pre.exec.command.join(' ')
    : '';
  const m = /\bsleep\s+(\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

function get(o: any, path: string[]): any {
  return path.reduce(
    (v, k) => (v === undefined || v === null ? undefined : v[k]),
    o,
  );
}

/**
 * terminationGracePeriodSeconds as the owner wrote it. Live objects always
 * carry the API server's default of 30, so for cluster objects the
 * last-applied configuration or the managed fields decide whether someone set
 * it; without either the live value is taken.
 */
export function explicitGrace(w: Workload): {
  seconds?: number;
  /** A live value of 30 s, which may be the API default. */
  live?: boolean;
} {
  const path = w.podSpecPath.split('.');
  const live = w.podSpec.terminationGracePeriodSeconds;
  if (!('cluster' in w.source.origin))
    return live === undefined ? {} : { seconds: Number(live) };
  const meta = w.source.object.metadata ?? {};
  const applied =
    meta.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  if (applied) {
    try {
      const v = get(JSON.parse(applied), [
        ...path,
        'terminationGracePeriodSeconds',
      ]);
      return v === undefined ? {} : { seconds: Number(v) };
    } catch {
      // fall through to the other sources
    }
  }
  if (Array.isArray(meta.managedFields) && meta.managedFields.length) {
    const owned = meta.managedFields.some(
      (f: any) =>
        get(f?.fieldsV1, [
          ...path.map(p => `f:${p}`),
          'f:terminationGracePeriodSeconds',
        ]) !== undefined,
    );
    return owned && live !== undefined ? { seconds: Number(live) } : {};
  }
  if (live === undefined) return {};
  return Number(live) === 30
    ? { seconds: 30, live: true }
    : { seconds: Number(live) };
}

/** Images without a shell, where a preStop hook must use the `sleep` action instead of `sh -c sleep`. */
export function hasNoShell(
  image: string,
  dockerfiles: ReadonlyArray<DockerfileInfo>,
): boolean {
  if (/distroless|scratch|chainguard|cgr\.dev|-static\b/.test(image))
    return true;
  const df = dockerfileFor(dockerfiles, image);
  const last = df && finalStage(df);
  return !!(
    df &&
    last &&
    /distroless|^scratch$|chainguard|cgr\.dev/.test(baseImageOf(df, last))
  );
}
