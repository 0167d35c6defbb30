import { timingSafeEqual } from 'node:crypto';
import { Verb } from './routes';
import { StatusError, statusObject } from './status';

/** Checks `Authorization: Bearer <token>`; anything else is 401 Unauthorized. */
export function checkBearerToken(
  header: string | undefined,
  token: string,
): void {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const given = Buffer.from(match ? match[1].trim() : '');
  const expected = Buffer.from(token);
  // A real server answers a bad or missing token with this exact body.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new StatusError(statusObject(401, 'Unauthorized'));
  }
}

/**
 * A request the server refuses with 403 Forbidden, standing in for RBAC the
 * product's service account lacks. Unset fields match anything.
 */
export interface ForbidRule {
  /** Plural resource name (`secrets`, `networkpolicies`) or `*`. */
  resource: string;
  /** API group ('' for core); any group when unset. */
  group?: string;
  /** `get`, `list`, ...; any verb when unset. */
  verb?: Verb | Verb[];
  /** Only in this namespace; cluster-wide requests never match a namespaced rule. */
  namespace?: string;
  /**
   * Let metadata-only requests (`as=PartialObjectMetadata[List]`) through.
   * Real RBAC cannot tell these apart; the knob exists so a test can prove
   * the product never asks for Secret values, only for their names/labels.
   */
  allowMetadataOnly?: boolean;
}

export interface AccessRequest {
  verb: Verb;
  group: string;
  plural: string;
  namespace?: string;
  metadataOnly: boolean;
}

function ruleMatches(rule: ForbidRule, req: AccessRequest): boolean {
  if (rule.resource !== '*' && rule.resource !== req.plural) return false;
  if (rule.group !== undefined && rule.group !== req.group) return false;
  if (rule.verb !== undefined) {
    const verbs = Array.isArray(rule.verb) ? rule.verb : [rule.verb];
    if (!verbs.includes(req.verb)) return false;
  }
  if (rule.namespace !== undefined && rule.namespace !== req.namespace)
    return false;
  if (rule.allowMetadataOnly && req.metadataOnly) return false;
  return true;
}

/** The configurable stand-in for RBAC. */
export class AccessRules {
  private rules: ForbidRule[] = [];

  constructor(
    initial: readonly ForbidRule[] = [],
    private readonly userName = 'system:serviceaccount:twelve-factor:reader',
  ) {
    this.rules = [...initial];
  }

  /** Adds a rule; returns a function that removes it again. */
  forbid(rule: ForbidRule): () => void {
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter(r => r !== rule);
    };
  }

  clear(): void {
    this.rules = [];
  }

  list(): readonly ForbidRule[] {
    return this.rules;
  }

  /** Throws a 403 Status worded like the real authorizer's message. */
  check(req: AccessRequest): void {
    if (!this.rules.some(rule => ruleMatches(rule, req))) return;
    const resource = req.group ? `${req.plural}.${req.group}` : req.plural;
    const scope = req.namespace
      ? `in the namespace "${req.namespace}"`
      : 'at the cluster scope';
    throw StatusError.of(
      403,
      `${resource} is forbidden: User "${this.userName}" cannot ${req.verb} resource "${req.plural}" in API group "${req.group}" ${scope}`,
      { group: req.group || undefined, kind: req.plural },
    );
  }
}
