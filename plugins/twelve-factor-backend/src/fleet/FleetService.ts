import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  CampaignPoint,
  CampaignService,
  FleetCampaign,
  FleetPage,
  FleetQuery,
  FleetRollups,
  FleetTrend,
  Verdict,
} from '@internal/plugin-twelve-factor-common';
import type { ScorecardStore } from '../database/ScorecardStore';
import { verdictAt } from '../database/verdictCodes';
import type { FleetIndex, IndexedService } from './FleetIndex';
import {
  dayEnds,
  fleetPage,
  forEachDay,
  rollupsOf,
  selectServices,
  sortServices,
  trendOf,
  type Scope,
} from './query';
import { visibilityOf } from './visibility';
import {
  CAMPAIGN_SERVICES_PER_OWNER,
  fleetQueryToParams,
} from '@internal/plugin-twelve-factor-common';

/** Trends span one of these numbers of days. */
export const TREND_DAYS = [30, 90, 365] as const;

/** The largest number of groups a trend draws. */
const TREND_GROUPS = 10;

/** How long the catalog's group tree is reused for `within` a group. */
const GROUP_TREE_TTL_MS = 60_000;

const DAY_MS = 86_400_000;
function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Answers kept for reuse (the least recently used go first). */
const ANSWER_CACHE_SIZE = 500;
/** Distinct visibilities kept (callers with the same decisions share one). */
const VISIBILITY_CACHE_SIZE = 100;

/** The fleet's answers for one caller, from the index, with one permission request per answer. */
export class FleetService {
  private groupTree?: { at: number; children: Map<string, string[]> };

