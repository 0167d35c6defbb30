import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  computeScores,
  getArea,
  GROUPS,
  priorityOf,
  type CheckDefinition,
  type CheckResult,
  type Evidence,
  type Scorecard,
} from '@internal/plugin-twelve-factor-common';
import {
  ALL_VERDICTS,
  definitionsById,
  checkIdInput,
  entityRefInput,
  entityRefOf,
  MAX_EVIDENCE,
  PRIORITIES,
  requireScorecard,
  truncate,
  type ActionDeps,
} from './shared';

const SNIPPET_LANGUAGES = [
  'yaml',
  'dockerfile',
  'python',
  'typescript',
  'javascript',
  'go',
  'java',
  'shell',
  'text',
  'toml',
  'json',
] as const;

/** Where a piece of evidence is, in one line. */
function locationOf(e: Evidence): string {
  switch (e.type) {
    case 'file': {
      let at = e.path;
      if (e.startLine) {
        at += `:${e.startLine}`;
        if (e.endLine && e.endLine !== e.startLine) at += `-${e.endLine}`;
      }
      return e.target ? `${at} (${e.target})` : at;
    }
    case 'cluster-object':
      return `${e.cluster}/${e.namespace ?? '-'} ${e.kind}/${e.name}${
        e.fieldPath ? ` ${e.fieldPath}` : ''
      }`;
    case 'catalog':
      return e.value === undefined ? e.field : `${e.field} = ${e.value}`;
    default:
      return 'unknown';
  }
}

/**
 * What meeting the check would do to the scores: the same computation the
 * engine makes, with this result passed.
 */
function impactOf(
  card: Scorecard,
  result: CheckResult,
  definitions: ReadonlyMap<string, CheckDefinition>,
) {
  if (result.verdict !== 'fail' && result.verdict !== 'partial')
    return undefined;
  const weightOf = (id: string) => definitions.get(id)?.weight;
  const passed = computeScores(
    card.results.map(r =>
      r.checkId === result.checkId ? { ...r, verdict: 'pass' as const } : r,
    ),
    weightOf,
  );
  return {
    area: card.areas.find(a => a.areaId === result.area)?.score ?? null,
    areaIfMet: passed.areas.find(a => a.areaId === result.area)?.score ?? null,
    overall: card.overall,
    overallIfMet: passed.overall,
  };
}

