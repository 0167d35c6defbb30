import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  priorityOf,
  twelveFactorScorecardReadPermission,
  type CheckDefinition,
  type CheckResult,
  type Priority,
  type Scorecard,
  type ScorecardPending,
} from '@internal/plugin-twelve-factor-common';
import type { ScorecardStore } from '../database/ScorecardStore';
import type { FleetIndex } from '../fleet/FleetIndex';
import type { FleetService } from '../fleet/FleetService';
import { authorizeEntity } from '../service/access';
import type { ScorecardService } from '../service/ScorecardService';
import type { WaiverService } from '../waivers/WaiverService';

/** The zod the registry hands to schema factories (zod/v3), without importing zod here. */
export type Zod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];

/** What the actions use of the plugin: the same services as the HTTP routes. */
export interface ActionDeps {
  permissions: PermissionsService;
  scorecards: Pick<ScorecardService, 'get' | 'refresh' | 'entity' | 'queue'>;
  fleet: Pick<FleetService, 'services'>;
  index: Pick<FleetIndex, 'checkOrder'>;
  store: Pick<ScorecardStore, 'latestResults'>;
  waivers: Pick<WaiverService, 'create'>;
  /** The check catalog, custom checks included. */
  checks: () => ReadonlyArray<CheckDefinition>;
  logger: LoggerService;
}

/** Lists longer than an assistant needs are cut here, and the answer says so. */
export const MAX_LIST = 100;
export const DEFAULT_LIST = 20;
/** Evidence items shown per check. */
export const MAX_EVIDENCE = 10;
/** Longer snippets and texts are cut (a snippet is a template, rarely near this). */
export const MAX_TEXT = 8_000;

/** `auto-builder-cms` and `component:default/auto-builder-cms` name the same service. */
export function entityRefOf(input: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(input.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `'${input}' is not an entity ref (e.g. component:default/auto-builder-cms)`,
    );
  }
}

/** The stored scorecard or the queue status, if the caller may read the entity's scorecard. */
export async function readScorecard(
  deps: ActionDeps,
  ref: string,
  credentials: BackstageCredentials,
): Promise<Scorecard | ScorecardPending> {
  await authorizeEntity(
    deps.permissions,
    credentials,
    twelveFactorScorecardReadPermission,
    ref,
  );
  return deps.scorecards.get(ref, credentials);
}

/** The stored scorecard; before the first scan, a 503 that says when to ask again. */
export async function requireScorecard(
  deps: ActionDeps,
  ref: string,
  credentials: BackstageCredentials,
): Promise<Scorecard> {
  const card = await readScorecard(deps, ref, credentials);
  if ('status' in card)
    throw new ServiceUnavailableError(
      `${card.message} Ask again in a minute (get-scorecard-summary shows when it is scored).`,
    );
  return card;
}

export function truncate(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [cut]`;
}

/** The first sentence of a text, as a one-line fix. */
export function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(.+?[.!?])(\s|$)/s.exec(text);
  return truncate(m ? m[1] : text, 500);
}

const PRIORITY_ORDER: Record<Priority, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };
const VERDICT_ORDER: Record<string, number> = {
  fail: 0,
  partial: 1,
  unknown: 2,
  waived: 3,
  pass: 4,
};

/** A result with what an assistant needs to rank it. */
export interface RankedResult {
  result: CheckResult;
  definition?: CheckDefinition;
  priority: Priority;
}

/** Results, most urgent first: priority, then fail before partial, then catalog order. */
export function rankResults(
  results: ReadonlyArray<CheckResult>,
  definitions: ReadonlyMap<string, CheckDefinition>,
): RankedResult[] {
  return results
    .map((result, i) => {
      const definition = definitions.get(result.checkId);
      return {
        result,
        definition,
        priority: priorityOf(result, definition),
        i,
      };
    })
    .sort(
      (a, b) =>
        PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
        VERDICT_ORDER[a.result.verdict] - VERDICT_ORDER[b.result.verdict] ||
        a.i - b.i,
    )
    .map(({ i: _i, ...ranked }) => ranked);
}

export function definitionsById(
  deps: ActionDeps,
): ReadonlyMap<string, CheckDefinition> {
  return new Map(deps.checks().map(c => [c.id, c]));
}

/** Verdict words, for input schemas. */
export const GAP_VERDICTS = ['fail', 'partial', 'unknown', 'waived'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const ALL_VERDICTS = [
  'pass',
  'partial',
  'fail',
  'unknown',
  'waived',
] as const;

/** The entity input every per-service action takes. */
export function entityRefInput(z: Zod) {
  return z
    .string()
    .min(1)
    .max(300)
    .describe(
      'The service, as a catalog entity ref such as component:default/auto-builder-cms (a bare name means component:default/<name>)',
    );
}

/** A check id input, described with an example of what it names. */
export function checkIdInput(z: Zod, description: string) {
  return z.string().min(1).max(200).describe(description);
}

/** One gap as the list and summary actions give it. */
export function gapSchema(z: Zod) {
  return z.object({
    entityRef: z.string().optional(),
    owner: z.string().optional(),
    checkId: z.string(),
    title: z.string(),
    area: z.string(),
    verdict: z.enum(ALL_VERDICTS),
    priority: z.enum(PRIORITIES).optional(),
    summary: z.string().describe('What the scan found'),
    reason: z
      .string()
      .optional()
      .describe('Why the check is unknown or waived'),
    fix: z
      .string()
      .optional()
      .describe(
        'The first sentence of the remediation (explain-check has it all)',
      ),
  });
}

export function gapOf({ result, definition, priority }: RankedResult) {
  const fix = firstSentence(result.remediation?.text);
  return {
    checkId: result.checkId,
    title: definition?.title ?? result.checkId,
    area: result.area,
    verdict: result.verdict,
    priority,
    summary: truncate(result.summary, 1000),
    ...(result.reason ? { reason: truncate(result.reason, 1000) } : {}),
    ...(fix ? { fix } : {}),
  };
}