  constructor(
    private readonly deps: {
      index: FleetIndex;
      store: ScorecardStore;
      permissions: PermissionsService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Answers already computed, by caller visibility, index version and query. */
  private readonly answers = new Map<string, unknown>();
  /** Which services each visibility sees, per index version. */
  private readonly visibleSets = new Map<
    string,
    { version: number; visible: Set<string> }
  >();

  /**
   * An answer for a caller: one permission request, then the answer
   * computed from the index, or reused when a caller who sees the same
   * services asked the same of the same index version (and, for answers
   * that depend on the day, on the same day).
   */
  private async answer<T>(
    kind: string,
    query: FleetQuery,
    credentials: BackstageCredentials,
    compute: (all: IndexedService[], scope: Scope) => T | Promise<T>,
    extra = '',
  ): Promise<T> {
    const [caller, within] = await Promise.all([
      visibilityOf(this.deps.permissions, credentials, this.deps.logger),
      query.within ? this.withinOf(query.within) : undefined,
      this.deps.index.refresh(),
    ]);
    const index = this.deps.index;
    const key = [
      kind,
      caller.fingerprint,
      index.version,
      within ? this.groupTree?.at ?? 0 : 0,
      extra,
      fleetQueryToParams(query).toString(),
    ].join('|');
    if (this.answers.has(key)) {
      const hit = this.answers.get(key) as T;
      // Most recently used last.
      this.answers.delete(key);
      this.answers.set(key, hit);
      return hit;
    }
    const checkPosition = query.check
      ? index.checkPosition(query.check.id)
      : undefined;
    if (query.check && checkPosition === undefined)
      throw new InputError(
        `No scan has a result for check '${query.check.id}'`,
      );
    const all = index.active();
    const visible = this.visibleSet(caller, all);
    const result = await compute(all, {
      visible: e =>
        visible.has(stringifyEntityRef(e).toLocaleLowerCase('en-US')),
      ...(within ? { within } : {}),
      ...(checkPosition !== undefined ? { checkPosition } : {}),
    });
    this.answers.set(key, result);
    if (this.answers.size > ANSWER_CACHE_SIZE)
      this.answers.delete(this.answers.keys().next().value!);
    return result;
  }

  /** The refs a visibility sees in this version of the index, computed once per version. */
  private visibleSet(
    caller: { fingerprint: string; visible: Scope['visible'] },
    all: IndexedService[],
  ): Set<string> {
    const version = this.deps.index.version;
    const known = this.visibleSets.get(caller.fingerprint);
    if (known && known.version === version) return known.visible;
    const visible = new Set<string>();
    for (const s of all)
      if (caller.visible(s.info.entity)) visible.add(s.info.entityRef);
    this.visibleSets.set(caller.fingerprint, { version, visible });
    if (this.visibleSets.size > VISIBILITY_CACHE_SIZE)
      this.visibleSets.delete(this.visibleSets.keys().next().value!);
    return visible;
  }

  /** `within` a group (its own services and its child groups'), a system or a domain. */
  private async withinOf(ref: string): Promise<Scope['within']> {
    const { kind } = parseEntityRef(ref);
    const key = ref.toLocaleLowerCase('en-US');
    if (kind === 'system') return { dimension: 'system', refs: new Set([key]) };
    if (kind === 'domain') return { dimension: 'domain', refs: new Set([key]) };
    const children = await this.groupChildren();
    const refs = new Set<string>();
    const pending = [key];
    while (pending.length) {
      const g = pending.pop()!;
      if (refs.has(g)) continue;
      refs.add(g);
      pending.push(...(children.get(g) ?? []));
    }
    return { dimension: 'owner', refs };
  }

  /** Every group's child groups, from the catalog, reused for a minute. */
  private async groupChildren(): Promise<Map<string, string[]>> {
    const now = this.now();
    if (this.groupTree && now - this.groupTree.at < GROUP_TREE_TTL_MS)
      return this.groupTree.children;
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.children',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const children = new Map<string, string[]>();
    for (const g of items) {
      const ns = g.metadata.namespace ?? 'default';
      const list = ((g.spec as { children?: unknown[] })?.children ?? [])
        .filter((c): c is string => typeof c === 'string')
        .map(c =>
          stringifyEntityRef(
            parseEntityRef(c, { defaultKind: 'group', defaultNamespace: ns }),
          ).toLocaleLowerCase('en-US'),
        );
      children.set(
        stringifyEntityRef(g as Entity).toLocaleLowerCase('en-US'),
        list,
      );
    }
    this.groupTree = { at: now, children };
    return children;
  }

  async page(
    query: FleetQuery,
    credentials: BackstageCredentials,
  ): Promise<FleetPage> {
    return this.answer('page', query, credentials, (all, scope) =>
      fleetPage(all, query, scope),
    );
  }

  /** Every matching service, sorted (exports). */
  async services(
    query: FleetQuery,
    credentials: BackstageCredentials,
  ): Promise<IndexedService[]> {
    return this.answer('services', query, credentials, (all, scope) =>
      sortServices(selectServices(all, query, scope), query),
    );
  }

  async rollups(
    by: FleetRollups['by'],
    query: FleetQuery,
    credentials: BackstageCredentials,
  ): Promise<FleetRollups> {
    return this.answer(
      'rollups',
      query,
      credentials,
      (all, scope) => ({
        by,
        items: rollupsOf(selectServices(all, query, scope), by),
      }),
      by,
    );
  }

  async trend(
    days: number,
    groupBy: 'owner' | 'system' | 'domain' | undefined,
    query: FleetQuery,
    credentials: BackstageCredentials,
  ): Promise<FleetTrend> {
    const ends = dayEnds(days, this.now());
    return this.answer(
      'trend',
      query,
      credentials,
      (all, scope) => {
        const services = selectServices(all, query, scope);
        const trend: FleetTrend = { days, points: trendOf(services, ends) };
        if (groupBy) {
          const groups = new Map<string, IndexedService[]>();
          for (const s of services) {
            const key = s.info[groupBy] ?? '';
            const list = groups.get(key);
            if (list) list.push(s);
            else groups.set(key, [s]);
          }
          trend.groups = [...groups]
            .sort(
              (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
            )
            .slice(0, TREND_GROUPS)
            .map(([key, list]) => ({ key, points: trendOf(list, ends) }));
        }
        return trend;
      },
      // Reused within the day: new scans change the index version anyway.
      `${days}/${groupBy ?? ''}/${dayOf(ends[ends.length - 1])}`,
    );
  }

  /**
   * A check across the filtered fleet: the services whose latest result has
   * one of the verdicts, grouped by owner with their own finding, and how
   * many failed, partly met and met it on each day.
   */
  async campaign(
    checkId: string,
    verdicts: Verdict[],
    days: number,
    query: FleetQuery,
    credentials: BackstageCredentials,
    perOwner = CAMPAIGN_SERVICES_PER_OWNER,
  ): Promise<FleetCampaign> {
    const campaignQuery = { ...query, check: { id: checkId, verdicts } };
    const ends = dayEnds(days, this.now());
    // One answer (one permission request), the findings read once per index version.
    return this.answer(
      'campaign',
      campaignQuery,
      credentials,
      async (all, scope) => {
        const position = scope.checkPosition!;
        const inScope = selectServices(
          all,
          { ...query, check: undefined },
          scope,
        );
        const listed = sortServices(
          selectServices(inScope, campaignQuery, scope),
          { sort: 'name' },
        );
        const findings = new Map(
          (await this.deps.store.latestResults(checkId, verdicts)).map(r => [
            r.entityRef,
            r,
          ]),
        );
        const owners = new Map<string, CampaignService[]>();
        for (const s of listed) {
          const found = findings.get(s.info.entityRef);
          // The owner is the group's: not repeated per service.
          const item: CampaignService = {
            entityRef: s.info.entityRef,
            ...(s.info.title ? { title: s.info.title } : {}),
            verdict: found?.verdict ?? verdictAt(s.latest!.verdicts, position)!,
            summary: found?.summary ?? '',
            ...(found?.summaryMsg ? { summaryMsg: found.summaryMsg } : {}),
            ...(found?.remediation ? { remediation: found.remediation } : {}),
            ...(found?.remediationMsg
              ? { remediationMsg: found.remediationMsg }
              : {}),
          };
          const key = s.info.owner ?? '';
          const list = owners.get(key);
          if (list) list.push(item);
          else owners.set(key, [item]);
        }
        const trend: CampaignPoint[] = ends.map(end => ({
          date: new Date(end).toISOString().slice(0, 10),
          fail: 0,
          partial: 0,
          pass: 0,
        }));
        for (const s of inScope) {
          forEachDay(s, ends, (d, scan) => {
            const v = verdictAt(scan.verdicts, position);
            if (v === 'fail' || v === 'partial' || v === 'pass') trend[d][v]++;
          });
        }
        return {
          checkId,
          verdicts,
          total: listed.length,
          owners: [...owners]
            .sort(
              (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
            )
            .map(([owner, services]) => ({
              owner,
              count: services.length,
              services: services.slice(0, perOwner),
            })),
          trend,
        };
      },
      `${days}/${perOwner}/${dayOf(ends[ends.length - 1])}`,
    );
  }
}
