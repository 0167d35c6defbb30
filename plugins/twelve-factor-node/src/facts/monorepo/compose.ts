/*
 * The local development set-up of a monorepo member. A compose file at the
 * repository root usually starts every service of the repository and their
 * backing services; the entity's share is the services built from its code
 * root (or named like it) and the services they depend on (`depends_on`,
 * `links`), transitively, as long as those are not built from another folder
 * (a peer service is not the entity's local stack). A compose file that
 * starts nothing of the entity keeps only its image-only services (shared
 * local infrastructure). A compose file inside the code root is the
 * entity's whole.
 */
import type { Entity } from '@backstage/catalog-model';
import { basename, dirname } from '../../sources/RepoSnapshot';
import { isUnderFolder, type RepoScope } from '../../sources/scope';
import type { ComposeService, LocalDevFact } from '../localDev';
import { joinRelative } from './paths';

/** Where a compose service is built from, relative to the repository root. */
export function composeBuildFolder(
  file: string,
  service: ComposeService,
): string | undefined {
  return service.build === undefined
    ? undefined
    : joinRelative(dirname(file), service.build);
}

/** A name compared loosely: `Ordering.API`, `ordering-api`, `ordering_api` and `orderingApi` are one. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a compose service is the entity's: built from its code root (its
 * context, or its Dockerfile when the context is the repository root:
 * `context: .`, `dockerfile: src/Services/Ordering/Ordering.API/Dockerfile`),
 * or named like it and built from nowhere else.
 */
export function isOwnComposeService(
  file: string,
  service: ComposeService,
  scope: RepoScope,
  entity: Entity,
): boolean {
  const built = composeBuildFolder(file, service);
  if (built !== undefined)
    return (
      isUnderFolder(built, scope.codeRoot) ||
      (service.dockerfile !== undefined &&
        isUnderFolder(joinRelative(built, service.dockerfile), scope.codeRoot))
    );
  const names = new Set(
    [entity.metadata.name, basename(scope.codeRoot)].map(looseName),
  );
  return names.has(looseName(service.name));
}

/** The compose services of one file that are the entity's, by name. */
export function ownComposeServices(
  file: string,
  services: ReadonlyArray<ComposeService>,
  scope: RepoScope,
  entity: Entity,
): Set<string> {
  if (isUnderFolder(file, scope.codeRoot))
    return new Set(services.map(s => s.name));
  const byName = new Map(services.map(s => [s.name, s]));
  const own = new Set(
    services
      .filter(s => isOwnComposeService(file, s, scope, entity))
      .map(s => s.name),
  );
  if (own.size === 0) {
    // Nothing of the entity: only the shared infrastructure (image-only services) is left.
    return new Set(
      services.filter(s => s.build === undefined).map(s => s.name),
    );
  }
  const queue = [...own];
  while (queue.length) {
    for (const dep of byName.get(queue.pop()!)?.dependsOn ?? []) {
      const s = byName.get(dep);
      if (!s || own.has(dep)) continue;
      // A peer built from another folder is another service, not a backing service.
      if (s.build !== undefined && !isOwnComposeService(file, s, scope, entity))
        continue;
      own.add(dep);
      queue.push(dep);
    }
  }
  return own;
}

/** The entity's share of the local development set-up. */
export function scopeLocalDev(
  fact: LocalDevFact,
  scope: RepoScope,
  entity: Entity,
): LocalDevFact {
  const leftOut = [...fact.leftOut];
  const composeFiles = fact.composeFiles.flatMap(cf => {
    const own = ownComposeServices(cf.path, cf.services, scope, entity);
    const services = cf.services.filter(s => own.has(s.name));
    const otherServices = cf.services
      .filter(s => !own.has(s.name))
      .map(s => (s.line ? { name: s.name, line: s.line } : { name: s.name }));
    // A file that starts nothing of the entity (and no shared infrastructure) is not its set-up.
    if (services.length === 0 && cf.services.length > 0) {
      leftOut.push({
        path: cf.path,
        reason: "other services of the repository, none of the entity's",
      });
      return [];
    }
    return [
      otherServices.length
        ? { ...cf, services, otherServices }
        : { ...cf, services },
    ];
  });
  return { ...fact, composeFiles, leftOut };
}
