import { SignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Signs in with the backend's guest provider, as the legacy app does; `auto`
 * skips the provider list when the guest session can be refreshed.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props =>
          <SignInPage {...props} auto providers={['guest']} />,
      },
    }),
  ],
});
