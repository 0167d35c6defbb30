/**
 * Patch targets: kustomize's `Selector` (gvk, name and namespace as anchored
 * regular expressions, plus label and annotation selectors in the Kubernetes
 * selector syntax).
 */
import { MessageError } from '../engine/diagnostic';
import { gvkOf } from './gvk';
import {
  curId,
  effectiveNamespace,
  isMap,
  orgId,
  Res,
  scalarText,
} from './resource';

/** A label or annotation selector that does not parse (kustomize's wording). */
function invalidSelector(input: string): MessageError {
  return new MessageError('diagnostic.kustomize.invalid-label-selector', {
    selector: input,
  });
}

/** A `target:` entry of a kustomization. */
export interface TargetSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

type Requirement = {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';
  values: string[];
};

/** Parses a Kubernetes label selector (`a=b,c!=d,e in (f,g),!h`). Throws on syntax errors. */
export function parseLabelSelector(input: string): Requirement[] {
  const tokens: string[] = [];
  const re = /\s*(==|!=|=|!|\(|\)|,|<|>|[^\s=!(),<>]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < input.length) {
    re.lastIndex = pos;
    m = re.exec(input);
    if (!m) {
      if (/^\s*$/.test(input.slice(pos))) break;
      throw invalidSelector(input);
    }
    tokens.push(m[1]);
    pos = re.lastIndex;
  }
  const reqs: Requirement[] = [];
  let i = 0;
  const next = () => tokens[i++];
  const isIdent = (t: string | undefined) =>
    t !== undefined && !/^(==|!=|=|!|\(|\)|,|<|>)$/.test(t);
  while (i < tokens.length) {
    let t = next();
    if (t === '!') {
      const key = next();
      if (!isIdent(key)) throw invalidSelector(input);
      reqs.push({ key, op: '!', values: [] });
    } else if (isIdent(t)) {
      const key = t;
      const op = tokens[i];
      if (op === undefined || op === ',') {
        reqs.push({ key, op: 'exists', values: [] });
      } else if (op === '=' || op === '==' || op === '!=') {
        i++;
        let value = '';
        if (isIdent(tokens[i]) && tokens[i] !== 'in' && tokens[i] !== 'notin')
          value = next();
        else if (isIdent(tokens[i])) value = next();
        reqs.push({ key, op: op === '!=' ? 'notin' : 'in', values: [value] });
      } else if (op === 'in' || op === 'notin') {
        i++;
        if (next() !== '(') throw invalidSelector(input);
        const values: string[] = [];
        for (;;) {
          t = next();
          if (t === ')') break;
          if (t === ',') continue;
          if (!isIdent(t)) throw invalidSelector(input);
          values.push(t);
        }
        reqs.push({ key, op, values });
      } else if (op === '<' || op === '>') {
        i++;
        const v = next();
        if (!isIdent(v) || !/^-?\d+$/.test(v)) throw invalidSelector(input);
        reqs.push({ key, op: op === '>' ? 'gt' : 'lt', values: [v] });
      } else {
        throw invalidSelector(input);
      }
    } else {
      throw invalidSelector(input);
    }
    if (i < tokens.length) {
      if (tokens[i] !== ',') throw invalidSelector(input);
      i++;
    }
  }
  return reqs;
}

function mapOfStrings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isMap(v)) for (const k of Object.keys(v)) out[k] = scalarText(v[k]);
  return out;
}

export function matchesLabelSelector(
  labels: unknown,
  reqs: Requirement[],
): boolean {
  const set = mapOfStrings(labels);
  return reqs.every(r => {
    const has = Object.prototype.hasOwnProperty.call(set, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'in':
        return has && r.values.includes(set[r.key]);
      case 'notin':
        return !has || !r.values.includes(set[r.key]);
      case 'gt':
        return (
          has &&
          /^-?\d+$/.test(set[r.key]) &&
          Number(set[r.key]) > Number(r.values[0])
        );
      case 'lt':
        return (
          has &&
          /^-?\d+$/.test(set[r.key]) &&
          Number(set[r.key]) < Number(r.values[0])
        );
      default:
        return false;
    }
  });
}

/** Go's regexp syntax is close enough to JavaScript's for selector patterns. */
function anchored(pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  return new RegExp(`^(?:${pattern})$`);
}

/** A compiled target selector. Throws on an invalid regex or label selector. */
export class CompiledSelector {
  private readonly group?: RegExp;
  private readonly version?: RegExp;
  private readonly kind?: RegExp;
  private readonly name?: RegExp;
  private readonly namespace?: RegExp;
  private readonly labels?: Requirement[];
  private readonly annotations?: Requirement[];

  constructor(sel: TargetSelector) {
    this.group = anchored(sel.group);
    this.version = anchored(sel.version);
    this.kind = anchored(sel.kind);
    this.name = anchored(sel.name);
    this.namespace = anchored(sel.namespace);
    if (sel.labelSelector) this.labels = parseLabelSelector(sel.labelSelector);
    if (sel.annotationSelector)
      this.annotations = parseLabelSelector(sel.annotationSelector);
  }

  /**
   * kustomize's ResMap.Select: name and namespace may match the original or
   * the current id (so overlays can target base names), gvk the current one.
   */
  matches(r: Res): boolean {
    // The gvk first: it is cheap and rules out most resources (patches usually target a kind).
    const g = gvkOf(r.obj);
    if (this.kind && !this.kind.test(g.kind)) return false;
    if (this.group && !this.group.test(g.group)) return false;
    if (this.version && !this.version.test(g.version)) return false;
    if (this.name || this.namespace) {
      const cur = curId(r);
      const org = r.prev.length === 0 ? cur : orgId(r);
      if (
        this.namespace &&
        !this.namespace.test(effectiveNamespace(org)) &&
        !this.namespace.test(effectiveNamespace(cur))
      )
        return false;
      if (this.name && !this.name.test(org.name) && !this.name.test(cur.name))
        return false;
    }
    if (
      this.labels &&
      !matchesLabelSelector(r.obj.metadata?.labels, this.labels)
    )
      return false;
    if (
      this.annotations &&
      !matchesLabelSelector(r.obj.metadata?.annotations, this.annotations)
    )
      return false;
    return true;
  }
}
