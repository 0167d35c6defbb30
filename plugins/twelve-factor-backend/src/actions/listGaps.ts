import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  FleetQueryError,
  parseFleetQuery,
  SCORE_BANDS,
  type FleetQuery,
  type Verdict,
} from '@internal/plugin-twelve-factor-common';
import { verdictAt } from '../database/verdictCodes';
import {
  ALL_VERDICTS,
  DEFAULT_LIST,
  definitionsById,
  entityRefInput,
  entityRefOf,
  firstSentence,
  GAP_VERDICTS,
  gapOf,
  gapSchema,
  MAX_LIST,
  rankResults,
  requireScorecard,
  truncate,
  type ActionDeps,
} from './shared';

/** The fleet filters, as the fleet page's query string names them. */
const LIST_FILTERS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'type',
  'tag',
  'namespace',
] as const;

/** The kind a bare name of these filters means (the index stores full refs). */
const REF_KIND: Partial<Record<(typeof LIST_FILTERS)[number], string>> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
};

function fullRef(value: string, kind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: kind,
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return value;
  }
}

type Input = {
  [K in (typeof LIST_FILTERS)[number]]?: string[];
} & {
  within?: string;
  band?: string[];
  checkId?: string;
  verdicts: Verdict[];
};

/** The fleet query of the input, checked as the fleet API checks its query string. */
function fleetQueryOf(input: Input): FleetQuery {
  const params = new URLSearchParams();
  for (const key of LIST_FILTERS) {
    for (const v of input[key] ?? []) {
      const kind = REF_KIND[key];
      params.append(key, kind ? fullRef(v, kind) : v);
    }
  }
  for (const b of input.band ?? []) params.append('band', b);
  if (input.within) params.set('within', input.within);
  if (input.checkId) {
    params.set('check', input.checkId);
    params.set('verdict', input.verdicts.join(','));
  }
  params.set('sort', 'name');
  try {
    return parseFleetQuery(params);
  } catch (e) {
    if (e instanceof FleetQueryError) throw new InputError(e.message);
    throw e;
  }
}

const VERDICT_RANK: Record<string, number> = {
  fail: 0,
  partial: 1,
  unknown: 2,
  waived: 3,
};

