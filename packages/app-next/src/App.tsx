import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import twelveFactorPlugin from '@internal/plugin-twelve-factor/alpha';
import { iconsApiBridgeModule } from './iconsApiBridgeModule';
import { koreanModule } from './koreanModule';
import { signInModule } from './signInModule';

// Everything else (the permission, SCM integrations, fetch and discovery
// APIs, the layout and the sidebar) comes with the app plugin that createApp
// installs by default.
export default createApp({
  features: [
    catalogPlugin,
    orgPlugin,
    twelveFactorPlugin,
    signInModule,
    iconsApiBridgeModule,
    koreanModule,
  ],
});
