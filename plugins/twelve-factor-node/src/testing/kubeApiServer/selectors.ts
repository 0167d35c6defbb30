import { KubeObject } from './types';

/** A selector problem; the server answers it with 400 BadRequest. */
export class SelectorError extends Error {}

type LabelRequirement =
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type LabelSelector = (
  labels: Record<string, string> | undefined,
) => boolean;

// Label keys and values are restricted in Kubernetes; accepting a wider set
// here keeps error messages about real mistakes (missing parens, operators).
const TOKEN = /^[A-Za-z0-9_./-]*$/;

function checkToken(token: string, what: string, selector: string) {
  if (!TOKEN.test(token)) {
    throw new SelectorError(
      `unable to parse requirement: invalid ${what} "${token}" in "${selector}"`,
    );
  }
}

/**
 * Splits on the commas that separate requirements, not the ones inside the
 * value set of `in (a,b)` / `notin (a,b)`.
 */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0)
      throw new SelectorError(
        `unable to parse requirement: unbalanced ")" in "${selector}"`,
      );
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0)
    throw new SelectorError(
      `unable to parse requirement: unbalanced "(" in "${selector}"`,
    );
  parts.push(current);
  return parts.map(p => p.trim());
}

function parseRequirement(text: string, selector: string): LabelRequirement {
  if (!text)
    throw new SelectorError(`found '', expected: identifier in "${selector}"`);
  const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
  if (setMatch) {
    const [, key, op, list] = setMatch;
    checkToken(key, 'key', selector);
    const values = list.split(',').map(v => v.trim());
    values.forEach(v => checkToken(v, 'value', selector));
    return { key, op: op as 'in' | 'notin', values };
  }
  if (text.startsWith('!')) {
    const key = text.slice(1).trim();
    if (!key)
      throw new SelectorError(
        `found '', expected: identifier after '!' in "${selector}"`,
      );
    checkToken(key, 'key', selector);
    return { key, op: '!' };
  }
  const opMatch = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(text);
  if (opMatch) {
    const [, key, op, rawValue] = opMatch;
    const value = rawValue.trim();
    checkToken(key, 'key', selector);
    if (op === '>' || op === '<') {
      const n = Number(value);
      if (!value || !Number.isInteger(n)) {
        throw new SelectorError(
          `unable to parse requirement: for 'gt', 'lt' operators, the value must be an integer in "${selector}"`,
        );
      }
      return { key, op: op === '>' ? 'gt' : 'lt', value: n };
    }
    checkToken(value, 'value', selector);
    return { key, op: op === '!=' ? '!=' : '=', value };
  }
  if (/\s/.test(text))
    throw new SelectorError(
      `unable to parse requirement: "${text}" in "${selector}"`,
    );
  checkToken(text, 'key', selector);
  return { key: text, op: 'exists' };
}

function matches(
  req: LabelRequirement,
  labels: Record<string, string>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = labels[req.key];
  switch (req.op) {
    case 'exists':
      return has;
    case '!':
      return !has;
    case '=':
      return has && value === req.value;
    // Like the real API, != and notin also match objects without the label.
    case '!=':
      return !has || value !== req.value;
    case 'in':
      return has && req.values.includes(value);
    case 'notin':
      return !has || !req.values.includes(value);
    case 'gt':
    case 'lt': {
      const n = Number(value);
      if (!has || !Number.isInteger(n)) return false;
      return req.op === 'gt' ? n > req.value : n < req.value;
    }
    default:
      return false;
  }
}

/**
 * Parses a `labelSelector` query value with the grammar of
 * apimachinery's labels.Parse: `a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x,y)`, `a` (exists), `!a`, `a>1`, `a<1`, comma-separated (AND).
 */
export function parseLabelSelector(
  selector: string | undefined,
): LabelSelector | undefined {
  if (selector === undefined || selector.trim() === '') return undefined;
  const reqs = splitRequirements(selector).map(r =>
    parseRequirement(r, selector),
  );
  return labels => reqs.every(r => matches(r, labels ?? {}));
}

export type FieldSelector = (o: KubeObject) => boolean;

/** Fields every kind supports, plus the few extra per-kind ones the real API indexes. */
const FIELD_GETTERS: Record<string, (o: KubeObject) => unknown> = {
  'metadata.name': o => o.metadata.name,
  'metadata.namespace': o => o.metadata.namespace ?? '',
};

const KIND_FIELDS: Record<
  string,
  Record<string, (o: KubeObject) => unknown>
> = {
  Pod: {
    'spec.nodeName': o =>
      (o.spec as { nodeName?: string } | undefined)?.nodeName ?? '',
    'spec.serviceAccountName': o =>
      (o.spec as { serviceAccountName?: string } | undefined)
        ?.serviceAccountName ?? '',
    'status.phase': o =>
      (o.status as { phase?: string } | undefined)?.phase ?? '',
  },
  Secret: { type: o => o.type ?? '' },
};

/**
 * Parses a `fieldSelector`: comma-separated `field=value`, `field==value` or
 * `field!=value` on metadata.name and metadata.namespace (plus Pod
 * spec.nodeName / spec.serviceAccountName / status.phase and Secret type).
 * Unsupported fields fail as they do on a real server.
 */
export function parseFieldSelector(
  selector: string | undefined,
  kind: string,
): FieldSelector | undefined {
  if (selector === undefined || selector.trim() === '') return undefined;
  const getters = { ...FIELD_GETTERS, ...KIND_FIELDS[kind] };
  const reqs = selector.split(',').map(part => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m)
      throw new SelectorError(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    const [, field, op, value] = m;
    const get = getters[field];
    if (!get) throw new SelectorError(`field label not supported: ${field}`);
    return { get, negate: op === '!=', value };
  });
  return o => reqs.every(r => (String(r.get(o)) === r.value) !== r.negate);
}
