/*
 * Parity of the Kustomize renderer with `kubectl kustomize` on real
 * repositories: every kustomization root (a folder with kustomization.yaml,
 * kustomization.yml or Kustomization) below the given repository folders is
 * built by both, and the object sets and their content are compared.
 *
 * Run: node plugins/twelve-factor-node/bin/bench kustomizeParity <repo>...
 *        [--json out.json] [--only <substring>] [--verbose]
 * Each argument is a repository's root folder (the snapshot the renderer
 * reads, as a scan would); kubectl must be on PATH.
 *
 * Counting: a root is identical when both tools produce the same objects
 * (same ids, same content, compared as the differential test does: parsed
 * YAML, key order ignored). Where kubectl fails (a broken kustomization, or a
 * remote base it cannot fetch offline), the root counts as identical only if
 * our renderer fails too: it reports an error, names a remote reference it
 * skipped, or says objects are missing from the render (helm charts). Such roots are in the denominator and are also listed on their
 * own. A difference in output order alone is reported, but the root still
 * counts as identical (the object set and content are the same).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findKustomizationDirs, renderKustomization } from '../src/kustomize';
import { loadLocalRepo } from '../src/sources/loadLocalRepo';

type Status =
  | 'identical'
  | 'order'
  | 'differs'
  | 'both-fail'
  | 'kubectl-fails'
  | 'we-fail';

interface RootResult {
  repo: string;
  dir: string;
  status: Status;
  reasons: string[];
  ms: { kubectl: number; ours: number };
}

const COUNTS_AS_IDENTICAL = new Set<Status>([
  'identical',
  'order',
  'both-fail',
]);

function kubectl(
  dir: string,
): Promise<{ ok: true; out: string } | { ok: false; err: string }> {
  return new Promise(resolve =>
    execFile(
      'kubectl',
      ['kustomize', dir],
      { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve(
          error
            ? { ok: false, err: String(stderr || error.message).trim() }
            : { ok: true, out: stdout },
        ),
    ),
  );
}

/** A JSON text equal for equal values, whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map(k => [k, x[k]]),
        )
      : x,
  );
}

function idOf(o: any): string {
  const m = o?.metadata ?? {};
  return `${o?.apiVersion ?? ''} ${o?.kind ?? ''} ${
    m.namespace ? `${m.namespace}/` : ''
  }${m.name ?? ''}`;
}

/** The first path where two values differ, with both values (shortened). */
function firstDiff(a: any, b: any, at = ''): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  const isObj = (x: unknown): boolean => x !== null && typeof x === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && a.length !== b.length)
      return `${at || '/'}: list of ${a.length} (kubectl) vs ${
        b.length
      } (ours)`;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDiff(a[k], b[k], `${at}/${k}`);
      if (d) return d;
    }
  }
  const show = (x: unknown) => {
    const s = x === undefined ? '(missing)' : JSON.stringify(x);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  };
  return `${at || '/'}: ${show(a)} (kubectl) vs ${show(b)} (ours)`;
}

function compare(expected: any[], actual: any[]): string[] {
  const reasons: string[] = [];
  const byId = (list: any[]) => {
    const m = new Map<string, any[]>();
    for (const o of list) m.set(idOf(o), [...(m.get(idOf(o)) ?? []), o]);
    return m;
  };
  const e = byId(expected);
  const a = byId(actual);
  const missing = [...e.keys()].filter(k => !a.has(k));
  const extra = [...a.keys()].filter(k => !e.has(k));
  const list = (ks: string[]) =>
    ks.slice(0, 5).join(', ') + (ks.length > 5 ? ` (+${ks.length - 5})` : '');
  if (missing.length) reasons.push(`missing: ${list(missing)}`);
  if (extra.length) reasons.push(`extra: ${list(extra)}`);
  for (const [k, es] of e) {
    const as = a.get(k);
    if (!as) continue;
    if (as.length !== es.length) {
      reasons.push(`${k}: ${es.length} (kubectl) vs ${as.length} (ours)`);
      continue;
    }
    es.forEach((o, i) => {
      const d = firstDiff(o, as[i]);
      if (d) reasons.push(`${k} ${d}`);
    });
  }
  return reasons;
}

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

