/**
 * Label selectors: the structured form (`matchLabels`/`matchExpressions`, as
 * in Deployments, PDBs and NetworkPolicies) and the string form used by the
 * Backstage Kubernetes plugin's `backstage.io/kubernetes-label-selector`
 * annotation and by the API's `labelSelector` parameter.
 */

import { MessageError } from '../engine/diagnostic';

/** One requirement of a selector. @public */
export type LabelRequirement =
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '=' | '!='; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] };

/** The structured selector of Kubernetes objects. @public */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

/** Thrown for a selector string that does not parse; its text is a message. @public */
export class LabelSelectorError extends MessageError {}

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0)
      throw new LabelSelectorError('diagnostic.selector.unbalanced-close', {
        selector,
      });
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (depth !== 0)
    throw new LabelSelectorError('diagnostic.selector.unbalanced-open', {
      selector,
    });
  parts.push(current.trim());
  return parts;
}

const KEY = /^[A-Za-z0-9_./-]+$/;
const VALUE = /^[A-Za-z0-9_./-]*$/;

/** Parses `a=b,c!=d,e in (f,g),!h,i`. @public */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const trimmed = selector.trim();
  if (!trimmed) return [];
  return splitTopLevel(trimmed).map(text => {
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(text);
    if (set) {
      const values = set[3].split(',').map(v => v.trim());
      if (!KEY.test(set[1]) || !values.every(v => VALUE.test(v)))
        throw new LabelSelectorError(
          'diagnostic.selector.invalid-requirement',
          {
            text,
          },
        );
      return { key: set[1], op: set[2] as 'in' | 'notin', values };
    }
    if (text.startsWith('!')) {
      const key = text.slice(1).trim();
      if (!KEY.test(key))
        throw new LabelSelectorError(
          'diagnostic.selector.invalid-requirement',
          {
            text,
          },
        );
      return { key, op: '!' as const };
    }
    const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
    if (eq) {
      if (!KEY.test(eq[1]) || !VALUE.test(eq[3]))
        throw new LabelSelectorError(
          'diagnostic.selector.invalid-requirement',
          {
            text,
          },
        );
      return {
        key: eq[1],
        op: eq[2] === '!=' ? '!=' : '=',
        value: eq[3],
      } as LabelRequirement;
    }
    if (KEY.test(text)) return { key: text, op: 'exists' as const };
    throw new LabelSelectorError('diagnostic.selector.invalid-requirement', {
      text,
    });
  });
}

/** Whether labels satisfy every requirement. @public */
export function matchesRequirements(
  labels: Record<string, string> | undefined,
  reqs: ReadonlyArray<LabelRequirement>,
): boolean {
  const l = labels ?? {};
  return reqs.every(r => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
        return has && l[r.key] === r.value;
      case '!=':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      default:
        return false;
    }
  });
}

/** Requirements of a structured selector. An empty selector selects everything. @public */
export function requirementsOf(
  spec: LabelSelectorSpec | undefined | null,
): LabelRequirement[] {
  if (!spec) return [];
  const reqs: LabelRequirement[] = Object.entries(spec.matchLabels ?? {}).map(
    ([key, value]) => ({ key, op: '=' as const, value: String(value) }),
  );
  for (const e of spec.matchExpressions ?? []) {
    const op = (
      { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const
    )[e.operator];
    if (!op) continue;
    reqs.push(
      op === 'in' || op === 'notin'
        ? { key: e.key, op, values: (e.values ?? []).map(String) }
        : { key: e.key, op },
    );
  }
  return reqs;
}

/** Whether a structured selector selects labels. @public */
export function selectorMatches(
  spec: LabelSelectorSpec | undefined | null,
  labels: Record<string, string> | undefined,
): boolean {
  return matchesRequirements(labels, requirementsOf(spec));
}

/** A Service-style selector (a plain map); an empty map selects nothing, as for Services. @public */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const l = labels ?? {};
  return Object.entries(selector).every(([k, v]) => l[k] === String(v));
}
