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
import { FIELDS } from '../service/CatalogSync';

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

/** The parts of `metadata` and `spec` the store keeps of an entity (CatalogSync's FIELDS). */
function storedParts(prefix: string): Set<string> {
  return new Set(
    FIELDS.filter(f => f.startsWith(`${prefix}.`)).map(f =>
      f.slice(prefix.length + 1).toLocaleLowerCase('en-US'),
    ),
  );
}
const STORED_METADATA = storedParts('metadata');
const STORED_SPEC = storedParts('spec');

/**
 * Whether every condition reads only what the store keeps of an entity:
 * the catalog's rules on kind, ownership, labels and annotations, and
 * metadata or spec keys under the fields kept. A condition on anything
 * else would be decided wrongly on the stored entity.
 */
function decidableOnStoredEntity(
  criteria: PermissionCriteria<PermissionCondition>,
): boolean {
  if (isAndCriteria(criteria))
    return criteria.allOf.every(decidableOnStoredEntity);
  if (isOrCriteria(criteria))
    return criteria.anyOf.every(decidableOnStoredEntity);
  if (isNotCriteria(criteria)) return decidableOnStoredEntity(criteria.not);
  const keyIn = (kept: Set<string>) => {
    const key = (criteria.params as { key?: unknown } | undefined)?.key;
    return (
      typeof key === 'string' &&
      kept.has(key.split('.')[0].toLocaleLowerCase('en-US'))
    );
  };
  switch (criteria.rule) {
    case 'IS_ENTITY_KIND':
    case 'IS_ENTITY_OWNER':
    case 'HAS_LABEL':
    case 'HAS_ANNOTATION':
      return true;
    case 'HAS_METADATA':
      return keyIn(STORED_METADATA);
    case 'HAS_SPEC':
      return keyIn(STORED_SPEC);
    default:
      return false;
  }
}

/**
 * Whether the caller may read this entity's scorecard, decided in ONE
 * permission request from the entity as the store keeps it (the catalog
 * sync's copy): `catalog.entity.read` and `twelve-factor.scorecard.read`
 * allowed, their conditions applied with the catalog's rules. False means
 * "not decided here": a denial, or a condition this copy cannot answer;
 * the caller then asks the catalog, which says exactly why.
 */
export async function readableFromStoredEntity(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entity: Entity,
): Promise<boolean> {
  const decisions = await permissions.authorizeConditional(
    [
      { permission: catalogEntityReadPermission },
      { permission: twelveFactorScorecardReadPermission },
    ],
    { credentials },
  );
  return decisions.every(d => {
    if (d.result === AuthorizeResult.ALLOW) return true;
    if (d.result !== AuthorizeResult.CONDITIONAL) return false;
    const test = storedEntityTest(d.conditions);
    try {
      return test(entity);
    } catch {
      return false;
    }
  });
}

/** Conditions compiled, by their text: a caller's decisions repeat from one read to the next. */
const storedEntityTests = new Map<string, Visibility>();
const STORED_ENTITY_TESTS = 100;

/** The conditions as a test of a stored entity; false for all when the stored copy cannot decide them. */
function storedEntityTest(
  conditions: PermissionCriteria<PermissionCondition>,
): Visibility {
  // A reused decision (ConditionalDecisionCache) is the same object.
  const same = storedEntityTestsByObject.get(conditions);
  if (same) return same;
  const test = storedEntityTestOf(conditions);
  storedEntityTestsByObject.set(conditions, test);
  return test;
}
const storedEntityTestsByObject = new WeakMap<object, Visibility>();

function storedEntityTestOf(
  conditions: PermissionCriteria<PermissionCondition>,
): Visibility {
  const key = JSON.stringify(conditions);
  let test = storedEntityTests.get(key);
  if (!test) {
    try {
      test = decidableOnStoredEntity(conditions)
        ? compile(conditions)
        : () => false;
    } catch {
      // Params a rule refuses.
      test = () => false;
    }
    if (storedEntityTests.size >= STORED_ENTITY_TESTS)
      storedEntityTests.delete(storedEntityTests.keys().next().value!);
    storedEntityTests.set(key, test);
  }
  return test;
}
