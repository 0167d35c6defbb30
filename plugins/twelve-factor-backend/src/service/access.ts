import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Asks the permission framework whether the caller may do something to an
 * entity, and throws NotAllowedError (403) if not. One place for the HTTP
 * routes and the actions, so an action can never be laxer than its route.
 */
export async function authorizeEntity(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'> | BasicPermission,
  resourceRef: string,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef } as any],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Not allowed to ${permission.name} ${resourceRef}`,
    );
  }
}
