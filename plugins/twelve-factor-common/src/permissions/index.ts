import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type, as RESOURCE_TYPE_CATALOG_ENTITY of
 * @backstage/plugin-catalog-common/alpha defines it; spelled out so that this
 * isomorphic package does not pull the catalog model into the CLI's start-up.
 */
const RESOURCE_TYPE_CATALOG_ENTITY = 'catalog-entity';

/**
 * Read an entity's scorecard. A resource permission on the catalog entity,
 * so that policies can use the catalog's rules (e.g. "only owners").
 * @public
 */
export const twelveFactorScorecardReadPermission = createPermission({
  name: 'twelve-factor.scorecard.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** Trigger a re-scan of an entity. @public */
export const twelveFactorScorecardRefreshPermission = createPermission({
  name: 'twelve-factor.scorecard.refresh',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Grant or revoke a waiver of one of an entity's checks from the portal. A
 * resource permission on the catalog entity: the example app's policy lets
 * only the entity's owners manage waivers.
 * @public
 */
export const twelveFactorWaiverManagePermission = createPermission({
  name: 'twelve-factor.waiver.manage',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** All permissions of the plugin. @public */
export const twelveFactorPermissions = [
  twelveFactorScorecardReadPermission,
  twelveFactorScorecardRefreshPermission,
  twelveFactorWaiverManagePermission,
];
