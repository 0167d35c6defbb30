/*
 * Material in a repository that is not the service's own: test fixtures,
 * documentation and examples, local-only stacks (an observability compose
 * file and its collector configuration) and development tooling, vendored
 * third-party code and vendored Helm charts. The facts that read manifests,
 * compose files and backing-service addresses leave it out, and record what
 * they left out and why, so that a check can say so in its evidence and a
 * reader can disagree.
 */
import type { EngineMessage } from '@internal/plugin-twelve-factor-common';
import { parse } from 'yaml';
import { basename, dirname, type RepoSnapshot } from '../sources/RepoSnapshot';

/** A file (or folder) a fact did not read as the service's own, and why. @public */
export interface LeftOut {
  path: string;
  /** e.g. `test fixture`, `local observability stack`. */
  reason: string;
}

/** Folder names whose content is never the deployed service, with why. */
const FOLDER_REASONS: ReadonlyMap<string, string> = new Map([
  ...[
    'test',
    'tests',
    '__tests__',
    '__fixtures__',
    '__mocks__',
    'fixture',
    'fixtures',
    'testdata',
    'test-data',
    'test_data',
    'e2e',
    'e2e-tests',
    'integration-tests',
    'unittests',
    'unit_tests',
    'unit-tests',
    'testing',
    'cassettes',
    'vcr',
    'mock-server',
    'mock-servers',
    'mocks',
    'spec',
    'specs',
  ].map((n): [string, string] => [n, 'test material']),
  ...[
    'loadtest',
    'loadtests',
    'load-tests',
    'load-test',
    'perf-tests',
    'performance-tests',
    'hyperfoil',
    'k6',
    'locust',
    'gatling',
    'jmeter',
  ].map((n): [string, string] => [n, 'load tests']),
  ...['docs', 'doc', 'documentation'].map((n): [string, string] => [
    n,
    'documentation',
  ]),
  ...['examples', 'example', 'samples', 'sample'].map((n): [string, string] => [
    n,
    'example',
  ]),
  ...[
    'vendor',
    'vendored',
    'third_party',
    'third-party',
    'thirdparty',
    'node_modules',
  ].map((n): [string, string] => [n, 'vendored third-party material']),
  ...[
    'hack',
    '.devcontainer',
    'devtools',
    'dev-tools',
    'scripts',
    // Editor and AI-assistant settings.
    '.vscode',
    '.idea',
    '.cursor',
    '.claude',
    '.opencode',
    '.zed',
  ].map((n): [string, string] => [n, 'development tooling']),
  ...['otel', '.otel', 'opentelemetry', 'otel-collector', 'observability'].map(
    (n): [string, string] => [n, 'local observability stack'],
  ),
]);

/** Compose files named for an observability stack: `docker-compose.otel.yml`, `compose.monitoring.yaml`. */
const OBSERVABILITY_COMPOSE =
  /(^|\/)(docker-)?compose[.-]([\w.-]*[.-])?(otel|opentelemetry|observability|monitoring|telemetry|tracing|metrics|logging|grafana|prometheus|jaeger|loki|tempo|elk|efk)([.-][\w.-]*)?\.ya?ml$/i;
const COMPOSE = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/;
/** Compose files named for tests: `docker-compose.test.yml`, `compose.e2e.yaml`, `docker-compose-ci.yml`. */
const TEST_COMPOSE =
  /(^|\/)(docker-)?compose[.-]([\w.-]*[.-])?(test|tests|testing|e2e|it|integration|integration-tests?|ci|sut)([.-][\w.-]*)?\.ya?ml$/i;
/** Images of observability tooling: a compose file running only these is a local observability stack. */
const OBSERVABILITY_IMAGE =
  /(^|\/)(opentelemetry-collector[\w-]*|otel\/[\w-]+|otelcol[\w-]*|jaeger[\w-]*|all-in-one|zipkin|prometheus|node-exporter|alertmanager|pushgateway|grafana|loki|promtail|tempo|alloy|mimir|fluent-bit|fluentd|vector|elasticsearch|kibana|logstash|opensearch(-dashboards)?|otel-lgtm|signoz[\w-]*|cadvisor)(:|@|$)/i;

