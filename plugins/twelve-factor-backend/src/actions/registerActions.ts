import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerCreateWaiver } from './createWaiver';
import { registerExplainCheck } from './explainCheck';
import { registerGetScorecardSummary } from './getScorecardSummary';
import { registerListGaps } from './listGaps';
import { registerRequestRescan } from './requestRescan';
import type { ActionDeps } from './shared';

export type { ActionDeps } from './shared';

/**
 * The plugin's actions, for AI assistants through the MCP actions backend
 * (and any other user of the actions registry). Each runs with the caller's
 * credentials and checks the same permissions as the HTTP route it mirrors.
 */
export function registerTwelveFactorActions(
  registry: ActionsRegistryService,
  deps: ActionDeps,
): void {
  registerGetScorecardSummary(registry, deps);
  registerListGaps(registry, deps);
  registerExplainCheck(registry, deps);
  registerRequestRescan(registry, deps);
  registerCreateWaiver(registry, deps);
}
