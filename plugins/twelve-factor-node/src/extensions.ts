import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { FactExtractor, TwelveFactorCheck } from './engine/types';

/**
 * Lets backend modules add checks (and the facts they need) to the
 * twelve-factor plugin. Custom checks are scored and shown like built-in ones.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'twelve-factor',
 *   moduleId: 'acme-checks',
 *   register(env) {
 *     env.registerInit({
 *       deps: { checks: twelveFactorChecksExtensionPoint },
 *       async init({ checks }) { checks.addChecks(myCheck); },
 *     });
 *   },
 * });
 * ```
 * @public
 */
export interface TwelveFactorChecksExtensionPoint {
  addChecks(...checks: TwelveFactorCheck[]): void;
  addFactExtractors(...extractors: FactExtractor<any>[]): void;
}

/** @public */
export const twelveFactorChecksExtensionPoint =
  createExtensionPoint<TwelveFactorChecksExtensionPoint>({
    id: 'twelve-factor.checks',
  });
