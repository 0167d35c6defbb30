import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';

/** One catalog filter: every key must match one of its values (case-insensitive), as the catalog's. */
export type CatalogFilter = Record<string, string | string[]>;

/** The annotations that tell where a service's code or workloads are. */
const SOURCE_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

/** Why an entity is not scored, or that it is. */
export type FilterDecision =
  | { scored: true }
  | { scored: false; reason: string };

/**
 * What the plugin scores: by default `kind: Component` entities with a
 * source location, a Kubernetes annotation or a local source entry. Teams,
 * systems, APIs or resources are never scored, however they are reached.
 * Configured under `twelveFactor.entities`:
 *
 *     twelveFactor:
 *       entities:
 *         filter:                    # catalog filters, any of them
 *           - kind: Component
 *             spec.type: [service, website]
 *         requireSource: true        # default
 */
export class EntityFilter {
  static fromConfig(
    config: Config,
    hasLocalSource: (entity: Entity) => boolean,
  ): EntityFilter {
    const raw = config.getOptional<CatalogFilter | CatalogFilter[]>(
      'twelveFactor.entities.filter',
    );
    const filters = raw
      ? (Array.isArray(raw) ? raw : [raw]).map(normalize)
      : [{ kind: ['component'] }];
    const requireSource =
      config.getOptionalBoolean('twelveFactor.entities.requireSource') ?? true;
    return new EntityFilter(filters, requireSource, hasLocalSource);
  }

  constructor(
    private readonly filters: ReadonlyArray<Record<string, string[]>>,
    private readonly requireSource: boolean,
    private readonly hasLocalSource: (entity: Entity) => boolean,
  ) {}

  /** The filter as a catalog query: what the catalog sync and the fleet scan ask for. */
  catalogFilter(): CatalogFilter[] {
    return this.filters.map(f => ({ ...f }));
  }

  /** Whether an entity is scored, and why not when it is not. */
  decide(entity: Entity): FilterDecision {
    const flat = flatten(entity);
    const match = this.filters.some(f =>
      Object.entries(f).every(([key, values]) =>
        (flat.get(key) ?? []).some(v => values.includes(v)),
      ),
    );
    if (!match)
      return {
        scored: false,
        reason: `${entity.kind} ${
          entity.metadata.name
        } is not scored: only ${this.describe()} are (twelveFactor.entities.filter).`,
      };
    if (
      this.requireSource &&
      !SOURCE_ANNOTATIONS.some(a => entity.metadata.annotations?.[a]) &&
      !this.hasLocalSource(entity)
    )
      return {
        scored: false,
        reason: `${entity.kind} ${entity.metadata.name} is not scored: it has no backstage.io/source-location, no Kubernetes annotation (backstage.io/kubernetes-id or kubernetes-label-selector) and no local source entry, so there is nothing to read.`,
      };
    return { scored: true };
  }

  private describe(): string {
    return this.filters
      .map(f =>
        Object.entries(f)
          .map(([k, v]) => `${k} ${v.join(' or ')}`)
          .join(' with '),
      )
      .join('; or ');
  }
}

function normalize(filter: CatalogFilter): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(filter))
    out[k.toLocaleLowerCase('en-US')] = (Array.isArray(v) ? v : [v]).map(x =>
      String(x).toLocaleLowerCase('en-US'),
    );
  return out;
}

/**
 * An entity as the catalog's search table sees it: dotted lower-case key
 * paths (`metadata.annotations.backstage.io/kubernetes-id`) to lower-case
 * values, arrays contributing each element.
 */
function flatten(entity: Entity): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = out.get(key) ?? [];
    list.push(value.toLocaleLowerCase('en-US'));
    out.set(key, list);
  };
  const walk = (node: unknown, path: string) => {
    if (node === null || node === undefined) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
      return;
    }
    if (typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>))
        walk(
          v,
          path
            ? `${path}.${k.toLocaleLowerCase('en-US')}`
            : k.toLocaleLowerCase('en-US'),
        );
      return;
    }
    add(path, String(node));
  };
  const {
    relations: _relations,
    status: _status,
    ...rest
  } = entity as Entity & {
    status?: unknown;
  };
  walk(rest, '');
  return out;
}
