import {
  ApiBlueprint,
  createApiRef,
  createFrontendModule,
  IconsApi,
  iconsApiRef,
} from '@backstage/frontend-plugin-api';

// The id frontend-plugin-api 1.0 gives the icons API.
const iconsApiV2Ref = createApiRef<IconsApi>().with({ id: 'core.icons.v2' });

/**
 * Serves the app's icons API under frontend-plugin-api 1.0's id as well.
 *
 * The workspace resolves @backstage/core-plugin-api to 1.13, which is built
 * on frontend-plugin-api 1.0: its useApp() looks the icons up under
 * 'core.icons.v2' and, not finding them, throws "App context is not
 * available" (the catalog's About card breaks on it, through
 * integration-react's ScmIntegrationIcon). The app plugin of Backstage 1.55
 * provides them as 'core.icons', whose API already has the 1.0 interface
 * (icon, listIconKeys), so one instance serves both. Remove this module when
 * the app moves to frontend-plugin-api 1.0.
 */
export const iconsApiBridgeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    ApiBlueprint.make({
      name: 'icons-v2',
      params: defineParams =>
        defineParams({
          api: iconsApiV2Ref,
          deps: { icons: iconsApiRef },
          factory: ({ icons }) => icons,
        }),
    }),
  ],
});
