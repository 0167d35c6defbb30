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
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { twelveFactorScorecardReadPermission } from '@internal/plugin-twelve-factor-common';

/** Applies a catalog conditional decision to an entity, with the catalog's own rules. */
const authorizeEntity = createConditionAuthorizer<Entity, unknown>(
  Object.values(permissionRules) as any,
);

/** Which services a caller may see in the fleet view. */
export type Visibility = (entity: Entity) => boolean;

/**
 * The caller's visibility in ONE permission request, whatever the size of
 * the fleet: the conditional decisions of `catalog.entity.read` (the
 * catalog's own visibility) and `twelve-factor.scorecard.read`, applied to
 * each stored entity with the catalog's permission rules, as the catalog
 * backend applies them to its queries. A condition this plugin cannot
 * apply (a rule another module added to the catalog) hides the entity,
 * and is logged once per request.
 */
export async function visibilityOf(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  logger: LoggerService,
): Promise<Visibility> {
  const decisions = await permissions.authorizeConditional(
    [
      { permission: catalogEntityReadPermission },
      { permission: twelveFactorScorecardReadPermission },
    ],
    { credentials },
  );
  const tests = decisions.map(d => predicateOf(d, logger));
  if (tests.some(t => t === false)) return () => false;
  const conditional = tests.filter(
    (t): t is Visibility => typeof t === 'function',
  );
  if (conditional.length === 0) return () => true;
  return entity => conditional.every(t => t(entity));
}

function predicateOf(
  decision: PolicyDecision,
  logger: LoggerService,
): boolean | Visibility {
  if (decision.result === AuthorizeResult.ALLOW) return true;
  if (decision.result === AuthorizeResult.DENY) return false;
  let warned = false;
  return entity => {
    try {
      return authorizeEntity(decision, entity);
    } catch (e) {
      if (!warned) {
        warned = true;
        logger.warn(
          `A permission condition could not be applied to the fleet view; entities it covers are hidden: ${
            (e as Error).message
          }`,
        );
      }
      return false;
    }
  };
}
