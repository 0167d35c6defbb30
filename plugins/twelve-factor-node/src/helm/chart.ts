/*
 * A Helm chart renderer for the scorer, like `helm template`: the chart's
 * values (and an environment's values file over them), its vendored
 * subcharts with their conditions and globals, every template of
 * templates/ executed with Go's text/template and Helm's functions, and the
 * result read as Kubernetes objects. Remote dependencies are not fetched
 * (they are listed), `lookup` finds nothing (no cluster), Capabilities are
 * those of a recent Kubernetes with only built-in APIs (as `helm template`
 * assumes), the release is named after the chart, and a `required` value
 * that nothing sets renders as `<required>` with a note instead of failing
 * the chart. Test hooks (helm.sh/hook: test) are left out.
 */
import type { Diagnostic } from '@internal/plugin-twelve-factor-common';
import { parse as parseYaml } from 'yaml';
import { readYamlObjects } from '../facts/manifests/yamlObjects';
import {
  basename,
  dirname,
  normalizePath,
  type RepoSnapshot,
} from '../sources/RepoSnapshot';
import { helmFunctions, toYaml } from './functions';
import { Executor, TemplateError, TemplateSet } from './template';
import {
  errorDetail,
  firstLineOf,
  said,
  type EngineDiagnostic,
} from '../engine/diagnostic';

type Dict = Record<string, any>;

const isDict = (v: unknown): v is Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rendered object and the template file it came from. @public */
export interface HelmObject {
  object: Record<string, any>;
  origin: { path: string };
}

/** The result of rendering one chart. @public */
export interface HelmRender {
  dir: string;
  /** Values files over the chart's values.yaml, in order. */
  valuesFiles: string[];
  objects: HelmObject[];
  diagnostics: Diagnostic[];
  /** Dependencies the chart names but the repository does not hold. */
  skippedRemote: string[];
}

interface LoadedChart {
  dir: string;
  /** Template name prefix: `podinfo`, `podinfo/charts/redis`. */
  prefix: string;
  meta: Dict;
  defaults: Dict;
  subcharts: Array<{ chart: LoadedChart; key: string; condition?: string }>;
}

const BUILTIN_APIS = new Set([
  'v1',
  'apps/v1',
  'batch/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'policy/v1',
  'networking.k8s.io/v1',
  'rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'admissionregistration.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'certificates.k8s.io/v1',
  'events.k8s.io/v1',
  'node.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1',
]);

/** Helm's values coalescing: `over` wins, maps merge, a null in `over` removes the key. */
export function coalesceValues(base: unknown, over: unknown): Dict {
  const out: Dict = isDict(base) ? structuredClone(base) : {};
  if (!isDict(over)) return out;
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete out[k];
    else if (isDict(v) && isDict(out[k])) out[k] = coalesceValues(out[k], v);
    else out[k] = structuredClone(v);
  }
  return out;
}

function readYamlDict(
  repo: RepoSnapshot,
  path: string,
  diagnostics: EngineDiagnostic[],
): Dict {
  const text = repo.read(path);
  if (text === undefined) return {};
  try {
    const v = parseYaml(text, { merge: true, maxAliasCount: 1000 });
    return isDict(v) ? v : {};
  } catch (e) {
    diagnostics.push({
      level: 'warning',
      source: 'helm',
      path,
      ...said('diagnostic.helm.unreadable-values', {
        file: basename(path),
        detail: firstLineOf(e),
      }),
    });
    return {};
  }
}

/** `apiVersion` → `APIVersion`, `appVersion` → `AppVersion`: the names charts use for .Chart fields. */
function chartObject(meta: Dict): Dict {
  const out: Dict = {};
  for (const [k, v] of Object.entries(meta))
    out[k === 'apiVersion' ? 'APIVersion' : k[0].toUpperCase() + k.slice(1)] =
      v;
  out.Name ??= '';
  out.Version ??= '';
  out.AppVersion ??= '';
  return out;
}

