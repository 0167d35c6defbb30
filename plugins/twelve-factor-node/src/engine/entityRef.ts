import type { Entity } from '@backstage/catalog-model';

/**
 * `kind:namespace/name` in lower case, as stringifyEntityRef of
 * @backstage/catalog-model writes it. Written out here because loading that
 * package costs the CLI ~400 ms of start-up for this one function.
 * toLowerCase, not toLocaleLowerCase('en-US'): the en-US locale has no
 * case tailoring, so the two agree, and the locale form costs an ICU
 * look-up on every call.
 */
export function entityRefOf(entity: Pick<Entity, 'kind' | 'metadata'>): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}
