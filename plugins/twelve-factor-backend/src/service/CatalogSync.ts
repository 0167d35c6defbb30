import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { Redactor } from '@internal/plugin-twelve-factor-node';
import type { EntityRecord, ScorecardStore } from '../database/ScorecardStore';
import type { EntityFilter } from './entityFilter';

/** The fields the fleet view and permission conditions need; never `status`. */
export const FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.labels',
  'metadata.annotations',
  'metadata.tags',
  'metadata.uid',
  'spec.type',
  'spec.lifecycle',
  'spec.owner',
  'spec.system',
  'relations',
];

const PAGE = 500;
const STORED = new Redactor();

function fullRef(
  ref: unknown,
  kind: string,
  namespace: string,
): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: kind, defaultNamespace: namespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** What the fleet view keeps of a catalog entity. */
export function entityRecordOf(
  entity: Entity,
  domainOfSystem: ReadonlyMap<string, string>,
): EntityRecord {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const owner =
    entity.relations
      ?.find(r => r.type === RELATION_OWNED_BY)
      ?.targetRef?.toLocaleLowerCase('en-US') ??
    fullRef(spec.owner, 'group', namespace);
  const system = fullRef(spec.system, 'system', namespace);
  const domain = system ? domainOfSystem.get(system) : undefined;
  const { status: _status, ...kept } = entity as Entity & { status?: unknown };
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(domain ? { domain } : {}),
    ...(typeof spec.lifecycle === 'string'
      ? { lifecycle: spec.lifecycle }
      : {}),
    ...(typeof spec.type === 'string' ? { type: spec.type } : {}),
    namespace,
    tags: entity.metadata.tags ?? [],
    // A token in an annotation (`https://bot:ghp_…@…`) is the catalog's to keep, not ours.
    entity: STORED.json(kept),
  };
}

/**
 * Keeps the store's view of the catalog current: every entity the filter
 * scores, with its owner, system, domain, lifecycle, type and tags, and the
 * entity itself for permission conditions. Entities that left the catalog
 * or no longer match become inactive and leave the fleet view; their
 * history stays. Runs on a schedule and before each fleet scan.
 */
export class CatalogSync {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: ScorecardStore;
      filter: EntityFilter;
      logger: LoggerService;
    },
  ) {}

  /** The domains of every system, by system ref. */
  private async domains(
    credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  ): Promise<Map<string, string>> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'System' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    );
    const out = new Map<string, string>();
    for (const s of items) {
      const domain = fullRef(
        (s.spec as { domain?: unknown } | undefined)?.domain,
        'domain',
        s.metadata.namespace ?? 'default',
      );
      if (domain)
        out.set(stringifyEntityRef(s).toLocaleLowerCase('en-US'), domain);
    }
    return out;
  }

  /**
   * Every entity the filter scores now, from the catalog, page by page:
   * whole (`full`, for scanning) or only the fields the fleet view keeps.
   */
  async matching(options: { full?: boolean } = {}): Promise<Entity[]> {
    const fields = options.full ? {} : { fields: FIELDS };
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const out: Entity[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.deps.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE, ...fields }
          : {
              filter: this.deps.filter.catalogFilter(),
              ...fields,
              limit: PAGE,
              orderFields: { field: 'metadata.name', order: 'asc' },
            },
        { credentials },
      );
      for (const e of res.items)
        if (this.deps.filter.decide(e).scored) out.push(e);
      cursor = res.pageInfo.nextCursor;
    } while (cursor);
    return out;
  }

  /** Writes what the catalog says now; returns the matching entities (whole with `full`). */
  async run(options: { full?: boolean } = {}): Promise<Entity[]> {
    const started = Date.now();
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [entities, domains] = await Promise.all([
      this.matching(options),
      this.domains(credentials),
    ]);
    const { written, deactivated } = await this.deps.store.syncEntities(
      entities.map(e => entityRecordOf(e, domains)),
      { complete: true },
    );
    this.deps.logger.info(
      `Catalog sync: ${
        entities.length
      } services scored, ${written} written, ${deactivated} left the fleet view, in ${
        Date.now() - started
      } ms`,
    );
    return entities;
  }

  /** Writes one entity's record (before its scan, so the fleet view has its facts). */
  async record(entity: Entity): Promise<void> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const system = fullRef(
      (entity.spec as { system?: unknown } | undefined)?.system,
      'system',
      entity.metadata.namespace ?? 'default',
    );
    const domains = new Map<string, string>();
    if (system) {
      const s = await this.deps.catalog.getEntityByRef(system, { credentials });
      const domain = fullRef(
        (s?.spec as { domain?: unknown } | undefined)?.domain,
        'domain',
        s?.metadata.namespace ?? 'default',
      );
      if (domain) domains.set(system, domain);
    }
    await this.deps.store.syncEntities([entityRecordOf(entity, domains)]);
  }
}