function loadChart(
  repo: RepoSnapshot,
  dir: string,
  prefix: string,
  diagnostics: EngineDiagnostic[],
  skippedRemote: string[],
  depth = 0,
): LoadedChart {
  const meta = readYamlDict(repo, `${dir}/Chart.yaml`, diagnostics);
  const chart: LoadedChart = {
    dir,
    prefix,
    meta,
    defaults: readYamlDict(repo, `${dir}/values.yaml`, diagnostics),
    subcharts: [],
  };
  if (depth > 5) return chart;
  // Helm 2 kept dependencies in requirements.yaml.
  const deps: Dict[] = [
    ...(Array.isArray(meta.dependencies) ? meta.dependencies : []),
    ...((readYamlDict(repo, `${dir}/requirements.yaml`, diagnostics)
      .dependencies as Dict[]) ?? []),
  ].filter(isDict);
  const vendored = new Map<string, string>();
  for (const f of repo.find(
    (p, name) =>
      name === 'Chart.yaml' &&
      dirname(dirname(p)) === `${dir}/charts` &&
      p.startsWith(`${dir}/charts/`),
  )) {
    const sub = dirname(f.path);
    const name =
      /^name:\s*["']?([\w.-]+)/m.exec(f.text ?? '')?.[1] ?? basename(sub);
    vendored.set(name, sub);
  }
  const used = new Set<string>();
  for (const d of deps) {
    const name = String(d.name ?? '');
    const repoUrl = String(d.repository ?? '');
    let sub = vendored.get(name);
    if (!sub && repoUrl.startsWith('file://')) {
      const rel = normalizePath(`${dir}/${repoUrl.slice('file://'.length)}`)
        .split('/')
        .reduce<string[]>(
          (acc, part) =>
            part === '..'
              ? acc.slice(0, -1)
              : part === '.' || part === ''
              ? acc
              : [...acc, part],
          [],
        )
        .join('/');
      if (repo.has(`${rel}/Chart.yaml`)) sub = rel;
    }
    if (!sub) {
      skippedRemote.push(
        `${dir}: dependency ${name}${repoUrl ? ` (${repoUrl})` : ''}`,
      );
      continue;
    }
    used.add(sub);
    const key = String(d.alias ?? name);
    chart.subcharts.push({
      chart: loadChart(
        repo,
        sub,
        `${prefix}/charts/${key}`,
        diagnostics,
        skippedRemote,
        depth + 1,
      ),
      key,
      ...(d.condition ? { condition: String(d.condition) } : {}),
    });
  }
  // Vendored charts not listed as dependencies are rendered too (Helm does).
  for (const [name, sub] of vendored) {
    if (used.has(sub)) continue;
    chart.subcharts.push({
      chart: loadChart(
        repo,
        sub,
        `${prefix}/charts/${name}`,
        diagnostics,
        skippedRemote,
        depth + 1,
      ),
      key: name,
    });
  }
  return chart;
}

/** The first path of a condition (`redis.enabled,global.redis.enabled`) that is a boolean decides; none enables. */
function conditionHolds(condition: string | undefined, values: Dict): boolean {
  if (!condition) return true;
  for (const path of condition.split(',').map(p => p.trim())) {
    let cur: unknown = values;
    for (const k of path.split('.')) cur = isDict(cur) ? cur[k] : undefined;
    if (typeof cur === 'boolean') return cur;
  }
  return true;
}

function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `.Files` of a chart: Get, Glob, Lines, AsConfig, AsSecrets. */
function filesObject(repo: RepoSnapshot, dir: string, only?: string[]): Dict {
  const prefix = dir === '' ? '' : `${dir}/`;
  const all = (): string[] =>
    only ??
    repo
      .find(p => p.startsWith(prefix))
      .map(f => f.path.slice(prefix.length))
      .filter(p => !p.startsWith('templates/') && !p.startsWith('charts/'));
  return {
    Get: (name: unknown) => repo.read(`${prefix}${String(name)}`) ?? '',
    GetBytes: (name: unknown) => repo.read(`${prefix}${String(name)}`) ?? '',
    Lines: (name: unknown) =>
      (repo.read(`${prefix}${String(name)}`) ?? '').split('\n'),
    Glob: (pattern: unknown) => {
      const re = globToRegex(String(pattern));
      return filesObject(
        repo,
        dir,
        all().filter(p => re.test(p)),
      );
    },
    AsConfig: () => {
      const out: Dict = {};
      for (const p of all())
        out[basename(p)] = repo.read(`${prefix}${p}`) ?? '';
      return Object.keys(out).length ? toYaml(out) : '';
    },
    AsSecrets: () => {
      const out: Dict = {};
      for (const p of all())
        out[basename(p)] = Buffer.from(
          repo.read(`${prefix}${p}`) ?? '',
        ).toString('base64');
      return Object.keys(out).length ? toYaml(out) : '';
    },
  };
}

/** Objects Helm runs only for `helm test`. */
function isTestHook(o: Record<string, any>): boolean {
  const hook = String(o.metadata?.annotations?.['helm.sh/hook'] ?? '');
  return /(^|,)\s*test(-success|-failure)?\s*(,|$)/.test(hook);
}

/**
 * The values files of a chart's folder that name an environment:
 * `values-prod.yaml`, `values.staging.yaml`, `prod-values.yaml`,
 * `values/prod.yaml`.
 * @public
 */
export function chartValuesFiles(
  repo: RepoSnapshot,
  dir: string,
): Array<{ path: string; name: string }> {
  const prefix = dir === '' ? '' : `${dir}/`;
  const out: Array<{ path: string; name: string }> = [];
  for (const f of repo.find(
    (p, name) =>
      p.startsWith(prefix) &&
      /\.ya?ml$/.test(name) &&
      (dirname(p) === dir || dirname(p) === `${prefix}values`),
  )) {
    const name = basename(f.path).replace(/\.ya?ml$/, '');
    const m =
      dirname(f.path) === `${prefix}values`
        ? [name, name]
        : /^values[-._](.+)$/.exec(name) ?? /^(.+)[-._]values$/.exec(name);
    if (m && m[1] !== 'schema') out.push({ path: f.path, name: m[1] });
  }
  return out;
}

/**
 * Renders the chart in `dir` like `helm template <chart-name> dir -f …`.
 * Never throws: a template that cannot be parsed or executed is reported and
 * left out, and the others are rendered.
 * @public
 */
export function renderHelmChart(
  repo: RepoSnapshot,
  dir: string,
  valuesFiles: string[] = [],
): HelmRender {
  const diagnostics: EngineDiagnostic[] = [];
  const skippedRemote: string[] = [];
  const render: HelmRender = {
    dir,
    valuesFiles,
    objects: [],
    diagnostics,
    skippedRemote,
  };
  try {
    const meta = readYamlDict(repo, `${dir}/Chart.yaml`, diagnostics);
    const name = String(meta.name ?? (basename(dir) || 'chart'));
    const root = loadChart(repo, dir, name, diagnostics, skippedRemote);
    let values = root.defaults;
    for (const f of valuesFiles)
      values = coalesceValues(values, readYamlDict(repo, f, diagnostics));
    const set = new TemplateSet();
    const release = {
      Name: name,
      Namespace: 'default',
      Service: 'Helm',
      IsInstall: true,
      IsUpgrade: false,
      Revision: 1,
    };
    const capabilities = {
      KubeVersion: {
        Version: 'v1.31.0',
        GitVersion: 'v1.31.0',
        Major: '1',
        Minor: '31',
      },
      APIVersions: {
        Has: (v: unknown) => {
          const s = String(v);
          return (
            BUILTIN_APIS.has(s) ||
            BUILTIN_APIS.has(s.split('/').slice(0, -1).join('/'))
          );
        },
      },
      HelmVersion: { Version: 'v3.16.0' },
    };
    const required = new Set<string>();
    const placeholders = new Set<string>();
    const remoteDependencies = skippedRemote.some(r =>
      r.startsWith(`${dir}: dependency`),
    );
    let tplCount = 0;
    const exec: Executor = new Executor(
      set,
      helmFunctions({
        include: (n, data): string => {
          // A named template of a dependency that is not vendored (Bitnami's common.names.fullname):
          // a placeholder keeps the rest of the file, rather than losing the workload that calls it.
          if (remoteDependencies && !set.templates.has(n)) {
            if (!placeholders.has(n)) {
              placeholders.add(n);
              diagnostics.push({
                level: 'info',
                source: 'helm',
                path: `${dir}/Chart.yaml`,
                ...said('diagnostic.helm.missing-dependency-template', {
                  template: n,
                }),
              });
            }
            return /name/i.test(n) ? release.Name : '';
          }
          return exec.run(n, data);
        },
        tpl: (text, data): string => {
          const tmp = `__tpl_${tplCount++}`;
          set.add(tmp, text);
          try {
            return exec.run(tmp, data);
          } finally {
            set.templates.delete(tmp);
          }
        },
        required: message => {
          if (!required.has(message)) {
            required.add(message);
            diagnostics.push({
              level: 'info',
              source: 'helm',
              path: `${dir}/Chart.yaml`,
              ...said('diagnostic.helm.required-unset', {
                detail: message,
              }),
            });
          }
          return '<required>';
        },
      }),
    );

    // Every chart to render with its values, subcharts first: a parent's define of the same name wins.
    const jobs: Array<{ chart: LoadedChart; values: Dict }> = [];
    const walk = (chart: LoadedChart, vals: Dict) => {
      for (const s of chart.subcharts) {
        if (!conditionHolds(s.condition, vals)) continue;
        const own = coalesceValues(
          s.chart.defaults,
          isDict(vals[s.key]) ? vals[s.key] : {},
        );
        own.global = coalesceValues(own.global, vals.global);
        walk(s.chart, own);
      }
      jobs.push({ chart, values: vals });
    };
    walk(root, values);

    const files: Array<{
      path: string;
      name: string;
      chart: LoadedChart;
      values: Dict;
    }> = [];
    for (const job of jobs) {
      const tdir = `${job.chart.dir}/templates/`;
      for (const f of repo.find(p => p.startsWith(tdir))) {
        if (f.text === undefined) continue;
        const rel = f.path.slice(tdir.length);
        const tname = `${job.chart.prefix}/templates/${rel}`;
        try {
          set.add(tname, f.text);
        } catch (e) {
          diagnostics.push({
            level: 'warning',
            source: 'helm',
            path: f.path,
            ...said('diagnostic.helm.template-unparsable', errorDetail(e)),
          });
          continue;
        }
        const base = basename(rel);
        if (
          base.startsWith('_') ||
          base === 'NOTES.txt' ||
          /(^|\/)tests\//.test(rel) ||
          !/\.(ya?ml|tpl|json)$/.test(base)
        )
          continue;
        files.push({ path: f.path, name: tname, ...job });
      }
    }
    for (const f of files) {
      const data = {
        Values: f.values,
        Release: release,
        Chart: chartObject(f.chart.meta),
        Capabilities: capabilities,
        Template: {
          Name: f.name,
          BasePath: `${f.chart.prefix}/templates`,
        },
        Files: filesObject(repo, f.chart.dir),
      };
      let text: string;
      try {
        text = exec.run(f.name, data);
      } catch (e) {
        diagnostics.push({
          level: 'warning',
          source: 'helm',
          path: f.path,
          ...said(
            'diagnostic.helm.template-failed',
            e instanceof TemplateError ? errorDetail(e) : { detail: String(e) },
          ),
        });
        continue;
      }
      if (!/\S/.test(text)) continue;
      const { objects, errors } = readYamlObjects(f.path, text);
      for (const message of errors)
        diagnostics.push({
          level: 'warning',
          source: 'helm',
          path: f.path,
          ...said('diagnostic.helm.invalid-yaml', { detail: message }),
        });
      for (const o of objects)
        if (!isTestHook(o.object))
          render.objects.push({ object: o.object, origin: { path: f.path } });
    }
  } catch (e) {
    // A bug in the renderer must not take the caller down; say so instead.
    diagnostics.push({
      level: 'error',
      source: 'helm',
      path: `${dir}/Chart.yaml`,
      ...said('diagnostic.helm.chart-failed', errorDetail(e)),
    });
  }
  return render;
}
