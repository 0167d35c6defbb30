/*
 * What the values files of a remote Helm chart say about the objects the
 * chart would render, read from well-known chart keys only, and only when
 * their meaning is unambiguous: a key the values leave out says nothing
 * (the chart's default is not known).
 */
import { Document, parseDocument } from 'yaml';

/** A setting as one release's values for one environment leave it. */
export type Setting = 'on' | 'partly' | 'off';

export interface Found {
  setting: Setting;
  /** The value as written, for the note. */
  value: string;
  path: string;
  line?: number;
}

const plain = new WeakMap<Document, unknown>();

/** The value under a path of keys, as plain data (getIn gives collections as nodes). */
function jsIn(doc: Document, keys: string[]): unknown {
  if (!plain.has(doc)) plain.set(doc, doc.toJS());
  let v = plain.get(doc);
  for (const k of keys) {
    if (!isMap(v)) return undefined;
    v = v[k];
  }
  return v;
}

function lineAt(doc: Document, text: string, keys: string[]) {
  // The key's line: `resources:` rather than the first line of its map.
  const parent = (
    keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents
  ) as { items?: Array<{ key?: { value?: unknown; range?: number[] } }> };
  const pair = parent?.items?.find(p => p.key?.value === keys[keys.length - 1]);
  const pos = pair?.key?.range?.[0];
  return pos === undefined ? undefined : text.slice(0, pos).split('\n').length;
}

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown) => isMap(v) && Object.keys(v).length > 0;

/** `<key>.enabled: true|false`, under the first of the keys the values write. */
function switchedOn(
  keys: string[][],
): (doc: Document, text: string, path: string) => Found | undefined {
  return (doc, text, path) => {
    for (const k of keys) {
      const v = jsIn(doc, k);
      if (typeof v !== 'boolean') continue;
      return {
        setting: v ? 'on' : 'off',
        value: `${k.join('.')}: ${v}`,
        path,
        line: lineAt(doc, text, k),
      };
    }
    return undefined;
  };
}

/** A probe written out (its `enabled` not false), or switched off. */
function probe(key: string) {
  return (doc: Document, text: string, path: string): Found | undefined => {
    const v = jsIn(doc, [key]);
    if (!isMap(v)) return undefined;
    if (v.enabled === false)
      return {
        setting: 'off',
        value: `${key}.enabled: false`,
        path,
        line: lineAt(doc, text, [key]),
      };
    if (v.enabled === true || filled({ ...v, enabled: undefined }))
      return {
        setting: 'on',
        value: key,
        path,
        line: lineAt(doc, text, [key]),
      };
    return undefined;
  };
}

function resources(
  doc: Document,
  text: string,
  path: string,
): Found | undefined {
  const r = jsIn(doc, ['resources']);
  if (!filled(r)) return undefined;
  const req = isMap((r as any).requests) ? (r as any).requests : {};
  const lim = isMap((r as any).limits) ? (r as any).limits : {};
  const wanted = [req.cpu, req.memory, lim.memory];
  const set = wanted.filter(x => x !== undefined && x !== null && x !== '');
  if (!set.length) return undefined;
  return {
    setting: set.length === wanted.length ? 'on' : 'partly',
    value: 'resources',
    path,
    line: lineAt(doc, text, ['resources']),
  };
}

function autoscaling(
  doc: Document,
  text: string,
  path: string,
): Found | undefined {
  const enabled = jsIn(doc, ['autoscaling', 'enabled']);
  if (typeof enabled !== 'boolean') return undefined;
  const min = Number(jsIn(doc, ['autoscaling', 'minReplicas']));
  return {
    setting: !enabled ? 'off' : min >= 2 ? 'on' : 'partly',
    value:
      enabled && min
        ? `autoscaling.minReplicas: ${min}`
        : `autoscaling.enabled: ${enabled}`,
    path,
    line: lineAt(doc, text, ['autoscaling']),
  };
}

export const PINNED =
  /^(v?\d+\.\d+(\.\d+)?([-+][\w.-]+)?|[0-9a-f]{7,40}|sha256:[0-9a-f]{64})$/;

function imageTag(
  doc: Document,
  text: string,
  path: string,
): Found | undefined {
  const digest = jsIn(doc, ['image', 'digest']);
  if (typeof digest === 'string' && digest)
    return {
      setting: 'on',
      value: `image.digest: ${digest}`,
      path,
      line: lineAt(doc, text, ['image', 'digest']),
    };
  const tag = jsIn(doc, ['image', 'tag']);
  if (typeof tag !== 'string' && typeof tag !== 'number') return undefined;
  const t = String(tag);
  const setting = PINNED.test(t) ? 'on' : t === 'latest' ? 'off' : undefined;
  return setting
    ? {
        setting,
        value: `image.tag: ${t}`,
        path,
        line: lineAt(doc, text, ['image', 'tag']),
      }
    : undefined;
}

/** The settings a values file writes, by name. @public */
export type ValuesSettings = Partial<Record<ValuesSettingName, Found>>;

/** @public */
export type ValuesSettingName =
  | 'resources'
  | 'livenessProbe'
  | 'readinessProbe'
  | 'podDisruptionBudget'
  | 'autoscaling'
  | 'image.tag';

const READERS: Record<
  ValuesSettingName,
  (doc: Document, text: string, path: string) => Found | undefined
> = {
  resources,
  livenessProbe: probe('livenessProbe'),
  readinessProbe: probe('readinessProbe'),
  podDisruptionBudget: switchedOn([
    ['podDisruptionBudget', 'enabled'],
    ['pdb', 'enabled'],
    ['pdb', 'create'],
  ]),
  autoscaling,
  'image.tag': imageTag,
};

/** The well-known settings a values file writes (none when it is not YAML). */
export function valuesSettings(path: string, text: string): ValuesSettings {
  let doc: Document;
  try {
    doc = parseDocument(text);
  } catch {
    return {};
  }
  if (doc.errors.length) return {};
  const out: ValuesSettings = {};
  for (const [name, read] of Object.entries(READERS)) {
    const found = read(doc, text, path);
    if (found) out[name as ValuesSettingName] = found;
  }
  return out;
}

/**
 * The well-known settings of values written inline (an Argo CD
 * Application's `helm.values` text or `valuesObject`, a helmfile release's
 * map), at `line` of `path`: a text's lines count from the line after.
 */
export function inlineValuesSettings(
  value: unknown,
  path: string,
  line: number,
): ValuesSettings {
  const out: ValuesSettings = {};
  if (typeof value === 'string') {
    for (const [name, found] of Object.entries(valuesSettings(path, value)))
      out[name as ValuesSettingName] = {
        ...found,
        line: line + (found.line ?? 0),
      };
    return out;
  }
  if (!isMap(value)) return out;
  const doc = new Document(value);
  for (const [name, read] of Object.entries(READERS)) {
    const found = read(doc, '', path);
    if (found) out[name as ValuesSettingName] = { ...found, line };
  }
  return out;
}