export function registerExplainCheck(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  registry.register({
    name: 'explain-check',
    title: 'Explain one check of a service',
    description: [
      "Explains one Twelve-Factor or cloud-native check for one service, from the service's latest scan:",
      'what the scan found (verdict, finding, evidence with file paths and lines or cluster objects),',
      'why it matters (the principle, what meeting it takes, and what meeting it would do to the scores),',
      'and how to fix it in this service (remediation text, documentation link, and a ready-to-apply snippet with the file it goes in, when there is one).',
      'Find check ids with list-gaps or get-scorecard-summary.',
      'Needs the twelve-factor.scorecard.read permission on the service.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z),
          checkId: checkIdInput(z, 'The check, e.g. f2-dependencies.pinned'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          generatedAt: z.string().describe('When the service was scanned'),
          checkId: z.string(),
          title: z.string(),
          area: z.string(),
          areaTitle: z.string(),
          group: z.string(),
          weight: z.number().describe('1 normal, 2 emphasised'),
          priority: z.enum(PRIORITIES),
          verdict: z.enum(ALL_VERDICTS),
          finding: z.string().describe('What the scan found'),
          reason: z
            .string()
            .optional()
            .describe('Why the check is unknown or waived'),
          evidence: z.array(
            z.object({
              type: z.enum(['file', 'cluster-object', 'catalog']),
              location: z.string(),
              note: z.string().optional(),
            }),
          ),
          evidenceTotal: z.number(),
          whyItMatters: z.string(),
          criteria: z
            .object({
              pass: z.string().optional(),
              partial: z.string().optional(),
              fail: z.string().optional(),
              unknown: z.string().optional(),
            })
            .describe('What each verdict means for this check'),
          scoreImpact: z
            .object({
              area: z.number().nullable(),
              areaIfMet: z.number().nullable(),
              overall: z.number().nullable(),
              overallIfMet: z.number().nullable(),
            })
            .optional()
            .describe('The scores now and if the check were met'),
          docsUrl: z.string(),
          howToFix: z
            .object({
              text: z.string(),
              docsUrl: z.string(),
              snippet: z
                .object({
                  path: z
                    .string()
                    .optional()
                    .describe('The file, relative to the repository root'),
                  action: z.enum(['create', 'modify']).optional(),
                  language: z.enum(SNIPPET_LANGUAGES),
                  content: z.string(),
                })
                .optional(),
            })
            .optional(),
          waiver: z
            .object({
              reason: z.string(),
              expires: z.string().optional(),
              origin: z.enum(['repository', 'portal']).optional(),
              author: z.string().optional(),
              ticket: z.string().optional(),
            })
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = entityRefOf(input.entityRef);
      const definitions = definitionsById(deps);
      const definition = definitions.get(input.checkId);
      if (!definition)
        throw new InputError(
          `No check '${input.checkId}'; check ids look like f2-dependencies.pinned`,
        );
      const card = await requireScorecard(deps, ref, credentials);
      const result = card.results.find(r => r.checkId === input.checkId);
      if (!result)
        throw new NotFoundError(
          `The latest scan of ${card.entityRef} has no result for ${input.checkId}`,
        );
      const area = getArea(result.area);
      const areaTitle = area?.title ?? result.area;
      const group =
        GROUPS.find(g => g.id === area?.group)?.title ?? 'Custom checks';
      const impact = impactOf(card, result, definitions);
      const why = [
        `${group}, ${areaTitle}: ${definition.title}.`,
        definition.criteria.pass
          ? `It is met when ${definition.criteria.pass}.`
          : '',
        definition.weight > 1
          ? 'The check catalog emphasises it (weight 2): it counts double in its area.'
          : '',
        impact && impact.overallIfMet !== null
          ? `Meeting it would take the ${areaTitle} score from ${impact.area} to ${impact.areaIfMet} and the overall score from ${impact.overall} to ${impact.overallIfMet}.`
          : '',
        `See ${definition.docsUrl}.`,
      ]
        .filter(Boolean)
        .join(' ');
      const snippet = result.remediation?.snippet;
      const waiver = result.waiver;
      return {
        output: {
          entityRef: card.entityRef,
          generatedAt: card.generatedAt,
          checkId: result.checkId,
          title: definition.title,
          area: result.area,
          areaTitle,
          group,
          weight: definition.weight,
          priority: priorityOf(result, definition),
          verdict: result.verdict,
          finding: truncate(result.summary),
          ...(result.reason ? { reason: truncate(result.reason) } : {}),
          evidence: result.evidence.slice(0, MAX_EVIDENCE).map(e => ({
            type: e.type,
            location: truncate(locationOf(e), 1000),
            ...(e.note ? { note: truncate(e.note, 1000) } : {}),
          })),
          evidenceTotal: result.evidence.length,
          whyItMatters: why,
          criteria: definition.criteria,
          ...(impact ? { scoreImpact: impact } : {}),
          docsUrl: definition.docsUrl,
          ...(result.remediation
            ? {
                howToFix: {
                  text: truncate(result.remediation.text),
                  docsUrl: result.remediation.docsUrl,
                  ...(snippet
                    ? {
                        snippet: {
                          ...(snippet.path ? { path: snippet.path } : {}),
                          ...(snippet.action ? { action: snippet.action } : {}),
                          language: snippet.language,
                          content: truncate(snippet.content),
                        },
                      }
                    : {}),
                },
              }
            : {}),
          ...(waiver
            ? {
                waiver: {
                  reason: waiver.reason,
                  ...(waiver.expires ? { expires: waiver.expires } : {}),
                  ...(waiver.origin ? { origin: waiver.origin } : {}),
                  ...(waiver.author ? { author: waiver.author } : {}),
                  ...(waiver.ticket ? { ticket: waiver.ticket } : {}),
                },
              }
            : {}),
        },
      };
    },
  });
}