/** Why the path of a file lies in a folder that is never the service's own, if it does. */
export function ancillaryFolderReason(path: string): string | undefined {
  let start = 0;
  let previous = '';
  for (let slash = path.indexOf('/'); slash !== -1; ) {
    const segment = path.slice(start, slash).toLowerCase();
    // Below `main/java` (Maven and Gradle layout) folders are packages: `org/springframework/samples/petclinic` is the app.
    if (previous === 'main' && JVM_SOURCE_ROOT.has(segment)) return undefined;
    const reason = FOLDER_REASONS.get(segment) ?? tokenReason(segment);
    // In a source tree a package may be named for what it does (internal/observability, pkg/scripts): only tests, docs and examples are never the app.
    if (
      reason &&
      !(IN_CODE_ONLY_TESTS.has(reason) && CODE_FOLDERS.has(previous))
    )
      return reason;
    previous = segment;
    start = slash + 1;
    slash = path.indexOf('/', start);
  }
  return undefined;
}

/** Reasons that do not hold for a package directly below a source folder. */
const IN_CODE_ONLY_TESTS = new Set([
  'local observability stack',
  'development tooling',
  'load tests',
]);
const CODE_FOLDERS = new Set([
  'src',
  'internal',
  'pkg',
  'app',
  'lib',
  'cmd',
  'server',
]);

/** Examples and docs named in a compound folder name: `sample-manifests`, `k8s-examples`, `docs-site`. */
const TOKEN_REASONS: ReadonlyMap<string, string> = new Map([
  ...['examples', 'example', 'samples', 'sample'].map((n): [string, string] => [
    n,
    'example',
  ]),
  ...['docs', 'documentation'].map((n): [string, string] => [
    n,
    'documentation',
  ]),
]);

function tokenReason(segment: string): string | undefined {
  if (!/[-_.]/.test(segment)) return undefined;
  for (const token of segment.split(/[-_.]/)) {
    const reason = TOKEN_REASONS.get(token);
    if (reason) return reason;
  }
  return undefined;
}

/** The source folders of the Maven and Gradle layout (`src/main/java`), whose subfolders are package names. */
const JVM_SOURCE_ROOT = new Set(['java', 'kotlin', 'scala', 'groovy']);

/** What is known about one repository's ancillary material, computed once per snapshot. */
interface RepoAncillary {
  /** Folders found ancillary from their content, with why (longest first). */
  folders: Array<{ dir: string; reason: string }>;
  /** Files found ancillary from their content or name, with why. */
  files: Map<string, string>;
}

const byRepo = new WeakMap<RepoSnapshot, RepoAncillary>();

/**
 * Why a repository file is not the service's own material, or undefined
 * when it is. Path rules (test, docs, examples, vendored, tooling and
 * observability folders) and content rules (vendored Helm charts, compose
 * files that run only observability tooling) are both applied.
 */
export function ancillaryReason(
  repo: RepoSnapshot,
  path: string,
): string | undefined {
  const byPath = ancillaryFolderReason(path);
  if (byPath) return byPath;
  const known = ancillaryOf(repo);
  const file = known.files.get(path);
  if (file) return file;
  for (const f of known.folders)
    if (path.startsWith(`${f.dir}/`)) return f.reason;
  return undefined;
}

/** Whether a folder (and all it holds) is ancillary, with why. */
export function ancillaryFolder(
  repo: RepoSnapshot,
  dir: string,
): string | undefined {
  if (dir === '') return undefined;
  return ancillaryReason(repo, `${dir}/_`);
}

function ancillaryOf(repo: RepoSnapshot): RepoAncillary {
  let known = byRepo.get(repo);
  if (!known) {
    known = { folders: vendoredCharts(repo), files: new Map() };
    for (const f of repo.find(p => COMPOSE.test(p))) {
      if (ancillaryFolderReason(f.path)) continue;
      if (TEST_COMPOSE.test(f.path)) {
        // Only the file: its folder is usually the service's own.
        known.files.set(f.path, 'test material (a test stack)');
        continue;
      }
      const reason = OBSERVABILITY_COMPOSE.test(f.path)
        ? 'local observability stack (named for it)'
        : onlyObservabilityImages(f.text)
        ? 'local observability stack (runs only observability tooling)'
        : undefined;
      if (!reason) continue;
      known.files.set(f.path, reason);
      const dir = dirname(f.path);
      // The folder of such a compose file holds the stack's configuration (collector, Prometheus, Grafana).
      if (dir !== '' && !holdsManifests(repo, dir))
        known.folders.push({ dir, reason });
    }
    known.folders.sort((a, b) => b.dir.length - a.dir.length);
    byRepo.set(repo, known);
  }
  return known;
}

