import { createRouteRef } from '@backstage/core-plugin-api';

/** The entity tab's route. @public */
export const rootRouteRef = createRouteRef({ id: 'twelve-factor' });
