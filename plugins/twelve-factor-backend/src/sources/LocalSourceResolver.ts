import { Config } from '@backstage/config';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { loadLocalRepo } from '@internal/plugin-twelve-factor-node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedSource, SourceResolver } from './SourceResolver';

/**
 * Reads repositories from local directories: those mapped to entities in
 * `twelveFactor.sources.local`, and (when `fromFileLocations` is on) the
 * folder of the catalog file of entities registered from local files. Meant
 * for the examples, tests and air-gapped installs; locations come from
 * config only, never from entity annotations, so a catalog author cannot make
 * the backend read arbitrary folders.
 */
export class LocalSourceResolver implements SourceResolver {
  static fromConfig(
    config: Config,
    baseDir = process.cwd(),
  ): LocalSourceResolver {
    const local =
      config.getOptionalConfigArray('twelveFactor.sources.local') ?? [];
    const map = new Map<string, string>();
    for (const c of local) {
      map.set(
        c.getString('entityRef').toLocaleLowerCase('en-US'),
        path.resolve(baseDir, c.getString('path')),
      );
    }
    const fromFileLocations =
      config.getOptionalBoolean('twelveFactor.sources.fromFileLocations') ??
      false;
    return new LocalSourceResolver(map, fromFileLocations);
  }

  constructor(
    private readonly byRef: ReadonlyMap<string, string>,
    private readonly fromFileLocations: boolean,
  ) {}

  /** Whether a local folder is configured for the entity. */
  has(entity: Entity): boolean {
    return this.directoryOf(entity) !== undefined;
  }

  private directoryOf(entity: Entity): string | undefined {
    const mapped = this.byRef.get(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    );
    if (mapped) return mapped;
    if (!this.fromFileLocations) return undefined;
    // The file that defines the entity, not the Location that led to it.
    const origin = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!origin?.startsWith('file:')) return undefined;
    const target = origin.slice('file:'.length);
    const file = target.startsWith('file://') ? fileURLToPath(target) : target;
    return path.dirname(file);
  }

  async resolve(entity: Entity): Promise<ResolvedSource | undefined> {
    const dir = this.directoryOf(entity);
    if (!dir) return undefined;
    try {
      const { snapshot, diagnostics } = await loadLocalRepo(dir);
      return { status: 'ok', snapshot, location: dir, diagnostics };
    } catch (e) {
      return {
        status: 'unavailable',
        reason: `Cannot read ${dir}: ${(e as Error).message}`,
        diagnostics: [],
      };
    }
  }
}
