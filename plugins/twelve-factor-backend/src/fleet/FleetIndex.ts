import type {
  EntityRow,
  ScanRow,
  ScorecardStore,
} from '../database/ScorecardStore';

/** One service of the index: its catalog facts, and its scans oldest first. */
export interface IndexedService {
  info: EntityRow;
  /** Every stored scan, by the time its result was first found. */
  scans: ScanRow[];
  /** The scan confirmed last (its result is the current one). */
  latest?: ScanRow;
}

/** A change older than this may still arrive from another replica's transaction. */
const OVERLAP_MS = 3_000;

/**
 * The fleet, in memory: every scored service's catalog facts, and the
 * summary of every scan of its history (scores, area scores, one letter per
 * check), without the scorecards. At 5,000 services with 90 days of
 * history that is a few tens of megabytes, and every fleet question
 * (filters, facets, rollups, campaigns, trends) is answered from it in
 * milliseconds instead of from many SQL queries.
 *
 * Replicas share the database: each keeps its own index and, at most once
 * per `refreshIntervalMs`, reads the rows written since it last looked
 * (`updated_ms`, with an overlap of a few seconds for transactions still in
 * flight), in the background. A full reload every `reloadIntervalMs` drops
 * what pruning deleted.
 */
export class FleetIndex {
  private services = new Map<string, IndexedService>();
  private checkOrderList: string[] = [];
  private positionOf = new Map<string, number>();
  private watermark?: number;
  private lastRefresh = 0;
  private lastReload = 0;
  private refreshing?: Promise<void>;
  /** Changes whenever what the index holds changes: answers computed from one version can be reused. */
  version = 0;

  constructor(
    private readonly store: ScorecardStore,
    private readonly options: {
      refreshIntervalMs?: number;
      reloadIntervalMs?: number;
      now?: () => number;
    } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * When the rows the index holds were read (the start of its last load),
   * epoch ms; undefined until the first load. What was read from the
   * database after this is at least as new as the index.
   */
  get readAt(): number | undefined {
    return this.watermark === undefined ? undefined : this.lastRefresh;
  }

  /**
   * Brings the index up to date with the database, unless it was moments
   * ago. Only the first load (and a forced refresh) is waited for: after
   * that, answers come from the index as it is while a refresh runs in the
   * background, so a burst of writes never slows the answers down.
   */
  async refresh(options: { force?: boolean } = {}): Promise<void> {
    const now = this.now();
    const loaded = this.watermark !== undefined;
    if (
      !options.force &&
      loaded &&
      now - this.lastRefresh < (this.options.refreshIntervalMs ?? 1000)
    )
      return;
    // One refresh at a time: concurrent callers share it.
    this.refreshing ??= this.load(now).finally(() => {
      this.refreshing = undefined;
    });
    if (options.force || !loaded) await this.refreshing;
    else this.refreshing.catch(() => {});
  }

  private async load(now: number): Promise<void> {
    const full =
      this.watermark === undefined ||
      now - this.lastReload >= (this.options.reloadIntervalMs ?? 600_000);
    const since = full ? undefined : this.watermark! - OVERLAP_MS;
    const [entities, scans, order] = await Promise.all([
      this.store.entityRows(
        since,
        full
          ? undefined
          : (ref, updatedMs) =>
              this.services.get(ref)?.info.updatedMs === updatedMs,
      ),
      this.store.scanRows(since),
      this.store.checkOrder(),
    ]);
    const services = full ? new Map<string, IndexedService>() : this.services;
    let newest = this.watermark ?? 0;
    let changed = full;
    for (const info of entities) {
      const s = services.get(info.entityRef);
      newest = Math.max(newest, info.updatedMs);
      if (s && s.info.updatedMs === info.updatedMs) continue;
      changed = true;
      if (s) s.info = info;
      else services.set(info.entityRef, { info, scans: [] });
    }
    const touched = new Set<IndexedService>();
    for (const scan of scans) {
      const s = services.get(scan.entityRef);
      newest = Math.max(newest, scan.updatedMs);
      // Scans of entities the catalog sync has not written yet wait for it.
      if (!s) continue;
      const at = s.scans.findIndex(x => x.id === scan.id);
      // The overlap reads recent rows again: unchanged ones change nothing.
      if (at !== -1 && s.scans[at].updatedMs === scan.updatedMs) continue;
      if (at === -1) s.scans.push(scan);
      else s.scans[at] = scan;
      touched.add(s);
      changed = true;
    }
    if (full) {
      // A full reload gets every scan of an entity written before it.
      for (const s of services.values()) touched.add(s);
    }
    for (const s of touched) {
      s.scans.sort((a, b) => a.since - b.since || a.id - b.id);
      s.latest = s.scans.reduce<ScanRow | undefined>(
        (best, x) =>
          !best || x.at > best.at || (x.at === best.at && x.id > best.id)
            ? x
            : best,
        undefined,
      );
    }
    this.services = services;
    if (changed || order.length !== this.checkOrderList.length) this.version++;
    this.checkOrderList = order;
    this.positionOf = new Map(order.map((id, i) => [id, i]));
    this.watermark = newest;
    this.lastRefresh = now;
    if (full) this.lastReload = now;
    // Entities first written while scans of theirs were skipped above are complete at the next full reload;
    // a scan's own write moves its entity's facts too (ScorecardService), so this is rare.
  }

  /** The services the catalog sync last found matching (active). */
  active(): IndexedService[] {
    const out: IndexedService[] = [];
    for (const s of this.services.values()) if (s.info.active) out.push(s);
    return out;
  }

  /** The position of a check in the verdict letters, if any scan has it. */
  checkPosition(checkId: string): number | undefined {
    return this.positionOf.get(checkId);
  }

  checkOrder(): ReadonlyArray<string> {
    return this.checkOrderList;
  }

  get(entityRef: string): IndexedService | undefined {
    // toLowerCase is locale-independent, so the same as the catalog's
    // toLocaleLowerCase('en-US'), and ten times faster on every GET.
    return this.services.get(entityRef.toLowerCase());
  }
}
