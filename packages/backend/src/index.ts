/*
 * The Backstage backend of the dev app: the core plugins a Backstage install
 * has, plus the twelve-factor plugin.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Real sign-in: the guest provider issues user tokens through the auth backend.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// The permission framework is on (permission.enabled in app-config.yaml); the
// example policy lets everyone read and only owners manage waivers.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

backend.add(import('@internal/plugin-twelve-factor-backend'));

// AI assistants: the actions of the plugins in backend.actions.pluginSources
// (app-config.yaml) as MCP tools at /api/mcp-actions/v1, run as the caller.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
