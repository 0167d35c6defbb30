/**
 * Helm releases of a chart the repository does not hold (`bitnami/nginx`,
 * `oci://registry/chart`), deployed with values files the repository does
 * hold: by a CI command (`helm upgrade --install app repo/chart -f
 * deploy/values-prod.yaml`), a helmfile release, or an Argo CD Application.
 * Nothing renders without the chart, but the release is still a deploy of
 * the service, once per environment its values files are for.
 */
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { createFactRef } from '../../engine/facts';
import type { FactExtractor } from '../../engine/types';
import { dirname, RepoSnapshot } from '../../sources/RepoSnapshot';
import { requireRepo } from '../repo';
import { scopeOf } from '../../sources/scope';
import { ciFactRef } from '../ci/extractor';
import { normalizeEnvironment } from '../configLiterals';
import {
  inlineValuesSettings,
  valuesSettings,
  type ValuesSettings,
} from './remoteValues';

/** Values a remote release is deployed with. @public */
export interface RemoteHelmValues {
  /** The values file, or the file that writes the values inline. */
  path: string;
  /** 1-based line of the inline values. */
  line?: number;
  inline?: boolean;
  /** The environment these values are for, when the file or the deploy says. */
  environment?: string;
  /** The well-known chart settings the file writes (remoteValues.ts). */
  settings?: ValuesSettings;
}

/** A release of a chart that is not in the repository. @public */
export interface RemoteHelmRelease {
  release: string;
  /** The chart as written (`bitnami/nginx`, `oci://ghcr.io/o/charts/app`). */
  chart: string;
  via: 'ci' | 'helmfile' | 'argocd';
  /** Where the deploy is written. */
  path: string;
  line: number;
  values: RemoteHelmValues[];
  /** CI `--set key=value` pairs, as written (`image.tag=${{ github.sha }}`). */
  set?: Array<{ key: string; value: string }>;
}

/** @public */
export interface RemoteHelmFact {
  releases: RemoteHelmRelease[];
}

/** @public */
export const remoteHelmFactRef = createFactRef<RemoteHelmFact>({
  id: 'repo.remote-helm',
});

/** The environment a values file's name or folder says (`values-prod.yaml`, `prod/values.yaml`), as checks/f3-config reads it. */
function environmentOfPath(path: string): string | undefined {
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    const stem = parts[i].replace(/\.ya?ml$/, '');
    const values = /^values[-._](.+)$|^(.+)[-._]values$/.exec(stem);
    const env = normalizeEnvironment(values ? values[1] ?? values[2] : stem);
    if (env && env !== 'local') return env;
  }
  return undefined;
}

/** helm upgrade/install flags that take a value (the rest are switches). */
const VALUED_FLAGS = new Set([
  '-f',
  '--values',
  '-n',
  '--namespace',
  '--set',
  '--set-string',
  '--set-file',
  '--set-json',
  '--set-literal',
  '--version',
  '--repo',
  '--kube-context',
  '--kubeconfig',
  '--timeout',
  '--description',
  '-o',
  '--output',
  '--post-renderer',
  '--post-renderer-args',
  '--username',
  '--password',
  '--ca-file',
  '--cert-file',
  '--key-file',
  '--history-max',
  '--labels',
  '-l',
  '--kube-apiserver',
  '--kube-token',
  '--kube-as-user',
  '--registry-config',
  '--repository-config',
  '--repository-cache',
  '--max-history',
]);

/** Shell words of one command line, quotes removed. */
function words(line: string): string[] {
  const out: string[] = [];
  // A `${{ expression }}` or `{{ template }}` is one word, spaces and all.
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:\$?\{\{[^}]*\}\}|[^\s"'])+)/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Command lines of a shell text: continuations joined, split at `&&`, `;` and `|`. */
function commandLines(text: string): string[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n|&&|;|\|\|/)
    .map(l => l.trim());
}

