import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import { WAIVER_REASON_MAX_LENGTH } from '@internal/plugin-twelve-factor-common';
import {
  ALL_VERDICTS,
  checkIdInput,
  entityRefInput,
  entityRefOf,
  readScorecard,
  type ActionDeps,
} from './shared';

export function registerCreateWaiver(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'create-waiver',
    title: 'Waive a check of a service',
    description: [
      "Records the service owners' decision that one gap is acceptable until a date:",
      'the check then counts as waived (left out of the score) until the waiver expires or is revoked in the portal.',
      'Needs a reason; the expiry is a date from today up to the configured maximum (twelveFactor.waivers.maxDays).',
      'One active waiver per check: waiving a waived check is refused.',
      'The waiver is recorded against the signed-in user, audited, and applied by a rescan before this returns.',
      'Needs the twelve-factor.waiver.manage permission on the service (usually its owners). Only do this when the user asked for it.',
    ].join(' '),
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          checkId: checkIdInput(
            z,
            'The check to waive, e.g. f2-dependencies.pinned',
          ),
          reason: z
            .string()
            .min(1)
            .max(WAIVER_REASON_MAX_LENGTH)
            .describe("Why the gap is acceptable, in the owners' words"),
          expires: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .describe('The last day the waiver is in force, YYYY-MM-DD'),
          ticket: z
            .string()
            .url()
            .optional()
            .describe('An http(s) link to the ticket that tracks the gap'),
        }),
      output: z =>
        z.object({
          waiver: z.object({
            id: z.string(),
            entityRef: z.string(),
            checkId: z.string(),
            reason: z.string(),
            expires: z.string(),
            ticket: z.string().optional(),
            author: z.string(),
            createdAt: z.string(),
            status: z.enum(['active', 'revoked', 'expired']),
          }),
          verdict: z
            .enum(ALL_VERDICTS)
            .optional()
            .describe(
              "The check's verdict after the rescan (waived once applied)",
            ),
          overall: z
            .number()
            .nullable()
            .optional()
            .describe('The overall score after the rescan'),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefOf(input.entityRef);
      // The waiver service checks twelve-factor.waiver.manage, validates and audits.
      const record = await deps.waivers.create(
        ref,
        {
          checkId: input.checkId,
          reason: input.reason,
          expires: input.expires,
          ...(input.ticket ? { ticket: input.ticket } : {}),
        },
        credentials,
      );
      let after: {
        verdict?: (typeof ALL_VERDICTS)[number];
        overall?: number | null;
      } = {};
      try {
        const card = await readScorecard(deps, ref, credentials);
        if (!('status' in card)) {
          const result = card.results.find(r => r.checkId === input.checkId);
          after = {
            ...(result ? { verdict: result.verdict } : {}),
            overall: card.overall,
          };
        }
      } catch (e) {
        // The waiver is stored: the scores are extra. One may manage a
        // waiver without the right to read the scorecard.
        if (!(e instanceof NotAllowedError))
          deps.logger.warn(
            `Reading ${ref} after waiving ${input.checkId} failed: ${
              (e as Error).message
            }`,
          );
      }
      return {
        output: {
          waiver: {
            id: record.id,
            entityRef: record.entityRef,
            checkId: record.checkId,
            reason: record.reason,
            expires: record.expires,
            ...(record.ticket ? { ticket: record.ticket } : {}),
            author: record.author,
            createdAt: record.createdAt,
            status: record.status,
          },
          ...after,
        },
      };
    },
  });
}
