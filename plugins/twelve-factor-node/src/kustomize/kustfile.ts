/**
 * Finding and reading a kustomization file into a normalized, typed form.
 *
 * Kustomize decodes strictly (unknown fields are errors) and then applies its
 * fix-ups: `bases` appended to `resources`, `imageTags` to `images`, `env` to
 * `envs`, and a `patches` list of plain strings read as
 * `patchesStrategicMerge`. We apply the same fix-ups, and report unknown or
 * unsupported fields instead of failing.
 */
import type { RenderContext } from './context';
import type { FieldSpec } from './fieldspec';
import { KUSTOMIZATION_FILE_NAMES } from './paths';
import type { TargetSelector } from './selector';
import { cloneDeep, nullifyEmpty, readYamlFile } from './yaml';
import { isMap } from './resource';
import { parseVars, VarDef } from './vars';
import { isRemoteRef } from './paths';
import type { RepoSnapshot } from '../sources/RepoSnapshot';
import type {
  DiagnosticMessageId,
  EngineMessage,
} from '@internal/plugin-twelve-factor-common';

/** A problem with a kustomization, said by id (reported when a render reads it). */
type Problem = readonly [DiagnosticMessageId, EngineMessage['params']?];

function isProblem(v: Kustomization | Problem | undefined): v is Problem {
  return Array.isArray(v);
}

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name: string;
  namespace: string;
  behavior: string;
  literals: string[];
  files: string[];
  envs: string[];
  options?: GeneratorOptions;
  /** Secrets only. */
  type?: string;
}

export interface PatchSpec {
  path?: string;
  patch?: string;
  target?: TargetSelector;
  options: { allowNameChange?: boolean; allowKindChange?: boolean };
}

export interface LabelSpec {
  pairs: Record<string, string>;
  includeSelectors: boolean;
  includeTemplates: boolean;
  fields: FieldSpec[];
}

export interface ImageSpec {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface ReplicaSpec {
  name: string;
  count: number;
}

export interface SortOptions {
  order: 'legacy' | 'fifo';
  orderFirst?: string[];
  orderLast?: string[];
}

export interface Kustomization {
  /** Path of the kustomization file. */
  path: string;
  /** Folder holding it; references resolve against it. */
  dir: string;
  kind: 'Kustomization' | 'Component';
  resources: string[];
  components: string[];
  namespace: string;
  namePrefix: string;
  nameSuffix: string;
  commonLabels: Record<string, string>;
  labels: LabelSpec[];
  commonAnnotations: Record<string, string>;
  patches: PatchSpec[];
  patchesStrategicMerge: string[];
  patchesJson6902: PatchSpec[];
  images: ImageSpec[];
  replicas: ReplicaSpec[];
  configMapGenerator: GeneratorArgs[];
  secretGenerator: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  sortOptions?: SortOptions;
  /** Files of custom field specs (see config.ts). */
  configurations: string[];
  vars: VarDef[];
  /** Builtin transformer configs: files, folders or inline YAML (see builtinTransformers.ts). */
  transformers: string[];
  /** Raw `replacements:` entries (inline, or `path:` to a file); read by replacements.ts. */
  replacements: unknown[];
  /** An `openapi.path` URL: a remote reference, not fetched. */
  remoteOpenApi?: string;
}

const KNOWN_FIELDS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'openapi',
  'namePrefix',
  'nameSuffix',
  'namespace',
  'commonLabels',
  'labels',
  'commonAnnotations',
  'patchesStrategicMerge',
  'patchesJson6902',
  'patches',
  'images',
  'imageTags',
  'replacements',
  'replicas',
  'vars',
  'sortOptions',
  'resources',
  'components',
  'crds',
  'bases',
  'configMapGenerator',
  'secretGenerator',
  'helmGlobals',
  'helmCharts',
  'helmChartInflationGenerator',
  'generatorOptions',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'inventory',
  'buildMetadata',
]);

/** Known fields this renderer does not implement; their effect is missing from renders. */
const UNSUPPORTED_FIELDS = [
  'crds',
  'generators',
  'validators',
  'helmChartInflationGenerator',
  'helmGlobals',
  'inventory',
  'buildMetadata',
];