/** Whether a folder is also a deploy folder (a kustomization or a conventional manifest folder), which a compose file beside it does not make local-only. */
function holdsManifests(repo: RepoSnapshot, dir: string): boolean {
  if (
    /(^|\/)(k8s|kube|kubernetes|manifests|deploy|deployment|deployments|helm|charts?)$/.test(
      dir,
    )
  )
    return true;
  return (
    repo.has(`${dir}/kustomization.yaml`) ||
    repo.has(`${dir}/kustomization.yml`) ||
    repo.has(`${dir}/Kustomization`) ||
    repo.has(`${dir}/Chart.yaml`)
  );
}

/** Whether every `image:` of a compose file is observability tooling (and it builds nothing). */
function onlyObservabilityImages(text: string | undefined): boolean {
  if (!text || /^\s+build\s*:/m.test(text)) return false;
  const images = [...text.matchAll(/^\s+image\s*:\s*["']?([^\s"'#]+)/gm)].map(
    m => m[1],
  );
  return images.length > 0 && images.every(i => OBSERVABILITY_IMAGE.test(i));
}

/**
 * Helm charts that are dependencies of another chart of the repository:
 * those under a chart's `charts/` folder, and those another chart's
 * Chart.yaml (or Helm 2 requirements.yaml) names as a dependency.
 */
function vendoredCharts(
  repo: RepoSnapshot,
): Array<{ dir: string; reason: string }> {
  const charts = repo
    .find((_p, name) => name === 'Chart.yaml')
    .filter(f => !ancillaryFolderReason(f.path))
    .map(f => ({
      dir: dirname(f.path),
      name: /^name:\s*["']?([\w.-]+)/m.exec(f.text ?? '')?.[1],
      deps: chartDependencies(repo, f.path, f.text),
    }));
  if (charts.length < 2) return [];
  const out: Array<{ dir: string; reason: string }> = [];
  for (const c of charts) {
    const parent = charts.find(
      p =>
        p !== c &&
        (c.dir.startsWith(`${p.dir === '' ? '' : `${p.dir}/`}charts/`) ||
          p.deps.some(
            d =>
              d.path === c.dir ||
              (!d.path && d.name !== undefined && d.name === c.name),
          )),
    );
    if (parent)
      out.push({
        dir: c.dir,
        reason: `vendored chart (a dependency of ${
          parent.dir || 'the root chart'
        })`,
      });
  }
  return out;
}

/** A chart's dependencies: name, and the repository folder of `file://` ones. */
function chartDependencies(
  repo: RepoSnapshot,
  chartYaml: string,
  text: string | undefined,
): Array<{ name?: string; path?: string }> {
  const dir = dirname(chartYaml);
  const sources = [text, repo.read(`${dir ? `${dir}/` : ''}requirements.yaml`)];
  const out: Array<{ name?: string; path?: string }> = [];
  for (const source of sources) {
    if (!source || !source.includes('dependencies')) continue;
    let doc: any;
    try {
      doc = parse(source);
    } catch {
      continue;
    }
    for (const d of Array.isArray(doc?.dependencies) ? doc.dependencies : []) {
      const repository = String(d?.repository ?? '');
      const local = /^file:\/\/(.+)$/.exec(repository)?.[1];
      out.push({
        ...(d?.name ? { name: String(d.name) } : {}),
        ...(local ? { path: joinPath(dir, local) } : {}),
      });
    }
  }
  return out;
}

function joinPath(dir: string, rel: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** The message of a reason this module (or a monorepo's compose scope) gives, by its English. */
const REASON_IDS: ReadonlyMap<string, string> = new Map([
  ['test material', 'left-out.reason.test-material'],
  ['test material (a test stack)', 'left-out.reason.test-stack'],
  ['load tests', 'left-out.reason.load-tests'],
  ['documentation', 'left-out.reason.documentation'],
  ['example', 'left-out.reason.example'],
  ['vendored third-party material', 'left-out.reason.vendored'],
  ['development tooling', 'left-out.reason.dev-tooling'],
  ['local observability stack', 'left-out.reason.observability'],
  [
    'local observability stack (named for it)',
    'left-out.reason.observability-named',
  ],
  [
    'local observability stack (runs only observability tooling)',
    'left-out.reason.observability-images',
  ],
  [
    "other services of the repository, none of the entity's",
    'left-out.reason.other-services',
  ],
]);

/**
 * A left-out reason as a message, for other languages; undefined for a
 * reason written elsewhere (a custom fact's), which then reads in English.
 */
export function leftOutReasonMsg(reason: string): EngineMessage | undefined {
  const id = REASON_IDS.get(reason);
  if (id) return { id };
  const chart = /^vendored chart \(a dependency of (.+)\)$/.exec(reason);
  if (chart)
    return {
      id: 'left-out.reason.vendored-chart',
      params: {
        parent:
          chart[1] === 'the root chart'
            ? { id: 'left-out.root-chart' }
            : chart[1],
      },
    };
  return undefined;
}

/** One left-out folder or file, said without the "left out:" of its note. */
export interface LeftOutItem {
  path: string;
  /** e.g. `otel/ (local observability stack; 2 files)` */
  text: string;
  /** The same as a message, when its reason has one. */
  msg?: EngineMessage;
}

/**
 * Left-out material by folder (or file), at most `max`, the last one
 * saying how many more: `otel/ (local observability stack; 2 files)`.
 */
export function leftOutItems(
  leftOut: ReadonlyArray<LeftOut>,
  max = 3,
): LeftOutItem[] {
  const groups = new Map<string, { reason: string; paths: string[] }>();
  for (const l of leftOut) {
    const key = `${groupOf(l.path)}\u0000${l.reason}`;
    const g = groups.get(key);
    if (g) g.paths.push(l.path);
    else groups.set(key, { reason: l.reason, paths: [l.path] });
  }
  const items = [...groups.values()].map((g): LeftOutItem => {
    const path = g.paths.length === 1 ? g.paths[0] : `${groupOf(g.paths[0])}/`;
    const reason = leftOutReasonMsg(g.reason);
    const files = g.paths.length;
    return {
      path,
      text: `${path} (${g.reason}${files > 1 ? `; ${files} files` : ''})`,
      ...(reason
        ? {
            msg:
              files > 1
                ? {
                    id: 'left-out.item-files',
                    params: { path, reason, count: files },
                  }
                : { id: 'left-out.item', params: { path, reason } },
          }
        : {}),
    };
  });
  if (items.length > max) {
    const rest = items.length - max + 1;
    const paths = items.slice(max - 1).map(n => n.path);
    return [
      ...items.slice(0, max - 1),
      {
        path: items[max - 1].path,
        text: `${rest} more folders of material that is not the service's own (${paths.join(
          ', ',
        )})`,
        msg: {
          id: 'left-out.item-more',
          params: { count: rest, paths: { list: paths } },
        },
      },
    ];
  }
  return items;
}

/**
 * Evidence notes for left-out material: one per folder (or file), at most
 * `max`, e.g. `left out: otel/ (local observability stack; 2 files)`.
 */
export function leftOutNotes(
  leftOut: ReadonlyArray<LeftOut>,
  max = 3,
): Array<{ path: string; note: string; noteMsg?: EngineMessage }> {
  return leftOutItems(leftOut, max).map(item => ({
    path: item.path,
    note: `left out: ${item.text}`,
    ...(item.msg
      ? { noteMsg: { id: 'left-out.note', params: { item: item.msg } } }
      : {}),
  }));
}

/** The folder a left-out file is grouped under: its first ancillary folder, else its own. */
function groupOf(path: string): string {
  let start = 0;
  for (let slash = path.indexOf('/'); slash !== -1; ) {
    if (FOLDER_REASONS.has(path.slice(start, slash).toLowerCase()))
      return path.slice(0, slash);
    start = slash + 1;
    slash = path.indexOf('/', start);
  }
  return dirname(path) || basename(path);
}
