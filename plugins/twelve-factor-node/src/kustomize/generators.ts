/**
 * configMapGenerator and secretGenerator: building the objects from literals,
 * files and env files, and absorbing them into the accumulator with
 * create/merge/replace behaviour.
 */
import type { RenderContext } from './context';
import type {
  GeneratorArgs,
  GeneratorOptions,
  Kustomization,
} from './kustfile';
import { resolveRefFile } from './refFile';
import { appendResource, matchingByAnyId } from './resmap';
import {
  Behavior,
  curId,
  describeId,
  isMap,
  KObject,
  meta,
  newRes,
  Res,
  scalarText,
  setName,
  setNamespace,
} from './resource';

/** Local options win over global ones, except booleans: a global `true` wins. */
export function mergeGeneratorOptions(
  local?: GeneratorOptions,
  global?: GeneratorOptions,
): GeneratorOptions | undefined {
  if (!global) return local;
  const out: GeneratorOptions = { ...(local ?? {}) };
  if (global.labels) out.labels = { ...global.labels, ...(out.labels ?? {}) };
  if (global.annotations)
    out.annotations = { ...global.annotations, ...(out.annotations ?? {}) };
  if (global.disableNameSuffixHash) out.disableNameSuffixHash = true;
  if (global.immutable) out.immutable = true;
  return out;
}

/** `key=value`, with surrounding matching quotes removed from the value. */
function parseLiteral(source: string): [string, string] | string {
  if (source.indexOf('=') === 0)
    return `invalid literal source ${source}, expected key=value`;
  const i = source.indexOf('=');
  if (i < 0) return `invalid literal source ${source}, expected key=value`;
  let value = source.slice(i + 1);
  if (
    value.length >= 2 &&
    value[0] === value[value.length - 1] &&
    (value[0] === '"' || value[0] === "'")
  ) {
    value = value.slice(1, -1);
  }
  return [source.slice(0, i), value];
}

/** Env files: `KEY=value` lines; blank lines and `#` comments skipped; no unquoting. */
function parseEnvFile(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    out.push(eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)]);
  });
  return out;
}

function basename(p: string): string {
  const s = p.replace(/\/+$/, '');
  const i = s.lastIndexOf('/');
  return i < 0 ? s : s.slice(i + 1);
}

/** Reads a file a generator names; only files at or below the kustomization folder. */
function readGeneratorFile(
  ctx: RenderContext,
  k: Kustomization,
  ref: string,
): string | undefined {
  const full = resolveRefFile(ctx, k, ref, 'generator');
  return full === undefined ? undefined : ctx.snapshot.read(full);
}

/** The key/value pairs of a generator, in kustomize's order: envs, literals, files. */
function loadPairs(
  ctx: RenderContext,
  k: Kustomization,
  args: GeneratorArgs,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const env of args.envs) {
    const text = readGeneratorFile(ctx, k, env);
    if (text !== undefined) pairs.push(...parseEnvFile(text));
  }
  for (const lit of args.literals) {
    const r = parseLiteral(lit);
    if (typeof r === 'string')
      ctx.report(
        'error',
        'diagnostic.kustomize.generator-invalid-literal',
        { generator: args.name, source: lit },
        k.path,
      );
    else pairs.push(r);
  }
  for (const source of args.files) {
    const eq = source.indexOf('=');
    let key: string;
    let file: string;
    if (eq < 0) {
      key = basename(source);
      file = source;
    } else if (eq === 0) {
      ctx.report(
        'error',
        'diagnostic.kustomize.generator-missing-key',
        { generator: args.name, source },
        k.path,
      );
      continue;
    } else {
      key = source.slice(0, eq);
      file = source.slice(eq + 1);
      if (file.includes('=') || file === '') {
        ctx.report(
          'error',
          'diagnostic.kustomize.generator-invalid-file-source',
          { generator: args.name, source },
          k.path,
        );
        continue;
      }
    }
    const text = readGeneratorFile(ctx, k, file);
    if (text !== undefined) pairs.push([key, text]);
  }
  return pairs;
}

/**
 * Base64 as kustomize writes Secret values: from 70 encoded characters on,
 * split into 70-character lines, each ending with a newline (this text is
 * also what the name hash sees).
 */
export function encodeBase64(s: string): string {
  const enc = Buffer.from(s, 'utf8').toString('base64');
  const lineLen = 70;
  const lines = Math.floor(enc.length / lineLen) + 1;
  if (lines <= 1) return enc;
  let out = '';
  for (let i = 0; i < enc.length; i += lineLen)
    out += `${enc.slice(i, i + lineLen)}\n`;
  return out;
}

function behaviorOf(s: string): Behavior {
  return s === 'create' || s === 'merge' || s === 'replace' ? s : 'unspecified';
}

function applyOptions(obj: KObject, opts: GeneratorOptions | undefined): void {
  if (!opts) return;
  if (opts.labels && Object.keys(opts.labels).length > 0)
    meta(obj).labels = { ...opts.labels };
  if (opts.annotations && Object.keys(opts.annotations).length > 0)
    meta(obj).annotations = { ...opts.annotations };
}