/** The kustomization file of a folder, or undefined (with the reason) when there is none or several. */
export function findKustomizationFile(
  snapshot: RepoSnapshot,
  dir: string,
): { path?: string; error?: Problem } {
  const found = KUSTOMIZATION_FILE_NAMES.map(n =>
    dir ? `${dir}/${n}` : n,
  ).filter(p => snapshot.has(p));
  if (found.length === 0)
    return {
      error: ['diagnostic.kustomize.no-kustomization', { dir: dir || '.' }],
    };
  if (found.length > 1)
    return {
      error: [
        'diagnostic.kustomize.several-kustomizations',
        { dir: dir || '.', files: found.join(', ') },
      ],
    };
  return { path: found[0] };
}

/** Whether a folder holds exactly one kustomization file. */
export function isKustomizationDir(
  snapshot: RepoSnapshot,
  dir: string,
): boolean {
  return findKustomizationFile(snapshot, dir).path !== undefined;
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  // kustomize would reject a number here; a string is the useful reading.
  return String(v);
}

export function strList(v: unknown): string[] {
  if (Array.isArray(v))
    return v.filter(x => x !== null && x !== undefined).map(str);
  if (typeof v === 'string') return [v];
  return [];
}

export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const k of Object.keys(v)) out[k] = str(v[k]);
  return out;
}

function bool(v: unknown): boolean {
  return v === true || v === 'true';
}

function selector(v: unknown): TargetSelector | undefined {
  if (!isMap(v)) return undefined;
  const s: TargetSelector = {};
  for (const k of [
    'group',
    'version',
    'kind',
    'name',
    'namespace',
    'labelSelector',
    'annotationSelector',
  ] as const) {
    if (v[k] !== undefined && v[k] !== null) s[k] = str(v[k]);
  }
  return s;
}

function generatorOptions(v: unknown): GeneratorOptions | undefined {
  if (!isMap(v)) return undefined;
  return {
    labels: isMap(v.labels) ? strMap(v.labels) : undefined,
    annotations: isMap(v.annotations) ? strMap(v.annotations) : undefined,
    disableNameSuffixHash: bool(v.disableNameSuffixHash),
    immutable: bool(v.immutable),
  };
}

function generatorArgs(v: unknown, secret: boolean): GeneratorArgs | undefined {
  if (!isMap(v)) return undefined;
  const envs = strList(v.envs);
  if (typeof v.env === 'string' && v.env) envs.push(v.env);
  const args: GeneratorArgs = {
    name: str(v.name),
    namespace: str(v.namespace),
    behavior: str(v.behavior),
    literals: strList(v.literals),
    files: strList(v.files),
    envs,
    options: generatorOptions(v.options),
  };
  if (secret && v.type !== undefined) args.type = str(v.type);
  return args;
}

export function patchSpec(v: unknown): PatchSpec | undefined {
  if (!isMap(v)) return undefined;
  const options = isMap(v.options)
    ? {
        allowNameChange: bool(v.options.allowNameChange),
        allowKindChange: bool(v.options.allowKindChange),
      }
    : {};
  return {
    path: v.path !== undefined && v.path !== null ? str(v.path) : undefined,
    patch: v.patch !== undefined && v.patch !== null ? str(v.patch) : undefined,
    target: selector(v.target),
    options,
  };
}

export function fieldSpecs(v: unknown): FieldSpec[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).map(f => ({
    path: str(f.path),
    kind: f.kind !== undefined ? str(f.kind) : undefined,
    group: f.group !== undefined ? str(f.group) : undefined,
    version: f.version !== undefined ? str(f.version) : undefined,
    create: bool(f.create),
  }));
}

const parsedKustomizations = new WeakMap<
  RepoSnapshot,
  Map<string, Kustomization | Problem>
>();

/**
 * Reads and normalizes the kustomization of a folder. Returns undefined (after
 * reporting why) when there is no usable kustomization file.
 */
