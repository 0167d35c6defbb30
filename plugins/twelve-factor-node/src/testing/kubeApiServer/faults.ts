import { Verb } from './routes';

/**
 * A fault to inject into matching requests. Selection fields (path, resource,
 * group, namespace, verb, method) are ANDed; unset ones match anything.
 * Effects: `latencyMs` delays the answer (several matching rules add up);
 * then the first matching rule with `status` or `drop` decides the outcome.
 */
export interface FaultRule {
  /**
   * The URL path without query: a RegExp, or a glob where `*` matches within
   * one path segment and `**` matches across segments (`/apis/apps/v1/**`;
   * for "any path ending in /secrets" use the RegExp `/\/secrets$/`).
   */
  path?: string | RegExp;
  /** Plural resource name: `deployments`. */
  resource?: string;
  group?: string;
  namespace?: string;
  verb?: Verb | Verb[];
  method?: string;
  latencyMs?: number;
  /** Answer with this HTTP status and a matching Status body (429, 500, 503...). */
  status?: number;
  /** Sent as the Retry-After header (and in Status details); defaults to 1 for 429. */
  retryAfterSeconds?: number;
  message?: string;
  /**
   * Destroy the connection: `true` before any byte of the response (the
   * client sees ECONNRESET / "other side closed"), `'mid-body'` after the
   * status line, headers and half of the body (a truncated response).
   */
  drop?: boolean | 'mid-body';
  /** Apply to this many matching requests, then retire; forever when unset. */
  times?: number;
}

export interface FaultHandle {
  /** How many requests this rule has applied to. */
  readonly hits: number;
  remove(): void;
}

/** `reset`: accept TCP connections and destroy them at once; `refuse`: stop listening. */
export type DownMode = false | 'reset' | 'refuse';

export interface RequestFacts {
  method: string;
  pathname: string;
  group?: string;
  resource?: string;
  namespace?: string;
  verb?: Verb;
}

export type FaultOutcome =
  | {
      kind: 'status';
      status: number;
      retryAfterSeconds?: number;
      message?: string;
    }
  | { kind: 'drop'; midBody: boolean };

export interface FaultDecision {
  latencyMs: number;
  outcome?: FaultOutcome;
  /** Which rules matched, for the request log. */
  rules: number;
}

interface ActiveRule {
  rule: FaultRule;
  hits: number;
  pathRegex?: RegExp;
}

export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (ch === '*') {
      source += '[^/]*';
    } else {
      source += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function ruleMatches(active: ActiveRule, facts: RequestFacts): boolean {
  const { rule } = active;
  if (active.pathRegex && !active.pathRegex.test(facts.pathname)) return false;
  if (rule.resource !== undefined && rule.resource !== facts.resource)
    return false;
  if (rule.group !== undefined && rule.group !== facts.group) return false;
  if (rule.namespace !== undefined && rule.namespace !== facts.namespace)
    return false;
  if (rule.method !== undefined && rule.method.toUpperCase() !== facts.method)
    return false;
  if (rule.verb !== undefined) {
    const verbs = Array.isArray(rule.verb) ? rule.verb : [rule.verb];
    if (!facts.verb || !verbs.includes(facts.verb)) return false;
  }
  return true;
}

/** Runtime-configurable faults; the server consults it for every request. */
export class FaultInjector {
  private active: ActiveRule[] = [];
  private downMode: DownMode = false;

  constructor(private readonly applyDown: (mode: DownMode) => Promise<void>) {}

  add(rule: FaultRule): FaultHandle {
    const pathRegex =
      typeof rule.path === 'string' ? globToRegExp(rule.path) : rule.path;
    const active: ActiveRule = { rule, hits: 0, pathRegex };
    this.active.push(active);
    return {
      get hits() {
        return active.hits;
      },
      remove: () => {
        this.active = this.active.filter(a => a !== active);
      },
    };
  }

  /** Removes every rule (the down switch is separate: see setDown). */
  clear(): void {
    this.active = [];
  }

  get down(): DownMode {
    return this.downMode;
  }

  /**
   * The global switch: the whole server looks dead until set back to false.
   * `true` means `reset`. Existing keep-alive connections are cut either way.
   */
  async setDown(mode: DownMode | true): Promise<void> {
    const next: DownMode = mode === true ? 'reset' : mode;
    if (next === this.downMode) return;
    this.downMode = next;
    await this.applyDown(next);
  }

  decide(facts: RequestFacts): FaultDecision {
    let latencyMs = 0;
    let outcome: FaultOutcome | undefined;
    let rules = 0;
    for (const active of [...this.active]) {
      if (!ruleMatches(active, facts)) continue;
      const { rule } = active;
      active.hits++;
      rules++;
      if (rule.times !== undefined && active.hits >= rule.times) {
        this.active = this.active.filter(a => a !== active);
      }
      latencyMs += rule.latencyMs ?? 0;
      if (outcome) continue;
      if (rule.drop) {
        outcome = { kind: 'drop', midBody: rule.drop === 'mid-body' };
      } else if (rule.status !== undefined) {
        outcome = {
          kind: 'status',
          status: rule.status,
          retryAfterSeconds:
            rule.retryAfterSeconds ?? (rule.status === 429 ? 1 : undefined),
          message: rule.message,
        };
      }
    }
    return { latencyMs, outcome, rules };
  }
}
