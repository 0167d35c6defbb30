import { Config } from '@backstage/config';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  loadLocalRepo,
  normalizeCodeRoot,
  splitSourceLocation,
} from '@internal/plugin-twelve-factor-node';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResolvedSource, SourceResolver } from './SourceResolver';
import { unavailableBecause } from './SourceResolver';

/**
 * Reads repositories from local directories: those mapped to entities in
 * `twelveFactor.sources.local`, and (when `fromFileLocations` is on) the
 * folder of the catalog file of entities registered from local files. Meant
 * for the examples, tests and air-gapped installs; locations come from
 * config only, never from entity annotations, so a catalog author cannot make
 * the backend read arbitrary folders.
 *
 * Monorepo members: a configured entry's `codeRoot` names the entity's
 * folder in `path`; without one, the folder of the entity's
 * `backstage.io/source-location` is used when `path` holds it. A catalog
 * file read from a `file:` location whose folder ends with the folder of
 * the entity's source location (`…/repo/src/cart/catalog-info.yaml` for
 * `…/tree/main/src/cart/`) makes the folder above it the repository and
 * `src/cart` the code root. The annotation only picks a folder inside the
 * configured (or catalog-file) repository, never one outside it.
 */
export class LocalSourceResolver implements SourceResolver {
  static fromConfig(
    config: Config,
    baseDir = process.cwd(),
  ): LocalSourceResolver {
    const local =
      config.getOptionalConfigArray('twelveFactor.sources.local') ?? [];
    const map = new Map<string, LocalRepo>();
    for (const c of local) {
      const codeRoot = c.getOptionalString('codeRoot');
      map.set(c.getString('entityRef').toLocaleLowerCase('en-US'), {
        dir: path.resolve(baseDir, c.getString('path')),
        ...(codeRoot !== undefined ? { codeRoot } : {}),
      });
    }
    const fromFileLocations =
      config.getOptionalBoolean('twelveFactor.sources.fromFileLocations') ??
      false;
    return new LocalSourceResolver(map, fromFileLocations);
  }

  constructor(
    private readonly byRef: ReadonlyMap<string, LocalRepo | string>,
    private readonly fromFileLocations: boolean,
  ) {}

  /** Whether a local folder is configured for the entity. */
  has(entity: Entity): boolean {
    return this.repositoryOf(entity) !== undefined;
  }

  /** The entity's repository folder, and its folder in it when it is a monorepo member. */
  private repositoryOf(entity: Entity): LocalRepo | undefined {
    const mapped = this.byRef.get(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    );
    const member = sourceFolderOf(entity);
    if (mapped) {
      const repo = typeof mapped === 'string' ? { dir: mapped } : mapped;
      if (repo.codeRoot !== undefined) return repo;
      return member && isDirectory(path.join(repo.dir, member))
        ? { ...repo, codeRoot: member }
        : repo;
    }
    if (!this.fromFileLocations) return undefined;
    // The file that defines the entity, not the Location that led to it.
    const origin = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!origin?.startsWith('file:')) return undefined;
    const target = origin.slice('file:'.length);
    const file = target.startsWith('file://') ? fileURLToPath(target) : target;
    const dir = path.dirname(file);
    // A catalog file in its service's folder of a monorepo: the repository is the folder above.
    if (member) {
      const segments = member.split('/');
      const parts = dir.split(path.sep);
      if (
        parts.length > segments.length &&
        segments.every(
          (s, i) => parts[parts.length - segments.length + i] === s,
        )
      )
        return {
          dir: parts.slice(0, parts.length - segments.length).join(path.sep),
          codeRoot: member,
        };
    }
    return { dir };
  }

  async resolve(entity: Entity): Promise<ResolvedSource | undefined> {
    const repo = this.repositoryOf(entity);
    if (!repo) return undefined;
    const { dir } = repo;
    const codeRoot = normalizeCodeRoot(repo.codeRoot);
    try {
      const { snapshot, diagnostics } = await loadLocalRepo(
        dir,
        {},
        codeRoot ? { codeRoot } : {},
      );
      return {
        status: 'ok',
        snapshot,
        ...(codeRoot ? { codeRoot } : {}),
        location: codeRoot ? path.join(dir, codeRoot) : dir,
        diagnostics,
      };
    } catch (e) {
      return {
        status: 'unavailable',
        ...unavailableBecause('unknown.cannot-read', {
          location: dir,
          detail: (e as Error).message,
        }),
        diagnostics: [],
      };
    }
  }
}

/** A local repository folder, and the entity's folder in it. */
interface LocalRepo {
  dir: string;
  codeRoot?: string;
}

/** The folder of a repository the entity's source location points at, if any. */
function sourceFolderOf(entity: Entity): string | undefined {
  const location = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  return location ? splitSourceLocation(location)?.codeRoot : undefined;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
