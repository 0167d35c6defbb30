import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  summarizeScorecard,
  twelveFactorScorecardRefreshPermission,
  type Scorecard,
} from '@internal/plugin-twelve-factor-common';
import { authorizeEntity } from '../service/access';
import {
  ALL_VERDICTS,
  entityRefInput,
  entityRefOf,
  type ActionDeps,
} from './shared';

/**
 * How long the action waits for the scan: below the MCP clients' usual
 * 60-second request timeout. A longer scan goes on and stores its result.
 */
export const RESCAN_WAIT_MS = 30_000;

export function registerRequestRescan(
  registry: ActionsRegistryService,
  deps: ActionDeps,
  options: { waitMs?: number } = {},
) {
  const waitMs = options.waitMs ?? RESCAN_WAIT_MS;
  registry.register({
    name: 'request-rescan',
    title: 'Rescan a service',
    description: [
      "Scans a service again from its repository and clusters, as the scorecard's refresh button does, for example after a fix was merged.",
      `By default waits for the scan (up to ${Math.round(
        waitMs / 1000,
      )} seconds) and returns the new scores;`,
      'a longer scan goes on and its result is stored (ask get-scorecard-summary later).',
      'With wait false, only queues the scan.',
      'Needs the twelve-factor.scorecard.refresh permission on the service.',
    ].join(' '),
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          wait: z
            .boolean()
            .optional()
            .describe(
              'Wait for the scan and return the new scores (default true)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: z
            .enum(['scanned', 'scanning', 'queued'])
            .describe('scanned: the scores below are new'),
          message: z.string(),
          generatedAt: z.string().optional(),
          overall: z.number().nullable().optional(),
          twelveFactor: z.number().nullable().optional(),
          cloudNative: z.number().nullable().optional(),
          counts: z.record(z.enum(ALL_VERDICTS), z.number()).optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefOf(input.entityRef);
      await authorizeEntity(
        deps.permissions,
        credentials,
        twelveFactorScorecardRefreshPermission,
        ref,
      );
      if (input.wait === false) {
        // The entity as the caller sees it: not found or not scored is said now.
        await deps.scorecards.entity(ref, credentials);
        const status = deps.scorecards.queue.enqueue(ref);
        if (status === 'full')
          throw new ServiceUnavailableError(
            `The scan queue is full; the next fleet scan will score ${ref}.`,
          );
        return {
          output: {
            entityRef: ref,
            status,
            message: `${ref} is ${status} for a scan.`,
          },
        };
      }
      const scan = deps.scorecards.refresh(ref, credentials);
      let stop = () => {};
      const timedOut = new Promise<undefined>(resolve => {
        const timer = setTimeout(resolve, waitMs);
        stop = () => clearTimeout(timer);
      });
      let card: Scorecard | undefined;
      try {
        card = await Promise.race([scan, timedOut]);
      } finally {
        stop();
      }
      if (!card) {
        // Nobody awaits the scan any more: its failure is only logged.
        scan.catch(e =>
          deps.logger.warn(`Rescan of ${ref} failed: ${(e as Error).message}`),
        );
        return {
          output: {
            entityRef: ref,
            status: 'scanning' as const,
            message: `${ref} is still being scanned; its result is stored when done (ask get-scorecard-summary).`,
          },
        };
      }
      const summary = summarizeScorecard(card);
      return {
        output: {
          entityRef: card.entityRef,
          status: 'scanned' as const,
          message: `${card.entityRef} was scanned.`,
          generatedAt: card.generatedAt,
          overall: summary.overall,
          twelveFactor: summary.twelveFactor,
          cloudNative: summary.cloudNative,
          counts: summary.counts,
        },
      };
    },
  });
}
