/**
 * The content hash kustomize appends to generated ConfigMap and Secret names.
 *
 * Algorithm (api/hasher): encode a small object as JSON the way Go's
 * encoding/json does (keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped),
 * take the sha256 hex digest, keep its first 10 characters and replace
 * 0,1,3,a,e with g,h,k,m,t (so the suffix never looks like a number or has
 * vowels forming words). The encoded object is
 *   ConfigMap: {binaryData?, data, kind: "ConfigMap", name}
 *   Secret:    {data, kind: "Secret", name, stringData?, type}
 * where `name` is always "": kustomize looks it up with the single key
 * "metadata/name", which never exists. Missing fields encode as "".
 */
import { createHash } from 'node:crypto';
import type { KObject } from './resource';
import { isMap, scalarText } from './resource';

/** JSON as Go's encoding/json writes it. */
export function goJson(v: unknown): string {
  if (v === null || v === undefined || typeof v === 'symbol') return 'null';
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(
      /[<>&\u2028\u2029]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v as object).sort();
  return `{${keys
    .map(k => `${goJson(k)}:${goJson((v as any)[k])}`)
    .join(',')}}`;
}

/** sha256 hex, first 10 characters, with kustomize's character substitutions. */
export function encodeHash(hex: string): string {
  const subst: Record<string, string> = {
    '0': 'g',
    '1': 'h',
    '3': 'k',
    a: 'm',
    e: 't',
  };
  return hex.slice(0, 10).replace(/[013ae]/g, c => subst[c]);
}

function fieldValue(v: unknown): unknown {
  if (v === undefined) return '';
  if (v !== null && typeof v === 'object') return isMap(v) ? v : null;
  return scalarText(v);
}

/** The name suffix kustomize computes for a ConfigMap or Secret. */
export function contentHash(obj: KObject): string {
  let encoded: string;
  if (obj.kind === 'ConfigMap') {
    const m: Record<string, unknown> = {
      kind: 'ConfigMap',
      name: '',
      data: fieldValue(obj.data),
    };
    if (isMap(obj.binaryData)) m.binaryData = obj.binaryData;
    encoded = goJson(m);
  } else if (obj.kind === 'Secret') {
    const m: Record<string, unknown> = {
      kind: 'Secret',
      type: fieldValue(obj.type),
      name: '',
      data: fieldValue(obj.data),
    };
    if (isMap(obj.stringData)) m.stringData = obj.stringData;
    encoded = goJson(m);
  } else {
    encoded = goJson(obj);
  }
  return encodeHash(createHash('sha256').update(encoded, 'utf8').digest('hex'));
}
