import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { twelveFactorScorecardReadPermission } from '@internal/plugin-twelve-factor-common';

/** Which services a caller may see in the fleet view. */
export type Visibility = (entity: Entity) => boolean;

/** The caller's visibility, and a key that is the same for every caller who sees the same. */
export interface CallerVisibility {
  visible: Visibility;
  /** The decisions as text: callers with equal fingerprints see the same services. */
  fingerprint: string;
}

type Rule = {
  name: string;
  apply(entity: Entity, params: any): boolean;
  paramsSchema?: any;
};
const RULES = new Map<string, Rule>(
  (Object.values(permissionRules) as unknown as Rule[]).map(r => [r.name, r]),
);

/** A rule's params, checked once per decision (not once per entity, as createConditionAuthorizer does). */
function checkedParams(rule: Rule, params: unknown): unknown {
  const schema = rule.paramsSchema;
  if (schema && typeof schema.safeParse === 'function') {
    const parsed = schema.safeParse(params ?? {});
    if (!parsed.success)
      throw new Error(`Invalid params for rule ${rule.name}: ${parsed.error}`);
    return parsed.data;
  }
  return params;
}

/**
 * A conditional decision as a predicate over entities, with the catalog's
 * own permission rules (the ones catalog policies use). Built once per
 * answer, applied to every stored service.
 */
function compile(
  criteria: PermissionCriteria<PermissionCondition>,
): Visibility {
  if (isAndCriteria(criteria)) {
    const parts = criteria.allOf.map(compile);
    return e => parts.every(p => p(e));
  }
  if (isOrCriteria(criteria)) {
    const parts = criteria.anyOf.map(compile);
    return e => parts.some(p => p(e));
  }
  if (isNotCriteria(criteria)) {
    const inner = compile(criteria.not);
    return e => !inner(e);
  }
  const rule = RULES.get(criteria.rule);
  if (!rule)
    throw new Error(
      `Unknown permission rule '${criteria.rule}' (only the catalog's built-in rules can be applied here)`,
    );
  const params = checkedParams(rule, criteria.params);
  return e => rule.apply(e, params);
}

function predicateOf(
  decision: PolicyDecision,
  logger: LoggerService,
): boolean | Visibility {
  if (decision.result === AuthorizeResult.ALLOW) return true;
  if (decision.result !== AuthorizeResult.CONDITIONAL) return false;
  try {
    return compile(decision.conditions);
  } catch (e) {
    logger.warn(
      `A permission condition cannot be applied to the fleet view; the services it covers are hidden: ${
        (e as Error).message
      }`,
    );
    return false;
  }
}

/**
 * The caller's visibility in ONE permission request, whatever the size of
 * the fleet: the conditional decisions of `catalog.entity.read` (the
 * catalog's own visibility) and `twelve-factor.scorecard.read`, applied to
 * each stored entity with the catalog's permission rules, as the catalog
 * backend applies them to its queries. A condition this plugin cannot apply
 * (a rule another module added to the catalog) hides what it covers.
 */
export async function visibilityOf(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  logger: LoggerService,
): Promise<CallerVisibility> {
  const decisions = await permissions.authorizeConditional(
    [
      { permission: catalogEntityReadPermission },
      { permission: twelveFactorScorecardReadPermission },
    ],
    { credentials },
  );
  const fingerprint = JSON.stringify(decisions);
  const tests = decisions.map(d => predicateOf(d, logger));
  if (tests.some(t => t === false))
    return { fingerprint, visible: () => false };
  const conditional = tests.filter(
    (t): t is Visibility => typeof t === 'function',
  );
  if (conditional.length === 0) return { fingerprint, visible: () => true };
  return {
    fingerprint,
    visible: entity => {
      try {
        return conditional.every(t => t(entity));
      } catch {
        // A rule that throws on one entity hides that entity only.
        return false;
      }
    },
  };
}