export function loadKustomization(
  ctx: RenderContext,
  dir: string,
): Kustomization | undefined {
  let cache = parsedKustomizations.get(ctx.snapshot);
  if (!cache) {
    cache = new Map();
    parsedKustomizations.set(ctx.snapshot, cache);
  }
  const cached = cache.get(dir);
  if (isProblem(cached)) {
    ctx.report('error', cached[0], cached[1], dir || '.');
    return undefined;
  }
  if (cached) {
    reportFieldProblems(ctx, cached);
    return cached;
  }
  const { path, error } = findKustomizationFile(ctx.snapshot, dir);
  if (!path) {
    cache.set(dir, error!);
    ctx.report('error', error![0], error![1], dir || '.');
    return undefined;
  }
  // Remembered for the folder, reported where the file is.
  const fail = (problem: Problem) => {
    cache!.set(dir, problem);
    ctx.report('error', problem[0], problem[1], path);
    return undefined;
  };
  const parsed = readYamlFile(ctx.snapshot, path);
  if (!parsed) {
    const skipped = ctx.snapshot.file(path)?.skipped;
    return fail(
      skipped
        ? [
            'diagnostic.kustomize.kustomization-not-read',
            { path, reason: skipped },
          ]
        : ['diagnostic.kustomize.kustomization-no-text', { path }],
    );
  }
  if (parsed.errors.length > 0)
    return fail([
      'diagnostic.kustomize.kustomization-malformed',
      { detail: parsed.errors[0] },
    ]);
  if (parsed.docs.length === 0)
    return fail(['diagnostic.kustomize.kustomization-file-empty', { path }]);
  const raw = nullifyEmpty(cloneDeep(parsed.docs[0].value));
  if (!isMap(raw))
    return fail(['diagnostic.kustomize.kustomization-not-a-map', { path }]);
  const k = normalize(path, dir, raw);
  cache.set(dir, k);
  reportFieldProblems(ctx, k);
  return k;
}

/** Problems found while normalizing, replayed for every render that uses the file. */
const fieldProblems = new WeakMap<
  Kustomization,
  Array<[level: 'warning' | 'error', problem: Problem]>
>();

function reportFieldProblems(ctx: RenderContext, k: Kustomization): void {
  for (const [level, [id, params]] of fieldProblems.get(k) ?? [])
    ctx.report(level, id, params, k.path);
}

