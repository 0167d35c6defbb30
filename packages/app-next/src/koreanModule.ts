import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { twelveFactorTranslations } from '@internal/plugin-twelve-factor';

/**
 * The plugin's Korean, as the legacy app registers it; the languages offered
 * are the app-language API's config (app-config.next.yaml).
 */
export const koreanModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'twelve-factor-ko',
      params: { resource: twelveFactorTranslations },
    }),
  ],
});