/** Builds a generated ConfigMap or Secret; undefined (after reporting) when it cannot. */
export function generate(
  ctx: RenderContext,
  k: Kustomization,
  args: GeneratorArgs,
  kind: 'ConfigMap' | 'Secret',
): Res | undefined {
  if (!args.name) {
    ctx.report(
      'error',
      kind === 'Secret'
        ? 'diagnostic.kustomize.secret-generator-unnamed'
        : 'diagnostic.kustomize.configmap-generator-unnamed',
      undefined,
      k.path,
    );
    return undefined;
  }
  const opts = mergeGeneratorOptions(args.options, k.generatorOptions);
  const data: Record<string, string> = {};
  for (const [key, value] of loadPairs(ctx, k, args)) {
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      ctx.report(
        'error',
        'diagnostic.kustomize.generator-repeated-key',
        { kind, generator: args.name, key },
        k.path,
      );
      continue;
    }
    data[key] = value;
  }
  const obj: KObject = {
    apiVersion: 'v1',
    kind,
    metadata: { name: args.name },
  };
  if (args.namespace) obj.metadata.namespace = args.namespace;
  const keys = Object.keys(data).sort();
  if (kind === 'Secret') {
    obj.type = args.type || 'Opaque';
    // A Secret always gets a data map (an empty ConfigMap has none).
    obj.data = {};
    for (const key of keys) obj.data[key] = encodeBase64(data[key]);
  } else if (keys.length > 0) {
    obj.data = {};
    for (const key of keys) obj.data[key] = data[key];
  }
  applyOptions(obj, opts);
  if (opts?.immutable) obj.immutable = true;
  const res = newRes(obj, { path: k.path });
  res.needsHash = !opts?.disableNameSuffixHash;
  res.behavior = behaviorOf(args.behavior);
  res.generated = true;
  return res;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const key of Object.keys(v)) out[key] = scalarText(v[key]);
  return out;
}

/** kyaml SetLabels/SetAnnotations: string values, the field removed when empty. */
function setStringMap(
  obj: KObject,
  field: 'labels' | 'annotations',
  m: Record<string, string>,
): void {
  const md = meta(obj);
  if (Object.keys(m).length === 0) delete md[field];
  else md[field] = m;
}

function setDataMap(
  obj: KObject,
  field: 'data' | 'binaryData',
  m: Record<string, string>,
): void {
  if (Object.keys(m).length === 0) delete obj[field];
  else obj[field] = m;
}

/**
 * kustomize's CopyMergeMetaDataFieldsFrom: labels and annotations merged (new
 * wins), name and namespace from the old object, and all build bookkeeping
 * (previous ids, prefixes, behaviour, vars) from the old object too; the
 * content hash is kept only if both want it (kustomize drops the old
 * object's needs-hash annotation when the new one lacks it).
 */
export function copyMergeMetaDataFrom(res: Res, old: Res): void {
  setStringMap(res.obj, 'labels', {
    ...stringMap(old.obj.metadata?.labels),
    ...stringMap(res.obj.metadata?.labels),
  });
  setStringMap(res.obj, 'annotations', {
    ...stringMap(old.obj.metadata?.annotations),
    ...stringMap(res.obj.metadata?.annotations),
  });
  setName(res.obj, scalarText(old.obj.metadata?.name));
  setNamespace(res.obj, scalarText(old.obj.metadata?.namespace));
  res.prev = [...old.prev];
  res.prefixes = [...old.prefixes];
  res.suffixes = [...old.suffixes];
  // The hash flag is the old one's, and only while the new one wants a hash too.
  res.needsHash = old.needsHash && res.needsHash;
  res.behavior = old.behavior;
  res.refVars = old.refVars;
}

/**
 * Adds a generated object to the accumulator (kustomize's AbsorbAll): a new
 * id is appended; an existing one may only be merged into or replaced.
 */
export function absorb(
  ctx: RenderContext,
  list: Res[],
  res: Res,
  path: string,
): void {
  const id = curId(res);
  const matches = matchingByAnyId(list, id);
  if (matches.length === 0) {
    if (res.behavior === 'merge' || res.behavior === 'replace') {
      ctx.report(
        'error',
        res.behavior === 'merge'
          ? 'diagnostic.kustomize.generator-merge-missing'
          : 'diagnostic.kustomize.generator-replace-missing',
        { object: describeId(id) },
        path,
      );
      return;
    }
    appendResource(ctx, list, res, path);
    return;
  }
  if (matches.length > 1) {
    ctx.report(
      'error',
      'diagnostic.kustomize.generator-ambiguous',
      { object: describeId(id) },
      path,
    );
    return;
  }
  const old = matches[0];
  const behavior = res.behavior;
  if (behavior === 'replace') {
    copyMergeMetaDataFrom(res, old);
  } else if (behavior === 'merge') {
    copyMergeMetaDataFrom(res, old);
    setDataMap(res.obj, 'data', {
      ...stringMap(old.obj.data),
      ...stringMap(res.obj.data),
    });
    setDataMap(res.obj, 'binaryData', {
      ...stringMap(old.obj.binaryData),
      ...stringMap(res.obj.binaryData),
    });
  } else {
    ctx.report(
      'error',
      'diagnostic.kustomize.generator-exists',
      { object: describeId(id) },
      path,
    );
    return;
  }
  // The result takes the position of the object it replaces; a merge keeps
  // the old origin (most of the content came from there), as kustomize does.
  if (behavior === 'merge') res.origin = old.origin;
  list[list.indexOf(old)] = res;
}