function normalize(
  path: string,
  dir: string,
  raw: Record<string, any>,
): Kustomization {
  const problems: Array<['warning' | 'error', Problem]> = [];
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key))
      problems.push([
        'warning',
        ['diagnostic.kustomize.unknown-field', { field: key }],
      ]);
  }
  for (const key of UNSUPPORTED_FIELDS) {
    if (raw[key] !== undefined && raw[key] !== null) {
      problems.push([
        'warning',
        ['diagnostic.kustomize.unsupported-field', { field: key }],
      ]);
    }
  }
  if (raw.helmCharts !== undefined && raw.helmCharts !== null)
    problems.push([
      'warning',
      ['diagnostic.kustomize.helm-charts-not-inflated'],
    ]);
  if (isMap(raw.openapi)) {
    // A schema changes strategic merges of custom types; a remote one cannot be fetched.
    const p = typeof raw.openapi.path === 'string' ? raw.openapi.path : '';
    if (!isRemoteRef(p))
      problems.push(['warning', ['diagnostic.kustomize.openapi-unsupported']]);
  }
  // kustomize refuses a kustomization that sets nothing besides its type and metadata.
  if (
    Object.keys(raw).every(
      key =>
        ['apiVersion', 'kind', 'metadata'].includes(key) ||
        raw[key] === null ||
        raw[key] === '' ||
        raw[key] === false,
    )
  )
    problems.push(['error', ['diagnostic.kustomize.kustomization-empty']]);
  const kind = raw.kind === 'Component' ? 'Component' : 'Kustomization';
  if (
    raw.kind !== undefined &&
    raw.kind !== 'Kustomization' &&
    raw.kind !== 'Component'
  ) {
    problems.push([
      'error',
      ['diagnostic.kustomize.kustomization-kind', { kind: str(raw.kind) }],
    ]);
  }

  let patchesRaw: unknown[] = Array.isArray(raw.patches) ? raw.patches : [];
  const patchesStrategicMerge = strList(raw.patchesStrategicMerge);
  // Legacy form: a `patches` list of strings is a patchesStrategicMerge list.
  if (patchesRaw.some(p => typeof p === 'string')) {
    patchesStrategicMerge.push(
      ...patchesRaw.filter((p): p is string => typeof p === 'string'),
    );
    patchesRaw = [];
  }

  const labels: LabelSpec[] = (Array.isArray(raw.labels) ? raw.labels : [])
    .filter(isMap)
    .map((l: any) => ({
      pairs: strMap(l.pairs),
      includeSelectors: bool(l.includeSelectors),
      includeTemplates: bool(l.includeTemplates),
      fields: fieldSpecs(l.fields),
    }));
  const commonLabels = strMap(raw.commonLabels);
  for (const l of labels) {
    for (const key of Object.keys(l.pairs)) {
      if (key in commonLabels)
        problems.push([
          'warning',
          ['diagnostic.kustomize.label-set-twice', { label: key }],
        ]);
    }
  }

  const images: ImageSpec[] = [
    ...(Array.isArray(raw.images) ? raw.images : []),
    ...(Array.isArray(raw.imageTags) ? raw.imageTags : []),
  ]
    .filter(isMap)
    .map((i: any) => ({
      name: str(i.name),
      newName:
        i.newName !== undefined && i.newName !== null
          ? str(i.newName)
          : undefined,
      newTag:
        i.newTag !== undefined && i.newTag !== null ? str(i.newTag) : undefined,
      digest:
        i.digest !== undefined && i.digest !== null ? str(i.digest) : undefined,
    }));

  const replicas: ReplicaSpec[] = (
    Array.isArray(raw.replicas) ? raw.replicas : []
  )
    .filter(isMap)
    .map((r: any) => ({ name: str(r.name), count: Number(r.count ?? 0) }));

  let sortOptions: SortOptions | undefined;
  if (isMap(raw.sortOptions)) {
    const order = raw.sortOptions.order === 'fifo' ? 'fifo' : 'legacy';
    if (
      raw.sortOptions.order !== 'fifo' &&
      raw.sortOptions.order !== 'legacy'
    ) {
      problems.push(['error', ['diagnostic.kustomize.sort-order']]);
    }
    const legacy = isMap(raw.sortOptions.legacySortOptions)
      ? raw.sortOptions.legacySortOptions
      : undefined;
    sortOptions = {
      order,
      orderFirst: legacy ? strList(legacy.orderFirst) : undefined,
      orderLast: legacy ? strList(legacy.orderLast) : undefined,
    };
  }

  const { vars, errors: varErrors } = parseVars(raw.vars);
  for (const e of varErrors) problems.push(['error', [e]]);

  const k: Kustomization = {
    path,
    dir,
    kind,
    // `bases` is deprecated; kustomize appends it after `resources`.
    resources: [...strList(raw.resources), ...strList(raw.bases)],
    components: strList(raw.components),
    namespace: str(raw.namespace),
    namePrefix: str(raw.namePrefix),
    nameSuffix: str(raw.nameSuffix),
    commonLabels,
    labels,
    commonAnnotations: strMap(raw.commonAnnotations),
    patches: patchesRaw.map(patchSpec).filter((p): p is PatchSpec => !!p),
    patchesStrategicMerge,
    patchesJson6902: (Array.isArray(raw.patchesJson6902)
      ? raw.patchesJson6902
      : []
    )
      .map(patchSpec)
      .filter((p: PatchSpec | undefined): p is PatchSpec => !!p),
    images,
    replicas,
    configMapGenerator: (Array.isArray(raw.configMapGenerator)
      ? raw.configMapGenerator
      : []
    )
      .map((g: unknown) => generatorArgs(g, false))
      .filter((g: GeneratorArgs | undefined): g is GeneratorArgs => !!g),
    secretGenerator: (Array.isArray(raw.secretGenerator)
      ? raw.secretGenerator
      : []
    )
      .map((g: unknown) => generatorArgs(g, true))
      .filter((g: GeneratorArgs | undefined): g is GeneratorArgs => !!g),
    generatorOptions: generatorOptions(raw.generatorOptions),
    sortOptions,
    configurations: strList(raw.configurations),
    transformers: strList(raw.transformers),
    vars,
    replacements: Array.isArray(raw.replacements) ? raw.replacements : [],
    remoteOpenApi:
      isMap(raw.openapi) &&
      typeof raw.openapi.path === 'string' &&
      isRemoteRef(raw.openapi.path)
        ? raw.openapi.path
        : undefined,
  };
  fieldProblems.set(k, problems);
  return k;
}