(async () => {
  const args = process.argv.slice(3);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const jsonOut = opt('--json');
  const only = opt('--only');
  const verbose = args.includes('--verbose');
  const repos = args.filter(a => !a.startsWith('--'));
  if (repos.length === 0) {
    process.stderr.write(
      'usage: bin/bench kustomizeParity <repo>... [--json out.json] [--only substring] [--verbose]\n',
    );
    process.exit(2);
  }
  const results: RootResult[] = [];
  for (const repo of repos) {
    const root = path.resolve(repo);
    // Generous file limits: a root missing from the snapshot would not test the renderer.
    const { snapshot } = await loadLocalRepo(root, { maxFiles: 200_000 });
    const name = path.basename(root);
    const dirs = findKustomizationDirs(snapshot).filter(
      d => !only || `${name}/${d}`.includes(only),
    );
    const repoResults: RootResult[] = [];
    await pool(dirs, 2, async dir => {
      let t = process.hrtime.bigint();
      const ref = await kubectl(path.join(root, dir));
      const kubectlMs = Number(process.hrtime.bigint() - t) / 1e6;
      t = process.hrtime.bigint();
      const render = renderKustomization(snapshot, dir);
      const oursMs = Number(process.hrtime.bigint() - t) / 1e6;
      const errors = render.diagnostics.filter(d => d.level === 'error');
      // A render we flag as incomplete (errors, skipped remote references,
      // helm charts not inflated) counts as failing.
      const incomplete = render.diagnostics.filter(
        d => d.level === 'warning' && /missing from the render/.test(d.message),
      );
      const weFail =
        errors.length > 0 ||
        render.skippedRemote.length > 0 ||
        incomplete.length > 0;
      const ourWords = [
        ...errors.map(d => `ours: ${d.message}`),
        ...render.skippedRemote.map(r => `ours: remote ${r}`),
        ...incomplete.map(d => `ours: ${d.message}`),
      ];
      let status: Status;
      let reasons: string[] = [];
      if (!ref.ok) {
        status = weFail ? 'both-fail' : 'kubectl-fails';
        reasons = [`kubectl: ${ref.err.split('\n').slice(-1)[0]}`, ...ourWords];
      } else {
        const expected = parseAllDocuments(ref.out)
          .map(d => d.toJS())
          .filter(o => o !== null);
        const actual = render.objects.map(o => o.object);
        reasons = compare(expected, actual);
        if (reasons.length > 0) {
          status = weFail ? 'we-fail' : 'differs';
          reasons.push(
            ...ourWords,
            ...render.diagnostics
              .filter(d => d.level === 'warning')
              .map(d => `ours (warning): ${d.message}`),
          );
        } else if (
          expected.map(idOf).join('\n') !== actual.map(idOf).join('\n')
        ) {
          status = 'order';
          reasons = ['same objects, other order'];
        } else status = 'identical';
      }
      repoResults.push({
        repo: name,
        dir: dir || '.',
        status,
        reasons,
        ms: { kubectl: kubectlMs, ours: oursMs },
      });
    });
    repoResults.sort((a, b) => (a.dir < b.dir ? -1 : 1));
    for (const r of repoResults) {
      const ok = COUNTS_AS_IDENTICAL.has(r.status);
      process.stdout.write(
        `${ok ? 'ok  ' : 'DIFF'} ${r.status.padEnd(13)} ${r.repo}/${r.dir}\n`,
      );
      if (!ok || verbose || r.status !== 'identical')
        for (const reason of r.reasons.slice(0, verbose ? 50 : 6))
          process.stdout.write(`       ${reason}\n`);
    }
    results.push(...repoResults);
  }

  const summary = (rs: RootResult[]) => {
    const same = rs.filter(r => COUNTS_AS_IDENTICAL.has(r.status)).length;
    const pct = rs.length ? (100 * same) / rs.length : 0;
    return `${same} of ${rs.length} identical (${pct.toFixed(1)} %)`;
  };
  process.stdout.write('\nPer repository:\n');
  for (const repo of [...new Set(results.map(r => r.repo))]) {
    const rs = results.filter(r => r.repo === repo);
    const failed = rs.filter(r => r.status === 'both-fail').length;
    process.stdout.write(
      `  ${repo}: ${summary(rs)}${
        failed ? `; ${failed} where kubectl fails and so do we` : ''
      }\n`,
    );
  }
  const kubectlFails = results.filter(
    r => r.status === 'both-fail' || r.status === 'kubectl-fails',
  );
  const weFailToo = kubectlFails.filter(r => r.status === 'both-fail').length;
  process.stdout.write(
    `\nkubectl fails on ${
      kubectlFails.length
    } roots: we fail too on ${weFailToo} (counted identical), we render ${
      kubectlFails.length - weFailToo
    } (counted different)\n`,
  );
  const built = results.filter(r => !kubectlFails.includes(r));
  process.stdout.write(
    `Roots kubectl builds: ${summary(built)}\nAll roots: ${summary(results)}\n`,
  );
  const ms = (k: 'kubectl' | 'ours') =>
    results.reduce((s, r) => s + r.ms[k], 0).toFixed(0);
  process.stdout.write(
    `time: kubectl ${ms('kubectl')} ms, ours ${ms('ours')} ms (all roots)\n`,
  );
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
})().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