/** Whether a chart reference points outside the repository. */
function isRemoteChart(
  repo: RepoSnapshot,
  chart: string,
  base: string,
  repoFlag: boolean,
): boolean {
  if (/^(oci|https?):\/\//.test(chart)) return true;
  if (/^(\.|\/|\$)/.test(chart) || /\.tgz$/.test(chart)) return false;
  const local = base ? `${base}/${chart}` : chart;
  // A folder of the repository (a chart, or one generated in CI) is no chart repository.
  if (
    repo
      .paths()
      .some(p => p.startsWith(`${local}/`) || p.startsWith(`${chart}/`))
  )
    return false;
  return repoFlag || /^[\w.-]+\/[\w.-]+$/.test(chart);
}

const join = (base: string, p: string) =>
  (base && !p.startsWith('/') ? `${base}/${p}` : p)
    .replace(/^\.?\//, '')
    .split('/')
    .reduce<string[]>((acc, part) => {
      if (part === '..') acc.pop();
      else if (part !== '.' && part !== '') acc.push(part);
      return acc;
    }, [])
    .join('/');

/**
 * The repository files a values path names: itself, or, when it is templated
 * by the environment (`values-${ENV}.yaml`, `{{ .Environment.Name }}`), each
 * file it can stand for.
 */
function valuesFiles(repo: RepoSnapshot, base: string, raw: string): string[] {
  const templated = /\$?\{\{[^}]*\}\}|\$\{\w+\}|\$\w+|\$\(\w+\)/g;
  if (!templated.test(raw)) {
    const p = join(base, raw);
    return repo.file(p) ? [p] : [];
  }
  const parts = join(base, raw).split(templated);
  const re = new RegExp(
    `^${parts
      .map(s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\w.-]+')}$`,
  );
  return repo.find(p => re.test(p)).map(f => f.path);
}

function valuesOf(
  repo: RepoSnapshot,
  base: string,
  raws: string[],
  environment: string | undefined,
): RemoteHelmValues[] {
  const out: RemoteHelmValues[] = [];
  for (const raw of raws)
    for (const path of valuesFiles(repo, base, raw)) {
      const env =
        environmentOfPath(path) ??
        environmentOfName(
          path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, ''),
        ) ??
        environment;
      const settings = valuesSettings(path, repo.read(path) ?? '');
      out.push({
        path,
        ...(env ? { environment: env } : {}),
        ...(Object.keys(settings).length ? { settings } : {}),
      });
    }
  return out;
}

/** `helm upgrade --install <release> <chart> …` / `helm install <release> <chart> …` of a CI command line. */
function fromCommand(
  repo: RepoSnapshot,
  line: string,
  at: { path: string; line: number; base: string; environment?: string },
): RemoteHelmRelease | undefined {
  const m = /\bhelm\s+(upgrade|install)\s+(.*)$/.exec(line);
  if (!m) return undefined;
  const args = words(m[2]);
  const positional: string[] = [];
  const values: string[] = [];
  const set: Array<{ key: string; value: string }> = [];
  let repoFlag = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      const flag = eq === -1 ? a : a.slice(0, eq);
      const value = eq === -1 ? undefined : a.slice(eq + 1);
      if (!VALUED_FLAGS.has(flag)) continue;
      const v = value ?? args[++i];
      if (flag === '-f' || flag === '--values')
        values.push(...(v ?? '').split(',').filter(Boolean));
      if (flag === '--repo') repoFlag = true;
      if (flag === '--set' || flag === '--set-string')
        for (const pair of (v ?? '').split(',')) {
          const eqAt = pair.indexOf('=');
          if (eqAt > 0)
            set.push({ key: pair.slice(0, eqAt), value: pair.slice(eqAt + 1) });
        }
      continue;
    }
    positional.push(a);
  }
  const [release, chart] =
    positional.length >= 2 ? positional : [undefined, positional[0]];
  if (!chart || !isRemoteChart(repo, chart, at.base, repoFlag))
    return undefined;
  return {
    release: release ?? chart,
    chart,
    via: 'ci',
    path: at.path,
    line: at.line,
    values: valuesOf(repo, at.base, values, at.environment),
    ...(set.length ? { set } : {}),
  };
}

type Doc = { value: any; lines: LineCounter; doc: Document.Parsed };

