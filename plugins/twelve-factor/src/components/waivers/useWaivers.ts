import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { twelveFactorWaiverManagePermission } from '@internal/plugin-twelve-factor-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { twelveFactorApiRef } from '../../api/TwelveFactorApi';

/**
 * The entity's portal waivers and whether the signed-in user may manage
 * them. Reloads when the scorecard changes (`version`), so a waiver that
 * lapsed at the last scan shows as expired.
 */
export function useWaivers(entity: CompoundEntityRef, version: string) {
  const api = useApi(twelveFactorApiRef);
  const { allowed: canManage } = usePermission({
    permission: twelveFactorWaiverManagePermission,
    resourceRef: stringifyEntityRef(entity),
  });
  const list = useAsyncRetry(
    () => api.getWaivers(entity),
    [api, entity.kind, entity.namespace, entity.name, version],
  );
  return { canManage, list };
}
