import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity tab's route. @public */
export const rootRouteRef = createRouteRef({ id: 'twelve-factor' });

/** The org-wide overview page's route. @public */
export const overviewRouteRef = createRouteRef({
  id: 'twelve-factor-overview',
});