function yamlDocs(text: string): Doc[] {
  const lines = new LineCounter();
  try {
    return parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false })
      .filter(d => !d.errors.length)
      .map(d => ({ value: d.toJS(), lines, doc: d }))
      .filter(d => d.value && typeof d.value === 'object');
  } catch {
    return [];
  }
}

/** 1-based line of the value under a path of keys and indexes. */
function lineOf(doc: Doc, keys: Array<string | number>): number | undefined {
  const node = doc.doc.getIn(keys, true) as { range?: number[] } | undefined;
  const pos = node?.range?.[0];
  return pos === undefined ? undefined : doc.lines.linePos(pos).line;
}

function fromHelmfile(
  repo: RepoSnapshot,
  path: string,
  text: string,
): RemoteHelmRelease[] {
  // Go templates in helmfiles are not YAML: lines that are only a template are dropped.
  const clean = text
    .split('\n')
    .map(l => (/^\s*\{\{.*\}\}\s*$/.test(l) ? '' : l))
    .join('\n');
  const out: RemoteHelmRelease[] = [];
  const base = dirname(path);
  for (const doc of yamlDocs(clean)) {
    const repos = new Set(
      (Array.isArray(doc.value.repositories) ? doc.value.repositories : [])
        .map((r: any) => r?.name)
        .filter((n: unknown) => typeof n === 'string'),
    );
    const releases = Array.isArray(doc.value.releases)
      ? doc.value.releases
      : [];
    releases.forEach((r: any, i: number) => {
      if (typeof r?.chart !== 'string' || typeof r?.name !== 'string') return;
      const prefix = r.chart.split('/')[0];
      const remote =
        /^(oci|https?):\/\//.test(r.chart) ||
        (repos.has(prefix) && isRemoteChart(repo, r.chart, base, true));
      if (!remote) return;
      const line = lineOf(doc, ['releases', i]) ?? 1;
      const files = (Array.isArray(r.values) ? r.values : []).filter(
        (v: unknown): v is string => typeof v === 'string',
      );
      const inline = (Array.isArray(r.values) ? r.values : []).some(
        (v: unknown) => v && typeof v === 'object',
      );
      const env = environmentOfName(r.name) ?? environmentOfName(r.namespace);
      const inlineValues = (at: number): RemoteHelmValues => {
        // Inline maps merge in order, as helmfile layers values.
        const merged = Object.assign(
          {},
          ...(r.values as unknown[]).filter(
            (v): v is object => !!v && typeof v === 'object',
          ),
        );
        const settings = inlineValuesSettings(merged, path, at);
        return {
          path,
          line: at,
          inline: true,
          ...(env ? { environment: env } : {}),
          ...(Object.keys(settings).length ? { settings } : {}),
        };
      };
      out.push({
        release: r.name,
        chart: r.chart,
        via: 'helmfile',
        path,
        line,
        values: [
          ...valuesOf(repo, base, files, env),
          ...(inline
            ? [inlineValues(lineOf(doc, ['releases', i, 'values']) ?? line)]
            : []),
        ],
      });
    });
  }
  return out;
}

/** The environment a release, application or namespace name says (`shop-prod`). */
function environmentOfName(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  for (const token of name.split(/[-_.]/)) {
    const env = normalizeEnvironment(token);
    if (env && env !== 'local') return env;
  }
  return undefined;
}

