import type { Entity } from '@backstage/catalog-model';
import { isScorableEntity } from '@internal/plugin-twelve-factor-common';

/** Whether the tab and card apply to an entity: service and website Components. @public */
export function isTwelveFactorAvailable(entity: Entity): boolean {
  return isScorableEntity(entity);
}