export function registerListGaps(
  registry: ActionsRegistryService,
  deps: ActionDeps,
) {
  /** One service: its own gaps, most urgent first. */
  async function serviceGaps(
    entityRef: string,
    input: Input,
    limit: number,
    credentials: BackstageCredentials,
  ) {
    const card = await requireScorecard(
      deps,
      entityRefOf(entityRef),
      credentials,
    );
    const wanted = new Set(input.verdicts);
    const gaps = rankResults(
      card.results.filter(
        r =>
          wanted.has(r.verdict) &&
          (!input.checkId || r.checkId === input.checkId),
      ),
      definitionsById(deps),
    );
    return {
      scope: 'service' as const,
      entityRef: card.entityRef,
      total: gaps.length,
      truncated: gaps.length > limit,
      gaps: gaps.slice(0, limit).map(gapOf),
    };
  }

  /** The services of the fleet with this gap, each with its own finding. */
  async function fleetCheckGaps(
    query: FleetQuery,
    limit: number,
    credentials: BackstageCredentials,
  ) {
    const { id, verdicts } = query.check!;
    const definition = definitionsById(deps).get(id);
    if (!definition)
      throw new InputError(
        `No check '${id}'; check ids look like f2-dependencies.pinned`,
      );
    const [services, findings] = await Promise.all([
      deps.fleet.services(query, credentials),
      deps.store.latestResults(id, verdicts),
    ]);
    const found = new Map(findings.map(f => [f.entityRef, f]));
    const position = deps.index.checkOrder().indexOf(id);
    const gaps = services
      .map((s, i) => {
        const finding = found.get(s.info.entityRef);
        const verdict =
          finding?.verdict ??
          (s.latest ? verdictAt(s.latest.verdicts, position) : undefined) ??
          'unknown';
        const fix = firstSentence(finding?.remediation);
        return {
          i,
          gap: {
            entityRef: s.info.entityRef,
            ...(s.info.owner ? { owner: s.info.owner } : {}),
            checkId: id,
            title: definition.title,
            area: definition.area,
            verdict,
            summary: truncate(finding?.summary ?? '', 1000),
            ...(fix ? { fix } : {}),
          },
        };
      })
      .sort(
        (a, b) =>
          VERDICT_RANK[a.gap.verdict] - VERDICT_RANK[b.gap.verdict] ||
          a.i - b.i,
      )
      .map(x => x.gap);
    return {
      scope: 'fleet' as const,
      services: services.length,
      total: gaps.length,
      truncated: gaps.length > limit,
      gaps: gaps.slice(0, limit),
    };
  }

  /** The checks the filtered fleet misses most, with how many services miss each. */
  async function fleetCheckCounts(
    query: FleetQuery,
    verdicts: Verdict[],
    limit: number,
    credentials: BackstageCredentials,
  ) {
    const services = await deps.fleet.services(query, credentials);
    const order = deps.index.checkOrder();
    const definitions = definitionsById(deps);
    const wanted = new Set(verdicts);
    const counts = order.map(() => new Map<Verdict, number>());
    const affected = order.map(() => 0);
    for (const s of services) {
      if (!s.latest) continue;
      for (let at = 0; at < order.length; at++) {
        const v = verdictAt(s.latest.verdicts, at);
        if (!v || !wanted.has(v)) continue;
        counts[at].set(v, (counts[at].get(v) ?? 0) + 1);
        affected[at]++;
      }
    }
    const checks = order
      .map((checkId, at) => ({ checkId, at }))
      .filter(({ at }) => affected[at] > 0)
      .sort(
        (a, b) =>
          affected[b.at] - affected[a.at] ||
          (definitions.get(b.checkId)?.weight ?? 1) -
            (definitions.get(a.checkId)?.weight ?? 1) ||
          a.at - b.at,
      )
      .map(({ checkId, at }) => ({
        checkId,
        title: definitions.get(checkId)?.title ?? checkId,
        area: definitions.get(checkId)?.area ?? checkId.split('.')[0],
        services: affected[at],
        counts: Object.fromEntries(counts[at]),
      }));
    return {
      scope: 'fleet' as const,
      services: services.length,
      total: checks.length,
      truncated: checks.length > limit,
      gaps: [],
      checks: checks.slice(0, limit),
      hint: 'Give checkId to list the services with that gap and their findings.',
    };
  }

  registry.register({
    name: 'list-gaps',
    title: 'List scorecard gaps of a service or of the fleet',
    description: [
      'Lists Twelve-Factor and cloud-native gaps (checks failed or partly met, unless other verdicts are asked for).',
      "With entityRef: that service's gaps, most urgent first (priority P0 to P3), each with what was found and a one-line fix.",
      'Without entityRef: the fleet, narrowed by the filters (owner, system, domain, lifecycle, type, tag, namespace, within, band) to the services the caller may read.',
      'With checkId as well, the services that have that gap, with their own findings;',
      'without checkId, the checks the fleet misses most, with how many services miss each.',
      `At most \`limit\` items (default ${DEFAULT_LIST}, at most ${MAX_LIST}); \`truncated\` says when there were more.`,
      'Needs the twelve-factor.scorecard.read permission (for the fleet, per service: others are left out).',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefInput(z)
            .optional()
            .describe(
              'One service (e.g. component:default/auto-builder-cms); leave out to ask about the fleet',
            ),
          owner: z
            .array(z.string())
            .optional()
            .describe(
              'Fleet: owners, e.g. group:default/platform-team (a bare name is a group)',
            ),
          system: z.array(z.string()).optional().describe('Fleet: systems'),
          domain: z.array(z.string()).optional().describe('Fleet: domains'),
          lifecycle: z
            .array(z.string())
            .optional()
            .describe('Fleet: lifecycles, e.g. production'),
          type: z
            .array(z.string())
            .optional()
            .describe('Fleet: component types, e.g. service'),
          tag: z.array(z.string()).optional().describe('Fleet: tags'),
          namespace: z
            .array(z.string())
            .optional()
            .describe('Fleet: catalog namespaces'),
          within: z
            .string()
            .optional()
            .describe(
              'Fleet: only the services of this group (with its child groups), system or domain, as an entity ref',
            ),
          band: z
            .array(z.enum(SCORE_BANDS as ['good', 'fair', 'poor', 'none']))
            .optional()
            .describe('Fleet: score bands (good ≥ 80, fair ≥ 50, poor below)'),
          checkId: z
            .string()
            .optional()
            .describe('Only this check, e.g. f2-dependencies.pinned'),
          verdicts: z
            .array(z.enum(GAP_VERDICTS))
            .min(1)
            .optional()
            .describe(
              'The verdicts that count as gaps; default fail and partial',
            ),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_LIST)
            .optional()
            .describe(`Most items returned (default ${DEFAULT_LIST})`),
        }),
      output: z =>
        z.object({
          scope: z.enum(['service', 'fleet']),
          entityRef: z.string().optional(),
          services: z
            .number()
            .optional()
            .describe(
              'Fleet: the services matched (with the check: those with the gap)',
            ),
          total: z.number().describe('Items found before the limit'),
          truncated: z.boolean(),
          gaps: z.array(gapSchema(z)),
          checks: z
            .array(
              z.object({
                checkId: z.string(),
                title: z.string(),
                area: z.string(),
                services: z.number().describe('Services with this gap'),
                counts: z.record(z.enum(ALL_VERDICTS), z.number()),
              }),
            )
            .optional(),
          hint: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const limit = input.limit ?? DEFAULT_LIST;
      const normalized: Input = {
        ...input,
        verdicts: input.verdicts ?? ['fail', 'partial'],
      };
      if (input.entityRef) {
        const filters = [...LIST_FILTERS, 'within', 'band'] as const;
        const mixed = filters.filter(f => input[f] !== undefined);
        if (mixed.length)
          throw new InputError(
            `Give either entityRef or fleet filters, not both (${mixed.join(
              ', ',
            )})`,
          );
        return {
          output: await serviceGaps(
            input.entityRef,
            normalized,
            limit,
            credentials,
          ),
        };
      }
      const query = fleetQueryOf(normalized);
      return {
        output: query.check
          ? await fleetCheckGaps(query, limit, credentials)
          : await fleetCheckCounts(
              query,
              normalized.verdicts,
              limit,
              credentials,
            ),
      };
    },
  });
}