/** An Application's inline values (`helm.values` text, else `valuesObject`) and what they set. */
function argoInline(
  helm: { values?: unknown; valuesObject?: unknown },
  doc: Doc,
  at: Array<string | number>,
  path: string,
  fallback: number,
  env: string | undefined,
): RemoteHelmValues {
  const key = helm.values !== undefined ? 'values' : 'valuesObject';
  const line = lineOf(doc, [...at, 'helm', key]) ?? fallback;
  const settings = inlineValuesSettings(helm[key], path, line);
  return {
    path,
    line,
    inline: true,
    ...(env ? { environment: env } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
  };
}

function fromArgoApplication(
  repo: RepoSnapshot,
  path: string,
  doc: Doc,
): RemoteHelmRelease[] {
  const app = doc.value;
  if (
    !/^argoproj\.io\//.test(String(app.apiVersion)) ||
    app.kind !== 'Application'
  )
    return [];
  const sources: Array<[any, Array<string | number>]> = app.spec?.source
    ? [[app.spec.source, ['spec', 'source']]]
    : (Array.isArray(app.spec?.sources) ? app.spec.sources : []).map(
        (s: any, i: number) => [s, ['spec', 'sources', i]],
      );
  const name = app.metadata?.name;
  const env =
    environmentOfName(name) ??
    environmentOfName(app.spec?.destination?.namespace);
  const out: RemoteHelmRelease[] = [];
  for (const [s, at] of sources) {
    if (typeof s?.chart !== 'string') continue;
    const helm = s.helm ?? {};
    // `$values/deploy/values-prod.yaml`: a file of another source (this repository); plain paths are the chart's own.
    const files = (Array.isArray(helm.valueFiles) ? helm.valueFiles : [])
      .filter((v: unknown): v is string => typeof v === 'string')
      .filter((v: string) => v.startsWith('$'))
      .map((v: string) => v.replace(/^\$\w+\//, ''));
    const inline = helm.values !== undefined || helm.valuesObject !== undefined;
    const line = lineOf(doc, at) ?? 1;
    out.push({
      release: helm.releaseName ?? name ?? s.chart,
      chart: s.repoURL ? `${s.repoURL}/${s.chart}` : s.chart,
      via: 'argocd',
      path,
      line,
      values: [
        ...valuesOf(repo, '', files, env),
        ...(inline ? [argoInline(helm, doc, at, path, line, env)] : []),
      ],
    });
  }
  return out;
}

/** @public */
export const remoteHelmExtractor: FactExtractor<RemoteHelmFact> = {
  ref: remoteHelmFactRef,
  extract(ctx) {
    const repo = requireRepo(ctx);
    const releases: RemoteHelmRelease[] = [];
    const ci = ctx.facts.tryGet(ciFactRef);
    for (const step of ci?.steps ?? []) {
      const texts: Array<[string, number]> = [];
      if (step.run) texts.push([step.run, step.line]);
      for (const e of step.expansions ?? [])
        texts.push([e.commands.join('\n'), e.line]);
      for (const [text, line] of texts)
        for (const command of commandLines(text)) {
          const r = fromCommand(repo, command, {
            path: step.path,
            line,
            base: (step.workingDirectory ?? '').replace(/^\.\/?|\/$/g, ''),
            environment: step.environment
              ? environmentOfName(step.environment)
              : undefined,
          });
          if (r) releases.push(r);
        }
    }
    for (const f of repo.find(
      (p, name) =>
        /^helmfile(\.ya?ml)?(\.gotmpl)?$/.test(name) ||
        /(^|\/)helmfile\.d\/[^/]+\.ya?ml(\.gotmpl)?$/.test(p),
    ))
      if (f.text !== undefined)
        releases.push(...fromHelmfile(repo, f.path, f.text));
    for (const f of repo.find(p => /\.ya?ml$/i.test(p)))
      if (f.text !== undefined && /argoproj\.io/.test(f.text))
        for (const doc of yamlDocs(f.text))
          releases.push(...fromArgoApplication(repo, f.path, doc));
    // A monorepo member: a release written in, or with values only in, other
    // services' folders is theirs; one without values is not known to be its own.
    const scope = scopeOf(ctx.input);
    if (scope) {
      const mine = (p: string) =>
        !scope.otherServices.some(f => p === f || p.startsWith(`${f}/`));
      return {
        releases: releases
          .filter(r => mine(r.path))
          .map(r => ({ ...r, values: r.values.filter(v => mine(v.path)) }))
          .filter(r => r.values.length > 0),
      };
    }
    return { releases };
  },
};

/** The environments remote releases deploy to, each with the values that say it. */
export function remoteHelmEnvironments(
  fact: RemoteHelmFact | undefined,
): Map<string, { release: RemoteHelmRelease; values: RemoteHelmValues }> {
  const out = new Map<
    string,
    { release: RemoteHelmRelease; values: RemoteHelmValues }
  >();
  for (const release of fact?.releases ?? [])
    for (const values of release.values)
      if (values.environment && !out.has(values.environment))
        out.set(values.environment, { release, values });
  return out;
}
