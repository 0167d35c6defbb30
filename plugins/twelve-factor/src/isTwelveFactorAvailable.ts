import type { Entity } from '@backstage/catalog-model';
import { isScorableEntity } from '@internal/plugin-twelve-factor-common';

/** Whether the tab and card apply to an entity: service and website Components. @public */
export function isTwelveFactorAvailable(entity: Entity): boolean {
  return isScorableEntity(entity);
}

/** The kinds whose pages get the fleet tab and card: their services rolled up. */
const FLEET_KINDS = new Set(['group', 'system', 'domain']);

/** Whether the fleet tab and card apply to an entity: Groups, Systems and Domains. @public */
export function isTwelveFactorFleetAvailable(entity: Entity): boolean {
  return FLEET_KINDS.has(entity.kind.toLocaleLowerCase('en-US'));
}
