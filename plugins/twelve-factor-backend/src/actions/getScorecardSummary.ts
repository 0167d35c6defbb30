import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  AREAS,
  bandOf,
  SCORE_BANDS,
  summarizeScorecard,
} from '@internal/plugin-twelve-factor-common';
import {
  ALL_VERDICTS,
  definitionsById,
  entityRefInput,
  entityRefOf,
  gapOf,
  gapSchema,
  rankResults,
  readScorecard,
  type ActionDeps,
} from './shared';

/** The gaps a summary names; list-gaps has the rest. */
const TOP_GAPS = 5;

export function registerGetScorecardSummary(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'get-scorecard-summary',
    title: 'Get a service scorecard summary',
    description: [
      "Summarises a catalog service's Twelve-Factor and cloud-native scorecard:",
      'overall, Twelve-Factor and cloud-native scores (percent, null when nothing was decided),',
      'the score band, verdict counts, every area with its score, and the five most urgent gaps.',
      'Reads the stored result of the latest scan; before the first scan it says the scan is queued.',
      'Use list-gaps for every gap and explain-check for one gap in detail.',
      'Needs the twelve-factor.scorecard.read permission on the service.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: z
            .enum(['scored', 'queued', 'scanning'])
            .describe('queued or scanning: no scorecard yet, ask again soon'),
          message: z.string().optional(),
          generatedAt: z.string().optional().describe('When it was scanned'),
          overall: z.number().nullable().optional(),
          twelveFactor: z.number().nullable().optional(),
          cloudNative: z.number().nullable().optional(),
          band: z
            .enum(SCORE_BANDS as ['good', 'fair', 'poor', 'none'])
            .optional()
            .describe('good ≥ 80, fair ≥ 50, poor below'),
          counts: z.record(z.enum(ALL_VERDICTS), z.number()).optional(),
          areas: z
            .array(
              z.object({
                areaId: z.string(),
                title: z.string(),
                group: z.string(),
                score: z.number().nullable(),
                fail: z.number(),
                partial: z.number(),
              }),
            )
            .optional(),
          gapCount: z
            .number()
            .optional()
            .describe('Checks failed or partly met'),
          topGaps: z.array(gapSchema(z)).optional(),
          diagnostics: z
            .object({ errors: z.number(), warnings: z.number() })
            .optional()
            .describe(
              'Problems of the scan itself (unreadable files, clusters)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefOf(input.entityRef);
      const card = await readScorecard(deps, ref, credentials);
      if ('status' in card) {
        return {
          output: {
            entityRef: card.entityRef,
            status: card.status,
            message: card.message,
          },
        };
      }
      const summary = summarizeScorecard(card);
      const gaps = rankResults(
        card.results.filter(
          r => r.verdict === 'fail' || r.verdict === 'partial',
        ),
        definitionsById(deps),
      );
      return {
        output: {
          entityRef: card.entityRef,
          status: 'scored' as const,
          generatedAt: card.generatedAt,
          overall: summary.overall,
          twelveFactor: summary.twelveFactor,
          cloudNative: summary.cloudNative,
          band: bandOf(summary.overall),
          counts: summary.counts,
          areas: card.areas.map(a => ({
            areaId: a.areaId,
            title: AREAS.find(d => d.id === a.areaId)?.title ?? a.areaId,
            group: a.group,
            score: a.score,
            fail: a.counts.fail,
            partial: a.counts.partial,
          })),
          gapCount: gaps.length,
          topGaps: gaps.slice(0, TOP_GAPS).map(gapOf),
          diagnostics: {
            errors: card.diagnostics.filter(d => d.level === 'error').length,
            warnings: card.diagnostics.filter(d => d.level === 'warning')
              .length,
          },
        },
      };
    },
  });
}
